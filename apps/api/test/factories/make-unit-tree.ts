import { randomUUID } from 'node:crypto';

import { childPath } from '@helhet/domain';
import type { OrgLevelType, Role } from '@helhet/shared';
import type { DataSource } from 'typeorm';

import { DEMO_MUNICIPALITY_NUMBER } from './make-tenant';
import { makeUser, type TestUser } from './make-user';
import { uniqueSuffix } from './unique';

export interface TestUnit {
  id: string;
  tenantId: string;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  levelType: OrgLevelType;
}

export interface MakeUnitOptions {
  tenantId: string;
  parent: Pick<TestUnit, 'id' | 'path'>;
  levelType: OrgLevelType;
  name?: string;
  serviceType?: string | null;
  leaderUserId?: string | null;
}

/** One unit under `parent` (unique code; the ltree path as the API builds it). */
export const makeUnit = async (dataSource: DataSource, options: MakeUnitOptions): Promise<TestUnit> => {
  const id = randomUUID();
  const suffix = uniqueSuffix();
  const path = childPath(options.parent.path, id);
  const code = `T-${suffix}`.slice(0, 32);
  const name = options.name ?? `Testenhet ${suffix}`;
  await dataSource.query(
    `INSERT INTO org_unit (id, tenant_id, parent_id, path, code, name, level_type, service_type, leader_user_id, valid_from)
     VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, CURRENT_DATE - 365)`,
    [
      id,
      options.tenantId,
      options.parent.id,
      path,
      code,
      name,
      options.levelType,
      options.serviceType ?? null,
      options.leaderUserId ?? null,
    ],
  );
  return { code, id, levelType: options.levelType, name, parentId: options.parent.id, path, tenantId: options.tenantId };
};

/** The tenant's top unit (the municipality). */
export const rootUnit = async (dataSource: DataSource, tenantId: string): Promise<TestUnit> => {
  const [row] = (await dataSource.query(
    `SELECT id, tenant_id, parent_id, path::text AS path, code, name, level_type FROM org_unit WHERE tenant_id = $1 AND parent_id IS NULL`,
    [tenantId],
  )) as { id: string; tenant_id: string; parent_id: null; path: string; code: string; name: string; level_type: OrgLevelType }[];
  if (!row) throw new Error(`tenant ${tenantId} has no root unit`);
  return { code: row.code, id: row.id, levelType: row.level_type, name: row.name, parentId: null, path: row.path, tenantId: row.tenant_id };
};

/** The seeded demo municipality (global setup) — a tenant that always exists; factories add their own units to it. */
export const demoTenantId = async (dataSource: DataSource): Promise<string> => {
  const [row] = (await dataSource.query(`SELECT id FROM tenant WHERE municipality_number = $1`, [DEMO_MUNICIPALITY_NUMBER])) as {
    id: string;
  }[];
  if (!row) throw new Error(`the demo municipality ${DEMO_MUNICIPALITY_NUMBER} is not seeded`);
  return row.id;
};

export interface UnitTree {
  tenantId: string;
  municipality: TestUnit;
  sector: TestUnit;
  unit: TestUnit;
  department: TestUnit;
  /** Formal leader of each level this factory made (role by level, with descendants). */
  leaders: { sector: TestUser; unit: TestUser; department: TestUser };
  /** An employee of `unit` (no other role). */
  employee: TestUser;
}

export interface MakeUnitTreeOptions {
  /** Defaults to the seeded demo municipality. */
  tenantId?: string;
  serviceType?: string;
  /** Prefix of the unit names (a readable trace in failures). */
  label?: string;
}

const LEADER_ROLE: Record<'sector' | 'unit' | 'department', Role> = {
  department: 'department_leader',
  sector: 'sector_leader',
  unit: 'unit_leader',
};

/**
 * A sector → unit → department branch of its own under the tenant's municipality, each with its own formal
 * leader, plus one employee of the unit. Cases filed there are handled, escalated and notified within this
 * branch (up to the municipality's leader), so a spec never shares handlers or inboxes with another spec.
 */
export const makeUnitTree = async (dataSource: DataSource, options: MakeUnitTreeOptions = {}): Promise<UnitTree> => {
  const tenantId = options.tenantId ?? (await demoTenantId(dataSource));
  const label = options.label ?? 'Test';
  const municipality = await rootUnit(dataSource, tenantId);
  const sector = await makeUnit(dataSource, {
    levelType: 'sector',
    name: `${label} sektor ${uniqueSuffix()}`,
    parent: municipality,
    tenantId,
  });
  const unit = await makeUnit(dataSource, {
    levelType: 'unit',
    name: `${label} enhet ${uniqueSuffix()}`,
    parent: sector,
    serviceType: options.serviceType ?? null,
    tenantId,
  });
  const department = await makeUnit(dataSource, {
    levelType: 'department',
    name: `${label} avdeling ${uniqueSuffix()}`,
    parent: unit,
    tenantId,
  });
  const leader = (level: 'sector' | 'unit' | 'department', of: TestUnit) =>
    makeUser(dataSource, {
      leaderOf: [of.id],
      name: `${label} leder ${level} ${uniqueSuffix()}`,
      primaryOrgUnitId: of.id,
      roles: [{ includeDescendants: true, orgUnitId: of.id, role: LEADER_ROLE[level] }],
      tenantId,
    });
  const leaders = {
    department: await leader('department', department),
    sector: await leader('sector', sector),
    unit: await leader('unit', unit),
  };
  const employee = await makeUser(dataSource, { name: `${label} ansatt ${uniqueSuffix()}`, primaryOrgUnitId: unit.id, tenantId });
  return { department, employee, leaders, municipality, sector, tenantId, unit };
};
