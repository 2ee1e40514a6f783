/** Role ids (domain.md §7.3). The first set of the role model; more roles follow with later features. */
export const ROLES = [
  'employee',
  'department_leader',
  'unit_leader',
  'sector_leader',
  'executive',
  'hms_advisor',
  'quality_coordinator',
  'preparedness_coordinator',
  'safety_rep',
  'occupational_health',
  'dpo',
  'infosec_lead',
  'tenant_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
