import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { RiskModule } from '../risk/risk.module';
import { RiskImport } from './risk-import.entity';
import { RiskTransferController } from './risk-transfer.controller';
import { ScenarioExportService } from './scenario-export.service';
import { ScenarioImportService } from './scenario-import.service';

/** ROS scenario tables as spreadsheets: Excel/CSV export and the import with preview (issue 5). */
@Module({
  controllers: [RiskTransferController],
  imports: [TypeOrmModule.forFeature([RiskImport]), AuditLogModule, RiskModule],
  providers: [ScenarioExportService, ScenarioImportService],
})
export class RiskTransferModule {}
