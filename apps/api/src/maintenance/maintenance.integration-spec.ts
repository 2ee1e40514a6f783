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
    expect(schedulers.map((s) => s.key).sort()).toEqual([JobName.purgeExpiredSessions, JobName.requeueStalledOutbox, JobName.resendUnsentInvitations]);
    expect(schedulers.find((s) => s.key === JobName.purgeExpiredSessions)).toMatchObject({ pattern: '15 3 * * *', tz: 'Europe/Oslo' });
  });

  it('should queue an invitation that was committed while Redis was unreachable', async () => {
    const [user] = (await dataSource.query(`SELECT id, tenant_id FROM app_user WHERE password_hash IS NULL ORDER BY email LIMIT 1`)) as { id: string; tenant_id: string }[];
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
});
