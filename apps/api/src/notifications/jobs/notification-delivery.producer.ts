import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobName, QueueName } from '../../core/queue/queue-names';
import { ENQUEUE_TIMEOUT_MS, withEnqueueTimeout } from '../../core/queue/redis-connection-options';

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
    // Gives up while Redis is away (callers log it; the outbox sweep re-enqueues pending deliveries).
    await withEnqueueTimeout(
      this.queue.addBulk(
        deliveryIds.map((deliveryId) => ({
          data: { deliveryId, tenantId },
          name: JobName.deliverNotification,
          opts: { jobId: `delivery-${deliveryId}` },
        })),
      ),
      ENQUEUE_TIMEOUT_MS + deliveryIds.length * 10,
    );
  }
}
