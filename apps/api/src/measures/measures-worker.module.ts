import { Module } from '@nestjs/common';

import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { MeasureDeadlineHandler } from './jobs/measure-deadline.handler';
import { MeasuresModule } from './measures.module';

/** The worker side of measures: reminders before the deadline and escalation after it (run by DeadlineProcessor). */
@Module({
  imports: [MeasuresModule, NotificationsModule, OrganisationModule],
  providers: [MeasureDeadlineHandler],
})
export class MeasuresWorkerModule {}
