import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../core/queue/queue-names';

/** Registers the recurring jobs (idempotent upserts) when a worker starts. */
@Injectable()
export class MaintenanceSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.purgeExpiredSessions,
      { pattern: '15 3 * * *', tz: 'Europe/Oslo' },
      { name: JobName.purgeExpiredSessions },
    );
    await this.queue.upsertJobScheduler(JobName.resendUnsentInvitations, { every: 5 * 60_000 }, { name: JobName.resendUnsentInvitations });
    // Not at start: right after a deploy everything is still in the queues; a sweep is for what got lost.
    await this.queue.upsertJobScheduler(
      JobName.requeueStalledOutbox,
      { every: 5 * 60_000, startDate: Date.now() + 5 * 60_000 },
      { name: JobName.requeueStalledOutbox },
    );
  }
}
