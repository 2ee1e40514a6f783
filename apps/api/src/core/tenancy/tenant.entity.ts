import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A municipality (kommune). Every tenant-owned row carries its id. */
@Entity()
@Index('UQ_tenant_municipality_number', ['municipalityNumber'], { unique: true })
@Check('CHK_tenant_municipality_number', `"municipality_number" ~ '^[0-9]{4}$'`)
@Check('CHK_tenant_governance_model', `"governance_model" IN ('alderman', 'parliamentary')`)
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 4 })
  municipalityNumber!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 9, nullable: true })
  orgNumber!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'alderman' })
  governanceModel!: 'alderman' | 'parliamentary';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
