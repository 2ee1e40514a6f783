import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { User } from '../../users/entities/user.entity';
import { Workshop } from './workshop.entity';

/** A decision of the workshop on one dimension of a scenario, with its rationale and any dissent; written into the scenario too. */
@Entity()
@Index('IDX_workshop_consensus_workshop', ['workshopId', 'scenarioId', 'dimension', 'createdAt'])
@Check('CHK_workshop_consensus_value', `"value" >= 1`)
export class WorkshopConsensus extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  workshopId!: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'uuid' })
  scenarioId!: string;

  @ManyToOne(() => RiskScenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scenario_id' })
  scenario?: Relation<RiskScenario>;

  @Column({ type: 'integer' })
  roundNumber!: number;

  @Column({ type: 'varchar', length: 60 })
  dimension!: string;

  @Column({ type: 'smallint' })
  value!: number;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text', nullable: true })
  dissent!: string | null;

  @Column({ type: 'uuid' })
  decidedByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: Relation<User>;
}
