import type { Page, UserResponse, UserSummary } from '@helhet/shared';

import { makeTenant, makeUnitTree, signIn, type TestTenant, type UnitTree } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/** GET /api/users returns per row only what the caller's role needs (users.contract.ts, UserView). */
describe('user fields per role', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let tree: UnitTree;

  const ACCOUNT_FIELDS = ['email', 'employeeNumber', 'lastLoginAt', 'invitedAt', 'locale'];

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await makeTenant(testApp.dataSource, 'Brukerfelt');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Felt', tenantId: tenant.id });
    await testApp.dataSource.query(`UPDATE app_user SET employee_number = 'A-1234', last_login_at = now() WHERE id = $1`, [
      tree.employee.id,
    ]);
  });

  afterAll(() => testApp.close());

  const find = async (email: string, name: string) => {
    const session = await signIn(testApp.baseUrl, { email });
    const list = await session.get<Page<UserSummary>>(`/api/users?q=${encodeURIComponent(name)}`);
    expect(list.status).toBe(200);
    const one = await session.get<UserResponse>(`/api/users/${tree.employee.id}`);
    expect(one.status).toBe(200);
    return { item: list.body.items.find((u) => u.id === tree.employee.id), one: one.body, session };
  };

  it.each([
    ['HMS advisor', () => tenant.hms],
    ['quality coordinator', () => tenant.quality],
  ])('should show the %s only name and unit: no e-mail, employee number, last login or roles', async (_label, who) => {
    const { item, one, session } = await find(who().email, tree.employee.name);
    expect(item).toEqual({
      id: tree.employee.id,
      name: tree.employee.name,
      primaryOrgUnit: { id: tree.unit.id, name: tree.unit.name },
      view: 'basic',
    });
    expect(Object.keys(one).sort()).toEqual(['id', 'name', 'primaryOrgUnit', 'view']);
    expect(JSON.stringify(one)).not.toContain('A-1234');
    // Searching by e-mail finds nobody where e-mail is not shown (no probing), and roles cannot be filtered.
    const byEmail = await session.get<Page<UserSummary>>(`/api/users?q=${encodeURIComponent(tree.employee.email)}`);
    expect(byEmail.body.total).toBe(0);
    const byRole = await session.get<Page<UserSummary>>(`/api/users?role=employee`);
    expect(byRole.body.total).toBe(0);
  });

  it('should show the management line roles and status but no contact or account data', async () => {
    const { item, one } = await find(tree.leaders.sector.email, tree.employee.name);
    expect(item).toMatchObject({ roles: ['employee'], status: 'active', view: 'line' });
    expect(one).toMatchObject({ roleAssignments: [expect.objectContaining({ role: 'employee' })], view: 'line' });
    for (const field of ACCOUNT_FIELDS) {
      expect(item).not.toHaveProperty(field);
      expect(one).not.toHaveProperty(field);
    }
  });

  it('should show the administrator everything', async () => {
    const { item, one } = await find(tenant.admin.email, tree.employee.name);
    expect(item).toMatchObject({ email: tree.employee.email, roles: ['employee'], view: 'admin' });
    expect(one).toMatchObject({ email: tree.employee.email, employeeNumber: 'A-1234', lastLoginAt: expect.any(String), view: 'admin' });
  });
});
