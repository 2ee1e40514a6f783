import { parseIncidentNumber } from '@helhet/domain';
import type { FileIncidentResponse, IncidentCategoryResponse } from '@helhet/shared';

import { filingPayload, makeTenant, makeUnitTree, signIn } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/**
 * Case numbers under concurrent filing: unique and gap-free, also when some filings fail. Numbers run per
 * tenant, so the spec files in a municipality of its own (factories) and no other spec's filings interleave.
 */
describe('avvik numbers', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(() => testApp.close());

  it('should give 200 concurrent filings 200 distinct, consecutive numbers, and a failed filing none', async () => {
    const tenant = await makeTenant(testApp.dataSource, 'Nummerkommune');
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Nummer', tenantId: tenant.id });
    const sessions = await Promise.all(
      [tree.employee, tree.leaders.unit, tree.leaders.department, tenant.hms].map((user) => signIn(testApp.baseUrl, user)),
    );
    const categories = (await sessions[0]!.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const body = (n: number) =>
      filingPayload(
        { categoryId: categories[n % categories.length]!.id, orgUnitId: tree.unit.id },
        {
          description: `Samtidig melding nummer ${n}`,
          kind: categories[n % categories.length]!.code === 'improvement' ? 'improvement' : 'deviation',
          occurredAt: new Date().toISOString(),
          reporterVisibility: n % 3 === 0 ? 'anonymous' : 'named',
          severityActual: categories[n % categories.length]!.hasSeverity ? 'low' : null,
          // Every tenth also sends an invalid sub-category: refused by validation, it must not use up a number.
          ...(n % 10 === 5 ? { subcategoryId: categories[0]!.id } : {}),
        },
      );

    const results = await Promise.all(
      Array.from({ length: 220 }, (_, n) =>
        sessions[n % sessions.length]!.request<FileIncidentResponse>('POST', '/api/incidents', body(n)),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(198);
    expect(results.filter((r) => r.status === 400)).toHaveLength(22);
    const more = await Promise.all(
      Array.from({ length: 2 }, (_, n) => sessions[n]!.request<FileIncidentResponse>('POST', '/api/incidents', body(n + 1000))),
    );
    const numbers = [...ok, ...more].map((r) => parseIncidentNumber(r.body.number)!);
    expect(numbers).toHaveLength(200);
    const sequences = numbers.map((n) => n.sequence).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(200);
    expect(sequences[199]! - sequences[0]!).toBe(199);
    // Nothing between the first and last belongs to someone else: the run took every number in its range.
    const [row] = (await testApp.dataSource.query(`SELECT last_value FROM incident_number_counter WHERE tenant_id = $1 AND year = $2`, [
      tenant.id,
      numbers[0]!.year,
    ])) as { last_value: number }[];
    expect(row!.last_value).toBe(sequences[199]);
  });

  it('should number concurrent filings with files and Idempotency-Keys last, each case with its own number in its audit row', async () => {
    const tenant = await makeTenant(testApp.dataSource, 'Nummerkommune 2');
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Nummer 2', tenantId: tenant.id });
    const sessions = await Promise.all([tree.employee, tree.leaders.unit].map((user) => signIn(testApp.baseUrl, user)));
    const categories = (await sessions[0]!.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const category = categories.find((c) => c.code === 'work_environment')!;
    const visibilities = ['named', 'anonymous', 'hidden_from_handler'] as const;
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const form = (n: number) => {
      const body = new FormData();
      const payload = filingPayload(
        { categoryId: category.id, orgUnitId: tree.unit.id },
        {
          affectedPartyType: 'employee',
          description: `Samtidig melding med vedlegg ${n}`,
          occurredAt,
          reporterVisibility: visibilities[n % 3],
        },
      );
      body.append('payload', JSON.stringify(payload));
      // A PNG signature and a few bytes: the upload checks the file's own signature.
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n, 0, 0, 0]);
      if (n % 2 === 0) body.append('files', new Blob([png], { type: 'image/png' }), `vedlegg-${n}.png`);
      return body;
    };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        sessions[n % 2]!.request<FileIncidentResponse>('POST', '/api/incidents', form(n), {
          headers: { 'Idempotency-Key': `nummer-${n}-${tenant.id}` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 40 }, () => 201));
    const sequences = results.map((r) => parseIncidentNumber(r.body.number)!.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));

    // Every case has its number (no placeholder left), its `filed` event and one audit row naming that number.
    const rows = (await testApp.dataSource.query(
      `SELECT i.number, (SELECT count(*)::int FROM incident_event e WHERE e.incident_id = i.id AND e.type = 'filed') AS events,
              (SELECT count(*)::int FROM attachment a WHERE a.incident_id = i.id) AS attachments,
              (SELECT array_agg(c->>'new') FROM audit_log_entry l, jsonb_array_elements(l.changes) c
                WHERE l.entity_id = i.id AND l.entity_type = 'incident' AND l.action = 'create' AND c->>'field' = 'number') AS audited
         FROM incident i WHERE i.tenant_id = $1 ORDER BY i.number`,
      [tenant.id],
    )) as { number: string; events: number; attachments: number; audited: string[] }[];
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(parseIncidentNumber(row.number)).not.toBeNull();
      expect(row.events).toBe(1);
      expect(row.audited).toEqual([row.number]);
    }
    expect(rows.reduce((total, row) => total + row.attachments, 0)).toBe(20);

    // The same key again answers the first filing and takes no number.
    const again = await sessions[0]!.request<FileIncidentResponse>('POST', '/api/incidents', form(0), {
      headers: { 'Idempotency-Key': `nummer-0-${tenant.id}` },
    });
    expect(again.status).toBe(201);
    expect(again.body.number).toBe(results[0]!.body.number);
    const [counter] = (await testApp.dataSource.query(`SELECT last_value FROM incident_number_counter WHERE tenant_id = $1`, [
      tenant.id,
    ])) as { last_value: number }[];
    expect(counter!.last_value).toBe(40);
  });
});
