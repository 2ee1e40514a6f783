import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../../core/queue/queue-names';

export interface NotificationDeliveryJobData {
  deliveryId: string;
  tenantId: string;
}

/** Enqueues deliveries. The job id is the delivery id: enqueuing twice (e.g. by the outbox sweep) is a no-op. */
@Injectable()
export class NotificationDeliveryProducer {
  constructor(@InjectQueue(QueueName.notifications) private readonly queue: Queue<NotificationDeliveryJobData>) {}

  async enqueue(tenantId: string, deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        data: { deliveryId, tenantId },
        name: JobName.deliverNotification,
        opts: { jobId: `delivery-${deliveryId}` },
      })),
    );
  }
}
