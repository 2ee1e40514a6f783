import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { RiskModule } from '../risk/risk.module';
import { RiskReport } from './risk-report.entity';
import { RiskReportProducer } from './risk-report.producer';
import { RiskReportsController } from './risk-reports.controller';
import { RiskReportsService } from './risk-reports.service';

/** PDF reports of risk analyses over HTTP: request, progress, download. The worker side is RiskReportsWorkerModule. */
@Module({
  controllers: [RiskReportsController],
  imports: [TypeOrmModule.forFeature([RiskReport]), AuditLogModule, RiskModule],
  providers: [RiskReportProducer, RiskReportsService],
})
export class RiskReportsModule {}
