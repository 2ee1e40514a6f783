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
    expect(permissionsForRoles(['employee', 'unit_leader', 'employee'])).toEqual([
      'incidents.file',
      'incidents.handle',
      'incidents.read',
      'organisation.read',
      'risk.edit',
      'risk.read',
      'users.read',
    ]);
  });

  it('should let everyone file an avvik but keep case content from the tenant admin', () => {
    expect(rolesWithPermission(PERMISSIONS.incidentsFile)).toEqual([...ROLES].sort());
    const caseReaders = [
      PERMISSIONS.incidentsRead,
      PERMISSIONS.incidentsHandle,
      PERMISSIONS.incidentsInjuryRegister,
      PERMISSIONS.incidentsInfosec,
    ];
    for (const permission of caseReaders) expect(rolesWithPermission(permission)).not.toContain('tenant_admin');
    expect(rolesWithPermission(PERMISSIONS.incidentsInjuryRegister)).toEqual(['hms_advisor', 'occupational_health', 'safety_rep']);
    expect(rolesWithPermission(PERMISSIONS.incidentsInfosec)).toEqual(['dpo', 'infosec_lead']);
  });

  it('should leave helhetlig ROS to the preparedness and HMS roles', () => {
    expect(rolesWithPermission(PERMISSIONS.riskEditHolistic)).toEqual(['hms_advisor', 'preparedness_coordinator']);
    expect(rolesWithPermission(PERMISSIONS.riskRead)).not.toContain('employee');
  });
});
