import { Module } from '@nestjs/common';

import { MailModule } from '../core/mail/mail.module';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { DeadlineProcessor } from '../escalations/deadline.processor';
import { NotificationDeliveryProcessor } from '../notifications/jobs/notification-delivery.processor';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { IncidentDeadlineHandler } from './jobs/incident-deadline.handler';
import { IncidentFiledProcessor } from './jobs/incident-filed.processor';

/** The worker side of avvik: follow-up of new cases, deadlines and escalation, e-mail delivery. */
@Module({
  imports: [MailModule, NotificationsModule, OrganisationModule],
  providers: [DeadlineProcessor, IncidentDeadlineHandler, IncidentFiledProcessor, NotificationDeliveryProcessor, TenantSettingsService],
})
export class IncidentsWorkerModule {}
