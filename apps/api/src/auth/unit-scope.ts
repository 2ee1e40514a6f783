import { type Permission, ROLE_PERMISSIONS } from '@helhet/shared';

import type { AuthContext } from './auth-context';

/** Where a permission applies: whole subtrees (ltree paths) and single units. */
export interface UnitScope {
  subtreePaths: string[];
  unitIds: string[];
}

export const unitScope = (auth: AuthContext, permission: Permission): UnitScope => {
  const granting = auth.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
  return {
    subtreePaths: [...new Set(granting.filter((g) => g.includeDescendants).map((g) => g.path))],
    unitIds: [...new Set(granting.filter((g) => !g.includeDescendants).map((g) => g.orgUnitId))],
  };
};

/**
 * THE row filter for organisational scope, as an SQL condition on an org_unit alias: the unit lies in one
 * of the caller's subtrees ($pathsParam, ltree[]) or is one of their single units ($idsParam, uuid[]).
 * Pass `unitScope(auth, permission)`'s arrays as those parameters. Every query of unit-owned rows uses it.
 */
export const unitScopeCondition = (unitAlias: string, pathsParam: number, idsParam: number): string =>
  `(${unitAlias}.path <@ $${pathsParam}::ltree[] OR ${unitAlias}.id = ANY($${idsParam}::uuid[]))`;

/**
 * For queries that build their parameter list as they go: appends the caller's scope for `permission`
 * to `params` (whose first element is `$first`) and returns unitScopeCondition over `alias`.
 */
export const appendScopeCondition = (
  params: unknown[],
  first: number,
  alias: string,
  auth: AuthContext,
  permission: Permission,
): string => {
  const scope = unitScope(auth, permission);
  params.push(scope.subtreePaths, scope.unitIds);
  return unitScopeCondition(alias, first + params.length - 2, first + params.length - 1);
};

/** The same rule for one known path, in memory (after a row is loaded). */
export const isInUnitScope = (auth: AuthContext, permission: Permission, unit: { id: string; path: string }): boolean => {
  const scope = unitScope(auth, permission);
  return scope.unitIds.includes(unit.id) || scope.subtreePaths.some((p) => unit.path === p || unit.path.startsWith(`${p}.`));
};
