import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';

import { AccessLogModule } from './access-log/access-log.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { OidcModule } from './auth/oidc/oidc.module';
import type { EnvironmentVariables } from './core/config/environment-variables';
import { CoreModule } from './core/core.module';
import { DomainExceptionFilter } from './core/http/domain-exception.filter';
import { RequestIdMiddleware } from './core/logging/request-id.middleware';
import { EscalationsModule } from './escalations/escalations.module';
import { HealthController } from './health/health.controller';
import { IncidentsModule } from './incidents/incidents.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationModule } from './organisation/organisation.module';
import { RiskModule } from './risk/risk.module';
import { RiskLinksModule } from './risk-links/risk-links.module';
import { RiskReportsModule } from './risk-reports/risk-reports.module';
import { RiskTransferModule } from './risk-transfer/risk-transfer.module';
import { UsersModule } from './users/users.module';
import { WorkshopsModule } from './workshops/workshops.module';

/** The HTTP API. Background work runs in WorkerModule (worker.ts), a separate process. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config?: EnvironmentVariables): DynamicModule {
    return {
      controllers: [HealthController],
      imports: [
        CoreModule.forRoot(config),
        AccessLogModule,
        AuditLogModule,
        AuthModule,
        EscalationsModule,
        IncidentsModule,
        NotificationsModule,
        OidcModule,
        OrganisationModule,
        RiskModule,
        RiskLinksModule,
        RiskReportsModule,
        RiskTransferModule,
        UsersModule,
        WorkshopsModule,
      ],
      module: AppModule,
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }
}
