import { type Permission, ROLE_PERMISSIONS } from '@helhet/shared';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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

let parameterCounter = 0;

/**
 * THE row filter for organisational scope: restricts `unitAlias` (an org_unit alias in the query) to
 * the units where the caller holds `permission`. Every list and lookup of unit-owned data goes through it.
 */
export const applyUnitScope = <T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  unitAlias: string,
  auth: AuthContext,
  permission: Permission,
): SelectQueryBuilder<T> => {
  const scope = unitScope(auth, permission);
  const n = ++parameterCounter % 1_000_000;
  query.andWhere(`${unitAlias}.tenant_id = :scopeTenant${n}`, { [`scopeTenant${n}`]: auth.tenantId });
  if (scope.subtreePaths.length === 0 && scope.unitIds.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(
    `(${unitAlias}.path <@ CAST(:scopePaths${n} AS ltree[]) OR ${unitAlias}.id = ANY(CAST(:scopeIds${n} AS uuid[])))`,
    { [`scopeIds${n}`]: scope.unitIds, [`scopePaths${n}`]: scope.subtreePaths },
  );
};

/** The same rule for one known path, in memory (after a row is loaded). */
export const isInUnitScope = (auth: AuthContext, permission: Permission, unit: { id: string; path: string }): boolean => {
  const scope = unitScope(auth, permission);
  return scope.unitIds.includes(unit.id) || scope.subtreePaths.some((p) => unit.path === p || unit.path.startsWith(`${p}.`));
};
