import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { Workshop } from './workshop.entity';
import { WorkshopParticipant } from './workshop-participant.entity';

/** One participant's rank for one dimension in one round; kept as evidence after the round. */
@Entity()
@Index('UQ_workshop_vote', ['workshopId', 'roundNumber', 'participantId', 'dimension'], { unique: true })
@Index('IDX_workshop_vote_scenario', ['scenarioId'])
@Check('CHK_workshop_vote_value', `"value" >= 1`)
export class WorkshopVote extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  workshopId!: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Relation<Workshop>;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => WorkshopParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: Relation<WorkshopParticipant>;

  @Column({ type: 'uuid' })
  scenarioId!: string;

  @ManyToOne(() => RiskScenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scenario_id' })
  scenario?: Relation<RiskScenario>;

  @Column({ type: 'integer' })
  roundNumber!: number;

  /** `likelihood` or a consequence type code of the analysis's scale. */
  @Column({ type: 'varchar', length: 60 })
  dimension!: string;

  @Column({ type: 'smallint' })
  value!: number;
}
