import type { DelegationReason, Locale, OrgLevelType, Role, ServiceType } from '@helhet/shared';

/**
 * Plain rows produced by the demo generator, one interface per table, camelCase for the snake_case
 * columns of the foundation migration. Timestamps (`created_at`, `updated_at`) come from column defaults.
 */
export interface DemoTenantRow {
  id: string;
  municipalityNumber: string;
  name: string;
  orgNumber: string | null;
  governanceModel: 'alderman' | 'parliamentary';
}

export interface DemoOrgUnitRow {
  id: string;
  tenantId: string;
  parentId: string | null;
  /** ltree of unit labels, root first. */
  path: string;
  code: string;
  name: string;
  levelType: OrgLevelType;
  serviceType: ServiceType | null;
  validFrom: string;
  validTo: string | null;
  /** Set after the users exist (the runner inserts units without it, then updates in bulk). */
  leaderUserId: string;
  /** Everyone whose primary unit lies in this node's subtree. */
  headcount: number;
}

export interface DemoUserRow {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  employeeNumber: string;
  primaryOrgUnitId: string;
  locale: Locale;
  /** Only demo logins get a password (the shared demo password); everyone else would be invited. */
  isDemoLogin: boolean;
}

export interface DemoRoleAssignmentRow {
  id: string;
  tenantId: string;
  userId: string;
  role: Role;
  orgUnitId: string;
  includeDescendants: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface DemoDelegationRow {
  id: string;
  tenantId: string;
  orgUnitId: string;
  fromUserId: string;
  toUserId: string;
  includeDescendants: boolean;
  reason: DelegationReason;
  validFrom: string;
  validTo: string | null;
}

export interface DemoMunicipalityOptions {
  /** Number of people (user accounts), leaders included. 150 … 100,000; default 4,000 (Sarpsborg size). */
  employees?: number;
  /** PRNG seed; the same seed and options give the same municipality. Default 2026. */
  seed?: number;
  /** "Today" (YYYY-MM-DD) for validity periods and delegations; default the current UTC date. */
  today?: string;
}

export interface DemoMunicipality {
  options: Required<DemoMunicipalityOptions>;
  tenant: DemoTenantRow;
  /** Parents before children. */
  orgUnits: DemoOrgUnitRow[];
  users: DemoUserRow[];
  roleAssignments: DemoRoleAssignmentRow[];
  delegations: DemoDelegationRow[];
}
