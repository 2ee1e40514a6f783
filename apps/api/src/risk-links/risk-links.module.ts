import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { MeasuresModule } from '../measures/measures.module';
import { RiskModule } from '../risk/risk.module';
import { IncidentRiskLink } from './entities/incident-risk-link.entity';
import { IncidentRiskLinksController, RiskLinksController } from './risk-links.controller';
import { RiskLinksQuery } from './risk-links.query';
import { RiskLinksService } from './risk-links.service';

/** ROS ↔ measures and avvik as evidence (Helhet issue 5). Exports RiskLinksQuery (measures per scenario) for reports. */
@Module({
  controllers: [RiskLinksController, IncidentRiskLinksController],
  exports: [RiskLinksQuery],
  imports: [TypeOrmModule.forFeature([IncidentRiskLink]), AuditLogModule, MeasuresModule, RiskModule],
  providers: [RiskLinksQuery, RiskLinksService],
})
export class RiskLinksModule {}
