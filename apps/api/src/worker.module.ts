import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { PasswordResetWorkerModule } from './auth/password-reset/password-reset-worker.module';
import type { EnvironmentVariables } from './core/config/environment-variables';
import { CoreModule } from './core/core.module';
import { ENTITIES } from './database/entities';
import { EscalationsWorkerModule } from './escalations/escalations-worker.module';
import { IncidentsWorkerModule } from './incidents/incidents-worker.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MeasuresWorkerModule } from './measures/measures-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { RiskReportsWorkerModule } from './risk-reports/risk-reports-worker.module';
import { UsersWorkerModule } from './users/users-worker.module';

/** The worker process: queue processors and schedules, no HTTP. Each feature's worker module registers its own processors. */
@Module({})
export class WorkerModule {
  static forRoot(config?: EnvironmentVariables): DynamicModule {
    return {
      imports: [
        CoreModule.forRoot(config, 'worker'),
        EscalationsWorkerModule,
        IncidentsWorkerModule,
        MaintenanceModule,
        MeasuresWorkerModule,
        NotificationsWorkerModule,
        PasswordResetWorkerModule,
        RiskReportsWorkerModule,
        UsersWorkerModule,
        // The worker loads only worker modules, but TypeORM resolves relations across the whole schema (a notification
        // relates to an avvik and a ROS analysis), so the composition root registers every entity here (ADR 0014).
        TypeOrmModule.forFeature(ENTITIES),
      ],
      module: WorkerModule,
    };
  }
}
