import { Module } from '@nestjs/common';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsQuery } from './org-units.query';
import { OrgUnitsService } from './org-units.service';

@Module({
  controllers: [OrgUnitsController],
  exports: [OrgUnitsQuery],
  imports: [AuditLogModule],
  providers: [OrgUnitsQuery, OrgUnitsService],
})
export class OrganisationModule {}
