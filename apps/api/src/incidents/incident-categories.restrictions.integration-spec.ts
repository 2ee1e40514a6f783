import type { ApiError, CategoryRestrictionChangeResponse, IncidentCategoryResponse } from '@helhet/shared';

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
 * Loosening a category's restriction waits for the approver (ADR 0015): the DPO for information security, the HMS
 * advisor for injury. Until approved the category stays restricted; the proposer cannot approve; decisions are logged.
 */
describe('category restriction changes need approval', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let tree: UnitTree;
  let quality: SignedIn;
  let admin: SignedIn;
  let dpo: SignedIn;
  let dpoId: string;
  let infosec: IncidentCategoryResponse;
  let caseId: string;

  const body = (category: IncidentCategoryResponse, restriction: string, label = category.label) => ({
    active: category.active,
    code: category.code,
    hasSeverity: category.hasSeverity,
    label,
    restriction,
    sortOrder: category.sortOrder,
  });
  const restrictionOf = async (id: string) =>
    ((await testApp.dataSource.query(`SELECT restriction FROM incident_category WHERE id = $1`, [id])) as { restriction: string }[])[0]
      ?.restriction;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await makeTenant(testApp.dataSource, 'Begrensning');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Begr', tenantId: tenant.id });
    const dpoUser = await makeUser(testApp.dataSource, {
      primaryOrgUnitId: tenant.root.id,
      roles: [{ orgUnitId: tenant.root.id, role: 'dpo' }],
      tenantId: tenant.id,
    });
    dpoId = dpoUser.id;
    quality = await signIn(testApp.baseUrl, tenant.quality);
    admin = await signIn(testApp.baseUrl, tenant.admin);
    dpo = await signIn(testApp.baseUrl, dpoUser);
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    infosec = (await incidentCategories(reporter))('information_security');
    const filed = await reporter.request<{ id: string }>(
      'POST',
      '/api/incidents',
      filingPayload({ categoryId: infosec.id, orgUnitId: tree.unit.id }),
    );
    expect(filed.status).toBe(201);
    caseId = filed.body.id;
  });

  afterAll(() => testApp.close());

  it('should keep the category restricted while the loosening waits for the DPO, and let nobody but the DPO decide', async () => {
    expect((await quality.get(`/api/incidents/${caseId}`)).status).toBe(404);

    const proposed = await quality.request<CategoryRestrictionChangeResponse>(
      'PATCH',
      `/api/incident-categories/${infosec.id}`,
      body(infosec, 'none', 'Informasjonssikkerhet (ny)'),
    );
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({
      approverRole: 'dpo',
      canDecide: false,
      category: { id: infosec.id },
      fromRestriction: 'infosec',
      proposedBy: { id: tenant.quality.id },
      status: 'pending',
      toRestriction: 'none',
    });
    // The label applied; the restriction did not.
    const [category] = (await testApp.dataSource.query(`SELECT label, restriction FROM incident_category WHERE id = $1`, [infosec.id])) as {
      label: string;
      restriction: string;
    }[];
    expect(category).toEqual({ label: 'Informasjonssikkerhet (ny)', restriction: 'infosec' });
    expect((await quality.get(`/api/incidents/${caseId}`)).status).toBe(404);

    // A second proposal while one is pending is refused.
    const again = await admin.request<ApiError>('PATCH', `/api/incident-categories/${infosec.id}`, body(infosec, 'none'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CATEGORY_RESTRICTION_CHANGE_PENDING');

    // The DPO was told, with the approvals page as the link.
    const [notice] = (await testApp.dataSource.query(`SELECT user_id, kind FROM notification WHERE dedupe_key = $1`, [
      `category_restriction_change:${proposed.body.id}:pending`,
    ])) as { user_id: string; kind: string }[];
    expect(notice).toEqual({ kind: 'category_restriction_pending', user_id: dpoId });

    // Not the proposer, not the administrator (no approver role), not the HMS advisor (wrong approver role).
    expect((await quality.request<ApiError>('POST', `/api/incident-category-restriction-changes/${proposed.body.id}/approve`)).status).toBe(
      403,
    );
    expect((await admin.request<ApiError>('POST', `/api/incident-category-restriction-changes/${proposed.body.id}/approve`)).status).toBe(
      403,
    );
    const hms = await signIn(testApp.baseUrl, tenant.hms);
    expect((await hms.request<ApiError>('POST', `/api/incident-category-restriction-changes/${proposed.body.id}/approve`)).status).toBe(
      404,
    );
    expect(await restrictionOf(infosec.id)).toBe('infosec');

    // The DPO sees it waiting for them.
    const pending = await dpo.get<CategoryRestrictionChangeResponse[]>('/api/incident-category-restriction-changes?status=pending');
    expect(pending.status).toBe(200);
    expect(pending.body.find((change) => change.id === proposed.body.id)).toMatchObject({ canDecide: true });

    const approved = await dpo.request<CategoryRestrictionChangeResponse>(
      'POST',
      `/api/incident-category-restriction-changes/${proposed.body.id}/approve`,
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ decidedBy: { id: dpoId }, status: 'approved' });
    expect(await restrictionOf(infosec.id)).toBe('none');
    expect((await quality.get(`/api/incidents/${caseId}`)).status).toBe(200);

    const decidedAgain = await dpo.request<ApiError>('POST', `/api/incident-category-restriction-changes/${proposed.body.id}/reject`);
    expect(decidedAgain.body.code).toBe('CATEGORY_RESTRICTION_CHANGE_NOT_PENDING');

    const accessRows = (await testApp.dataSource.query(
      `SELECT purpose, actor_user_id FROM access_log_entry WHERE entity_type = 'category_restriction_change' AND entity_id = $1 ORDER BY occurred_at`,
      [proposed.body.id],
    )) as { purpose: string; actor_user_id: string }[];
    expect(accessRows).toEqual([
      { actor_user_id: tenant.quality.id, purpose: 'propose' },
      { actor_user_id: dpoId, purpose: 'approve' },
    ]);
    const auditRows = (await testApp.dataSource.query(
      `SELECT action FROM audit_log_entry WHERE entity_type = 'category_restriction_change' AND entity_id = $1 ORDER BY occurred_at`,
      [proposed.body.id],
    )) as { action: string }[];
    expect(auditRows.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('should apply a tightening at once, and let the DPO reject a loosening (which then changes nothing)', async () => {
    const tightened = await quality.request<IncidentCategoryResponse[]>(
      'PATCH',
      `/api/incident-categories/${infosec.id}`,
      body(infosec, 'infosec'),
    );
    expect(tightened.status).toBe(200);
    expect(await restrictionOf(infosec.id)).toBe('infosec');
    expect((await quality.get(`/api/incidents/${caseId}`)).status).toBe(404);

    const proposed = await admin.request<CategoryRestrictionChangeResponse>(
      'PATCH',
      `/api/incident-categories/${infosec.id}`,
      body(infosec, 'injury'),
    );
    expect(proposed.status).toBe(202);
    expect(proposed.body.approverRole).toBe('dpo');
    const rejected = await dpo.request<CategoryRestrictionChangeResponse>(
      'POST',
      `/api/incident-category-restriction-changes/${proposed.body.id}/reject`,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(await restrictionOf(infosec.id)).toBe('infosec');
  });

  it('should send an injury loosening to the HMS advisor', async () => {
    const injury = (await incidentCategories(quality))('personal_injury');
    const proposed = await quality.request<CategoryRestrictionChangeResponse>(
      'PATCH',
      `/api/incident-categories/${injury.id}`,
      body(injury, 'none'),
    );
    expect(proposed.status).toBe(202);
    expect(proposed.body.approverRole).toBe('hms_advisor');
    // The DPO neither sees nor decides it.
    expect((await dpo.request('POST', `/api/incident-category-restriction-changes/${proposed.body.id}/approve`)).status).toBe(404);
    const hms = await signIn(testApp.baseUrl, tenant.hms);
    const approved = await hms.request<CategoryRestrictionChangeResponse>(
      'POST',
      `/api/incident-category-restriction-changes/${proposed.body.id}/approve`,
    );
    expect(approved.status).toBe(200);
    expect(await restrictionOf(injury.id)).toBe('none');
  });
});
