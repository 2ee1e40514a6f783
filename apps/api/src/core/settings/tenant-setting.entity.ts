import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One tenant configuration value (JSON) per key, e.g. `incidents.deadlines`. Absent keys use the domain defaults. */
@Entity()
export class TenantSetting {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
