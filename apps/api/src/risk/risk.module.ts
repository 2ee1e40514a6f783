import { Module } from '@nestjs/common';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { RiskController } from './risk.controller';
import { RiskQuery } from './risk.query';
import { RiskAnalysesService } from './risk-analyses.service';

/** ROS over HTTP: scale sets, analyses, scenarios, the risk register and its heat map. */
@Module({
  controllers: [RiskController],
  exports: [RiskAnalysesService, RiskQuery],
  imports: [AuditLogModule],
  providers: [RiskAnalysesService, RiskQuery],
})
export class RiskModule {}
