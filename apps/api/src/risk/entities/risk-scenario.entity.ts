import type { HazardSource, ThreeLevel } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskAnalysis } from './risk-analysis.entity';

/** One consequence assessment: a type of the analysis's scale, a rank on it, why. */
export interface ConsequenceAssessmentValue {
  typeCode: string;
  rank: number;
  rationale: string | null;
}

const THREE = `IN ('low', 'medium', 'high')`;

/** An undesired event of an analysis with the fields of domain.md §2.2; risk is derived, never stored. */
@Entity()
@Index('IDX_risk_scenario_analysis', ['analysisId', 'sortOrder'])
@Check('CHK_risk_scenario_hazard', `"hazard_source" IN ('hazard', 'threat')`)
@Check('CHK_risk_scenario_vulnerability', `"vulnerability" ${THREE}`)
@Check('CHK_risk_scenario_uncertainty', `"uncertainty" ${THREE}`)
export class RiskScenario extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<RiskAnalysis>;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 10, default: 'hazard' })
  hazardSource!: HazardSource;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  causes!: string | null;

  @Column({ type: 'text', nullable: true })
  existingBarriers!: string | null;

  @Column({ type: 'integer', nullable: true })
  likelihoodRank!: number | null;

  @Column({ type: 'text', nullable: true })
  likelihoodRationale!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  consequences!: ConsequenceAssessmentValue[];

  @Column({ type: 'varchar', length: 10, nullable: true })
  vulnerability!: ThreeLevel | null;

  @Column({ type: 'text', nullable: true })
  vulnerabilityText!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  uncertainty!: ThreeLevel | null;

  @Column({ type: 'text', nullable: true })
  knowledgeBase!: string | null;

  /** Forskrift om kommunal beredskapsplikt § 2 (f): mandatory questions. */
  @Column({ type: 'boolean', nullable: true })
  needsWarning!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  needsEvacuation!: boolean | null;

  @Column({ type: 'text', nullable: true })
  warningEvacuationText!: string | null;

  @Column({ type: 'integer', nullable: true })
  residualLikelihoodRank!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  residualConsequences!: ConsequenceAssessmentValue[];
}
