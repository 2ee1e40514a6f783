import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../../core/queue/queue-names';
import { withEnqueueTimeout } from '../../core/queue/redis-connection-options';

export interface IncidentFiledJobData {
  incidentId: string;
  tenantId: string;
}

/** Hands a newly filed case to the worker. The job id is the case id, so the outbox sweep may enqueue again safely. */
@Injectable()
export class IncidentFiledProducer {
  private readonly logger = new Logger(IncidentFiledProducer.name);

  constructor(@InjectQueue(QueueName.incidents) private readonly queue: Queue<IncidentFiledJobData>) {}

  /** Never fails or holds up the request: if Redis is away (fails fast, or no answer within the timeout), the maintenance sweep enqueues the case later. */
  async enqueue(data: IncidentFiledJobData): Promise<void> {
    try {
      await withEnqueueTimeout(this.queue.add(JobName.incidentFiled, data, { jobId: `incident-filed-${data.incidentId}` }));
    } catch (error) {
      this.logger.warn({
        err: error instanceof Error ? error.message : String(error),
        incidentId: data.incidentId,
        msg: 'enqueue failed; the sweep retries',
      });
    }
  }
}
