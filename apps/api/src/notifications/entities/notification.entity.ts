import type { InboxNotificationKind } from '@helhet/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Incident } from '../../incidents/entities/incident.entity';
import { RiskAnalysis } from '../../risk/entities/risk-analysis.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An in-app inbox message. `dedupeKey` names the event (e.g. `incident:<id>:escalated:2`): the same
 * event never notifies the same person twice, however often a job runs.
 */
@Entity()
@Index('UQ_notification_user_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
export class Notification extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  kind!: InboxNotificationKind;

  /** Case number and category only: never free text from a case. */
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  /** What the notification links to when it is not an avvik: the ROS analysis of a measure. */
  @Column({ type: 'uuid', nullable: true })
  riskAnalysisId!: string | null;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_analysis_id' })
  riskAnalysis?: Relation<RiskAnalysis>;

  /** The user a notification is about (a content role was granted to them, ADR 0015): links to their page. */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
