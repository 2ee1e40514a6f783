import type { Role } from './roles';

/**
 * Every permission the API checks. The web reads the same map to hide what the API would refuse.
 * A permission is granted by a role assignment and applies inside that assignment's unit scope
 * (the unit, and its descendants when `includeDescendants` is set).
 */
export const PERMISSIONS = {
  auditRead: 'audit.read',
  organisationManage: 'organisation.manage',
  organisationRead: 'organisation.read',
  usersManage: 'users.manage',
  usersRead: 'users.read',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const { auditRead, organisationManage, organisationRead, usersManage, usersRead } = PERMISSIONS;

/** Role → permissions. The tenant admin manages configuration but sees no case content. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  department_leader: [organisationRead, usersRead],
  employee: [organisationRead],
  executive: [organisationRead, usersRead],
  hms_advisor: [organisationRead, usersRead],
  quality_coordinator: [organisationRead, usersRead],
  safety_rep: [organisationRead],
  sector_leader: [organisationRead, usersRead],
  tenant_admin: [auditRead, organisationManage, organisationRead, usersManage, usersRead],
  unit_leader: [organisationRead, usersRead],
};

export const permissionsForRole = (role: Role): readonly Permission[] => ROLE_PERMISSIONS[role];

export const permissionsForRoles = (roles: readonly Role[]): Permission[] =>
  [...new Set(roles.flatMap(permissionsForRole))].sort();

export const rolesWithPermission = (permission: Permission): Role[] =>
  (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission)).sort();
