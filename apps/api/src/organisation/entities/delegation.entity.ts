import type { DelegationReason } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { User } from '../../users/entities/user.entity';
import { OrgUnit } from './org-unit.entity';

/** Someone stands in for a leader for a period (konstituering, holiday, permanent delegation). */
@Entity()
@Index('IDX_delegation_tenant_unit', ['tenantId', 'orgUnitId'])
@Check('CHK_delegation_reason', `"reason" IN ('acting', 'vacation', 'permanent')`)
@Check('CHK_delegation_valid_period', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
@Check('CHK_delegation_distinct_users', `"from_user_id" <> "to_user_id"`)
export class Delegation extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'uuid' })
  fromUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_user_id' })
  fromUser?: Relation<User>;

  @Column({ type: 'uuid' })
  toUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_user_id' })
  toUser?: Relation<User>;

  @Column({ type: 'boolean', default: true })
  includeDescendants!: boolean;

  @Column({ type: 'varchar', length: 20 })
  reason!: DelegationReason;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;
}
