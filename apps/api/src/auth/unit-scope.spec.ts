import { PERMISSIONS, permissionsForRoles } from '@helhet/shared';

import type { AuthContext, Grant } from './auth-context';
import { isInUnitScope, unitScope, unitScopeCondition } from './unit-scope';

const context = (grants: Grant[]): AuthContext => ({
  grants,
  permissions: new Set(permissionsForRoles(grants.map((g) => g.role))),
  tenantId: 't',
  userId: 'u',
});

describe('unit scope', () => {
  const sectorLeader = context([{ includeDescendants: true, orgUnitId: 'sector', path: 'root.sector', role: 'sector_leader' }]);
  const employee = context([{ includeDescendants: false, orgUnitId: 'unit', path: 'root.sector.unit', role: 'employee' }]);

  it('should give a sector leader the sector subtree for reading users', () => {
    expect(unitScope(sectorLeader, PERMISSIONS.usersRead)).toEqual({ subtreePaths: ['root.sector'], unitIds: [] });
  });

  it('should give nothing for a permission none of the roles grants', () => {
    expect(unitScope(sectorLeader, PERMISSIONS.organisationManage)).toEqual({ subtreePaths: [], unitIds: [] });
  });

  it('should include descendants but not siblings or label prefixes', () => {
    expect(isInUnitScope(sectorLeader, PERMISSIONS.organisationRead, { id: 'x', path: 'root.sector.unit.dept' })).toBe(true);
    expect(isInUnitScope(sectorLeader, PERMISSIONS.organisationRead, { id: 'sector', path: 'root.sector' })).toBe(true);
    expect(isInUnitScope(sectorLeader, PERMISSIONS.organisationRead, { id: 'y', path: 'root.sector2' })).toBe(false);
    expect(isInUnitScope(sectorLeader, PERMISSIONS.organisationRead, { id: 'root', path: 'root' })).toBe(false);
  });

  it('should confine an assignment without descendants to its own unit', () => {
    expect(isInUnitScope(employee, PERMISSIONS.organisationRead, { id: 'unit', path: 'root.sector.unit' })).toBe(true);
    expect(isInUnitScope(employee, PERMISSIONS.organisationRead, { id: 'dept', path: 'root.sector.unit.dept' })).toBe(false);
  });
});

describe('unitScopeCondition', () => {
  it('should build the one scope predicate on the given alias and parameter positions', () => {
    expect(unitScopeCondition('pou', 5, 6)).toBe('(pou.path <@ $5::ltree[] OR pou.id = ANY($6::uuid[]))');
  });
});
