import type { Role } from '@helhet/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';

import { TenantScopedEntity } from '../../core/database/tenant-scoped.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';
import { User } from './user.entity';

/** Role × unit scope: the user holds `role` for `orgUnit` (and its descendants when includeDescendants). */
@Entity()
@Index('IDX_role_assignment_tenant_user', ['tenantId', 'userId'])
@Index('IDX_role_assignment_tenant_unit', ['tenantId', 'orgUnitId'])
@Check(
  'CHK_role_assignment_role',
  `"role" IN ('employee', 'department_leader', 'unit_leader', 'sector_leader', 'executive', 'hms_advisor', 'quality_coordinator', 'preparedness_coordinator', 'safety_rep', 'occupational_health', 'dpo', 'infosec_lead', 'tenant_admin')`,
)
@Check('CHK_role_assignment_valid_period', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class RoleAssignment extends TenantScopedEntity {
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  role!: Role;

  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'boolean', default: true })
  includeDescendants!: boolean;

  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;
}
