import type { AuditLogEntryResponse, Page } from '@helhet/shared';

import {
  filingPayload,
  incidentCategories,
  makeTenant,
  makeUnitTree,
  makeUser,
  type SignedIn,
  signIn,
  type TestTenant,
  type UnitTree,
} from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * Audit rows of case records carry the case's scope (ADR 0015): the administrator, who reads no cases, sees who
 * filed what nowhere in the audit log; a viewer who may read a case sees its rows; paging counts only what is shown.
 */
describe('audit log scope for case records', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let tree: UnitTree;
  let admin: SignedIn;
  /** audit.read and quality coordinator (unrestricted cases) in the whole municipality. */
  let auditorQuality: SignedIn;
  let openCase: string;
  let infosecCase: string;

  const list = async (session: SignedIn, query: string) => {
    const result = await session.get<Page<AuditLogEntryResponse>>(`/api/audit-log?${query}`);
    expect(result.status).toBe(200);
    return result.body;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await makeTenant(testApp.dataSource, 'Revisjonsspor');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Spor', tenantId: tenant.id });
    const auditor = await makeUser(testApp.dataSource, {
      primaryOrgUnitId: tenant.root.id,
      roles: [
        { orgUnitId: tenant.root.id, role: 'tenant_admin' },
        { orgUnitId: tenant.root.id, role: 'quality_coordinator' },
      ],
      tenantId: tenant.id,
    });
    admin = await signIn(testApp.baseUrl, tenant.admin);
    auditorQuality = await signIn(testApp.baseUrl, auditor);
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    const category = await incidentCategories(reporter);
    const file = async (code: string) => {
      const result = await reporter.request<{ id: string }>(
        'POST',
        '/api/incidents',
        filingPayload({ categoryId: category(code).id, orgUnitId: tree.unit.id }),
      );
      expect(result.status).toBe(201);
      return result.body.id;
    };
    openCase = await file('service_quality');
    infosecCase = await file('information_security');
  });

  afterAll(() => testApp.close());

  it('should have written the filing rows (the premise)', async () => {
    const rows = (await testApp.dataSource.query(
      `SELECT entity_id, actor_user_id FROM audit_log_entry WHERE entity_type = 'incident' AND entity_id = ANY($1::uuid[])`,
      [[openCase, infosecCase]],
    )) as { entity_id: string; actor_user_id: string }[];
    expect(rows.map((row) => row.entity_id).sort()).toEqual([openCase, infosecCase].sort());
    expect(rows.every((row) => row.actor_user_id === tree.employee.id)).toBe(true);
  });

  it('should leave every case row out of the administrator’s audit log, with counts that match', async () => {
    for (const id of [openCase, infosecCase]) expect(await list(admin, `entityId=${id}`)).toMatchObject({ items: [], total: 0 });
    const byReporter = await list(admin, `actorId=${tree.employee.id}&pageSize=100`);
    expect(byReporter.items.filter((entry) => entry.entityType === 'incident')).toEqual([]);
    expect(byReporter.total).toBe(byReporter.items.length);
    // Configuration rows stay visible: the administrator's own role grants.
    const roles = await list(admin, 'entityType=role_assignment');
    expect(roles.total).toBeGreaterThanOrEqual(0);
    const tenantRows = await list(admin, 'pageSize=100');
    expect(tenantRows.items.some((entry) => [openCase, infosecCase].includes(entry.entityId))).toBe(false);
  });

  it('should show a viewer with audit.read the rows of the cases they may read, and only those', async () => {
    const open = await list(auditorQuality, `entityId=${openCase}`);
    expect(open.total).toBeGreaterThanOrEqual(1);
    expect(open.items[0]).toMatchObject({ actor: { id: tree.employee.id }, entityType: 'incident' });
    expect(await list(auditorQuality, `entityId=${infosecCase}`)).toMatchObject({ items: [], total: 0 });
  });
});
