import type { ApiError, Page, RoleAssignmentResponse, UserResponse, UserSummary } from '@helhet/shared';

import { FACTORY_PASSWORD, makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * User and role administration: scope, audit (exactly one row per changed record) and effect on access. The
 * demo administrator acts on a user and sector of this spec's own (factories).
 */
describe('users and role assignments', () => {
  let testApp: TestApp;
  let tree: UnitTree;
  let admin: Session;
  let employee: { id: string; unitId: string };

  const auditCount = async (entityId: string) =>
    Number(
      (
        (await testApp.dataSource.query(`SELECT count(*) AS n FROM audit_log_entry WHERE entity_id = $1`, [entityId])) as { n: string }[]
      )[0]!.n,
    );

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await Session.login(testApp.baseUrl, 'admin@fjordvik.kommune.no');
    // The user whose roles and status change is this spec's own (factories), never a demo login.
    tree = await makeUnitTree(testApp.dataSource, { label: 'Brukere' });
    employee = { id: tree.employee.id, unitId: tree.unit.id };
  });

  afterAll(() => testApp.close());

  it('should find users by name or e-mail and filter by role', async () => {
    const result = await admin.get<Page<UserSummary>>('/api/users?q=kommunalsjef&pageSize=10');
    expect(result.status).toBe(200);
    expect(result.body.items.map((u) => u.email).sort()).toEqual([
      'kommunalsjef.helse@fjordvik.kommune.no',
      'kommunalsjef.oppvekst@fjordvik.kommune.no',
    ]);
    const admins = await admin.get<Page<UserSummary>>('/api/users?role=tenant_admin');
    expect(admins.body.items.every((u) => u.roles?.includes('tenant_admin'))).toBe(true);
    expect(admins.body.total).toBeGreaterThanOrEqual(1);
  });

  it('should grant a role with one audit row, widen the user’s access, and take it away again', async () => {
    const sector = tree.sector;
    const before = (await signIn(testApp.baseUrl, tree.employee)).me.permissions;
    expect(before).not.toContain('users.read');

    const granted = await admin.request<RoleAssignmentResponse>('POST', `/api/users/${employee.id}/role-assignments`, {
      orgUnitId: sector.id,
      role: 'hms_advisor',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      includeDescendants: true,
      orgUnitId: sector.id,
      orgUnitName: sector.name,
      role: 'hms_advisor',
    });
    expect(await auditCount(granted.body.id)).toBe(1);

    const widened = await signIn(testApp.baseUrl, tree.employee);
    expect(widened.me.permissions).toContain('users.read');
    expect((await widened.get<Page<UserSummary>>('/api/users')).status).toBe(200);

    expect((await admin.request('DELETE', `/api/users/${employee.id}/role-assignments/${granted.body.id}`)).status).toBe(204);
    expect(await auditCount(granted.body.id)).toBe(2);
    // Access follows at once: the grant is read per request, not baked into the token.
    expect((await widened.get('/api/users')).status).toBe(403);
  });

  it('should update a user with one audit row and lock them out when deactivated', async () => {
    const session = await signIn(testApp.baseUrl, tree.employee);
    const auditsBefore = await auditCount(employee.id);
    const updated = await admin.request<UserResponse>('PATCH', `/api/users/${employee.id}`, { active: false, locale: 'en' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ locale: 'en', status: 'inactive' });
    expect(await auditCount(employee.id)).toBe(auditsBefore + 1);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const login = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      body: JSON.stringify({ email: tree.employee.email, password: FACTORY_PASSWORD }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    expect(login.status).toBe(401);
    expect((await admin.request('PATCH', `/api/users/${employee.id}`, { active: true, locale: 'nb' })).status).toBe(200);
  });

  it('should refuse to let an administrator deactivate themselves', async () => {
    const me = (admin as Session & { me: { id: string } }).me;
    const result = await admin.request<ApiError>('PATCH', `/api/users/${me.id}`, { active: false });
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([{ field: 'active', reasons: ['you cannot deactivate yourself'] }]);
  });

  it('should show the audit trail to the administrator, newest first, filtered by entity', async () => {
    const result = await admin.get<Page<{ entityId: string; action: string; occurredAt: string; actor: { name: string } | null }>>(
      `/api/audit-log?entityType=user&entityId=${employee.id}`,
    );
    expect(result.status).toBe(200);
    expect(result.body.items.length).toBeGreaterThanOrEqual(2);
    expect(result.body.items.every((entry) => entry.entityId === employee.id)).toBe(true);
    const times = result.body.items.map((entry) => entry.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(result.body.items[0]!.actor?.name).toBeTruthy();
  });

  it('should refuse updates to the audit trail at the database level', async () => {
    await expect(testApp.dataSource.query(`UPDATE audit_log_entry SET action = 'delete'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM audit_log_entry`)).rejects.toThrow(/append-only/);
  });
});
