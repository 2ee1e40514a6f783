import type { IncidentAction, IncidentStatus } from '@helhet/domain';
import type { IncidentEventType } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Incident } from './incident.entity';

/** The case history: every transition, comment, escalation and notification (who, when, from → to, why). */
@Entity()
@Index('IDX_incident_event_incident', ['incidentId', 'createdAt'])
@Check(
  'CHK_incident_event_type',
  `"type" IN ('filed', 'transition', 'comment', 'escalated', 'notified', 'measure', 'external_notification', 'attachment', 'reporter_revealed')`,
)
export class IncidentEvent extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 30 })
  type!: IncidentEventType;

  @Column({ type: 'varchar', length: 30, nullable: true })
  action!: IncidentAction | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: IncidentStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: IncidentStatus | null;

  /** Null for the system, and for an anonymous reporter. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
