import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { Incident } from '../../incidents/entities/incident.entity';
import { RiskScenario } from '../../risk/entities/risk-scenario.entity';
import { Measure } from './measure.entity';

/** What a measure addresses. One target column per kind, each a real foreign key; risk scenarios and findings add theirs. */
@Entity()
@Index('UQ_measure_link_measure_incident', ['measureId', 'incidentId'], { unique: true })
@Index('IDX_measure_link_incident', ['incidentId'])
@Index('UQ_measure_link_measure_risk_scenario', ['measureId', 'riskScenarioId'], { unique: true })
@Index('IDX_measure_link_risk_scenario', ['riskScenarioId'])
@Check('CHK_measure_link_target', `num_nonnulls("incident_id", "risk_scenario_id") = 1`)
export class MeasureLink extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  measureId!: string;

  @ManyToOne(() => Measure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'measure_id' })
  measure?: Relation<Measure>;

  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid', nullable: true })
  riskScenarioId!: string | null;

  @ManyToOne(() => RiskScenario, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'risk_scenario_id' })
  riskScenario?: Relation<RiskScenario>;
}
