/** Value lists mirrored by database check constraints. Labels live in the web's i18n files. */
export const ORG_LEVEL_TYPES = ['municipality', 'sector', 'agency', 'district', 'unit', 'department', 'team'] as const;
export type OrgLevelType = (typeof ORG_LEVEL_TYPES)[number];

export const SERVICE_TYPES = [
  'administration',
  'kindergarten',
  'primary_school',
  'lower_secondary_school',
  'nursing_home',
  'home_care',
  'health_other',
  'child_welfare',
  'nav',
  'fire_rescue',
  'water_sewage',
  'roads_property',
  'culture',
  'technical',
  'office',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DELEGATION_REASONS = ['acting', 'vacation', 'permanent'] as const;
export type DelegationReason = (typeof DELEGATION_REASONS)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
