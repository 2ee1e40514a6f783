import type { CategoryRestriction } from '@helhet/domain';
import type { CategoryRestrictionChangeStatus, RestrictionApproverRole } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { User } from '../../users/entities/user.entity';
import { IncidentCategory } from './incident-category.entity';

/**
 * A proposed loosening of an avvik category's restriction (ADR 0015). It takes effect only when the approver role
 * (the DPO for infosec, the HMS advisor for injury/violence) approves it; the proposer can never approve their own.
 * At most one change per category is pending.
 */
@Entity()
@Index('UQ_category_restriction_change_pending', ['categoryId'], { unique: true, where: `"status" = 'pending'` })
@Index('IDX_category_restriction_change_tenant_status', ['tenantId', 'status'])
@Check('CHK_category_restriction_change_status', `"status" IN ('pending', 'approved', 'rejected')`)
@Check('CHK_category_restriction_change_approver', `"approver_role" IN ('dpo', 'hms_advisor')`)
export class CategoryRestrictionChange extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => IncidentCategory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<IncidentCategory>;

  @Column({ type: 'varchar', length: 10 })
  fromRestriction!: CategoryRestriction;

  @Column({ type: 'varchar', length: 10 })
  toRestriction!: CategoryRestriction;

  @Column({ type: 'varchar', length: 20 })
  approverRole!: RestrictionApproverRole;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: CategoryRestrictionChangeStatus;

  @Column({ type: 'uuid' })
  proposedByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_user_id' })
  proposedBy?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
