import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';

import { Incident } from './incident.entity';

/** The aml § 5-1 injury register entry of an injury or violence case. Diagnosis text only with consent. */
@Entity()
@Check('CHK_injury_record_medical_consent', `"medical_info" IS NULL OR "medical_info_consent"`)
export class InjuryRecord {
  @PrimaryColumn({ type: 'uuid' })
  incidentId!: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid', nullable: true })
  injuredUserId!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  injuredPersonText!: string | null;

  @Column({ type: 'text' })
  workBeingDone!: string;

  @Column({ type: 'text' })
  courseOfEvents!: string;

  @Column({ type: 'text', nullable: true })
  presumedCauses!: string | null;

  @Column({ type: 'text' })
  injuryDescription!: string;

  @Column({ type: 'boolean' })
  absence!: boolean;

  @Column({ type: 'integer', nullable: true })
  absenceDays!: number | null;

  @Column({ type: 'boolean' })
  medicalInfoConsent!: boolean;

  @Column({ type: 'text', nullable: true })
  medicalInfo!: string | null;

  @Column({ type: 'boolean' })
  occupationalDisease!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
