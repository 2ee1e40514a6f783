import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { UserDirectoryModule } from '../users/user-directory.module';
import { Notification } from './entities/notification.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationDeliveryProducer } from './jobs/notification-delivery.producer';
import { NotificationDeliveriesController, NotificationsController } from './notifications.controller';
import { NotificationsQuery } from './notifications.query';
import { NotificationsService } from './notifications.service';

/** Inbox notifications and their e-mail deliveries: used by avvik now, by measures and control tasks later. */
@Module({
  imports: [UserDirectoryModule, TypeOrmModule.forFeature([Notification, NotificationDelivery])],
  controllers: [NotificationsController, NotificationDeliveriesController],
  exports: [NotificationsService, NotificationDeliveryProducer],
  providers: [NotificationDeliveryProducer, NotificationsQuery, NotificationsService],
})
export class NotificationsModule {}
