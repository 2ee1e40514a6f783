import type {
  ApiError,
  FileIncidentResponse,
  InboxNotificationResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  IncidentSummary,
  Page,
  RevealReporterResponse,
} from '@helhet/shared';

import { filingPayload, makeUnitTree, makeUser, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

type Login = Session & { me: { id: string; name: string; email: string; primaryOrgUnitId: string | null } };

/**
 * domain.md §3.5 "hidden from the handler": the reporter's identity is stored only encrypted (no plain user id in the
 * case row), the reporter still finds the case and its feedback, the handler never learns who it was, and only the
 * DPO can reveal it — with a reason that is logged, audited, written in the history and told to the reporter.
 * Also: list and export reads of restricted categories are access-logged per case.
 */
describe('hidden reporter identity', () => {
  let testApp: TestApp;
  let tree: UnitTree;
  let reporter: Login;
  let colleague: Login;
  let leader: Login;
  let dpo: Login;
  let categories: IncidentCategoryResponse[];
  const category = (code: string) => categories.find((c) => c.code === code)!;
  const injury = {
    absence: false,
    courseOfEvents: 'Løftet en tung kasse uten hjelpemiddel.',
    injuryDescription: 'Vondt i korsryggen.',
    medicalInfoConsent: false,
    occupationalDisease: false,
    workBeingDone: 'Varemottak på kjøkkenet.',
  };
  const file = async (session: Login, categoryCode: string, extra: Record<string, unknown> = {}): Promise<FileIncidentResponse> => {
    const filed = await session.request<FileIncidentResponse>(
      'POST',
      '/api/incidents',
      filingPayload(
        { categoryId: category(categoryCode).id, orgUnitId: tree.unit.id },
        {
          affectedPartyType: 'employee',
          description: 'Hendelse meldt i testen for skjult melder.',
          ...(categoryCode === 'personal_injury' ? { injury } : {}),
          ...extra,
        },
      ),
    );
    expect(filed.status).toBe(201);
    return filed.body;
  };
  /** Rows of `table` whose JSON mentions the text (ILIKE). */
  const mentions = async (table: string, where: string, params: unknown[], needle: string): Promise<number> => {
    const [row] = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM ${table} t WHERE ${where} AND row_to_json(t)::text ILIKE $${params.length + 1}`,
      [...params, `%${needle}%`],
    )) as { n: number }[];
    return row!.n;
  };
  const accessLog = async (incidentId: string, purpose: string, actorUserId: string) =>
    (await testApp.dataSource.query(
      `SELECT reason, request_id FROM access_log_entry WHERE entity_id = $1 AND purpose = $2 AND actor_user_id = $3`,
      [incidentId, purpose, actorUserId],
    )) as { reason: string | null; request_id: string | null }[];

  beforeAll(async () => {
    testApp = await startTestApp();
    // Our own unit, reporters, handler and safety rep (factories); the DPO is the demo municipality's (read-only role use).
    tree = await makeUnitTree(testApp.dataSource, { label: 'Skjult melder' });
    const colleagueUser = await makeUser(testApp.dataSource, { primaryOrgUnitId: tree.unit.id, tenantId: tree.tenantId });
    reporter = await signIn(testApp.baseUrl, tree.employee);
    colleague = await signIn(testApp.baseUrl, colleagueUser);
    leader = await signIn(testApp.baseUrl, tree.leaders.unit);
    dpo = (await Session.login(testApp.baseUrl, 'personvernombud@fjordvik.kommune.no')) as Login;
    categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(() => testApp.close());

  let hiddenId: string;
  let hiddenNumber: string;

  it('should keep no plain-text reporter in the case, yet let the reporter follow it and read the feedback; the handler never sees them', async () => {
    const filed = await file(reporter, 'personal_injury', { reporterVisibility: 'hidden_from_handler' });
    hiddenId = filed.id!;
    hiddenNumber = filed.number;

    // The raw row: no text or uuid column holds the reporter's id, e-mail or name; only the sealed id and the pseudonym.
    const [raw] = (await testApp.dataSource.query(`SELECT * FROM incident WHERE id = $1`, [hiddenId])) as Record<string, unknown>[];
    expect(raw).toMatchObject({ reporter_user_id: null, reporter_visibility: 'hidden_from_handler' });
    expect(Buffer.isBuffer(raw!['reporter_identity_ciphertext'])).toBe(true);
    expect(raw!['reporter_lookup']).toHaveLength(32);
    const columns = (await testApp.dataSource.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'incident' AND data_type IN ('uuid', 'text', 'character varying', 'ARRAY', 'jsonb')`,
    )) as { column_name: string }[];
    expect(columns.length).toBeGreaterThan(10);
    for (const needle of [reporter.me.id, reporter.me.email, reporter.me.name]) {
      for (const { column_name } of columns) {
        const [hit] = (await testApp.dataSource.query(
          `SELECT count(*)::int AS n FROM incident WHERE id = $1 AND "${column_name}"::text ILIKE $2`,
          [hiddenId, `%${needle}%`],
        )) as {
          n: number;
        }[];
        expect({ column: column_name, hits: hit!.n }).toEqual({ column: column_name, hits: 0 });
      }
      expect(await mentions('incident', 'id = $1', [hiddenId], needle)).toBe(0);
      for (const table of ['incident_event', 'injury_record', 'external_notification'])
        expect(await mentions(table, 'incident_id = $1', [hiddenId], needle)).toBe(0);
      expect(await mentions('audit_log_entry', 'entity_id = $1', [hiddenId], needle)).toBe(0);
    }

    // The reporter: "my reports", the case (as its reporter), and nobody else by the same route.
    const mine = await reporter.get<Page<IncidentSummary>>('/api/incidents?mine=reported&pageSize=200');
    expect(mine.body.items.map((item) => item.id)).toContain(hiddenId);
    const own = await reporter.get<IncidentResponse>(`/api/incidents/${hiddenId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      isReporter: true,
      reporter: { id: reporter.me.id, name: reporter.me.name },
      reporterVisibility: 'hidden_from_handler',
    });
    expect((await colleague.get(`/api/incidents/${hiddenId}`)).status).toBe(404);
    expect(
      (await colleague.get<Page<IncidentSummary>>('/api/incidents?mine=reported&pageSize=200')).body.items.map((item) => item.id),
    ).not.toContain(hiddenId);

    // The handler works the case without learning who reported it.
    const handled = await leader.get<IncidentResponse>(`/api/incidents/${hiddenId}`);
    expect(handled.body).toMatchObject({ isReporter: false, reporter: null });
    expect(handled.body.events[0]).toMatchObject({ actor: null, type: 'filed' });
    expect(JSON.stringify(handled.body)).not.toContain(reporter.me.id);
    expect((await leader.request('POST', `/api/incidents/${hiddenId}/transitions`, { action: 'acknowledge' })).status).toBe(201);
    const closed = await leader.request<IncidentResponse>('POST', `/api/incidents/${hiddenId}/transitions`, {
      action: 'close',
      causeCategory: 'organisational',
      closureSummary: 'Løftehjelpemiddel er bestilt.',
      feedbackToReporter: 'Takk for meldingen, vi har bestilt en løftevogn.',
      noMeasureReason: 'Innkjøpet er gjort, ikke noe mer å følge opp.',
    });
    expect(closed.status).toBe(201);
    expect(JSON.stringify(closed.body)).not.toContain(reporter.me.id);
    const feedback = await reporter.get<IncidentResponse>(`/api/incidents/${hiddenId}`);
    expect(feedback.body).toMatchObject({ feedbackToReporter: 'Takk for meldingen, vi har bestilt en løftevogn.', status: 'closed' });

    // The handler's reads of this injury case are access-logged; the reporter's reads of their own report are not
    // (such a row would name them next to the case).
    expect((await accessLog(hiddenId, 'read', leader.me.id)).length).toBeGreaterThan(0);
    expect(await mentions('access_log_entry', 'entity_id = $1', [hiddenId], reporter.me.id)).toBe(0);
  });

  it('should refuse the reveal to anyone but the DPO, and to the DPO without a reason', async () => {
    const refused = await leader.request<ApiError>('POST', `/api/incidents/${hiddenId}/reporter-identity`, {
      reason: 'Jeg vil vite hvem som meldte.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(
      (await reporter.request('POST', `/api/incidents/${hiddenId}/reporter-identity`, { reason: 'Jeg vil vite hvem som meldte.' })).status,
    ).toBe(403);

    const noReason = await dpo.request<ApiError>('POST', `/api/incidents/${hiddenId}/reporter-identity`, {});
    expect(noReason.status).toBe(400);
    expect((noReason.body.details as { field: string }[]).map((d) => d.field)).toEqual(['reason']);
    const short = await dpo.request<ApiError>('POST', `/api/incidents/${hiddenId}/reporter-identity`, { reason: '   kort    ' });
    expect(short.status).toBe(400);
    expect((short.body.details as { field: string }[]).map((d) => d.field)).toEqual(['reason']);

    // Nothing was revealed or logged by the refusals.
    expect(await accessLog(hiddenId, 'reveal', dpo.me.id)).toEqual([]);
    const events = (await testApp.dataSource.query(`SELECT 1 FROM incident_event WHERE incident_id = $1 AND type = 'reporter_revealed'`, [
      hiddenId,
    ])) as unknown[];
    expect(events).toEqual([]);
  });

  it('should reveal the reporter to the DPO by case number, logged and audited with the reason, in the history and told to the reporter', async () => {
    const reason = 'Politiet ber om vitneopplysninger i straffesak 24-1234 (straffeprosessloven § 230).';
    // The DPO may not read this injury case otherwise: break-glass needs no case access.
    expect((await dpo.get(`/api/incidents/${hiddenId}`)).status).toBe(404);

    const revealed = await dpo.request<RevealReporterResponse>('POST', `/api/incidents/${hiddenNumber}/reporter-identity`, {
      reason: `  ${reason}  `,
    });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({
      incidentId: hiddenId,
      number: hiddenNumber,
      reporter: { id: reporter.me.id, name: reporter.me.name },
    });

    const logged = await accessLog(hiddenId, 'reveal', dpo.me.id);
    expect(logged).toEqual([{ reason, request_id: expect.any(String) }]);
    const audits = (await testApp.dataSource.query(
      `SELECT actor_user_id, action, changes::text AS changes FROM audit_log_entry WHERE entity_type = 'incident_reporter_reveal' AND entity_id = $1`,
      [hiddenId],
    )) as { actor_user_id: string; action: string; changes: string }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'create', actor_user_id: dpo.me.id });
    expect(audits[0]!.changes).toContain(reason);
    expect(audits[0]!.changes).not.toContain(reporter.me.id);

    // The history says it happened and why, by whom — never whom it revealed — and the reporter sees that too.
    const asLeader = await leader.get<IncidentResponse>(`/api/incidents/${hiddenId}`);
    expect(asLeader.body.reporter).toBeNull();
    const event = asLeader.body.events.find((e) => e.type === 'reporter_revealed');
    expect(event).toMatchObject({ actor: { id: dpo.me.id }, note: reason });
    expect(JSON.stringify(asLeader.body)).not.toContain(reporter.me.id);
    const asReporter = await reporter.get<IncidentResponse>(`/api/incidents/${hiddenId}`);
    expect(asReporter.body.events.find((e) => e.type === 'reporter_revealed')).toMatchObject({ actor: null, note: reason });

    const inbox = await reporter.get<InboxNotificationResponse[]>('/api/notifications');
    expect(inbox.body.find((n) => n.kind === 'reporter_identity_revealed')).toMatchObject({
      incidentId: hiddenId,
      title: expect.stringContaining(hiddenNumber),
    });
    expect(inbox.body.find((n) => n.kind === 'reporter_identity_revealed')?.title).not.toContain('Politiet');
    // Still stored only sealed.
    const [row] = (await testApp.dataSource.query(`SELECT reporter_user_id FROM incident WHERE id = $1`, [hiddenId])) as {
      reporter_user_id: string | null;
    }[];
    expect(row!.reporter_user_id).toBeNull();
  });

  it('should answer 409 for anonymous and named reports and 404 for unknown cases, and accept the case id', async () => {
    const reason = 'Kontroll av at innsyn avvises for andre meldinger.';
    const anonymous = await file(reporter, 'work_environment', { reporterVisibility: 'anonymous' });
    const byNumber = await dpo.request<ApiError>('POST', `/api/incidents/${anonymous.number}/reporter-identity`, { reason });
    expect(byNumber.status).toBe(409);
    expect(byNumber.body).toMatchObject({ code: 'INCIDENT_REPORTER_NOT_HIDDEN', details: { reporterVisibility: 'anonymous' } });
    const named = await file(reporter, 'work_environment');
    const byId = await dpo.request<ApiError>('POST', `/api/incidents/${named.id}/reporter-identity`, { reason });
    expect(byId.status).toBe(409);
    expect(byId.body.details).toEqual({ reporterVisibility: 'named' });
    expect((await dpo.request<ApiError>('POST', '/api/incidents/1999-999999/reporter-identity', { reason })).body.code).toBe(
      'INCIDENT_NOT_FOUND',
    );
    expect((await dpo.request('POST', '/api/incidents/not-a-case/reporter-identity', { reason })).status).toBe(404);
    const hidden = await file(colleague, 'work_environment', { reporterVisibility: 'hidden_from_handler' });
    const revealed = await dpo.request<RevealReporterResponse>('POST', `/api/incidents/${hidden.id}/reporter-identity`, { reason });
    expect(revealed.body.reporter).toEqual({ id: colleague.me.id, name: colleague.me.name });
  });

  it('should access-log list and export reads of injury cases, per case, but not of unrestricted ones nor the reporter’s own', async () => {
    const injured = await file(reporter, 'personal_injury');
    const plain = await file(reporter, 'work_environment');
    const unit = tree.unit.id;

    const listed = await leader.get<Page<IncidentSummary>>(`/api/incidents?orgUnitId=${unit}&pageSize=200`);
    const ids = listed.body.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([injured.id, plain.id]));
    const listRows = await accessLog(injured.id!, 'list', leader.me.id);
    expect(listRows).toHaveLength(1);
    expect(listRows[0]!.request_id).toEqual(expect.any(String));
    expect(await accessLog(plain.id!, 'list', leader.me.id)).toEqual([]);
    // Every restricted case of the page, in one statement of that request.
    const [page] = (await testApp.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS cases FROM access_log_entry WHERE purpose = 'list' AND request_id = $1`,
      [listRows[0]!.request_id],
    )) as { n: number; cases: number }[];
    expect(page!.n).toBe(listed.body.items.filter((item) => item.restricted).length);
    expect(page!.cases).toBe(page!.n);

    const csv = await leader.get<string>(`/api/incidents/export.csv?orgUnitId=${unit}`);
    expect(csv.status).toBe(200);
    expect(await accessLog(injured.id!, 'export', leader.me.id)).toHaveLength(1);
    expect(await accessLog(plain.id!, 'export', leader.me.id)).toEqual([]);

    // The safety rep sees the injury register in their area as a list: logged too.
    const safetyRep = await signIn(
      testApp.baseUrl,
      await makeUser(testApp.dataSource, {
        primaryOrgUnitId: tree.unit.id,
        roles: [{ orgUnitId: tree.unit.id, role: 'safety_rep' }],
        tenantId: tree.tenantId,
      }),
    );
    const repList = await safetyRep.get<Page<IncidentSummary>>(`/api/incidents?categoryId=${category('personal_injury').id}&pageSize=200`);
    expect(repList.body.items.map((item) => item.id)).toContain(injured.id);
    expect(await accessLog(injured.id!, 'list', safetyRep.me.id)).toHaveLength(1);

    // The reporter's own lists are not access-logged.
    await reporter.get<Page<IncidentSummary>>('/api/incidents?mine=reported&pageSize=200');
    expect(await accessLog(injured.id!, 'list', reporter.me.id)).toEqual([]);
  });
});
