import { randomUUID } from 'node:crypto';

import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

import { startTestWorker } from '../../test/utils/test-app';
import { JobName, QueueName } from '../core/queue/queue-names';

/** The worker registers its schedules, and the sweep re-queues invitations that were committed but never queued. */
describe('maintenance jobs (real Redis + worker)', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    // Own prefix: no other suite's queue state interferes.
    worker = await startTestWorker({ REDIS_KEY_PREFIX: `${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it'}-maint` });
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });

  afterAll(() => worker.close());

  it('should register the recurring jobs as BullMQ job schedulers', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual([
      JobName.purgeExpiredSessions,
      JobName.requeueStalledOutbox,
      JobName.resendUnsentInvitations,
    ]);
    expect(schedulers.find((s) => s.key === JobName.purgeExpiredSessions)).toMatchObject({ pattern: '15 3 * * *', tz: 'Europe/Oslo' });
  });

  it('should queue an invitation that was committed while Redis was unreachable', async () => {
    const [user] = (await dataSource.query(`SELECT id, tenant_id FROM app_user WHERE password_hash IS NULL ORDER BY email LIMIT 1`)) as {
      id: string;
      tenant_id: string;
    }[];
    const invitationId = randomUUID();
    await dataSource.query(
      `INSERT INTO invitation (id, tenant_id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, now() + interval '7 days', now() - interval '10 minutes')`,
      [invitationId, user!.tenant_id, user!.id, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    const sweep = await maintenance.add(JobName.resendUnsentInvitations, {});
    const mail = worker.get<Queue>(getQueueToken(QueueName.mail));
    let job;
    for (let i = 0; i < 50 && !job; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await mail.getJob(`invitation-${invitationId}`);
    }
    expect(job).toBeDefined();
    expect(job!.data).toEqual({ invitationId, tenantId: user!.tenant_id });
    let finished;
    for (let i = 0; i < 50 && finished?.finishedOn === undefined; i++) {
      finished = await maintenance.getJob(sweep.id!);
      if (finished?.finishedOn === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await finished!.getState()).toBe('completed');
    expect(finished!.returnvalue).toBeGreaterThanOrEqual(1);
  });

  it('should re-queue avvik follow-up, pending e-mail and deadline jobs that a Redis outage lost', async () => {
    // UPDATE … RETURNING comes back as [rows, affectedCount].
    const [updated] = (await dataSource.query(
      `UPDATE incident SET filing_processed_at = NULL, created_at = now() - interval '10 minutes'
        WHERE id = (SELECT id FROM incident WHERE status = 'registered' ORDER BY reported_at DESC LIMIT 1) RETURNING id, tenant_id`,
    )) as [{ id: string; tenant_id: string }[], number];
    const target = updated[0]!;
    const [user] = (await dataSource.query(`SELECT id FROM app_user WHERE tenant_id = $1 ORDER BY email LIMIT 1`, [target.tenant_id])) as {
      id: string;
    }[];
    const [notification] = (await dataSource.query(
      `INSERT INTO notification (tenant_id, user_id, kind, title, incident_id, dedupe_key) VALUES ($1, $2, 'incident_assigned', 'test', $3, $4) RETURNING id`,
      [target.tenant_id, user!.id, target.id, `sweep-test-${randomUUID()}`],
    )) as { id: string }[];
    const [delivery] = (await dataSource.query(
      `INSERT INTO notification_delivery (tenant_id, notification_id, channel, created_at) VALUES ($1, $2, 'email', now() - interval '10 minutes') RETURNING id`,
      [target.tenant_id, notification!.id],
    )) as { id: string }[];
    const [open] = (await dataSource.query(
      `SELECT id, version, escalation_level FROM incident WHERE status = 'in_progress' AND filing_processed_at IS NOT NULL AND close_due_at > now() + interval '1 day' LIMIT 1`,
    )) as { id: string; version: number; escalation_level: number }[];

    const maintenance = worker.get<Queue>(getQueueToken(QueueName.maintenance));
    await maintenance.add(JobName.requeueStalledOutbox, {});
    const probe = async <T>(find: () => Promise<T | undefined>): Promise<T | undefined> => {
      for (let i = 0; i < 100; i++) {
        const found = await find();
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    };
    const incidents = worker.get<Queue>(getQueueToken(QueueName.incidents));
    const notifications = worker.get<Queue>(getQueueToken(QueueName.notifications));
    const escalations = worker.get<Queue>(getQueueToken(QueueName.escalations));
    expect(await probe(() => incidents.getJob(`incident-filed-${target.id}`))).toBeDefined();
    expect(await probe(() => notifications.getJob(`delivery-${delivery!.id}`))).toBeDefined();
    const deadline = await probe(() => escalations.getJob(`incident-${open!.id}-close-v${open!.version}-l${open!.escalation_level}`));
    expect(await deadline?.getState()).toBe('delayed');
  });
});
