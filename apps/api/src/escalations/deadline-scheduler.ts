import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../core/queue/queue-names';
import { withEnqueueTimeout } from '../core/queue/redis-connection-options';
import { type DeadlineJobData, deadlineJobId } from './deadline-job';

/**
 * Schedules deadlines as delayed BullMQ jobs with deterministic ids — no polling. When the subject moves
 * on, `cancel` removes the pending job; a job already running for an old version is a no-op because
 * handlers compare versions under a row lock. Single changes give up after a short timeout while Redis is away
 * (callers log it; the outbox sweep re-creates the job).
 */
@Injectable()
export class DeadlineScheduler {
  constructor(@InjectQueue(QueueName.escalations) private readonly queue: Queue<DeadlineJobData>) {}

  async schedule(data: DeadlineJobData, runAt: Date): Promise<string> {
    const jobId = deadlineJobId(data);
    await withEnqueueTimeout(this.queue.add(JobName.deadlineDue, data, { delay: Math.max(0, runAt.getTime() - Date.now()), jobId }));
    return jobId;
  }

  /** Many at once (one Redis round trip), e.g. the outbox sweep. */
  async scheduleMany(items: readonly { data: DeadlineJobData; runAt: Date }[]): Promise<void> {
    if (items.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      items.map(({ data, runAt }) => ({
        data,
        name: JobName.deadlineDue,
        opts: { delay: Math.max(0, runAt.getTime() - now), jobId: deadlineJobId(data) },
      })),
    );
  }

  async cancel(data: Pick<DeadlineJobData, 'subjectType' | 'subjectId' | 'deadline' | 'version' | 'level'>): Promise<void> {
    await withEnqueueTimeout(this.queue.remove(deadlineJobId(data)));
  }
}
