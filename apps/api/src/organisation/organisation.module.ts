import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { Delegation } from './entities/delegation.entity';
import { OrgUnit } from './entities/org-unit.entity';
import { ManagementLineReader } from './management-line.reader';
import { OrgDirectoryModule } from './org-directory.module';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsQuery } from './org-units.query';
import { OrgUnitsService } from './org-units.service';

@Module({
  controllers: [OrgUnitsController],
  exports: [OrgDirectoryModule, ManagementLineReader, OrgUnitsQuery],
  imports: [UserDirectoryModule, OrgDirectoryModule, TypeOrmModule.forFeature([Delegation, OrgUnit]), AuditLogModule],
  providers: [ManagementLineReader, OrgUnitsQuery, OrgUnitsService],
})
export class OrganisationModule {}
