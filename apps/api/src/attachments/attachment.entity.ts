import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../core/database/tenant-scoped.entity';
import { Incident } from '../incidents/entities/incident.entity';

/** A file attached to a case. The bytes live in the attachment store under `storageKey`, never in a row. */
@Entity()
@Index('IDX_attachment_incident', ['incidentId'])
@Check('CHK_attachment_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class Attachment extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  /** Null when an anonymous reporter attached the file. */
  @Column({ type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;
}
