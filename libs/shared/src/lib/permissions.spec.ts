import { PERMISSIONS, permissionsForRoles, ROLE_PERMISSIONS, rolesWithPermission } from './permissions';
import { ROLES } from './roles';

describe('permission map', () => {
  it('should define permissions for every role', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('should keep configuration with the tenant admin and away from case readers', () => {
    expect(rolesWithPermission(PERMISSIONS.organisationManage)).toEqual(['tenant_admin']);
    expect(rolesWithPermission(PERMISSIONS.usersManage)).toEqual(['tenant_admin']);
    expect(rolesWithPermission(PERMISSIONS.auditRead)).toEqual(['tenant_admin']);
  });

  it('should let every role read the organisation within its scope', () => {
    expect(rolesWithPermission(PERMISSIONS.organisationRead)).toEqual([...ROLES].sort());
  });

  it('should union and sort permissions of several roles without duplicates', () => {
    expect(permissionsForRoles(['employee', 'unit_leader', 'employee'])).toEqual(['organisation.read', 'users.read']);
  });
});
