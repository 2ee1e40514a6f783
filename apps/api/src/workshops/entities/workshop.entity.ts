import type { WorkshopRoundPhase, WorkshopStatus, WorkshopVotingMode } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskAnalysis } from '../../risk/entities/risk-analysis.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A live ROS workshop on one analysis (domain.md §2.7). The current round lives here (scenario, number,
 * phase, dimensions) so every API instance and every reconnect sees the same state; votes keep their round.
 */
@Entity()
@Index('UQ_workshop_open_code', ['code'], { unique: true, where: `"status" = 'open'` })
@Index('IDX_workshop_tenant_analysis', ['tenantId', 'analysisId', 'createdAt'])
@Check('CHK_workshop_status', `"status" IN ('open', 'closed')`)
@Check('CHK_workshop_voting_mode', `"voting_mode" IN ('named', 'anonymous')`)
@Check('CHK_workshop_round_phase', `"round_phase" IN ('voting', 'revealed')`)
export class Workshop extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => RiskAnalysis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<RiskAnalysis>;

  @Column({ type: 'uuid' })
  facilitatorUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_user_id' })
  facilitator?: Relation<User>;

  /** 6 characters from an alphabet without look-alikes; unique among open workshops. */
  @Column({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: WorkshopStatus;

  @Column({ type: 'varchar', length: 10, default: 'named' })
  votingMode!: WorkshopVotingMode;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Number of the current (latest) round, 0 before the first. */
  @Column({ type: 'integer', default: 0 })
  roundNumber!: number;

  @Column({ type: 'uuid', nullable: true })
  roundScenarioId!: string | null;

  @ManyToOne(() => RiskScenario, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'round_scenario_id' })
  roundScenario?: Relation<RiskScenario>;

  @Column({ type: 'varchar', length: 10, nullable: true })
  roundPhase!: WorkshopRoundPhase | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  roundDimensions!: string[];
}
