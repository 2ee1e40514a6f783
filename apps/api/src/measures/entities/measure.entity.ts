import type { MeasureStatus } from '@helhet/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';

/**
 * A measure (tiltak, domain.md §5 Action): the one record avvik, risk scenarios and action plans link
 * to through MeasureLink. The action-plan feature extends this table; it does not create another.
 */
@Entity()
@Index('IDX_measure_tenant_unit', ['tenantId', 'orgUnitId'])
@Index('IDX_measure_tenant_owner', ['tenantId', 'ownerUserId'])
@Check('CHK_measure_status', `"status" IN ('planned', 'in_progress', 'done', 'postponed', 'cancelled')`)
export class Measure extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: MeasureStatus;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  /** Bumped by every change that moves the deadline on; a scheduled deadline job for an older version is stale. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Notices about the missed deadline so far: 0 none, 1 the person responsible, n the (n-1)-th level above them. */
  @Column({ type: 'integer', default: 0 })
  escalationLevel!: number;

  /** When the reminder before the deadline went out (null until then, and again after the deadline changes). */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  /** When the last notice about the missed deadline went out: the next level hears of it one interval later. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}
