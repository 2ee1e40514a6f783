import { Module } from '@nestjs/common';

import { MailModule } from '../core/mail/mail.module';
import { NotificationDeliveryProcessor } from './jobs/notification-delivery.processor';
import { NotificationsModule } from './notifications.module';

/** The worker side of notifications: e-mail delivery of the delivery ledger. Imported by every worker module that notifies. */
@Module({ imports: [MailModule, NotificationsModule], providers: [NotificationDeliveryProcessor] })
export class NotificationsWorkerModule {}
