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
});
