import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { UserDirectoryModule } from '../users/user-directory.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogQuery } from './audit-log.query';
import { AuditLogService } from './audit-log.service';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

@Module({
  imports: [UserDirectoryModule, TypeOrmModule.forFeature([AuditLogEntry])],
  controllers: [AuditLogController],
  exports: [AuditLogService],
  providers: [AuditLogQuery, AuditLogService],
})
export class AuditLogModule {}
