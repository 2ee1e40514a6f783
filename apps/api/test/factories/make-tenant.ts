import { randomUUID } from 'node:crypto';

import { childPath } from '@helhet/domain';
import type { DataSource } from 'typeorm';

import { ensureDefaultIncidentCategories } from '../../src/incidents/default-categories';
import { ensureDefaultRiskFactors } from '../../src/risk/default-risk-factors';
import { ensureDefaultScaleSets } from '../../src/risk/default-scale-sets';
import { makeUser, type TestUser } from './make-user';
import { uniqueSuffix } from './unique';

/** Municipality number of the demo municipality that global setup seeds (demo-municipality.generator.ts). */
export const DEMO_MUNICIPALITY_NUMBER = '3199';

export interface TestTenant {
  id: string;
  municipalityNumber: string;
  root: { id: string; path: string };
  /** Leader of the municipality (executive, the top of every management line). */
  executive: TestUser;
  /** tenant_admin, quality_coordinator and hms_advisor for the whole municipality. */
  admin: TestUser;
  quality: TestUser;
  hms: TestUser;
}

/**
 * A municipality of its own, for specs that change tenant-wide configuration (severity scale, deadlines,
 * categories) or count across the whole municipality (registers): what a new tenant gets (seed.cli: the
 * default incident categories, scale sets and work-environment factor catalogue), a root unit with its executive, and the
 * tenant-wide roles. Add branches with makeUnitTree({ tenantId }).
 */
export const makeTenant = async (dataSource: DataSource, label = 'Testkommune'): Promise<TestTenant> => {
  const id = randomUUID();
  let municipalityNumber = '';
  for (let attempt = 0; ; attempt++) {
    municipalityNumber = String(4000 + Math.floor(Math.random() * 6000));
    const inserted = (await dataSource.query(
      `INSERT INTO tenant (id, municipality_number, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [id, municipalityNumber, `${label} ${uniqueSuffix()}`],
    )) as unknown[];
    if (inserted.length > 0) break;
    if (attempt > 20) throw new Error('no free municipality number');
  }
  const rootId = randomUUID();
  const root = { id: rootId, path: childPath(null, rootId) };
  await dataSource.query(
    `INSERT INTO org_unit (id, tenant_id, parent_id, path, code, name, level_type, valid_from)
     VALUES ($1, $2, NULL, $3::ltree, $4, $5, 'municipality', CURRENT_DATE - 365)`,
    [rootId, id, root.path, '1000', label],
  );
  await dataSource.transaction(async (manager) => {
    await ensureDefaultIncidentCategories(manager, id);
    await ensureDefaultScaleSets(manager, id);
    await ensureDefaultRiskFactors(manager, id);
  });
  const wide = (role: 'executive' | 'tenant_admin' | 'quality_coordinator' | 'hms_advisor', name: string, leader = false) =>
    makeUser(dataSource, {
      leaderOf: leader ? [rootId] : [],
      name: `${name} ${uniqueSuffix()}`,
      primaryOrgUnitId: rootId,
      roles: [{ includeDescendants: true, orgUnitId: rootId, role }],
      tenantId: id,
    });
  const executive = await wide('executive', 'Kommunedirektør', true);
  const admin = await wide('tenant_admin', 'Administrator');
  const quality = await wide('quality_coordinator', 'Kvalitet');
  const hms = await wide('hms_advisor', 'HMS');
  return { admin, executive, hms, id, municipalityNumber, quality, root };
};
