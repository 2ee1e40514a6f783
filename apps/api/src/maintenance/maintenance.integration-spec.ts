import { randomUUID } from 'node:crypto';

import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

import { filingPayload, incidentCategories, makeUnitTree, makeUser, signIn, type UnitTree } from '../../test/factories';
import { startTestApp, startTestWorker, type TestApp } from '../../test/utils/test-app';
import { waitFor } from '../../test/utils/wait-for';
import { JobName, QueueName } from '../core/queue/queue-names';

/**
 * The worker registers its schedules, and the sweep re-queues invitations that were committed but never queued.
 * The invited user and the avvik the sweep finds are this spec's own (factories; filed over HTTP), never rows
 * another spec made.
 */
describe('maintenance jobs (real Redis + worker)', () => {
  let worker: INestApplicationContext;
  let testApp: TestApp;
  let tree: UnitTree;
  let dataSource: DataSource;

  beforeAll(async () => {
    // Own prefix: no other suite's queue state interferes.
    worker = await startTestWorker({ REDIS_KEY_PREFIX: `${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it'}-maint` });
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await worker.close();
    await testApp?.close();
  });

  it('should register the recurring jobs as BullMQ job schedulers', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      JobName.purgeExpiredSessions,
      JobName.removeStaleStagingFiles,
      JobName.requeueStalledOutbox,
      JobName.resendUnsentInvitations,
    ]);
    expect(schedulers.find((s) => s.key === JobName.purgeExpiredSessions)).toMatchObject({ pattern: '15 3 * * *', tz: 'Europe/Oslo' });
  });

  it('should queue an invitation that was committed while Redis was unreachable', async () => {
    tree = await makeUnitTree(dataSource, { label: 'Vedlikehold' });
    const invited = await makeUser(dataSource, { password: false, primaryOrgUnitId: tree.unit.id, tenantId: tree.tenantId });
    const user = { id: invited.id, tenant_id: invited.tenantId };
    const invitationId = randomUUID();
    await dataSource.query(
      `INSERT INTO invitation (id, tenant_id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, now() + interval '7 days', now() - interval '10 minutes')`,
      [invitationId, user.tenant_id, user.id, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const sweep = await maintenance.add(JobName.resendUnsentInvitations, {});
    const mail = worker.get<Queue>(getQueueToken(QueueName.mail));
    const job = await waitFor(() => mail.getJob(`invitation-${invitationId}`), { timeout: 5_000, what: 'the invitation mail job' });
    expect(job.data).toEqual({ invitationId, tenantId: user.tenant_id });
    const finished = await waitFor(
      async () => {
        const current = await maintenance.getJob(sweep.id!);
        return current?.finishedOn !== undefined ? current : undefined;
      },
      { timeout: 5_000, what: 'the sweep to finish' },
    );
    expect(await finished!.getState()).toBe('completed');
    expect(finished!.returnvalue).toBeGreaterThanOrEqual(1);
  });

  it('should re-queue avvik follow-up, pending e-mail and deadline jobs that a Redis outage lost', async () => {
    // Two avvik of this spec's own, filed over HTTP (the API queues on the run's normal prefix, where no worker runs now).
    testApp = await startTestApp();
    const reporter = await signIn(testApp.baseUrl, tree.employee);
    const leader = await signIn(testApp.baseUrl, tree.leaders.unit);
    const category = await incidentCategories(reporter);
    const fileOne = async () => {
      const filed = await reporter.request<{ id: string }>(
        'POST',
        '/api/incidents',
        filingPayload({ categoryId: category('service_quality').id, orgUnitId: tree.unit.id }),
      );
      expect(filed.status).toBe(201);
      return filed.body.id;
    };
    const lostId = await fileOne();
    const openId = await fileOne();
    // The first one's follow-up job never reached Redis (committed ten minutes ago, never processed) ...
    await dataSource.query(`UPDATE incident SET filing_processed_at = NULL, created_at = now() - interval '10 minutes' WHERE id = $1`, [
      lostId,
    ]);
    const target = { id: lostId, tenant_id: tree.tenantId };
    const user = { id: tree.leaders.unit.id };
    // ... the second one is processed and in progress, with a close deadline whose job Redis lost.
    expect((await leader.request('POST', `/api/incidents/${openId}/transitions`, { action: 'acknowledge' })).status).toBe(201);
    await dataSource.query(`UPDATE incident SET filing_processed_at = now() WHERE id = $1`, [openId]);
    const [notification] = (await dataSource.query(
      `INSERT INTO notification (tenant_id, user_id, kind, title, incident_id, dedupe_key) VALUES ($1, $2, 'incident_assigned', 'test', $3, $4) RETURNING id`,
      [target.tenant_id, user.id, target.id, `sweep-test-${randomUUID()}`],
    )) as { id: string }[];
    const [delivery] = (await dataSource.query(
      `INSERT INTO notification_delivery (tenant_id, notification_id, channel, created_at) VALUES ($1, $2, 'email', now() - interval '10 minutes') RETURNING id`,
      [target.tenant_id, notification!.id],
    )) as { id: string }[];
    const [open] = (await dataSource.query(
      `SELECT id, version, escalation_level FROM incident WHERE id = $1 AND status = 'in_progress' AND close_due_at > now() + interval '1 day'`,
      [openId],
    )) as { id: string; version: number; escalation_level: number }[];
    expect(open).toBeDefined();

    const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    await maintenance.add(JobName.requeueStalledOutbox, {});
    const probe = <T>(find: () => Promise<T | undefined>, what: string) => waitFor(find, { timeout: 10_000, what });
    const incidents = worker.get<Queue>(getQueueToken(QueueName.incidents));
    const notifications = worker.get<Queue>(getQueueToken(QueueName.notifications));
    const escalations = worker.get<Queue>(getQueueToken(QueueName.escalations));
    expect(await probe(() => incidents.getJob(`incident-filed-${target.id}`), 'the filing job')).toBeDefined();
    expect(await probe(() => notifications.getJob(`delivery-${delivery!.id}`), 'the delivery job')).toBeDefined();
    const deadline = await probe(
      () => escalations.getJob(`incident-${open!.id}-close-v${open!.version}-l${open!.escalation_level}`),
      'the close deadline job',
    );
    expect(await deadline?.getState()).toBe('delayed');
  });

  it('should settle a delivery left in sending whose job is gone as uncertain, and leave a recent one alone', async () => {
    const insertSending = async (age: string) => {
      const [notification] = (await dataSource.query(
        `INSERT INTO notification (tenant_id, user_id, kind, title, dedupe_key) VALUES ($1, $2, 'incident_assigned', 'test', $3) RETURNING id`,
        [tree.tenantId, tree.leaders.unit.id, `sending-test-${randomUUID()}`],
      )) as { id: string }[];
      return (
        (await dataSource.query(
          `INSERT INTO notification_delivery (tenant_id, notification_id, channel, status, created_at, updated_at)
           VALUES ($1, $2, 'email', 'sending', now() - $3::interval, now() - $3::interval) RETURNING id`,
          [tree.tenantId, notification!.id, age],
        )) as { id: string }[]
      )[0]!.id;
    };
    const stale = await insertSending('20 minutes');
    const recent = await insertSending('1 minute');
    const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    await maintenance.add(JobName.requeueStalledOutbox, {});
    const statusOf = async (id: string) =>
      ((await dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [id])) as { status: string }[])[0]!.status;
    await waitFor(async () => ((await statusOf(stale)) === 'uncertain' ? true : undefined), {
      timeout: 10_000,
      what: 'the stale delivery settled',
    });
    expect(await statusOf(recent)).toBe('sending');
  });
});
