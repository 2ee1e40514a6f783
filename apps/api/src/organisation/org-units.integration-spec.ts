import type { ApiError, ManagementLineEntryResponse, OrgUnitResponse } from '@helhet/shared';

import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

const ADMIN = 'admin@fjordvik.kommune.no';

describe('organisation units (admin writes, audit, management line)', () => {
  let testApp: TestApp;
  let admin: Session;
  let helse: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await testApp.dataSource.query(sql, params)) as { n: string }[])[0]!.n);
  const auditRows = () => count(`SELECT count(*) AS n FROM audit_log_entry`);
  const unitRows = () => count(`SELECT count(*) AS n FROM org_unit`);

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await Session.login(testApp.baseUrl, ADMIN);
    helse = ((await testApp.dataSource.query(`SELECT id FROM org_unit WHERE name = 'Helse og omsorg'`)) as { id: string }[])[0]!.id;
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
    expect(result.body.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', 'Helse og omsorg']);
    expect(await auditRows()).toBe(before + 1);
    const [row] = (await testApp.dataSource.query(
      `SELECT action, entity_type, entity_id, actor_user_id, changes FROM audit_log_entry ORDER BY occurred_at DESC LIMIT 1`,
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

    const oppvekst = ((await testApp.dataSource.query(`SELECT id FROM org_unit WHERE name = 'Oppvekst'`)) as { id: string }[])[0]!.id;
    const moved = await admin.request<OrgUnitResponse>('POST', `/api/org-units/${parent.id}/move`, { parentId: oppvekst });
    expect(moved.status).toBe(200);
    expect(moved.body.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', 'Oppvekst']);
    const movedChild = (await admin.get<OrgUnitResponse>(`/api/org-units/${child.id}`)).body;
    expect(movedChild.ancestors.map((a) => a.name)).toEqual(['Fjordvik kommune', 'Oppvekst', 'Flyttes']);
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
    const [unit] = (await testApp.dataSource.query(
      // Not a demo login's unit: the database is shared by every test file, and the avvik escalation and delivery
      // tests expect enhetsleder.sykehjem to handle Liavegen sykehjem's cases.
      `SELECT u.id, u.leader_user_id FROM org_unit u WHERE u.parent_id = $1 AND u.leader_user_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM delegation d WHERE d.org_unit_id = u.id)
         AND NOT EXISTS (SELECT 1 FROM app_user l WHERE l.id = u.leader_user_id AND l.email LIKE 'enhetsleder.%')
       ORDER BY u.code LIMIT 1`,
      [helse],
    )) as { id: string; leader_user_id: string }[];
    const [stand] = (await testApp.dataSource.query(`SELECT id FROM app_user WHERE primary_org_unit_id = $1 AND id <> $2 LIMIT 1`, [
      unit!.id,
      unit!.leader_user_id,
    ])) as { id: string }[];
    const created = await admin.request('POST', '/api/delegations', {
      fromUserId: unit!.leader_user_id,
      orgUnitId: unit!.id,
      reason: 'acting',
      toUserId: stand!.id,
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
    });
    expect(created.status).toBe(201);
    const line = (await admin.get<ManagementLineEntryResponse[]>(`/api/org-units/${unit!.id}/management-line`)).body;
    expect(line[0]).toMatchObject({
      formalLeader: { id: unit!.leader_user_id },
      orgUnitId: unit!.id,
      responsible: { id: stand!.id },
      source: 'acting',
      until: '2099-12-31',
    });
    expect(line.map((entry) => entry.levelType)).toEqual(['unit', 'sector', 'municipality']);
    expect(line.at(-1)?.source).not.toBe('vacant');
  });
});
