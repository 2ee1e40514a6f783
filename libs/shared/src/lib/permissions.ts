import type { Role } from './roles';

/**
 * Every permission the API checks. The web reads the same map to hide what the API would refuse.
 * A permission is granted by a role assignment and applies inside that assignment's unit scope
 * (the unit, and its descendants when `includeDescendants` is set).
 */
export const PERMISSIONS = {
  auditRead: 'audit.read',
  /** Monitor e-mail deliveries that failed or whose outcome is unknown. */
  deliveriesRead: 'deliveries.read',
  /** Tenant configuration of avvik categories and deadlines. */
  incidentsConfigure: 'incidents.configure',
  /** File an avvik anywhere in the municipality. */
  incidentsFile: 'incidents.file',
  /** Act on cases in scope (all categories): the management line. */
  incidentsHandle: 'incidents.handle',
  /** Read cases in the information-security category and their breach records (DPO, infosec lead). */
  incidentsInfosec: 'incidents.infosec',
  /** Read the aml § 5-1 injury register (injury and violence cases) in scope: safety reps, HMS. */
  incidentsInjuryRegister: 'incidents.injury_register',
  /** Read unrestricted cases in scope. */
  incidentsRead: 'incidents.read',
  /** Break-glass: reveal who filed a report hidden from the handler, with a logged reason (DPO). */
  incidentsRevealReporter: 'incidents.reveal_reporter',
  /** Create and edit risk analyses (not helhetlig ROS) whose scope unit is in scope. */
  riskEdit: 'risk.edit',
  /** Create and edit helhetlig ROS (preparedness and HMS roles). */
  riskEditHolistic: 'risk.edit_holistic',
  /** Read risk analyses in scope; helhetlig ROS is readable by everyone holding this anywhere. */
  riskRead: 'risk.read',
  organisationManage: 'organisation.manage',
  organisationRead: 'organisation.read',
  usersManage: 'users.manage',
  usersRead: 'users.read',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const {
  auditRead,
  deliveriesRead,
  incidentsConfigure,
  incidentsFile,
  incidentsHandle,
  incidentsInfosec,
  incidentsInjuryRegister,
  incidentsRead,
  incidentsRevealReporter,
  organisationManage,
  organisationRead,
  riskEdit,
  riskEditHolistic,
  riskRead,
  usersManage,
  usersRead,
} = PERMISSIONS;

/**
 * Role → permissions. The tenant admin manages configuration but sees no case content. Department
 * leaders handle a case only when a unit leader appoints them its handler (checked per case).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  department_leader: [incidentsFile, incidentsRead, organisationRead, riskRead, usersRead],
  dpo: [incidentsFile, incidentsInfosec, incidentsRevealReporter, organisationRead, riskRead],
  employee: [incidentsFile, organisationRead],
  executive: [incidentsFile, incidentsHandle, incidentsRead, organisationRead, riskEdit, riskRead, usersRead],
  hms_advisor: [incidentsFile, incidentsInjuryRegister, organisationRead, riskEdit, riskEditHolistic, riskRead, usersRead],
  infosec_lead: [incidentsFile, incidentsInfosec, organisationRead, riskEdit, riskRead],
  preparedness_coordinator: [incidentsFile, organisationRead, riskEdit, riskEditHolistic, riskRead, usersRead],
  quality_coordinator: [incidentsConfigure, incidentsFile, incidentsRead, organisationRead, riskRead, usersRead],
  /** Bedriftshelsetjenesten (BHT): reads the injury register of the units it serves (aml § 5-1 (3)). */
  occupational_health: [incidentsFile, incidentsInjuryRegister, organisationRead, riskRead],
  safety_rep: [incidentsFile, incidentsInjuryRegister, organisationRead, riskRead],
  sector_leader: [incidentsFile, incidentsHandle, incidentsRead, organisationRead, riskEdit, riskRead, usersRead],
  tenant_admin: [
    auditRead,
    deliveriesRead,
    incidentsConfigure,
    incidentsFile,
    organisationManage,
    organisationRead,
    usersManage,
    usersRead,
  ],
  unit_leader: [incidentsFile, incidentsHandle, incidentsRead, organisationRead, riskEdit, riskRead, usersRead],
};

export const permissionsForRole = (role: Role): readonly Permission[] => ROLE_PERMISSIONS[role];

export const permissionsForRoles = (roles: readonly Role[]): Permission[] => [...new Set(roles.flatMap(permissionsForRole))].sort();

export const rolesWithPermission = (permission: Permission): Role[] =>
  (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission)).sort();

/**
 * Permissions that open case content (avvik, injury and breach records, hidden reporters). A role holding any of
 * them is a "content role" (ADR 0015): nobody may grant it to themselves, and granting it to others is flagged in
 * the audit trail and told to the DPO and the kommunedirektør.
 */
export const CASE_CONTENT_PERMISSIONS: readonly Permission[] = [
  incidentsHandle,
  incidentsInfosec,
  incidentsInjuryRegister,
  incidentsRead,
  incidentsRevealReporter,
];

/** The case-content permissions a role carries (empty: the role opens no case content). */
export const caseContentPermissionsForRole = (role: Role): Permission[] =>
  ROLE_PERMISSIONS[role].filter((permission) => CASE_CONTENT_PERMISSIONS.includes(permission)).sort();

export const opensCaseContent = (role: Role): boolean => caseContentPermissionsForRole(role).length > 0;
