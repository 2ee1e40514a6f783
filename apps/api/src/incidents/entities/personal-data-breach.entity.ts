import type { BreachRiskLevel, CiaType } from '@helhet/domain';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';

import { Incident } from './incident.entity';

/** A personal-data breach (GDPR art. 33): the fields Datatilsynet's Altinn form asks for. */
@Entity()
@Check('CHK_personal_data_breach_risk', `"risk_assessment" IN ('unlikely', 'risk', 'high_risk')`)
export class PersonalDataBreach {
  @PrimaryColumn({ type: 'uuid' })
  incidentId!: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'timestamptz' })
  discoveredAt!: Date;

  @Column({ type: 'text', array: true })
  ciaTypes!: CiaType[];

  @Column({ type: 'integer', nullable: true })
  affectedCount!: number | null;

  @Column({ type: 'text', array: true })
  dataCategories!: string[];

  @Column({ type: 'boolean' })
  specialCategories!: boolean;

  @Column({ type: 'text', nullable: true })
  relationToSubjects!: string | null;

  @Column({ type: 'text', nullable: true })
  whereDataNow!: string | null;

  @Column({ type: 'text', nullable: true })
  possibleConsequences!: string | null;

  @Column({ type: 'varchar', length: 10 })
  riskAssessment!: BreachRiskLevel;

  @Column({ type: 'text', nullable: true })
  lateReason!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
