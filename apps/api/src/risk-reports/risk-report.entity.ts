import type { RiskReportStage, RiskReportStatus } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../core/database/tenant-scoped.entity';
import { RiskAnalysis } from '../risk/entities/risk-analysis.entity';
import { User } from '../users/entities/user.entity';

/**
 * A PDF report of a risk analysis, requested by a user and built by the worker with that user's rights.
 * At most one report per analysis is queued or running at a time (partial unique index), so a second
 * request joins the one in the works. The PDF is kept in the row (a few hundred kB at most).
 */
@Entity()
@Index('IDX_risk_report_tenant_analysis', ['tenantId', 'analysisId', 'createdAt'])
@Index('UQ_risk_report_active_analysis', ['analysisId'], {
  unique: true,
  where: `"status" IN ('queued', 'running')`,
})
@Check('CHK_risk_report_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('CHK_risk_report_progress', `"progress" BETWEEN 0 AND 100`)
export class RiskReport extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<RiskAnalysis>;

  @Column({ type: 'uuid' })
  requestedByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: Relation<User>;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status!: RiskReportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  stage!: RiskReportStage;

  @Column({ type: 'integer', nullable: true })
  scenarioIndex!: number | null;

  @Column({ type: 'integer', nullable: true })
  scenarioCount!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 250, nullable: true })
  fileName!: string | null;

  /** The PDF; never selected with the status. */
  @Column({ type: 'bytea', nullable: true, select: false })
  file!: Buffer | null;

  @Column({ type: 'integer', nullable: true })
  byteSize!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', nullable: true })
  pageCount!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
