import type { Locale } from '../enums';
import type { PageQuery } from '../page';
import type { Role } from '../roles';
import type { RoleAssignmentResponse } from './auth.contract';

export type UserStatus = 'active' | 'invited' | 'inactive';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  primaryOrgUnit: { id: string; name: string } | null;
  status: UserStatus;
  roles: Role[];
}

export interface UserResponse extends Omit<UserSummary, 'roles'> {
  locale: Locale;
  employeeNumber: string | null;
  lastLoginAt: string | null;
  invitedAt: string | null;
  roleAssignments: RoleAssignmentResponse[];
}

export interface ListUsersQuery extends PageQuery {
  q?: string;
  /** Users whose primary unit is in this unit's subtree. */
  orgUnitId?: string;
  role?: Role;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  primaryOrgUnitId: string;
  locale?: Locale;
  employeeNumber?: string | null;
  /** Send an invitation e-mail at once (default true). */
  sendInvitation?: boolean;
}

export interface UpdateUserRequest {
  name?: string;
  primaryOrgUnitId?: string;
  locale?: Locale;
  employeeNumber?: string | null;
  active?: boolean;
}

export interface CreateRoleAssignmentRequest {
  role: Role;
  orgUnitId: string;
  includeDescendants?: boolean;
  validFrom?: string;
  validTo?: string | null;
}
