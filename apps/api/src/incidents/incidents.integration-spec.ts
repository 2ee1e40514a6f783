import { readdir } from 'node:fs/promises';

import type {
  ApiError,
  FileIncidentResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  IncidentStatsResponse,
  IncidentSummary,
  Page,
  ReceiptResponse,
} from '@helhet/shared';

import { filingPayload, makeUnitTree, makeUser, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, TEST_ATTACHMENT_DIR, type TestApp } from '../../test/utils/test-app';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * Avvik over HTTP against the real database: filing, workflow, access by role and scope, bad input. The
 * reporter, unit, handler and the other sector's leader are this spec's own (factories); the tenant-wide
 * HMS, quality and DPO demo logins are only used to check what their role may read.
 */
describe('avvik', () => {
  let testApp: TestApp;
  let tree: UnitTree;
  let employee: Session & { me: { id: string; primaryOrgUnitId: string | null } };
  let unitLeader: Session;
  let otherSector: Session;
  let categories: IncidentCategoryResponse[];
  const category = (code: string) => categories.find((c) => c.code === code)!;
  const count = async (table: string) =>
    Number(((await testApp.dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0]!.n);
  const filing = (overrides: Record<string, unknown> = {}) =>
    filingPayload(
      { categoryId: category('work_environment').id, orgUnitId: tree.unit.id },
      { affectedPartyType: 'employee', description: 'Alene på nattevakt med tre beboere som trengte to pleiere.', ...overrides },
    );
  const form = (payload: unknown, files: { name: string; type: string; bytes: Buffer }[]) => {
    const body = new FormData();
    body.append('payload', JSON.stringify(payload));
    for (const file of files) body.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return body;
  };
  const attachmentFiles = async () =>
    (await readdir(TEST_ATTACHMENT_DIR, { recursive: true }).catch(() => [] as string[])).filter((f) => !f.endsWith('.staging'));

  beforeAll(async () => {
    testApp = await startTestApp();
    tree = await makeUnitTree(testApp.dataSource, { label: 'Avvik' });
    const elsewhere = await makeUnitTree(testApp.dataSource, { label: 'Annen sektor' });
    employee = await signIn(testApp.baseUrl, tree.employee);
    unitLeader = await signIn(testApp.baseUrl, tree.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, elsewhere.leaders.sector);
    categories = (await employee.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(() => testApp.close());

  it('should offer the default categories with sub-categories and find units to file for', async () => {
    expect(categories.map((c) => c.code)).toEqual(
      expect.arrayContaining(['violence_threats', 'personal_injury', 'information_security', 'improvement']),
    );
    expect(category('personal_injury')).toMatchObject({ restriction: 'injury' });
    expect(category('personal_injury').subcategories.map((s) => s.code)).toContain('needlestick');
    const own = await employee.get<{ id: string; name: string }[]>('/api/incidents/filing-units');
    expect(own.body).toEqual([expect.objectContaining({ id: tree.unit.id, name: tree.unit.name })]);
    const search = await employee.get<{ name: string }[]>('/api/incidents/filing-units?q=skole');
    expect(search.body.length).toBeGreaterThan(0);
  });

  it('should file, let the unit leader handle and close with measures, and show the reporter the feedback', async () => {
    const filed = await employee.request<FileIncidentResponse>('POST', '/api/incidents', filing());
    expect(filed.status).toBe(201);
    expect(filed.body.number).toMatch(/^\d{4}-\d{6}$/);
    expect(filed.body.receiptCode).toBeNull();
    const id = filed.body.id!;

    const inbox = await unitLeader.get<Page<IncidentSummary>>('/api/incidents?mine=handling&pageSize=200');
    expect(inbox.body.items.map((i) => i.id)).toContain(id);
    const detail = await unitLeader.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(detail.body).toMatchObject({
      availableActions: ['acknowledge', 'assign_handler', 'forward', 'reject'],
      reporter: { name: tree.employee.name },
      status: 'registered',
    });
    expect(detail.body.handler?.name).toBe(tree.leaders.unit.name);

    // The reporter may see the case but not act on it.
    const asReporter = await employee.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(asReporter.body).toMatchObject({ availableActions: [], isReporter: true });
    expect((await employee.request('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' })).status).toBe(403);

    expect((await unitLeader.request('POST', `/api/incidents/${id}/transitions`, { action: 'close' })).status).toBe(409);
    const taken = await unitLeader.request<IncidentResponse>('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' });
    expect(taken.body.status).toBe('in_progress');

    const refused = await unitLeader.request<ApiError>('POST', `/api/incidents/${id}/transitions`, { action: 'close' });
    expect(refused.status).toBe(400);
    expect((refused.body.details as { field: string }[]).map((d) => d.field)).toEqual([
      'causeCategory',
      'closureSummary',
      'feedbackToReporter',
      'noMeasureReason',
    ]);

    const withMeasure = await unitLeader.request<IncidentResponse>('POST', `/api/incidents/${id}/measures`, {
      deadline: '2026-12-31',
      title: 'Styrke bemanningen på natt',
    });
    expect(withMeasure.status).toBe(201);
    const measureId = withMeasure.body.measures[0]!.id;
    expect(
      (await unitLeader.request<IncidentResponse>('POST', `/api/incidents/${id}/transitions`, { action: 'plan_measures' })).body.status,
    ).toBe('measures');
    const notDone = await unitLeader.request<ApiError>('POST', `/api/incidents/${id}/transitions`, {
      action: 'close',
      causeCategory: 'organisational',
      closureSummary: 'Bemanningsplanen er endret.',
      feedbackToReporter: 'Takk! Det blir to på natt fra januar.',
    });
    expect((notDone.body.details as { field: string }[]).map((d) => d.field)).toEqual(['measures']);
    await unitLeader.request('PATCH', `/api/incidents/${id}/measures/${measureId}`, { status: 'done' });
    const closed = await unitLeader.request<IncidentResponse>('POST', `/api/incidents/${id}/transitions`, {
      action: 'close',
      causeCategory: 'organisational',
      closureSummary: 'Bemanningsplanen er endret.',
      feedbackToReporter: 'Takk! Det blir to på natt fra januar.',
    });
    expect(closed.body).toMatchObject({ availableActions: ['reopen'], causeCategory: 'organisational', status: 'closed' });
    expect(closed.body.events.map((e) => e.action ?? e.type)).toEqual([
      'filed',
      'acknowledge',
      'measure',
      'plan_measures',
      'measure',
      'close',
    ]);

    const mine = await employee.get<Page<IncidentSummary>>('/api/incidents?mine=reported&pageSize=200');
    expect(mine.body.items.map((i) => i.id)).toContain(id);
    const feedback = await employee.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(feedback.body).toMatchObject({ feedbackToReporter: 'Takk! Det blir to på natt fra januar.', measures: [], status: 'closed' });

    const audits = (await testApp.dataSource.query(`SELECT action FROM audit_log_entry WHERE entity_id = $1 ORDER BY occurred_at`, [
      id,
    ])) as { action: string }[];
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('should hide a hidden reporter from the handler but show them their own case', async () => {
    const filed = await employee.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filing({ reporterVisibility: 'hidden_from_handler' }),
    );
    const asLeader = await unitLeader.get<IncidentResponse>(`/api/incidents/${filed.body.id}`);
    expect(asLeader.body.reporter).toBeNull();
    expect(asLeader.body.events[0]).toMatchObject({ actor: null, type: 'filed' });
    expect((await employee.get<IncidentResponse>(`/api/incidents/${filed.body.id}`)).body.reporter?.name).toBe(tree.employee.name);
  });

  it('should give an anonymous reporter a receipt code to follow the case', async () => {
    const filed = await employee.request<FileIncidentResponse>('POST', '/api/incidents', filing({ reporterVisibility: 'anonymous' }));
    expect(filed.body.id).toBeNull();
    expect(filed.body.receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const typed = filed.body.receiptCode!.toLowerCase().replace(/-/g, ' ');
    const receipt = await employee.request<ReceiptResponse>('POST', '/api/incidents/receipt', { code: typed });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ feedbackToReporter: null, number: filed.body.number, status: 'registered' });
    expect((await employee.request('POST', '/api/incidents/receipt', { code: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(404);
    expect((await employee.request('POST', '/api/incidents/receipt', {})).status).toBe(400);
  });

  it('should keep a leader from another sector out of the case, the list, the attachment and the export', async () => {
    const filed = await employee.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      form(filing(), [{ bytes: PNG, name: 'gulv.png', type: 'image/png' }]),
    );
    expect(filed.status).toBe(201);
    const id = filed.body.id!;
    const detail = await unitLeader.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(detail.body.attachments).toEqual([
      expect.objectContaining({ contentType: 'image/png', fileName: 'gulv.png', sizeBytes: PNG.length }),
    ]);
    const attachmentId = detail.body.attachments[0]!.id;
    const download = await unitLeader.get<string>(`/api/incidents/${id}/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''gulv.png");

    expect((await otherSector.get(`/api/incidents/${id}`)).status).toBe(404);
    expect((await otherSector.get(`/api/incidents/${id}/attachments/${attachmentId}`)).status).toBe(404);
    expect((await otherSector.request('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' })).status).toBe(404);
    const list = await otherSector.get<Page<IncidentSummary>>(`/api/incidents?pageSize=200&orgUnitId=${employee.me.primaryOrgUnitId}`);
    expect(list.body.total).toBe(0);
    const exported = await otherSector.get<string>(`/api/incidents/export.csv?orgUnitId=${employee.me.primaryOrgUnitId}`);
    expect(exported.status).toBe(200);
    expect(exported.body.trim().split('\r\n')).toHaveLength(1); // the header row only
    const ownExport = await unitLeader.get<string>(`/api/incidents/export.csv?orgUnitId=${employee.me.primaryOrgUnitId}`);
    expect(ownExport.headers.get('content-type')).toContain('text/csv');
    expect(ownExport.body).toContain(filed.body.number);
    expect(ownExport.body).not.toContain('Alene på nattevakt'); // no free text in exports
  });

  it('should refuse bad input with 400 naming the field and store nothing, not even a file', async () => {
    const incidentsBefore = await count('incident');
    const filesBefore = await attachmentFiles();
    const cases: [Record<string, unknown>, { name: string; type: string; bytes: Buffer }[], string][] = [
      [filing({ categoryId: '00000000-0000-4000-8000-000000000000' }), [], 'categoryId'],
      [filing({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }), [], 'occurredAt'],
      [filing({ kind: 'nonsense' }), [], 'kind'],
      [filing({ description: '  ' }), [], 'description'],
      [filing({ kind: 'near_miss', severityActual: 'high' }), [], 'severityActual'],
      [filing(), [{ bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), name: 'stor.png', type: 'image/png' }], 'files.0'],
      [filing(), [{ bytes: Buffer.from('MZ not a picture'), name: 'virus.exe', type: 'application/x-msdownload' }], 'files.0'],
      [filing(), [{ bytes: Buffer.from('just text'), name: 'fake.png', type: 'image/png' }], 'files.0'],
      [
        filing({
          injury: {
            absence: false,
            courseOfEvents: 'x',
            injuryDescription: 'x',
            medicalInfo: 'diagnose',
            medicalInfoConsent: false,
            occupationalDisease: false,
            workBeingDone: 'x',
          },
        }),
        [],
        'injury',
      ],
    ];
    for (const [payload, files, field] of cases) {
      const result = await employee.request<ApiError>('POST', '/api/incidents', files.length > 0 ? form(payload, files) : payload);
      expect({ field, status: result.status }).toEqual({ field, status: 400 });
      expect((result.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    // The API answers a refused upload only after the whole body has arrived (multipart.interceptor.ts). With other
    // test runs loading both cores, a connection reset was seen in ~1 of 12 tries before that and 1 of 90 after it
    // (cause not found; see the closing note of issue 18). A transport error gets one more try; the answer must be the 400.
    const upload = () =>
      employee.request<ApiError>(
        'POST',
        '/api/incidents',
        form(filing(), [{ bytes: Buffer.alloc(25 * 1024 * 1024), name: 'huge.pdf', type: 'application/pdf' }]),
      );
    const bigger = await upload().catch((error: unknown) => {
      console.warn(`oversized upload: transport error, trying once more: ${String(error)}`);
      return upload();
    });
    expect(bigger.status).toBe(400);
    expect((bigger.body.details as { field: string }[])[0]?.field).toBe('files');
    expect(await count('incident')).toBe(incidentsBefore);
    expect(await attachmentFiles()).toEqual(filesBefore);
  });

  it('should open the injury register to the safety rep and HMS, log every read, and keep it from the quality coordinator', async () => {
    const filed = await employee.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filing({
        categoryId: category('personal_injury').id,
        injury: {
          absence: true,
          absenceDays: 3,
          courseOfEvents: 'Skled på vått gulv ved utgangen.',
          injuryDescription: 'Forstuet ankel.',
          medicalInfoConsent: false,
          occupationalDisease: false,
          workBeingDone: 'Bar ut avfall.',
        },
        severityActual: 'critical',
      }),
    );
    const id = filed.body.id!;
    const safetyRep = await signIn(
      testApp.baseUrl,
      await makeUser(testApp.dataSource, {
        primaryOrgUnitId: tree.unit.id,
        roles: [{ orgUnitId: tree.unit.id, role: 'safety_rep' }],
        tenantId: tree.tenantId,
      }),
    );
    const hms = await Session.login(testApp.baseUrl, 'hms@fjordvik.kommune.no');
    const quality = await Session.login(testApp.baseUrl, 'kvalitet@fjordvik.kommune.no');
    const asRep = await safetyRep.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(asRep.status).toBe(200);
    expect(asRep.body.injury).toMatchObject({ absenceDays: 3, injuryDescription: 'Forstuet ankel.', medicalInfo: null });
    expect(asRep.body.availableActions).toEqual([]);
    expect(asRep.body.externalNotifications.map((n) => n.recipient)).toEqual(['arbeidstilsynet_police', 'insurer', 'nav_injury']);
    expect((await hms.get(`/api/incidents/${id}`)).status).toBe(200);
    expect((await quality.get(`/api/incidents/${id}`)).status).toBe(404);
    const reads = (await testApp.dataSource.query(`SELECT actor_user_id FROM access_log_entry WHERE entity_id = $1 AND purpose = 'read'`, [
      id,
    ])) as { actor_user_id: string }[];
    expect(reads.map((r) => r.actor_user_id).sort()).toEqual([safetyRep.me.id, hms.me.id].sort());

    const sent = await unitLeader.request<IncidentResponse>('PUT', `/api/incidents/${id}/external-notifications/arbeidstilsynet_police`, {
      reference: 'Telefon 73 19 97 00',
      sentAt: new Date().toISOString(),
    });
    expect(sent.body.externalNotifications.find((n) => n.recipient === 'arbeidstilsynet_police')).toMatchObject({
      reference: 'Telefon 73 19 97 00',
      sentBy: { name: tree.leaders.unit.name },
    });
  });

  it('should open an information-security case to the DPO with the 72-hour Datatilsynet clock, not to the quality coordinator', async () => {
    const discoveredAt = new Date(Date.now() - 2 * 3_600_000);
    const filed = await employee.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filing({
        affectedPartyType: 'user_patient',
        breach: {
          ciaTypes: ['confidentiality'],
          dataCategories: ['helseopplysninger'],
          discoveredAt: discoveredAt.toISOString(),
          riskAssessment: 'high_risk',
          specialCategories: true,
        },
        categoryId: category('information_security').id,
        description: 'Epikrise sendt til feil mottaker på e-post.',
        severityActual: 'high',
      }),
    );
    const id = filed.body.id!;
    const dpo = await Session.login(testApp.baseUrl, 'personvernombud@fjordvik.kommune.no');
    const asDpo = await dpo.get<IncidentResponse>(`/api/incidents/${id}`);
    expect(asDpo.status).toBe(200);
    expect(asDpo.body.breach).toMatchObject({
      dpaNotificationRequired: true,
      notificationDeadlineAt: new Date(discoveredAt.getTime() + 72 * 3_600_000).toISOString(),
    });
    expect(asDpo.body.externalNotifications.map((n) => n.recipient)).toEqual(['datatilsynet', 'data_subjects']);
    expect(asDpo.body.availableActions).toEqual([]);
    expect((await dpo.request('POST', `/api/incidents/${id}/transitions`, { action: 'acknowledge' })).status).toBe(403);
    const recorded = await dpo.request<IncidentResponse>('PUT', `/api/incidents/${id}/external-notifications/datatilsynet`, {
      reference: 'ALTINN-123',
      sentAt: new Date().toISOString(),
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.externalNotifications.find((n) => n.recipient === 'datatilsynet')).toMatchObject({ reference: 'ALTINN-123' });
    expect(
      (await dpo.request('PUT', `/api/incidents/${id}/external-notifications/arbeidstilsynet_police`, { sentAt: new Date().toISOString() }))
        .status,
    ).toBe(403);
    const quality = await Session.login(testApp.baseUrl, 'kvalitet@fjordvik.kommune.no');
    expect((await quality.get(`/api/incidents/${id}`)).status).toBe(404);
    expect(
      (
        await quality.get<Page<IncidentSummary>>('/api/incidents?pageSize=200&categoryId=' + category('information_security').id)
      ).body.items.map((i) => i.id),
    ).not.toContain(id);
  });

  it('should count cases per category and month for the unit', async () => {
    const stats = await unitLeader.get<IncidentStatsResponse>(`/api/incidents/stats?orgUnitId=${employee.me.primaryOrgUnitId}`);
    expect(stats.body.months).toHaveLength(12);
    const total = stats.body.totals.reduce((a, b) => a + b, 0);
    expect(total).toBe(stats.body.rows.reduce((sum, row) => sum + row.total, 0));
    const listed = await unitLeader.get<Page<IncidentSummary>>(
      `/api/incidents?orgUnitId=${employee.me.primaryOrgUnitId}&from=${stats.body.months[0]}-01&pageSize=1`,
    );
    expect(total).toBe(listed.body.total);
    expect(stats.body.rows.find((r) => r.categoryCode === 'work_environment')?.total).toBeGreaterThan(0);
  });
});
