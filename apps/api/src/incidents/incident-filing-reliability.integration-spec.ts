import { randomUUID } from 'node:crypto';

import type { ApiError, FileIncidentResponse } from '@helhet/shared';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { filingPayload, incidentCategories, makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { TcpProxy } from '../../test/utils/tcp-proxy';
import { startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { JobName, QueueName } from '../core/queue/queue-names';

/**
 * Filing when things go wrong (issue 16): a resubmitted form files once (Idempotency-Key), and filing answers at
 * once while the API's Redis is unreachable — the outbox sweep queues the case later. The API reaches Redis through
 * a relay this spec cuts, so the shared Redis stays up for everyone else; its keys are under this spec's own prefix.
 */
describe('avvik filing under failure (real PostgreSQL + Redis)', () => {
  const prefix = `${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it'}-filing`;
  const redisUrl = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const proxy = new TcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
  let testApp: TestApp;
  let worker: INestApplicationContext | undefined;
  let tree: UnitTree;
  let reporter: Session;
  const logLines: string[] = [];
  let payload: (description: string, overrides?: Record<string, unknown>) => ReturnType<typeof filingPayload>;
  const countByDescription = async (description: string) =>
    Number(
      ((await testApp.dataSource.query(`SELECT count(*) AS n FROM incident WHERE description = $1`, [description])) as { n: string }[])[0]!
        .n,
    );
  const file = (body: unknown, key?: string) =>
    reporter.request<FileIncidentResponse & ApiError>('POST', '/api/incidents', body, key ? { headers: { 'Idempotency-Key': key } } : {});

  beforeAll(async () => {
    await proxy.start();
    testApp = await startTestApp({ REDIS_KEY_PREFIX: prefix, REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { logLines });
    tree = await makeUnitTree(testApp.dataSource, { label: 'Pålitelighet' });
    reporter = await signIn(testApp.baseUrl, tree.employee);
    const category = await incidentCategories(reporter);
    payload = (description, overrides = {}) =>
      filingPayload({ categoryId: category('service_quality').id, orgUnitId: tree.unit.id }, { description, ...overrides });
  });

  afterAll(async () => {
    await worker?.close();
    await testApp?.close();
    await proxy.stop();
  });

  it('should file once when the same form is sent twice with one Idempotency-Key, answering the first filing again', async () => {
    const description = `Sendt to ganger etter brudd i forbindelsen ${randomUUID()}`;
    const key = randomUUID();
    // The very same body, as a browser resends it.
    const body = payload(description);
    const first = await file(body, key);
    const again = await file(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.number).toMatch(/^\d{4}-\d+$/);
    expect(await countByDescription(description)).toBe(1);
    // Another key is another report.
    const other = await file(body, randomUUID());
    expect(other.status).toBe(201);
    expect(other.body.number).not.toBe(first.body.number);
    expect(await countByDescription(description)).toBe(2);
  });

  it('should give an anonymous reporter the same receipt code again, and store nothing that names them', async () => {
    const description = `Anonym og sendt på nytt ${randomUUID()}`;
    const key = randomUUID();
    const anonymous = payload(description, { reporterVisibility: 'anonymous' });
    const first = await file(anonymous, key);
    const again = await file(anonymous, key);
    expect(first.status).toBe(201);
    expect(first.body.id).toBeNull();
    expect(first.body.receiptCode).toEqual(expect.any(String));
    expect(again.body).toEqual(first.body);
    expect(await countByDescription(description)).toBe(1);
    const stored = JSON.stringify(await testApp.dataSource.query(`SELECT * FROM incident_filing_request`));
    expect(stored).not.toContain(tree.employee.id);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(first.body.receiptCode!);
  });

  it('should refuse a reused Idempotency-Key with another payload (422) and a malformed key (400), filing nothing', async () => {
    const key = randomUUID();
    const description = `Første innhold ${randomUUID()}`;
    expect((await file(payload(description), key)).status).toBe(201);
    const changed = `Endret innhold ${randomUUID()}`;
    const reused = await file(payload(changed), key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countByDescription(changed)).toBe(0);
    const malformed = await file(payload(changed), 'kort');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'Idempotency-Key', reasons: [expect.any(String)] }]);
    expect(await countByDescription(changed)).toBe(0);
  });

  it('should let the key of a refused filing (400) be used for the corrected form', async () => {
    const key = randomUUID();
    const description = `Rettet etter feil ${randomUUID()}`;
    const refused = await file(payload(description, { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }), key);
    expect(refused.status).toBe(400);
    expect((await file(payload(description), key)).status).toBe(201);
    expect(await countByDescription(description)).toBe(1);
  });

  it('should answer filing at once while its Redis is unreachable, answer 503 where Redis is needed, and deliver later through the sweep', async () => {
    const consoleErrors = jest.spyOn(console, 'error');
    await proxy.stop();
    try {
      const description = `Meldt mens Redis var nede ${randomUUID()}`;
      const started = Date.now();
      const filed = await file(payload(description), randomUUID());
      expect(filed.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2_000);
      const [row] = (await testApp.dataSource.query(`SELECT filing_processed_at FROM incident WHERE id = $1`, [filed.body.id])) as {
        filing_processed_at: Date | null;
      }[];
      expect(row?.filing_processed_at).toBeNull();

      // Signing in needs the rate limiter in Redis: a 503 to retry, not a 500 (nor a hang).
      const login = await new Session(testApp.baseUrl).request<ApiError>('POST', '/api/auth/login', {
        email: 'nobody@example.invalid',
        password: 'whatever-it-is',
      });
      expect(login.status).toBe(503);
      expect(login.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(login.headers.get('retry-after')).toBe('10');

      // Connection errors reach the JSON log, never the console as "[ioredis] Unhandled error event".
      const redisErrors = logLines
        .map((line) => JSON.parse(line) as { msg?: string; source?: string })
        .filter((line) => line.msg === 'redis error');
      expect(redisErrors.map((line) => line.source)).toContain('shared-client');
      expect(consoleErrors.mock.calls.flat().join(' ')).not.toContain('Unhandled error event');

      await proxy.start();
      // The case was committed ten minutes ago as far as the sweep can tell; a worker on this prefix runs the sweep.
      await testApp.dataSource.query(`UPDATE incident SET created_at = now() - interval '10 minutes' WHERE id = $1`, [filed.body.id]);
      worker = await startTestWorker({ REDIS_KEY_PREFIX: prefix });
      await worker.get<Queue>(getQueueToken(QueueName.maintenance)).add(JobName.requeueStalledOutbox, {});
      const processed = await waitFor(
        async () => {
          const [current] = (await testApp.dataSource.query(`SELECT filing_processed_at FROM incident WHERE id = $1`, [filed.body.id])) as {
            filing_processed_at: Date | null;
          }[];
          return current?.filing_processed_at ?? undefined;
        },
        { timeout: 30_000, what: 'the sweep to hand the case to the worker' },
      );
      expect(processed).toBeInstanceOf(Date);
    } finally {
      consoleErrors.mockRestore();
      await proxy.start().catch(() => undefined);
    }
  });
});
