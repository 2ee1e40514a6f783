import { Module } from '@nestjs/common';

import { UsersModule } from '../users/users.module';
import { MaintenanceSchedules } from './maintenance-schedules';
import { MaintenanceProcessor } from './maintenance.processor';

/** Worker-only: processors and schedules. */
@Module({
  imports: [UsersModule],
  providers: [MaintenanceProcessor, MaintenanceSchedules],
})
export class MaintenanceModule {}
