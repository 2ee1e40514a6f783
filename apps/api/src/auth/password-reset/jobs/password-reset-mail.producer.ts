import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../../../core/queue/queue-names';
import type { PasswordResetMailJobData } from './password-reset-mail.job-data';

/** The only place that enqueues "forgot password" e-mails. The job id is the reset id: enqueuing twice is a no-op. */
@Injectable()
export class PasswordResetMailProducer {
  constructor(@InjectQueue(QueueName.passwordResetMail) private readonly queue: Queue<PasswordResetMailJobData>) {}

  async enqueue(data: PasswordResetMailJobData): Promise<void> {
    await this.queue.add(JobName.passwordResetMail, data, { jobId: `password-reset-${data.resetId}` });
  }
}
