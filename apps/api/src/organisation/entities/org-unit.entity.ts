import type { OrgLevelType, ServiceType } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A node of the municipality's organisation tree. `path` is an ltree of unit labels from the root
 * (`u<uuid hex>`), so subtree and ancestor queries are one indexed predicate (GiST index created in
 * the migration, marked synchronize:false here).
 */
@Entity()
@Index('UQ_org_unit_tenant_code', ['tenantId', 'code'], { unique: true })
@Index('IDX_org_unit_tenant_parent', ['tenantId', 'parentId'])
@Index('IDX_org_unit_path_gist', { synchronize: false })
@Check('CHK_org_unit_level_type', `"level_type" IN ('municipality', 'sector', 'agency', 'district', 'unit', 'department', 'team')`)
@Check('CHK_org_unit_valid_period', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class OrgUnit extends TenantScopedEntity {
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgUnit> | null;

  @Column({ type: 'ltree' })
  path!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  levelType!: OrgLevelType;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: ServiceType | null;

  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  validFrom!: string;

  /** Exclusive: the first day the unit is no longer active (deactivating today sets today). */
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'uuid', nullable: true })
  leaderUserId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'leader_user_id' })
  leader?: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  headcount!: number | null;
}
