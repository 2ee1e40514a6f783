import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { HmsRiskItem } from './entities/hms-risk-item.entity';
import { RiskAnalysis } from './entities/risk-analysis.entity';
import { RiskFactor } from './entities/risk-factor.entity';
import { RiskScenario } from './entities/risk-scenario.entity';
import { ScaleSet } from './entities/scale-set.entity';
import { RiskController } from './risk.controller';
import { RiskQuery } from './risk.query';
import { RiskAnalysesService } from './risk-analyses.service';
import { RiskHmsItemsService } from './risk-hms-items.service';
import { RiskScenariosService } from './risk-scenarios.service';

/** ROS over HTTP: scale sets, analyses, scenarios (the only writer of risk_scenario: RiskScenariosService), the risk register and its heat map. */
@Module({
  controllers: [RiskController],
  exports: [RiskAnalysesService, RiskQuery, RiskScenariosService],
  imports: [TypeOrmModule.forFeature([HmsRiskItem, RiskAnalysis, RiskFactor, RiskScenario, ScaleSet]), AuditLogModule],
  providers: [RiskAnalysesService, RiskHmsItemsService, RiskQuery, RiskScenariosService],
})
export class RiskModule {}
