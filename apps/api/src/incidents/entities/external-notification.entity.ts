import type { NotificationRecipient } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Incident } from './incident.entity';

/** One item of a case's legal-notification checklist (domain.md §3.7): deadline, when sent, reference. */
@Entity()
@Index('UQ_external_notification_incident_recipient', ['incidentId', 'recipient'], { unique: true })
@Check(
  'CHK_external_notification_recipient',
  `"recipient" IN ('arbeidstilsynet_police', 'nav_injury', 'insurer', 'datatilsynet', 'data_subjects', 'helsetilsynet', 'emergency_110')`,
)
export class ExternalNotification extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 30 })
  recipient!: NotificationRecipient;

  @Column({ type: 'varchar', length: 100 })
  legalBasis!: string;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sentByUserId!: string | null;
}
