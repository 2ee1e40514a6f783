import { DEFAULT_SEVERITY_POLICY, endOfZonedDay, type SeverityPolicy, zonedDate } from '@helhet/domain';
import type {
  FieldError,
  FileIncidentResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  IncidentSettingsResponse,
  IncidentSeverityOption,
} from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';

import { filingPayload, makeTenant, makeUnitTree, signIn, type TestTenant, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';

/**
 * Severity levels are tenant configuration (domain.md §3.3): the quality coordinator renames a level,
 * switches one off and changes who hears about a filing at once; the filing form, filing validation,
 * the filing worker and the acknowledge deadline follow. The spec runs in a municipality of its own
 * (factories: tenant, a sector → unit branch with its leaders), so no other spec sees its settings.
 */
describe('avvik severity levels as tenant configuration', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext;
  let tenant: TestTenant;
  let tree: UnitTree;
  let quality: Session;
  let reporter: Session;
  let original: IncidentSettingsResponse;
  let categories: IncidentCategoryResponse[];

  const level = (policy: SeverityPolicy, code: keyof SeverityPolicy, change: object): SeverityPolicy => ({
    ...policy,
    [code]: { ...policy[code], ...change },
  });
  const fieldsOf = (body: unknown) => ((body as { details?: FieldError[] }).details ?? []).map((detail) => detail.field);
  const count = async (sql: string, params: unknown[] = []) => ((await testApp.dataSource.query(sql, params)) as { n: number }[])[0]!.n;
  const filing = (severity: Record<string, unknown>, kind = 'deviation') => {
    const { severityActual: _default, ...payload } = filingPayload(
      { categoryId: categories.find((c) => c.code === 'service_quality')!.id, orgUnitId: tree.unit.id },
      { kind },
    );
    return { ...payload, ...severity };
  };

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url });
    worker = await startTestWorker({ SMTP_URL: smtp.url });
    tenant = await makeTenant(testApp.dataSource, 'Skalakommune');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Skala', tenantId: tenant.id });
    quality = await signIn(testApp.baseUrl, tenant.quality);
    reporter = await signIn(testApp.baseUrl, tree.employee);
    original = (await quality.get<IncidentSettingsResponse>('/api/incident-settings')).body;
    categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
  });

  afterAll(async () => {
    await worker.close();
    await testApp.close();
    await smtp.close();
  });

  it('should ship the default scale and show it to every filer', async () => {
    expect(original.severities).toEqual(DEFAULT_SEVERITY_POLICY);
    const options = await reporter.get<IncidentSeverityOption[]>('/api/incident-severities');
    expect(options.status).toBe(200);
    expect(options.body.map((o) => [o.code, o.label, o.active])).toEqual([
      ['low', 'Lav', true],
      ['medium', 'Middels', true],
      ['high', 'Høy', true],
      ['critical', 'Kritisk', true],
    ]);
    expect(options.body.every((o) => o.description.length > 0)).toBe(true);
  });

  it('should refuse the change to anyone without the configure permission, and refuse a bad scale naming the field', async () => {
    const put = (session: Session, severities: unknown) =>
      session.request('PUT', '/api/incident-settings', { deadlines: original.deadlines, severities });
    expect((await put(reporter, DEFAULT_SEVERITY_POLICY)).status).toBe(403);
    expect((await reporter.get('/api/incident-settings')).status).toBe(403);

    const criticalOff = await put(quality, level(DEFAULT_SEVERITY_POLICY, 'critical', { active: false }));
    expect(criticalOff.status).toBe(400);
    expect(fieldsOf(criticalOff.body)).toEqual(['severities.critical.active']);

    const blank = await put(quality, level(DEFAULT_SEVERITY_POLICY, 'high', { label: '   ' }));
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank.body)).toEqual(['severities.high.label']);

    const badNotify = await put(quality, level(DEFAULT_SEVERITY_POLICY, 'low', { notify: 'everyone' }));
    expect(fieldsOf(badNotify.body)).toEqual(['severities.low.notify']);

    const sameLabel = await put(quality, level(DEFAULT_SEVERITY_POLICY, 'medium', { label: 'lav' }));
    expect(sameLabel.status).toBe(400);
    expect(fieldsOf(sameLabel.body)).toEqual(['severities.medium.label']);

    const tooFew = await put(quality, {
      ...level(DEFAULT_SEVERITY_POLICY, 'low', { active: false }),
      high: { ...DEFAULT_SEVERITY_POLICY.high, active: false },
      medium: { ...DEFAULT_SEVERITY_POLICY.medium, active: false },
    });
    expect(fieldsOf(tooFew.body)).toEqual(['severities']);

    const { low: _low, ...missing } = DEFAULT_SEVERITY_POLICY;
    expect(fieldsOf((await put(quality, missing)).body)).toContain('severities.low');

    // Nothing of a refused request is stored, not even its deadlines.
    const refusedDeadlines = await quality.request('PUT', '/api/incident-settings', {
      deadlines: { ...original.deadlines, acknowledgeWorkingDays: 9 },
      severities: level(DEFAULT_SEVERITY_POLICY, 'critical', { active: false }),
    });
    expect(refusedDeadlines.status).toBe(400);
    expect((await quality.get<IncidentSettingsResponse>('/api/incident-settings')).body).toEqual(original);
  });

  it('should rename a level, switch low off and refuse filings with it, and notify only the handler of a high case', async () => {
    const changed: SeverityPolicy = {
      ...DEFAULT_SEVERITY_POLICY,
      high: {
        ...DEFAULT_SEVERITY_POLICY.high,
        description: '  Alvorlig skade eller brudd.  ',
        label: ' Alvorlig ',
        notify: 'handler',
        sameDayAcknowledge: true,
      },
      low: { ...DEFAULT_SEVERITY_POLICY.low, active: false },
    };
    const saved = await quality.request<IncidentSettingsResponse>('PUT', '/api/incident-settings', {
      deadlines: original.deadlines,
      severities: changed,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.severities.high).toEqual({
      active: true,
      description: 'Alvorlig skade eller brudd.',
      label: 'Alvorlig',
      notify: 'handler',
      sameDayAcknowledge: true,
    });
    expect(saved.body.severities.low.active).toBe(false);
    expect(saved.body.deadlines).toEqual(original.deadlines);

    // Audited field by field, with the actor.
    const [audit] = (await testApp.dataSource.query(
      `SELECT changes FROM audit_log_entry WHERE entity_type = 'tenant_setting' AND entity_id = $1 AND actor_user_id = $2 AND changes::text LIKE '%severities.high.label%'
        ORDER BY occurred_at DESC LIMIT 1`,
      [tenant.id, tenant.quality.id],
    )) as { changes: { field: string; old: unknown; new: unknown }[] }[];
    expect(audit!.changes).toEqual(
      expect.arrayContaining([
        { field: 'severities.high.label', new: 'Alvorlig', old: 'Høy' },
        { field: 'severities.high.notify', new: 'handler', old: 'next_level' },
        { field: 'severities.low.active', new: false, old: true },
      ]),
    );

    // The filing form's options follow.
    const options = (await reporter.get<IncidentSeverityOption[]>('/api/incident-severities')).body;
    expect(options.find((o) => o.code === 'low')).toMatchObject({ active: false });
    expect(options.find((o) => o.code === 'high')).toEqual({
      active: true,
      code: 'high',
      description: 'Alvorlig skade eller brudd.',
      label: 'Alvorlig',
    });

    // Filing with the switched-off level is refused, naming the field, and stores nothing.
    const incidentsBefore = await count(`SELECT count(*)::int AS n FROM incident WHERE tenant_id = $1`, [tenant.id]);
    const numbersBefore = await count(`SELECT coalesce(sum(last_value), 0)::int AS n FROM incident_number_counter WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    const low = await reporter.request('POST', '/api/incidents', filing({ severityActual: 'low' }));
    expect(low.status).toBe(400);
    expect(fieldsOf(low.body)).toEqual(['severityActual']);
    const nearMiss = await reporter.request('POST', '/api/incidents', filing({ severityPotential: 'low' }, 'near_miss'));
    expect(fieldsOf(nearMiss.body)).toEqual(['severityPotential']);
    const potential = await reporter.request('POST', '/api/incidents', filing({ severityActual: 'medium', severityPotential: 'low' }));
    expect(fieldsOf(potential.body)).toEqual(['severityPotential']);
    expect(await count(`SELECT count(*)::int AS n FROM incident WHERE tenant_id = $1`, [tenant.id])).toBe(incidentsBefore);
    expect(
      await count(`SELECT coalesce(sum(last_value), 0)::int AS n FROM incident_number_counter WHERE tenant_id = $1`, [tenant.id]),
    ).toBe(numbersBefore);

    // A high case now reaches only the handler (by default the level above would hear too) ...
    const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', filing({ severityActual: 'high' }));
    expect(filed.status).toBe(201);
    const id = filed.body.id!;
    await waitFor(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM incident WHERE id = $1 AND filing_processed_at IS NOT NULL`, [id])) === 1
          ? true
          : undefined,
      { timeout: 60_000, what: 'the filing worker' },
    );
    const notified = (await testApp.dataSource.query(
      `SELECT u.email, n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.incident_id = $1`,
      [id],
    )) as {
      email: string;
      kind: string;
    }[];
    expect(notified).toEqual([{ email: tree.leaders.unit.email, kind: 'incident_assigned' }]);
    const handler = await signIn(testApp.baseUrl, tree.leaders.unit);
    const detail = (await handler.get<IncidentResponse>(`/api/incidents/${id}`)).body;
    expect(detail.events.find((e) => e.type === 'notified')?.details).toEqual({ userIds: [handler.me.id] });
    // ... and must be acknowledged the same day, as configured.
    expect(detail.acknowledgeDueAt).toBe(endOfZonedDay(zonedDate(new Date(detail.reportedAt))).toISOString());
  }, 120_000);

  it('should route a high case a level up again once the defaults are back', async () => {
    const back = await quality.request<IncidentSettingsResponse>('PUT', '/api/incident-settings', {
      deadlines: original.deadlines,
      severities: DEFAULT_SEVERITY_POLICY,
    });
    expect(back.body.severities).toEqual(DEFAULT_SEVERITY_POLICY);
    const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', filing({ severityActual: 'high' }));
    expect(filed.status).toBe(201);
    const id = filed.body.id!;
    await waitFor(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM incident WHERE id = $1 AND filing_processed_at IS NOT NULL`, [id])) === 1
          ? true
          : undefined,
      { timeout: 60_000, what: 'the filing worker' },
    );
    const notified = (await testApp.dataSource.query(
      `SELECT u.email, n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.incident_id = $1 ORDER BY n.kind`,
      [id],
    )) as {
      email: string;
      kind: string;
    }[];
    expect(notified).toEqual([
      { email: tree.leaders.unit.email, kind: 'incident_assigned' },
      { email: tree.leaders.sector.email, kind: 'incident_filed_high' },
    ]);
  }, 120_000);
});
