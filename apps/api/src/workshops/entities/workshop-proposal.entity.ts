import type { WorkshopProposalKind, WorkshopProposalStatus } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { Workshop } from './workshop.entity';
import { WorkshopParticipant } from './workshop-participant.entity';

/** A participant's proposal (new scenario, cause or measure) for the facilitator to accept or dismiss. */
@Entity()
@Index('IDX_workshop_proposal_workshop', ['workshopId', 'createdAt'])
@Check('CHK_workshop_proposal_kind', `"kind" IN ('scenario', 'cause', 'measure')`)
@Check('CHK_workshop_proposal_status', `"status" IN ('pending', 'accepted', 'dismissed')`)
export class WorkshopProposal extends TenantScopedEntity {
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

  @Column({ type: 'varchar', length: 10 })
  kind!: WorkshopProposalKind;

  /** The scenario a cause or measure is for. */
  @Column({ type: 'uuid', nullable: true })
  scenarioId!: string | null;

  @ManyToOne(() => RiskScenario, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'scenario_id' })
  scenario?: Relation<RiskScenario>;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: WorkshopProposalStatus;

  /** The scenario an accepted `scenario` proposal created. */
  @Column({ type: 'uuid', nullable: true })
  createdScenarioId!: string | null;

  @ManyToOne(() => RiskScenario, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_scenario_id' })
  createdScenario?: Relation<RiskScenario>;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
