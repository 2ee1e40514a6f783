import { type OrgUnitSummary, type Page, PERMISSIONS, type UserSummary } from '@helhet/shared';

import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

const email = (local: string) => `${local}@fjordvik.kommune.no`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * Every role against every endpoint: the role decides the verb, the unit scope decides the rows. Read-only: the
 * seeded demo logins against the seeded organisation (no spec adds units or people to the seeded units; other
 * specs' factory branches hang off the municipality, outside both sectors).
 */
describe('organisation scope (role × unit)', () => {
  let testApp: TestApp;
  const sessions: Record<string, Session> = {};
  let ids: { helse: string; oppvekst: string; school: string; nursingHome: string; root: string; schoolUser: string; nursingUser: string };

  beforeAll(async () => {
    testApp = await startTestApp();
    for (const login of [
      'admin',
      'kommunedirektor',
      'kommunalsjef.helse',
      'kommunalsjef.oppvekst',
      'enhetsleder.sykehjem',
      'hms',
      'kvalitet',
      'verneombud',
      'ansatt',
    ]) {
      sessions[login] = await Session.login(testApp.baseUrl, email(login));
    }
    const one = async (sql: string): Promise<string> => ((await testApp.dataSource.query(sql)) as { id: string }[])[0]!.id;
    const helse = await one(`SELECT id FROM org_unit WHERE level_type = 'sector' AND name = 'Helse og omsorg'`);
    const oppvekst = await one(`SELECT id FROM org_unit WHERE level_type = 'sector' AND name = 'Oppvekst'`);
    const school = await one(
      `SELECT u.id FROM org_unit u JOIN org_unit s ON u.path <@ s.path WHERE s.id = '${oppvekst}' AND u.level_type = 'unit' ORDER BY u.code LIMIT 1`,
    );
    const nursingHome = await one(`SELECT primary_org_unit_id AS id FROM app_user WHERE email = '${email('enhetsleder.sykehjem')}'`);
    const root = await one(
      `SELECT id FROM org_unit WHERE parent_id IS NULL AND tenant_id = (SELECT tenant_id FROM app_user WHERE email = '${email('admin')}')`,
    );
    const schoolUser = await one(`SELECT id FROM app_user WHERE primary_org_unit_id = '${school}' ORDER BY email LIMIT 1`);
    const nursingUser = await one(`SELECT id FROM app_user WHERE email = '${email('ansatt')}'`);
    ids = { helse, nursingHome, nursingUser, oppvekst, root, school, schoolUser };
  });

  afterAll(() => testApp.close());

  it('should list only the own sector as root when a sector leader opens the tree', async () => {
    const roots = await sessions['kommunalsjef.helse']!.get<Page<OrgUnitSummary>>('/api/org-units');
    expect(roots.status).toBe(200);
    expect(roots.body.items.map((unit) => unit.id)).toEqual([ids.helse]);
  });

  it('should only find units inside the own sector when a sector leader searches', async () => {
    const result = await sessions['kommunalsjef.helse']!.get<Page<OrgUnitSummary>>('/api/org-units?q=e&pageSize=200');
    expect(result.status).toBe(200);
    expect(result.body.total).toBeGreaterThan(3);
    const paths = (await testApp.dataSource.query(
      `SELECT u.id, u.path <@ s.path AS inside FROM org_unit u, org_unit s WHERE s.id = $1 AND u.id = ANY($2::uuid[])`,
      [ids.helse, result.body.items.map((unit) => unit.id)],
    )) as { inside: boolean }[];
    expect(paths).toHaveLength(result.body.items.length);
    expect(paths.every((row) => row.inside)).toBe(true);
  });

  it('should show the whole municipality to the kommunedirektør', async () => {
    const roots = await sessions['kommunedirektor']!.get<Page<OrgUnitSummary>>('/api/org-units');
    expect(roots.body.items.map((unit) => unit.id)).toEqual([ids.root]);
    const school = await sessions['kommunedirektor']!.get(`/api/org-units/${ids.school}`);
    expect(school.status).toBe(200);
  });

  it.each(['', '/management-line', '/delegations'])('should refuse a unit in another sector on GET /org-units/:id%s', async (suffix) => {
    const result = await sessions['kommunalsjef.helse']!.get(`/api/org-units/${ids.school}${suffix}`);
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: 'ORG_UNIT_NOT_FOUND', statusCode: 404 });
  });

  it('should refuse listing the children of a unit in another sector', async () => {
    const result = await sessions['kommunalsjef.helse']!.get(`/api/org-units?parentId=${ids.oppvekst}`);
    expect(result.status).toBe(404);
  });

  it('should refuse a user in another sector and leave them out of the list', async () => {
    const leader = sessions['kommunalsjef.helse']!;
    expect((await leader.get(`/api/users/${ids.schoolUser}`)).status).toBe(404);
    const list = await leader.get<Page<UserSummary>>('/api/users?pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.some((user) => user.id === ids.schoolUser)).toBe(false);
    expect((await leader.get(`/api/users/${ids.nursingUser}`)).status).toBe(200);
  });

  it('should confine an employee to their own unit', async () => {
    const employee = sessions['ansatt']!;
    const roots = await employee.get<Page<OrgUnitSummary>>('/api/org-units');
    expect(roots.body.items.map((unit) => unit.id)).toEqual([ids.nursingHome]);
    expect((await employee.get(`/api/org-units/${ids.helse}`)).status).toBe(404);
    expect((await employee.get('/api/users')).status).toBe(403);
  });

  type Expect = Record<string, number>;
  const roles = [
    'admin',
    'kommunedirektor',
    'kommunalsjef.helse',
    'kommunalsjef.oppvekst',
    'enhetsleder.sykehjem',
    'hms',
    'kvalitet',
    'verneombud',
    'ansatt',
  ];
  const all = (status: number): Expect => Object.fromEntries(roles.map((role) => [role, status]));
  const matrix: { name: string; method: string; path: () => string; body?: () => unknown; expect: Expect }[] = [
    { expect: all(200), method: 'GET', name: 'me', path: () => '/api/auth/me' },
    { expect: all(200), method: 'GET', name: 'list units', path: () => '/api/org-units' },
    {
      expect: { ...all(200), 'kommunalsjef.oppvekst': 404 },
      method: 'GET',
      name: 'nursing home',
      path: () => `/api/org-units/${ids.nursingHome}`,
    },
    {
      expect: { ...all(200), ansatt: 404, 'enhetsleder.sykehjem': 404, 'kommunalsjef.helse': 404, verneombud: 404 },
      method: 'GET',
      name: 'school',
      path: () => `/api/org-units/${ids.school}`,
    },
    { expect: { ...all(200), ansatt: 403, verneombud: 403 }, method: 'GET', name: 'list users', path: () => '/api/users' },
    {
      expect: { ...all(200), ansatt: 403, 'enhetsleder.sykehjem': 404, 'kommunalsjef.helse': 404, verneombud: 403 },
      method: 'GET',
      name: 'school user',
      path: () => `/api/users/${ids.schoolUser}`,
    },
    { expect: { ...all(403), admin: 200 }, method: 'GET', name: 'audit log', path: () => '/api/audit-log' },
    {
      body: () => ({ code: '', levelType: 'unit', name: '', parentId: ids.helse }),
      expect: { ...all(403), admin: 400 },
      method: 'POST',
      name: 'create unit (invalid body)',
      path: () => '/api/org-units',
    },
    {
      body: () => ({ name: '' }),
      expect: { ...all(403), admin: 400 },
      method: 'PATCH',
      name: 'rename unit (invalid body)',
      path: () => `/api/org-units/${ids.school}`,
    },
    {
      body: () => ({ email: 'not-an-email', name: 'X', primaryOrgUnitId: ids.school }),
      expect: { ...all(403), admin: 400 },
      method: 'POST',
      name: 'create user (invalid body)',
      path: () => '/api/users',
    },
    {
      body: () => ({ orgUnitId: ids.school, role: 'nonsense' }),
      expect: { ...all(403), admin: 400 },
      method: 'POST',
      name: 'add role (invalid body)',
      path: () => `/api/users/${ids.schoolUser}/role-assignments`,
    },
    {
      expect: { ...all(403), admin: 409 },
      method: 'POST',
      name: 'deactivate sector with children',
      path: () => `/api/org-units/${ids.oppvekst}/deactivate`,
    },
    {
      body: () => ({ parentId: ids.school }),
      expect: { ...all(403), admin: 409 },
      method: 'POST',
      name: 'move sector under its own unit',
      path: () => `/api/org-units/${ids.oppvekst}/move`,
    },
    {
      body: () => ({
        fromUserId: ids.schoolUser,
        orgUnitId: ids.school,
        reason: 'acting',
        toUserId: ids.schoolUser,
        validFrom: '2026-01-01',
      }),
      expect: { ...all(403), admin: 400 },
      method: 'POST',
      name: 'create delegation (same person)',
      path: () => '/api/delegations',
    },
    { expect: { ...all(403), admin: 404 }, method: 'DELETE', name: 'delete unknown delegation', path: () => `/api/delegations/${UNKNOWN}` },
    {
      body: () => ({ name: '' }),
      expect: { ...all(403), admin: 400 },
      method: 'PATCH',
      name: 'update user (invalid body)',
      path: () => `/api/users/${ids.schoolUser}`,
    },
    {
      expect: { ...all(403), admin: 404 },
      method: 'DELETE',
      name: 'remove unknown role assignment',
      path: () => `/api/users/${ids.schoolUser}/role-assignments/${UNKNOWN}`,
    },
    {
      expect: { ...all(403), admin: 204 },
      method: 'POST',
      name: 'resend invitation',
      path: () => `/api/users/${ids.schoolUser}/invitation`,
    },
  ];

  it.each(matrix)('should answer $name per role', async ({ method, path, body, expect: expected }) => {
    const actual: Expect = {};
    for (const role of roles) actual[role] = (await sessions[role]!.request(method, path(), body?.())).status;
    expect(actual).toEqual(expected);
  });

  it('should hand the web the same permission map the API enforces', () => {
    const admin = (sessions['admin'] as Session & { me: { permissions: string[] } }).me;
    expect(admin.permissions).toContain(PERMISSIONS.organisationManage);
    const employee = (sessions['ansatt'] as Session & { me: { permissions: string[] } }).me;
    expect(employee.permissions).toEqual([PERMISSIONS.incidentsFile, PERMISSIONS.organisationRead]);
  });
});
