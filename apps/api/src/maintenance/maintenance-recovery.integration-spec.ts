import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FileIncidentResponse, HealthResponse } from '@helhet/shared';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';

import { filingPayload, incidentCategories, makeTenant, makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import type { Session } from '../../test/utils/session';
import { startTestApp, startTestWorker, TEST_ATTACHMENT_DIR, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { JobName, QueueName } from '../core/queue/queue-names';
import { deadlineJobId } from '../escalations/deadline-job';
import { pendingDeadline } from '../incidents/incident-deadline';
import { MAINTENANCE_SCHEDULES, MaintenanceSchedules, missingSchedules } from './maintenance-schedules';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const base = process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it';

/** Deletes this spec's keys only (never FLUSHALL: the Redis is shared). */
const deleteKeys = async (redis: Redis, prefix: string): Promise<number> => {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
};

const finished = (queue: Queue, job: Job, timeout = 60_000) =>
  waitFor(
    async () => {
      const current = await queue.getJob(job.id!);
      return current?.finishedOn !== undefined ? current : undefined;
    },
    { timeout, what: `${job.name} to finish` },
  );

/**
 * Recovery after Redis data loss and crashes (issue 16): lost schedules come back while the worker runs and
 * /api/health names a missing one; the sweep re-creates the deadline job of every open case, not only the first
 * 5,000; stale attachment staging files are cleaned up. Its own Redis prefixes, tenant and files.
 */
describe('maintenance recovery (real Redis + worker)', () => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  const prefixes: string[] = [];

  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('should register the schedules again after the worker’s Redis keys were deleted while it runs', async () => {
    const prefix = `${base}-lost`;
    prefixes.push(prefix);
    const worker = await startTestWorker({ REDIS_KEY_PREFIX: prefix, SCHEDULE_CHECK_INTERVAL_MS: '1000' });
    try {
      const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
      expect(missingSchedules(await queue.getJobSchedulers())).toEqual([]);
      // Once the first runs (due at start) are done, so the loss hits the schedules, not a job in flight.
      await waitFor(async () => (await queue.getActiveCount()) === 0 && (await queue.getWaitingCount()) === 0, {
        what: 'the worker to be idle',
      });
      expect(await deleteKeys(redis, prefix)).toBeGreaterThan(0);
      const restored = await waitFor(
        async () => {
          const schedulers = await queue.getJobSchedulers();
          return missingSchedules(schedulers).length === 0 ? schedulers : undefined;
        },
        { timeout: 15_000, what: 'the schedules to be registered again' },
      );
      expect(restored.map((scheduler) => scheduler.key).sort()).toEqual(MAINTENANCE_SCHEDULES.map((schedule) => schedule.key).sort());
    } finally {
      await worker.close();
    }
  });

  describe('with the API and a worker', () => {
    const prefix = `${base}-recovery`;
    let testApp: TestApp;
    let worker: INestApplicationContext;
    let tree: UnitTree;
    let reporter: Session;
    let categoryId: string;
    const bulkIds: string[] = [];

    beforeAll(async () => {
      prefixes.push(prefix);
      // A check interval longer than the test: only this spec removes or restores schedules here.
      worker = await startTestWorker({ REDIS_KEY_PREFIX: prefix, SCHEDULE_CHECK_INTERVAL_MS: '3600000' });
      testApp = await startTestApp({ REDIS_KEY_PREFIX: prefix });
      const tenant = await makeTenant(testApp.dataSource, 'Gjenoppretting');
      tree = await makeUnitTree(testApp.dataSource, { label: 'Gjenoppretting', tenantId: tenant.id });
      reporter = await signIn(testApp.baseUrl, tree.employee);
      categoryId = (await incidentCategories(reporter))('service_quality').id;
    });

    afterAll(async () => {
      for (let index = 0; index < bulkIds.length; index += 1000) {
        await testApp.dataSource.query(`DELETE FROM incident WHERE id = ANY($1::uuid[])`, [bulkIds.slice(index, index + 1000)]);
      }
      await testApp?.close();
      await worker?.close();
    });

    it('should report a missing schedule as degraded, naming it, until the worker registers it again', async () => {
      const health = () =>
        fetch(`${testApp.baseUrl}/api/health`).then(async (r) => ({ body: (await r.json()) as HealthResponse, status: r.status }));
      const healthy = await health();
      expect(healthy.status).toBe(200);
      expect(healthy.body.status).toBe('ok');
      expect(healthy.body.components.schedules).toEqual({ state: 'up' });

      const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
      await queue.removeJobScheduler(JobName.requeueStalledOutbox);
      const degraded = await health();
      expect(degraded.status).toBe(200);
      expect(degraded.body.status).toBe('degraded');
      expect(degraded.body.components.schedules).toEqual({ missing: [JobName.requeueStalledOutbox], state: 'down' });

      // A reconnect (`ready`, e.g. to a Redis that restarted empty) registers it again.
      const client = await queue.getBackend().client;
      client.disconnect(true);
      await waitFor(async () => (await health()).body.status === 'ok', { timeout: 15_000, what: 'the schedule after a reconnect' });
      await queue.removeJobScheduler(JobName.requeueStalledOutbox);
      await worker.get(MaintenanceSchedules).restore();
      expect((await health()).body.status).toBe('ok');
      // Restored after a loss, the sweep is due now, not five minutes after a start.
      const restored = await queue.getJobScheduler(JobName.requeueStalledOutbox);
      expect(restored?.next).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    });

    it('should re-create the deadline job of an open case beyond the first 5,000 after Redis lost them', async () => {
      const filed = await reporter.request<FileIncidentResponse>(
        'POST',
        '/api/incidents',
        filingPayload({ categoryId, orgUnitId: tree.unit.id }, { description: 'Eldste åpne sak i en stor kommune.' }),
      );
      expect(filed.status).toBe(201);
      const targetId = filed.body.id!;
      await waitFor(
        async () =>
          (
            (await testApp.dataSource.query(`SELECT 1 FROM incident WHERE id = $1 AND filing_processed_at IS NOT NULL`, [
              targetId,
            ])) as unknown[]
          ).length > 0,
        { timeout: 15_000, what: 'the worker to process the filing' },
      );
      // The target is the least recently updated open case; 5,050 copies are newer (one statement, bulk).
      await testApp.dataSource.query(`UPDATE incident SET updated_at = now() - interval '30 days' WHERE id = $1`, [targetId]);
      const columns = (
        (await testApp.dataSource.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'incident' AND column_name NOT IN ('id', 'number', 'updated_at')`,
        )) as { column_name: string }[]
      ).map((row) => `"${row.column_name}"`);
      const tag = randomUUID().slice(0, 6);
      const inserted = (await testApp.dataSource.query(
        `INSERT INTO incident (id, number, updated_at, ${columns.join(', ')})
         SELECT gen_random_uuid(), 'S${tag}-' || lpad(g::text, 6, '0'), now(), ${columns.join(', ')}
           FROM incident, generate_series(1, 5050) AS g WHERE incident.id = $1 RETURNING id`,
        [targetId],
      )) as { id: string }[];
      bulkIds.push(...inserted.map((row) => row.id));
      expect(bulkIds).toHaveLength(5050);

      // Redis loses the deadline jobs.
      const escalations = worker.get<Queue>(getQueueToken(QueueName.escalations));
      await escalations.obliterate({ force: true });
      const [row] = (await testApp.dataSource.query(
        `SELECT id, tenant_id, status, version, escalation_level, reported_at, acknowledge_due_at, close_due_at FROM incident WHERE id = $1`,
        [targetId],
      )) as {
        id: string;
        tenant_id: string;
        status: 'registered';
        version: number;
        escalation_level: number;
        reported_at: Date;
        acknowledge_due_at: Date;
        close_due_at: Date;
      }[];
      const deadline = pendingDeadline({
        acknowledgeDueAt: row!.acknowledge_due_at,
        closeDueAt: row!.close_due_at,
        escalationLevel: row!.escalation_level,
        id: row!.id,
        reportedAt: row!.reported_at,
        status: row!.status,
        tenantId: row!.tenant_id,
        version: row!.version,
      });
      const targetJobId = deadlineJobId(deadline!.data);
      expect(await escalations.getJob(targetJobId)).toBeUndefined();

      const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
      const sweep = await finished(maintenance, await maintenance.add(JobName.requeueStalledOutbox, {}), 90_000);
      expect(await sweep.getState()).toBe('completed');
      expect(sweep.returnvalue).toBeGreaterThan(5050);
      expect(await (await escalations.getJob(targetJobId))?.getState()).toBe('delayed');
      // Every copy has its own job too (their ids differ only in the case id).
      const copies = await Promise.all(
        [bulkIds[0]!, bulkIds[2525]!, bulkIds[5049]!].map((id) => escalations.getJob(targetJobId.replace(targetId, id))),
      );
      expect(copies.every((job) => job !== undefined)).toBe(true);
    }, 180_000);

    it('should remove stale staging files, keep fresh ones, and move a committed one into place', async () => {
      const staging = join(TEST_ATTACHMENT_DIR, '.staging');
      await mkdir(staging, { recursive: true });
      const old = new Date(Date.now() - 2 * 3_600_000);
      // A file whose request died before its transaction committed.
      const orphan = join(staging, `${tree.tenantId}-${randomUUID()}`);
      await writeFile(orphan, 'orphan');
      await utimes(orphan, old, old);
      // A request still running.
      const fresh = join(staging, `${tree.tenantId}-${randomUUID()}`);
      await writeFile(fresh, 'fresh');
      // A filing whose row committed, then the process died before the file was moved into place.
      const body = new FormData();
      body.append('payload', JSON.stringify(filingPayload({ categoryId, orgUnitId: tree.unit.id })));
      body.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'bilde.png');
      const filed = await reporter.request<FileIncidentResponse>('POST', '/api/incidents', body);
      expect(filed.status).toBe(201);
      const [attachment] = (await testApp.dataSource.query(`SELECT storage_key FROM attachment WHERE incident_id = $1`, [
        filed.body.id,
      ])) as {
        storage_key: string;
      }[];
      const placed = join(TEST_ATTACHMENT_DIR, attachment!.storage_key);
      const unmoved = join(staging, attachment!.storage_key.replace('/', '-'));
      await rename(placed, unmoved);
      await utimes(unmoved, old, old);

      const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
      const job = await finished(maintenance, await maintenance.add(JobName.removeStaleStagingFiles, {}));
      expect(await job.getState()).toBe('completed');
      expect(await stat(orphan).catch(() => null)).toBeNull();
      expect(await stat(fresh).catch(() => null)).not.toBeNull();
      expect(await stat(unmoved).catch(() => null)).toBeNull();
      expect(await readFile(placed)).toEqual(PNG);
      await rm(fresh);
    });
  });
});
