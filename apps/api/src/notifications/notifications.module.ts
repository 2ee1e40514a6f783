import { Module } from '@nestjs/common';

import { NotificationDeliveryProducer } from './jobs/notification-delivery.producer';
import { NotificationDeliveriesController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Inbox notifications and their e-mail deliveries: used by avvik now, by measures and control tasks later. */
@Module({
  controllers: [NotificationsController, NotificationDeliveriesController],
  exports: [NotificationsService, NotificationDeliveryProducer],
  providers: [NotificationsService, NotificationDeliveryProducer],
})
export class NotificationsModule {}
