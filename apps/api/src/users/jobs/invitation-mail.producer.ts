import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../../core/queue/queue-names';
import type { InvitationMailJobData } from './invitation-mail.job-data';

/** The only place that enqueues invitation e-mails. The job id is the invitation id: enqueuing twice is a no-op. */
@Injectable()
export class InvitationMailProducer {
  constructor(@InjectQueue(QueueName.mail) private readonly queue: Queue<InvitationMailJobData>) {}

  async enqueue(data: InvitationMailJobData): Promise<void> {
    await this.queue.add(JobName.invitationMail, data, { jobId: `invitation-${data.invitationId}` });
  }
}
