import type { ThreeLevel } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskAnalysis } from './risk-analysis.entity';
import { RiskFactor } from './risk-factor.entity';

/**
 * One assessed work-environment factor of an analysis (domain.md §2.9, §7.1 HmsRiskItem): ranks on the
 * analysis's scale (consequence on the matrix's consequence axis); risk is derived, never stored.
 */
@Entity()
@Index('IDX_hms_risk_item_analysis', ['analysisId', 'sortOrder'])
@Index('IDX_hms_risk_item_factor', ['riskFactorId'])
@Check('CHK_hms_risk_item_uncertainty', `"uncertainty" IN ('low', 'medium', 'high')`)
@Check('CHK_hms_risk_item_exposed_count', `"exposed_count" >= 0`)
export class HmsRiskItem extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<RiskAnalysis>;

  @Column({ type: 'uuid' })
  riskFactorId!: string;

  @ManyToOne(() => RiskFactor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'risk_factor_id' })
  riskFactor?: Relation<RiskFactor>;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 300 })
  taskOrLocation!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  exposedGroup!: string | null;

  @Column({ type: 'integer', nullable: true })
  exposedCount!: number | null;

  @Column({ type: 'integer', nullable: true })
  likelihoodRank!: number | null;

  @Column({ type: 'integer', nullable: true })
  consequenceRank!: number | null;

  @Column({ type: 'text', nullable: true })
  existingMeasures!: string | null;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  uncertainty!: ThreeLevel | null;

  @Column({ type: 'text', nullable: true })
  proposedMeasures!: string | null;

  @Column({ type: 'integer', nullable: true })
  residualLikelihoodRank!: number | null;

  @Column({ type: 'integer', nullable: true })
  residualConsequenceRank!: number | null;
}
