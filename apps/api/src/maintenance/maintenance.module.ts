import { Module } from '@nestjs/common';

import { AttachmentsModule } from '../attachments/attachments.module';
import { IncidentFiledProducer } from '../incidents/jobs/incident-filed.producer';
import { MeasuresModule } from '../measures/measures.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceSchedules } from './maintenance-schedules';

/** Worker-only: processors and schedules. */
@Module({
  imports: [AttachmentsModule, MeasuresModule, NotificationsModule, UsersModule],
  providers: [IncidentFiledProducer, MaintenanceProcessor, MaintenanceSchedules],
})
export class MaintenanceModule {}
