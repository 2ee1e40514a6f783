import type { RoleAssignmentResponse, UserResponse, UserStatus, UserSummary } from '@helhet/shared';
import type { EntityManager } from 'typeorm';

import type { User } from './entities/user.entity';

/** Role assignments of several users with their unit names, in one query. */
export const toRoleAssignmentResponses = async (
  manager: EntityManager,
  tenantId: string,
  userIds: string[],
  options: { activeOnly?: boolean } = {},
): Promise<(RoleAssignmentResponse & { userId: string })[]> => {
  if (userIds.length === 0) return [];
  const rows: {
    id: string;
    user_id: string;
    role: RoleAssignmentResponse['role'];
    org_unit_id: string;
    org_unit_name: string;
    include_descendants: boolean;
    valid_from: string;
    valid_to: string | null;
  }[] = await manager.query(
    `SELECT ra.id, ra.user_id, ra.role, ra.org_unit_id, ou.name AS org_unit_name, ra.include_descendants,
            to_char(ra.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(ra.valid_to, 'YYYY-MM-DD') AS valid_to
       FROM role_assignment ra JOIN org_unit ou ON ou.id = ra.org_unit_id
      WHERE ra.tenant_id = $1 AND ra.user_id = ANY($2::uuid[])
        AND ($3::boolean IS FALSE OR (ra.valid_from <= CURRENT_DATE AND (ra.valid_to IS NULL OR ra.valid_to >= CURRENT_DATE)))
      ORDER BY ou.path, ra.role`,
    [tenantId, userIds, options.activeOnly ?? false],
  );
  return rows.map((row) => ({
    id: row.id,
    includeDescendants: row.include_descendants,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    role: row.role,
    userId: row.user_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
};

export const userStatus = (user: Pick<User, 'active' | 'invitedAt' | 'lastLoginAt'> & { hasPassword: boolean }): UserStatus =>
  !user.active ? 'inactive' : user.hasPassword || user.lastLoginAt ? 'active' : 'invited';

type UserRow = User & { primaryOrgUnitName: string | null; hasPassword: boolean };

export const toUserSummary = (user: UserRow, roles: RoleAssignmentResponse[]): UserSummary => ({
  email: user.email,
  id: user.id,
  name: user.name,
  primaryOrgUnit: user.primaryOrgUnitId ? { id: user.primaryOrgUnitId, name: user.primaryOrgUnitName ?? '' } : null,
  roles: [...new Set(roles.map((role) => role.role))].sort(),
  status: userStatus(user),
});

export const toUserResponse = (user: UserRow, roles: RoleAssignmentResponse[]): UserResponse => {
  const { roles: _roles, ...summary } = toUserSummary(user, roles);
  return {
    ...summary,
    employeeNumber: user.employeeNumber,
    invitedAt: user.invitedAt?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    locale: user.locale,
    roleAssignments: roles.map(({ userId: _u, ...role }: RoleAssignmentResponse & { userId?: string }) => role),
  };
};
