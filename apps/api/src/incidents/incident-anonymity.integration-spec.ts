import type { FileIncidentResponse, IncidentCategoryResponse, IncidentResponse } from '@helhet/shared';
import type { INestApplicationContext } from '@nestjs/common';

import { filingPayload, makeUnitTree, signIn } from '../../test/factories';
import { startSmtp, type TestSmtp } from '../../test/utils/smtp';
import { obliterateQueues, startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';

/**
 * An anonymous avvik leaves no trace of its reporter: no row in any table gains their id, e-mail or
 * name — not the case, its history, attachments, the audit or access log, notifications — and neither
 * the API's nor the worker's log lines mention them.
 */
describe('anonymous avvik', () => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let worker: INestApplicationContext;
  const logLines: string[] = [];

  beforeAll(async () => {
    await obliterateQueues();
    smtp = await startSmtp();
    testApp = await startTestApp({ SMTP_URL: smtp.url }, { logLines });
    worker = await startTestWorker({ SMTP_URL: smtp.url }, { logLines });
  });

  afterAll(async () => {
    await worker.close();
    await testApp.close();
    await smtp.close();
  });

  /** Rows per table whose JSON mentions any of `needles`. */
  const mentions = async (needles: string[]): Promise<Record<string, number>> => {
    const tables = (await testApp.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as {
      tablename: string;
    }[];
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [row] = (await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM "${tablename}" t WHERE ${needles.map((_, i) => `row_to_json(t)::text ILIKE $${i + 1}`).join(' OR ')}`,
        needles.map((needle) => `%${needle}%`),
      )) as { n: number }[];
      counts[tablename] = row!.n;
    }
    return counts;
  };

  it('should store and log nothing that points to the reporter', async () => {
    // A reporter, unit and handlers of this spec's own (factories): their ids, e-mail and name are the needles.
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Anonym' });
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    const needles = [reporter.me.id, reporter.me.email, reporter.me.name];
    const categories = (await reporter.get<IncidentCategoryResponse[]>('/api/incidents/categories')).body;
    const before = await mentions(needles);
    logLines.length = 0;

    const body = new FormData();
    body.append(
      'payload',
      JSON.stringify(
        filingPayload(
          { categoryId: categories.find((c) => c.code === 'work_environment')!.id, orgUnitId: tree.unit.id },
          {
            affectedPartyType: 'employee',
            description: 'Lederen kjefter på ansatte i vaktrommet.',
            occurredAt: new Date().toISOString(),
            reporterVisibility: 'anonymous',
            severityActual: 'high',
          },
        ),
      ),
    );
    body.append('files', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%bilde\n'))], { type: 'application/pdf' }), 'notat.pdf');
    const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', body);
    expect(filed.status).toBe(201);
    expect(filed.body.id).toBeNull();
    const [incident] = (await testApp.dataSource.query(`SELECT id, reporter_user_id, filing_processed_at FROM incident WHERE number = $1`, [
      filed.body.number,
    ])) as {
      id: string;
      reporter_user_id: string | null;
    }[];
    expect(incident!.reporter_user_id).toBeNull();

    // The worker has notified the line (high: the handler and the level above) by e-mail.
    await waitFor(
      async () => {
        const [row] = (await testApp.dataSource.query(
          `SELECT count(*)::int AS n FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.incident_id = $1 AND d.status = 'sent'`,
          [incident!.id],
        )) as { n: number }[];
        return row!.n >= 2 ? true : undefined;
      },
      { timeout: 60_000, what: 'filing notifications' },
    );
    // The handler reads the case: the reporter stays unknown to them too.
    const handler = await signIn(testApp.baseUrl, tree.leaders.unit);
    const seen = await handler.get<IncidentResponse>(`/api/incidents/${incident!.id}`);
    expect(seen.body).toMatchObject({ isReporter: false, reporter: null, reporterVisibility: 'anonymous' });
    expect(seen.body.events.every((event) => event.actor === null)).toBe(true);
    expect((await reporter.get(`/api/incidents/${incident!.id}`)).status).toBe(404);

    const after = await mentions(needles);
    // Signing the handler in touches only the handler's rows; the reporter's footprint is unchanged.
    expect(after).toEqual(before);
    const leaked = logLines.filter((line) => needles.some((needle) => line.toLowerCase().includes(needle.toLowerCase())));
    expect(leaked).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(smtp.received.every((mail) => !needles.some((needle) => mail.raw.includes(needle)))).toBe(true);
  }, 180_000);
});
