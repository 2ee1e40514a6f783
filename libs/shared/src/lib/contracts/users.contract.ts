import type { Locale } from '../enums';
import type { PageQuery } from '../page';
import type { Role } from '../roles';
import type { RoleAssignmentResponse } from './auth.contract';

export type UserStatus = 'active' | 'invited' | 'inactive';

/**
 * A user as the caller may see them. Every holder of users.read in scope sees `id`, `name` and `primaryOrgUnit`
 * (enough for pickers). The rest depends on the caller's relation to the user's primary unit:
 * - `view: 'admin'` (users.manage in scope): everything, including e-mail, employee number, last login and roles.
 * - `view: 'line'` (incidents.handle in scope: the management line above the user): status and roles, no contact
 *   or account data.
 * - `view: 'basic'` (users.read only, e.g. HMS advisor, quality coordinator, preparedness coordinator): nothing more.
 * Fields a view does not include are absent, not null.
 */
export type UserView = 'admin' | 'line' | 'basic';

export interface UserSummary {
  id: string;
  name: string;
  primaryOrgUnit: { id: string; name: string } | null;
  view: UserView;
  /** admin view only. */
  email?: string;
  /** admin and line views. */
  status?: UserStatus;
  /** admin and line views. */
  roles?: Role[];
}

export interface UserResponse extends Omit<UserSummary, 'roles'> {
  /** admin view only. */
  locale?: Locale;
  /** admin view only. */
  employeeNumber?: string | null;
  /** admin view only. */
  lastLoginAt?: string | null;
  /** admin view only. */
  invitedAt?: string | null;
  /** admin and line views. */
  roleAssignments?: RoleAssignmentResponse[];
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
