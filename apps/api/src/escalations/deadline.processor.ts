import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

import { JobName, QueueName } from '../core/queue/queue-names';
import { workerOptions } from '../core/queue/worker-options';
import { DeadlineHandlers } from './deadline-handlers';
import type { DeadlineJobData, DeadlineOutcome } from './deadline-job';

/** Runs due deadlines through the handler of their subject type. */
@Processor(QueueName.escalations, workerOptions())
export class DeadlineProcessor extends WorkerHost {
  private readonly logger = new Logger(DeadlineProcessor.name);

  constructor(private readonly handlers: DeadlineHandlers) {
    super();
  }

  async process(job: Job<DeadlineJobData>): Promise<DeadlineOutcome> {
    if (job.name !== JobName.deadlineDue) throw new Error(`Unknown job ${job.name} on ${QueueName.escalations}`);
    const outcome = await this.handlers.get(job.data.subjectType).onDeadline(job.data);
    this.logger.log({ jobId: job.id, msg: 'deadline handled', outcome });
    return outcome;
  }
}
