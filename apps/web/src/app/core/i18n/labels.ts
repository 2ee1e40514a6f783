import type {
  AuditAction,
  DelegationReason,
  ManagementLineSource,
  OrgLevelType,
  Permission,
  Role,
  ServiceType,
  UserStatus,
} from '@helhet/shared';

/** Norwegian labels for the shared value lists (domain.md §7.2), translated through i18n. */
export const ROLE_LABELS: Record<Role, () => string> = {
  department_leader: () => $localize`:@@role.departmentLeader:Avdelingsleder`,
  dpo: () => $localize`:@@role.dpo:Personvernombud`,
  employee: () => $localize`:@@role.employee:Ansatt`,
  executive: () => $localize`:@@role.executive:Kommunedirektør / ledergruppe`,
  hms_advisor: () => $localize`:@@role.hmsAdvisor:HMS-rådgiver`,
  infosec_lead: () => $localize`:@@role.infosecLead:Informasjonssikkerhetsleder`,
  occupational_health: () => $localize`:@@role.occupationalHealth:Bedriftshelsetjeneste (BHT)`,
  preparedness_coordinator: () => $localize`:@@role.preparednessCoordinator:Beredskapskoordinator`,
  quality_coordinator: () => $localize`:@@role.qualityCoordinator:Kvalitetskoordinator`,
  safety_rep: () => $localize`:@@role.safetyRep:Verneombud`,
  sector_leader: () => $localize`:@@role.sectorLeader:Kommunalsjef`,
  tenant_admin: () => $localize`:@@role.tenantAdmin:Systemadministrator`,
  unit_leader: () => $localize`:@@role.unitLeader:Enhetsleder`,
};

/**
 * What each case-content permission opens (CASE_CONTENT_PERMISSIONS in libs/shared, ADR 0015): shown before a role
 * that carries one is granted.
 */
export const CASE_CONTENT_LABELS: Partial<Record<Permission, () => string>> = {
  'incidents.handle': () =>
    $localize`:@@caseContent.handle:behandle alle avvik i enheten og underenhetene, også avvik med personskade og brudd på personvernet`,
  'incidents.infosec': () => $localize`:@@caseContent.infosec:avvik om informasjonssikkerhet og personvernbrudd`,
  'incidents.injury_register': () => $localize`:@@caseContent.injury:avvik med personskade og vold (skaderegisteret)`,
  'incidents.read': () => $localize`:@@caseContent.read:avvik uten særskilt begrensning, med navnet på den som meldte`,
  'incidents.reveal_reporter': () => $localize`:@@caseContent.reveal:hvem som meldte et avvik skjult for behandler`,
};

export const LEVEL_LABELS: Record<OrgLevelType, () => string> = {
  agency: () => $localize`:@@level.agency:Etat`,
  department: () => $localize`:@@level.department:Avdeling`,
  district: () => $localize`:@@level.district:Bydel`,
  municipality: () => $localize`:@@level.municipality:Kommune`,
  sector: () => $localize`:@@level.sector:Kommunalområde`,
  team: () => $localize`:@@level.team:Team`,
  unit: () => $localize`:@@level.unit:Enhet`,
};

export const SERVICE_LABELS: Record<ServiceType, () => string> = {
  administration: () => $localize`:@@service.administration:Administrasjon`,
  child_welfare: () => $localize`:@@service.childWelfare:Barnevern`,
  culture: () => $localize`:@@service.culture:Kultur`,
  fire_rescue: () => $localize`:@@service.fireRescue:Brann og redning`,
  health_other: () => $localize`:@@service.healthOther:Helse, annet`,
  home_care: () => $localize`:@@service.homeCare:Hjemmetjeneste`,
  kindergarten: () => $localize`:@@service.kindergarten:Barnehage`,
  lower_secondary_school: () => $localize`:@@service.lowerSecondary:Ungdomsskole`,
  nav: () => $localize`:@@service.nav:NAV`,
  nursing_home: () => $localize`:@@service.nursingHome:Sykehjem`,
  office: () => $localize`:@@service.office:Kontor`,
  primary_school: () => $localize`:@@service.primarySchool:Barneskole`,
  roads_property: () => $localize`:@@service.roadsProperty:Vei og eiendom`,
  technical: () => $localize`:@@service.technical:Teknisk`,
  water_sewage: () => $localize`:@@service.waterSewage:Vann og avløp`,
};

export const DELEGATION_LABELS: Record<DelegationReason, () => string> = {
  acting: () => $localize`:@@delegation.acting:Konstituert`,
  permanent: () => $localize`:@@delegation.permanent:Fast delegering`,
  vacation: () => $localize`:@@delegation.vacation:Ferievikar`,
};

export const LINE_SOURCE_LABELS: Record<ManagementLineSource, () => string> = {
  acting: () => $localize`:@@lineSource.acting:Konstituert`,
  delegation: () => $localize`:@@lineSource.delegation:Stedfortreder`,
  leader: () => $localize`:@@lineSource.leader:Leder`,
  vacant: () => $localize`:@@lineSource.vacant:Ledig stilling`,
};

export const STATUS_LABELS: Record<UserStatus, () => string> = {
  active: () => $localize`:@@userStatus.active:Aktiv`,
  inactive: () => $localize`:@@userStatus.inactive:Deaktivert`,
  invited: () => $localize`:@@userStatus.invited:Invitert`,
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, () => string> = {
  create: () => $localize`:@@auditAction.create:Opprettet`,
  delete: () => $localize`:@@auditAction.delete:Slettet`,
  update: () => $localize`:@@auditAction.update:Endret`,
};

/** Audit-log entity types (`audit_log_entry.entity_type`). */
export const ENTITY_LABELS: Record<string, () => string> = {
  delegation: () => $localize`:@@auditLog.typeDelegation:Delegering`,
  external_notification: () => $localize`:@@auditLog.typeExternalNotification:Varsel til myndighet`,
  incident: () => $localize`:@@auditLog.typeIncident:Avvik`,
  category_restriction_change: () => $localize`:@@auditLog.typeRestrictionChange:Endring av tilgangsbegrensning`,
  incident_category: () => $localize`:@@auditLog.typeIncidentCategory:Avvikskategori`,
  incident_reporter_reveal: () => $localize`:@@auditLog.typeReporterReveal:Innsyn i skjult melder`,
  injury_record: () => $localize`:@@auditLog.typeInjuryRecord:Skaderegister`,
  measure: () => $localize`:@@auditLog.typeMeasure:Tiltak`,
  personal_data_breach: () => $localize`:@@auditLog.typeBreach:Personvernbrudd`,
  risk_analysis: () => $localize`:@@auditLog.typeRiskAnalysis:Risikoanalyse`,
  risk_scenario: () => $localize`:@@auditLog.typeRiskScenario:Uønsket hendelse (ROS)`,
  tenant_setting: () => $localize`:@@auditLog.typeTenantSetting:Innstilling`,
  invitation: () => $localize`:@@auditLog.typeInvitation:Invitasjon`,
  org_unit: () => $localize`:@@auditLog.typeOrgUnit:Enhet`,
  role_assignment: () => $localize`:@@auditLog.typeRole:Rolle`,
  tenant: () => $localize`:@@auditLog.typeTenant:Kommune`,
  user: () => $localize`:@@auditLog.typeUser:Bruker`,
};

/** Formats a YYYY-MM-DD or ISO date for the current locale. */
export const formatDate = (value: string | null, withTime = false): string => {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  return new Intl.DateTimeFormat(
    $localize.locale === 'en' ? 'en-GB' : 'nb-NO',
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
};
