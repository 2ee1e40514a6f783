import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last case number given per tenant and year. Taken with an upsert that row-locks the counter in
 * the filing transaction: concurrent filings queue, a rolled-back filing gives its number back, so
 * numbers are unique and gap-free.
 */
@Entity()
export class IncidentNumberCounter {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  lastValue!: number;
}
