import type { RoleAssignmentResponse, UserResponse, UserStatus, UserSummary, UserView } from '@helhet/shared';
import type { EntityManager } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import type { OrgDirectory } from '../organisation/org-directory';
import type { RoleAssignment } from './entities/role-assignment.entity';
import type { User } from './entities/user.entity';

type AssignmentRow = EntityRow<RoleAssignment, 'id' | 'includeDescendants' | 'orgUnitId' | 'role' | 'userId' | 'validFrom' | 'validTo'>;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Role assignments of several users with their unit names (from the OrgDirectory), ordered by unit path, then role. */
export const toRoleAssignmentResponses = async (
  manager: EntityManager,
  units: OrgDirectory,
  tenantId: string,
  userIds: string[],
  options: { activeOnly?: boolean } = {},
): Promise<(RoleAssignmentResponse & { userId: string })[]> => {
  if (userIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT ra.id, ra.user_id, ra.role, ra.org_unit_id, ra.include_descendants,
            to_char(ra.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(ra.valid_to, 'YYYY-MM-DD') AS valid_to
       FROM role_assignment ra
      WHERE ra.tenant_id = $1 AND ra.user_id = ANY($2::uuid[])
        AND ($3::boolean IS FALSE OR (ra.valid_from <= CURRENT_DATE AND (ra.valid_to IS NULL OR ra.valid_to >= CURRENT_DATE)))`,
    [tenantId, userIds, options.activeOnly ?? false],
  )) as AssignmentRow[];
  const unitsById = await units.units(
    tenantId,
    rows.map((row) => row.org_unit_id),
    manager,
  );
  // Unit paths are ltree labels of equal length (u + 32 hex), so code-point order equals the ltree order.
  const path = (row: AssignmentRow): string => unitsById.get(row.org_unit_id)?.path ?? '';
  return rows
    .filter((row) => unitsById.has(row.org_unit_id))
    .sort((a, b) => byCodePoint(path(a), path(b)) || byCodePoint(a.role, b.role))
    .map((row) => ({
      id: row.id,
      includeDescendants: row.include_descendants,
      orgUnitId: row.org_unit_id,
      orgUnitName: unitsById.get(row.org_unit_id)?.name ?? '',
      role: row.role,
      userId: row.user_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    }));
};

export const userStatus = (user: Pick<User, 'active' | 'invitedAt' | 'lastLoginAt'> & { hasPassword: boolean }): UserStatus =>
  !user.active ? 'inactive' : user.hasPassword || user.lastLoginAt ? 'active' : 'invited';

type UserRow = User & { primaryOrgUnitName: string | null; hasPassword: boolean };

/** The fields of a user the caller may see (users.contract.ts, UserView): decided per row from the caller's scope. */
export const toUserSummary = (user: UserRow, roles: RoleAssignmentResponse[], view: UserView): UserSummary => {
  const basic: UserSummary = {
    id: user.id,
    name: user.name,
    primaryOrgUnit: user.primaryOrgUnitId ? { id: user.primaryOrgUnitId, name: user.primaryOrgUnitName ?? '' } : null,
    view,
  };
  if (view === 'basic') return basic;
  const line: UserSummary = { ...basic, roles: [...new Set(roles.map((role) => role.role))].sort(), status: userStatus(user) };
  return view === 'admin' ? { ...line, email: user.email } : line;
};

export const toUserResponse = (user: UserRow, roles: RoleAssignmentResponse[], view: UserView): UserResponse => {
  const { roles: _roles, ...summary } = toUserSummary(user, roles, view);
  if (view === 'basic') return summary;
  const roleAssignments = roles.map(({ userId: _u, ...role }: RoleAssignmentResponse & { userId?: string }) => role);
  if (view === 'line') return { ...summary, roleAssignments };
  return {
    ...summary,
    employeeNumber: user.employeeNumber,
    invitedAt: user.invitedAt?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    locale: user.locale,
    roleAssignments,
  };
};
