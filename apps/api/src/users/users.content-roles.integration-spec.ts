import {
  type ApiError,
  caseContentPermissionsForRole,
  type InboxNotificationResponse,
  type RoleAssignmentResponse,
  type UserResponse,
} from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';

import { makeTenant, makeUnitTree, makeUser, type SignedIn, signIn, type TestTenant, type UnitTree } from '../../test/factories';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';

/**
 * Roles that open case content (ADR 0015): an administrator can never give one to itself (role, leadership,
 * stand-in); given to someone else, the audit row says so and the DPO and the kommunedirektør are told.
 */
describe('content roles cannot be self-granted', () => {
  let testApp: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let tenant: TestTenant;
  let tree: UnitTree;
  let admin: SignedIn;
  let dpo: { id: string; email: string };

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    tenant = await makeTenant(testApp.dataSource, 'Innholdsroller');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Innhold', tenantId: tenant.id });
    dpo = await makeUser(testApp.dataSource, {
      primaryOrgUnitId: tenant.root.id,
      roles: [{ orgUnitId: tenant.root.id, role: 'dpo' }],
      tenantId: tenant.id,
    });
    admin = await signIn(testApp.baseUrl, tenant.admin);
  });

  afterAll(async () => {
    await worker.close();
    await testApp.close();
    await smtp.close();
  });

  it.each(['executive', 'dpo', 'hms_advisor', 'quality_coordinator', 'unit_leader'] as const)(
    'should refuse the administrator granting itself %s, and write nothing',
    async (role) => {
      const before = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM role_assignment WHERE user_id = $1`, [tenant.admin.id]);
      const result = await admin.request<ApiError>('POST', `/api/users/${tenant.admin.id}/role-assignments`, {
        orgUnitId: tenant.root.id,
        role,
      });
      expect(result.status).toBe(403);
      expect(result.body.code).toBe('ROLE_SELF_GRANT_FORBIDDEN');
      const after = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM role_assignment WHERE user_id = $1`, [tenant.admin.id]);
      expect(after).toEqual(before);
    },
  );

  it('should still let the administrator give itself a role without case content', async () => {
    expect(caseContentPermissionsForRole('preparedness_coordinator')).toEqual([]);
    const result = await admin.request<RoleAssignmentResponse>('POST', `/api/users/${tenant.admin.id}/role-assignments`, {
      orgUnitId: tenant.root.id,
      role: 'preparedness_coordinator',
    });
    expect(result.status).toBe(201);
    const notified = await testApp.dataSource.query(`SELECT id FROM notification WHERE dedupe_key = $1`, [
      `role_assignment:${result.body.id}:content_role_granted`,
    ]);
    expect(notified).toEqual([]);
  });

  it('should refuse the administrator making itself leader of a new or existing unit', async () => {
    const created = await admin.request<ApiError>('POST', '/api/org-units', {
      code: `SELV${Date.now() % 100000}`,
      leaderUserId: tenant.admin.id,
      levelType: 'unit',
      name: 'Egen enhet',
      parentId: tree.sector.id,
    });
    expect(created.status).toBe(403);
    expect(created.body.code).toBe('ROLE_SELF_GRANT_FORBIDDEN');

    const updated = await admin.request<ApiError>('PATCH', `/api/org-units/${tree.unit.id}`, { leaderUserId: tenant.admin.id });
    expect(updated.status).toBe(403);
    expect(updated.body.code).toBe('ROLE_SELF_GRANT_FORBIDDEN');
    const [unit] = (await testApp.dataSource.query(`SELECT leader_user_id FROM org_unit WHERE id = $1`, [tree.unit.id])) as {
      leader_user_id: string;
    }[];
    expect(unit?.leader_user_id).toBe(tree.leaders.unit.id);
  });

  it('should refuse the administrator making itself stand-in for a leader', async () => {
    const result = await admin.request<ApiError>('POST', '/api/delegations', {
      fromUserId: tree.leaders.unit.id,
      orgUnitId: tree.unit.id,
      reason: 'vacation',
      toUserId: tenant.admin.id,
      validFrom: '2026-01-01',
    });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('ROLE_SELF_GRANT_FORBIDDEN');
    const rows = await testApp.dataSource.query(`SELECT id FROM delegation WHERE to_user_id = $1`, [tenant.admin.id]);
    expect(rows).toEqual([]);
  });

  it('should flag a content role granted to someone else in the audit row and tell the DPO and the kommunedirektør', async () => {
    const result = await admin.request<RoleAssignmentResponse>('POST', `/api/users/${tree.employee.id}/role-assignments`, {
      orgUnitId: tenant.root.id,
      role: 'executive',
    });
    expect(result.status).toBe(201);

    const [audit] = (await testApp.dataSource.query(`SELECT actor_user_id, changes FROM audit_log_entry WHERE entity_id = $1`, [
      result.body.id,
    ])) as { actor_user_id: string; changes: { field: string; new: unknown }[] }[];
    expect(audit?.actor_user_id).toBe(tenant.admin.id);
    const field = (name: string) => audit?.changes.find((change) => change.field === name)?.new;
    expect(field('opensCaseContent')).toBe(true);
    expect(field('caseContentPermissions')).toBe(caseContentPermissionsForRole('executive').join(','));
    expect(field('role')).toBe('executive');

    const rows = (await testApp.dataSource.query(
      `SELECT n.user_id, n.kind, n.subject_user_id, n.title, (SELECT count(*)::int FROM notification_delivery d WHERE d.notification_id = n.id) AS deliveries
         FROM notification n WHERE n.dedupe_key = $1 ORDER BY n.user_id`,
      [`role_assignment:${result.body.id}:content_role_granted`],
    )) as { user_id: string; kind: string; subject_user_id: string; title: string; deliveries: number }[];
    expect(rows.map((row) => row.user_id).sort()).toEqual([dpo.id, tenant.executive.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ deliveries: 1, kind: 'content_role_granted', subject_user_id: tree.employee.id });
      expect(row.title).toContain(tree.employee.name);
    }
    // Nobody else (the administrator, the grantee) is told.
    expect(rows.some((row) => row.user_id === tenant.admin.id || row.user_id === tree.employee.id)).toBe(false);

    // The e-mail (through the product's delivery path) links to the grantee's page too.
    const mail = await waitFor(() => smtp.received.find((received) => received.to.includes(dpo.email)), { what: 'the DPO e-mail' });
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`/admin/users/${tree.employee.id}`);

    // The kommunedirektør's inbox links to the grantee's page, and they may open it.
    const executive = await signIn(testApp.baseUrl, tenant.executive);
    const inbox = (await executive.get<InboxNotificationResponse[]>('/api/notifications')).body;
    expect(inbox.find((n) => n.kind === 'content_role_granted')).toMatchObject({ incidentId: null, subjectUserId: tree.employee.id });
    expect((await executive.get(`/api/users/${tree.employee.id}`)).status).toBe(200);

    // The DPO has no users.read, yet the link works for them: roles, no contact or account data. Nobody else's page.
    const asDpo = await signIn(testApp.baseUrl, dpo);
    const page = await asDpo.get<UserResponse>(`/api/users/${tree.employee.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: tree.employee.id, view: 'line' });
    expect(page.body.roleAssignments?.map((role) => role.role)).toContain('executive');
    expect(page.body).not.toHaveProperty('email');
    expect((await asDpo.get(`/api/users/${tree.leaders.unit.id}`)).status).toBe(403);
    expect((await asDpo.get('/api/users')).status).toBe(403);
  });
});
