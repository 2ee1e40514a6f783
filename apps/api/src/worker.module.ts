import { type DynamicModule, Module } from '@nestjs/common';

import type { EnvironmentVariables } from './core/config/environment-variables';
import { CoreModule } from './core/core.module';
import { EscalationsModule } from './escalations/escalations.module';
import { IncidentsWorkerModule } from './incidents/incidents-worker.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MeasuresWorkerModule } from './measures/measures-worker.module';
import { RiskReportsWorkerModule } from './risk-reports/risk-reports-worker.module';
import { InvitationMailProcessor } from './users/jobs/invitation-mail.processor';

/** The worker process: queue processors and schedules, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: EnvironmentVariables): DynamicModule {
    return {
      imports: [
        CoreModule.forRoot(config),
        EscalationsModule,
        IncidentsWorkerModule,
        MaintenanceModule,
        MeasuresWorkerModule,
        RiskReportsWorkerModule,
      ],
      module: WorkerModule,
      providers: [InvitationMailProcessor],
    };
  }
}
