import { Module } from '@nestjs/common';

import { IncidentFiledProducer } from '../incidents/jobs/incident-filed.producer';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { MaintenanceSchedules } from './maintenance-schedules';
import { MaintenanceProcessor } from './maintenance.processor';

/** Worker-only: processors and schedules. */
@Module({
  imports: [NotificationsModule, UsersModule],
  providers: [IncidentFiledProducer, MaintenanceProcessor, MaintenanceSchedules],
})
export class MaintenanceModule {}
