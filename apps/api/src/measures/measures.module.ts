import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditLogModule } from '../audit-log/audit-log.module';
import { OrgDirectoryModule } from '../organisation/org-directory.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { Measure } from './entities/measure.entity';
import { MeasureLink } from './entities/measure-link.entity';
import { MeasureDeadlines } from './measure-deadlines.service';
import { MeasuresService } from './measures.service';

/**
 * Measures (tiltak): the one owner of `measure` and `measure_link`. Avvik, ROS scenarios and later modules
 * create, change, link and unlink measures through MeasuresService; MeasureDeadlines keeps their deadline
 * jobs in step. The worker side (reminders and escalation) is MeasuresWorkerModule.
 */
@Module({
  exports: [MeasureDeadlines, MeasuresService],
  imports: [TypeOrmModule.forFeature([Measure, MeasureLink]), AuditLogModule, OrgDirectoryModule, UserDirectoryModule],
  providers: [MeasureDeadlines, MeasuresService],
})
export class MeasuresModule {}
