import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Incident } from '../../incidents/entities/incident.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { User } from '../../users/entities/user.entity';

/** An avvik that is evidence of a risk scenario ("this avvik concerns risk X"). One row per pair. */
@Entity()
@Index('UQ_incident_risk_link_pair', ['incidentId', 'riskScenarioId'], { unique: true })
@Index('IDX_incident_risk_link_scenario', ['riskScenarioId'])
export class IncidentRiskLink extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid' })
  riskScenarioId!: string;

  @ManyToOne(() => RiskScenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_scenario_id' })
  riskScenario?: Relation<RiskScenario>;

  @Column({ type: 'uuid', nullable: true })
  linkedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'linked_by_user_id' })
  linkedBy?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  linkedAt!: Date;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;
}
