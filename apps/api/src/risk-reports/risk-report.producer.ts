import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../core/queue/queue-names';

export interface RiskReportJobData {
  reportId: string;
  tenantId: string;
}

/** Hands a requested report to the worker. The job id is the report id, so enqueueing twice builds it once. */
@Injectable()
export class RiskReportProducer {
  constructor(
    @InjectQueue(QueueName.riskReports)
    private readonly queue: Queue<RiskReportJobData>,
  ) {}

  async enqueue(data: RiskReportJobData): Promise<void> {
    await this.queue.add(JobName.buildRiskReport, data, {
      attempts: 3,
      backoff: { delay: 2_000, type: 'exponential' },
      jobId: `risk-report-${data.reportId}`,
      removeOnComplete: { age: 86_400, count: 1_000 },
    });
  }
}
