import { Module } from '@nestjs/common';

import { EscalationsWorkerModule } from '../escalations/escalations-worker.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { MeasureDeadlineHandler } from './jobs/measure-deadline.handler';
import { MeasuresModule } from './measures.module';

/**
 * The worker side of measures: reminders before the deadline and escalation after it. The deadline processor
 * (EscalationsWorkerModule) and e-mail delivery (NotificationsWorkerModule) are imported, so measure deadlines run
 * with this module alone, whether or not the avvik worker is loaded.
 */
@Module({
  imports: [EscalationsWorkerModule, MeasuresModule, NotificationsModule, NotificationsWorkerModule, OrganisationModule],
  providers: [MeasureDeadlineHandler],
})
export class MeasuresWorkerModule {}
