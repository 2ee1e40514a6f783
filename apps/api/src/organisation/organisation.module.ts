import { Module } from '@nestjs/common';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { ManagementLineReader } from './management-line.reader';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsQuery } from './org-units.query';
import { OrgUnitsService } from './org-units.service';

@Module({
  controllers: [OrgUnitsController],
  exports: [ManagementLineReader, OrgUnitsQuery],
  imports: [AuditLogModule],
  providers: [ManagementLineReader, OrgUnitsQuery, OrgUnitsService],
})
export class OrganisationModule {}
