import type { ApiError } from '@helhet/shared';

import { makeUnitTree } from '../../../test/factories';
import { Session } from '../../../test/utils/session';
import { startTestApp, type TestApp } from '../../../test/utils/test-app';

const TABLES = ['org_unit', 'app_user', 'role_assignment', 'delegation', 'invitation', 'audit_log_entry'];

/** Every write endpoint: bad input → 400 VALIDATION_FAILED naming each bad field, and not one row written. */
describe('bad input on every write endpoint', () => {
  let testApp: TestApp;
  let admin: Session;
  let ids: { unit: string; user: string; other: string };

  const snapshot = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = Number(((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);
    return counts;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await Session.login(testApp.baseUrl, 'admin@fjordvik.kommune.no');
    // A unit with a leader and a colleague of the spec's own (factories): nothing another spec writes.
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Validering' });
    ids = { other: tree.employee.id, unit: tree.unit.id, user: tree.leaders.unit.id };
  });

  afterAll(() => testApp.close());

  const cases: { name: string; method: string; path: () => string; body: () => unknown; fields: string[] }[] = [
    {
      body: () => ({ code: '', levelType: 'x', name: 1, parentId: ids.unit, serviceType: 'zoo' }),
      fields: ['code', 'levelType', 'name', 'serviceType'],
      method: 'POST',
      name: 'create unit',
      path: () => '/api/org-units',
    },
    {
      body: () => ({ code: 'NEW-1', levelType: 'unit', name: 'Ny', parentId: '11111111-1111-4111-8111-111111111111' }),
      fields: ['parentId'],
      method: 'POST',
      name: 'create unit under unknown parent',
      path: () => '/api/org-units',
    },
    {
      body: () => ({ leaderUserId: 'abc', name: '' }),
      fields: ['leaderUserId', 'name'],
      method: 'PATCH',
      name: 'update unit',
      path: () => `/api/org-units/${ids.unit}`,
    },
    {
      body: () => ({ leaderUserId: '11111111-1111-4111-8111-111111111111' }),
      fields: ['leaderUserId'],
      method: 'PATCH',
      name: 'update unit with unknown leader',
      path: () => `/api/org-units/${ids.unit}`,
    },
    {
      body: () => ({ parentId: 42 }),
      fields: ['parentId'],
      method: 'POST',
      name: 'move unit',
      path: () => `/api/org-units/${ids.unit}/move`,
    },
    {
      body: () => ({ fromUserId: ids.user, orgUnitId: ids.unit, reason: 'holiday', toUserId: 'x', validFrom: '31.12.2026' }),
      fields: ['reason', 'toUserId', 'validFrom'],
      method: 'POST',
      name: 'create delegation',
      path: () => '/api/delegations',
    },
    {
      body: () => ({
        fromUserId: ids.user,
        orgUnitId: ids.unit,
        reason: 'acting',
        toUserId: ids.other,
        validFrom: '2026-12-31',
        validTo: '2026-01-01',
      }),
      fields: ['validTo'],
      method: 'POST',
      name: 'create delegation ending before it starts',
      path: () => '/api/delegations',
    },
    {
      body: () => ({ fromUserId: ids.other, orgUnitId: ids.unit, reason: 'acting', toUserId: ids.user, validFrom: '2026-01-01' }),
      fields: ['fromUserId'],
      method: 'POST',
      name: 'create delegation for someone who is not the leader',
      path: () => '/api/delegations',
    },
    {
      body: () => ({ email: 'nope', locale: 'sv', name: '', primaryOrgUnitId: ids.unit }),
      fields: ['email', 'locale', 'name'],
      method: 'POST',
      name: 'create user',
      path: () => '/api/users',
    },
    {
      body: () => ({ active: 'yes', primaryOrgUnitId: 'x' }),
      fields: ['active', 'primaryOrgUnitId'],
      method: 'PATCH',
      name: 'update user',
      path: () => `/api/users/${ids.other}`,
    },
    {
      body: () => ({ includeDescendants: 'sometimes', orgUnitId: ids.unit, role: 'king' }),
      fields: ['includeDescendants', 'role'],
      method: 'POST',
      name: 'add role',
      path: () => `/api/users/${ids.other}/role-assignments`,
    },
    {
      body: () => ({ orgUnitId: ids.unit, role: 'employee', validFrom: '2026-05-01', validTo: '2026-04-01' }),
      fields: ['validTo'],
      method: 'POST',
      name: 'add role ending before it starts',
      path: () => `/api/users/${ids.other}/role-assignments`,
    },
    {
      body: () => ({ password: 'short', token: 'x' }),
      fields: ['password', 'token'],
      method: 'POST',
      name: 'accept invitation',
      path: () => '/api/auth/accept-invitation',
    },
  ];

  it.each(cases)('should reject $name with 400 naming $fields and write nothing', async ({ method, path, body, fields }) => {
    const before = await snapshot();
    const result = await admin.request<ApiError>(method, path(), body());
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const named = [...new Set((result.body.details as { field: string }[]).map((detail) => detail.field))].sort();
    expect(named).toEqual([...fields].sort());
    expect(await snapshot()).toEqual(before);
  });

  it('should reject a malformed JSON body with 400', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).code).toBe('VALIDATION_FAILED');
  });
});
