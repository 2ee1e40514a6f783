import type { ApiError, ManagementLineEntryResponse, OrgUnitResponse } from '@helhet/shared';

import { makeUnitTree, makeUser, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

const ADMIN = 'admin@fjordvik.kommune.no';

/**
 * The demo tenant's administrator (a seeded login; this spec changes none of its rows) works in branches this
 * spec creates itself (factories): new units go under its own sector, moves go to its other sector, and the
 * acting-leader delegation is on its own unit, so no other spec's units, leaders or delegations change.
 */
describe('organisation units (admin writes, audit, management line)', () => {
  let testApp: TestApp;
  let admin: Session;
  let tree: UnitTree;
  let other: UnitTree;
  let helse: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await testApp.dataSource.query(sql, params)) as { n: string }[])[0]!.n);
  const auditRows = () => count(`SELECT count(*) AS n FROM audit_log_entry`);
  const unitRows = () => count(`SELECT count(*) AS n FROM org_unit`);

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await Session.login(testApp.baseUrl, ADMIN);
    tree = await makeUnitTree(testApp.dataSource, { label: 'Org' });
    other = await makeUnitTree(testApp.dataSource, { label: 'Orgflytt' });
    helse = tree.sector.id;
  });

  afterAll(() => testApp.close());

  const create = (code: string, name: string, parentId = helse) =>
    admin.request<OrgUnitResponse>('POST', '/api/org-units', { code, levelType: 'unit', name, parentId, serviceType: 'home_care' });

  it('should create a unit and write exactly one audit row when the input is valid', async () => {
    const before = await auditRows();
    const result = await create('T-100', 'Hjemmetjenesten sone test');
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      active: true,
      code: 'T-100',
      depth: 2,
      levelType: 'unit',
      name: 'Hjemmetjenesten sone test',
      parentId: helse,
    });
    expect(result.body.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', tree.sector.name]);
    expect(await auditRows()).toBe(before + 1);
    const [row] = (await testApp.dataSource.query(
      `SELECT action, entity_type, entity_id, actor_user_id, changes FROM audit_log_entry WHERE entity_id = $1`,
      [result.body.id],
    )) as {
      action: string;
      entity_type: string;
      entity_id: string;
      actor_user_id: string;
      changes: { field: string; new: unknown }[];
    }[];
    expect(row).toMatchObject({
      action: 'create',
      actor_user_id: (admin as Session & { me: { id: string } }).me.id,
      entity_id: result.body.id,
      entity_type: 'org_unit',
    });
    expect(row!.changes).toEqual(expect.arrayContaining([{ field: 'name', new: 'Hjemmetjenesten sone test', old: null }]));
  });

  it('should return 400 naming every bad field and store nothing when the input is invalid', async () => {
    const [units, audits] = [await unitRows(), await auditRows()];
    const result = await admin.request<ApiError>('POST', '/api/org-units', {
      code: 'bad code!',
      levelType: 'kingdom',
      name: '  ',
      parentId: 'nope',
      surprise: 1,
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const fields = (result.body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['code', 'levelType', 'name', 'parentId', 'surprise']);
    expect([await unitRows(), await auditRows()]).toEqual([units, audits]);
  });

  it('should refuse a duplicate code with 409, leaving no unit and no audit row', async () => {
    await create('T-200', 'Første');
    const [units, audits] = [await unitRows(), await auditRows()];
    const result = await create('T-200', 'Andre');
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ code: 'ORG_UNIT_CODE_TAKEN' });
    expect([await unitRows(), await auditRows()]).toEqual([units, audits]);
  });

  it('should name the field when a referenced parent does not exist', async () => {
    const result = await create('T-300', 'Foreldreløs', '00000000-0000-4000-8000-000000000000');
    expect(result.status).toBe(400);
    expect((result.body as unknown as ApiError).details).toEqual([
      { field: 'parentId', reasons: ['parentId must be a unit you may manage'] },
    ]);
  });

  it('should rename with one audit row holding old and new name', async () => {
    const unit = (await create('T-400', 'Gammelt navn')).body;
    const before = await auditRows();
    const result = await admin.request<OrgUnitResponse>('PATCH', `/api/org-units/${unit.id}`, { name: 'Nytt navn' });
    expect(result.status).toBe(200);
    expect(result.body.name).toBe('Nytt navn');
    expect(await auditRows()).toBe(before + 1);
    const [row] = (await testApp.dataSource.query(`SELECT changes FROM audit_log_entry WHERE entity_id = $1 AND action = 'update'`, [
      unit.id,
    ])) as { changes: unknown }[];
    expect(row!.changes).toEqual([{ field: 'name', new: 'Nytt navn', old: 'Gammelt navn' }]);
  });

  it('should move a unit with its whole subtree and refuse a move under its own descendant', async () => {
    const parent = (await create('T-500', 'Flyttes')).body;
    const child = (
      await admin.request<OrgUnitResponse>('POST', '/api/org-units', {
        code: 'T-501',
        levelType: 'department',
        name: 'Underavdeling',
        parentId: parent.id,
      })
    ).body;
    const audits = await auditRows();
    const refused = await admin.request<ApiError>('POST', `/api/org-units/${parent.id}/move`, { parentId: child.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ORG_UNIT_MOVE_INTO_OWN_SUBTREE');
    expect(await auditRows()).toBe(audits);

    const moved = await admin.request<OrgUnitResponse>('POST', `/api/org-units/${parent.id}/move`, { parentId: other.sector.id });
    expect(moved.status).toBe(200);
    expect(moved.body.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', other.sector.name]);
    const movedChild = (await admin.get<OrgUnitResponse>(`/api/org-units/${child.id}`)).body;
    expect(movedChild.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', other.sector.name, 'Flyttes']);
    expect(await auditRows()).toBe(audits + 1);
  });

  it('should refuse to deactivate a unit with active children, then allow it once they are gone', async () => {
    const parent = (await create('T-600', 'Avvikles')).body;
    const child = (
      await admin.request<OrgUnitResponse>('POST', '/api/org-units', {
        code: 'T-601',
        levelType: 'team',
        name: 'Team',
        parentId: parent.id,
      })
    ).body;
    const refused = await admin.request<ApiError>('POST', `/api/org-units/${parent.id}/deactivate`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ORG_UNIT_HAS_ACTIVE_CHILDREN', details: { activeChildren: 1 } });
    expect((await admin.request('POST', `/api/org-units/${child.id}/deactivate`)).status).toBe(200);
    const done = await admin.request<OrgUnitResponse>('POST', `/api/org-units/${parent.id}/deactivate`);
    expect(done.status).toBe(200);
    expect(done.body.active).toBe(false);
  });

  it('should refuse a write without the CSRF header', async () => {
    const result = await admin.request<ApiError>(
      'POST',
      '/api/org-units',
      { code: 'T-700', levelType: 'unit', name: 'X', parentId: helse },
      { csrf: false },
    );
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('should show an acting leader in the management line and fall back when the delegation ends', async () => {
    // The spec's own unit, its own formal leader and a colleague to stand in.
    const unit = { id: tree.unit.id, leader_user_id: tree.leaders.unit.id };
    const stand = await makeUser(testApp.dataSource, { primaryOrgUnitId: tree.unit.id, tenantId: tree.tenantId });
    const created = await admin.request('POST', '/api/delegations', {
      fromUserId: unit.leader_user_id,
      orgUnitId: unit.id,
      reason: 'acting',
      toUserId: stand.id,
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
    });
    expect(created.status).toBe(201);
    const line = (await admin.get<ManagementLineEntryResponse[]>(`/api/org-units/${unit.id}/management-line`)).body;
    expect(line[0]).toMatchObject({
      formalLeader: { id: unit.leader_user_id },
      orgUnitId: unit.id,
      responsible: { id: stand.id },
      source: 'acting',
      until: '2099-12-31',
    });
    expect(line.map((entry) => entry.levelType)).toEqual(['unit', 'sector', 'municipality']);
    expect(line.at(-1)?.source).not.toBe('vacant');
  });
});
