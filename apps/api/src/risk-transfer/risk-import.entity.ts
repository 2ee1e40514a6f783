import type { RiskImportProblem, RiskImportStatus, RiskScenarioInput } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../core/database/tenant-scoped.entity';
import { RiskAnalysis } from '../risk/entities/risk-analysis.entity';
import { User } from '../users/entities/user.entity';

/** One parsed spreadsheet row as it waits for apply: its number in the file and the scenario it becomes. */
export interface RiskImportRowValue {
  rowNumber: number;
  values: RiskScenarioInput;
}

/**
 * A spreadsheet of scenarios uploaded to an analysis and parsed, waiting for its creator to apply or
 * cancel it. Nothing reaches risk_scenario until it is applied, in one transaction.
 */
@Entity()
@Index('IDX_risk_import_tenant_analysis', ['tenantId', 'analysisId'])
@Check('CHK_risk_import_status', `"status" IN ('pending', 'applied', 'cancelled')`)
export class RiskImport extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<RiskAnalysis>;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rows!: RiskImportRowValue[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: RiskImportProblem[];

  /** Headings of the file that were not recognised (their cells were ignored). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  ignoredColumns!: string[];

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: RiskImportStatus;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  appliedCount!: number | null;
}
