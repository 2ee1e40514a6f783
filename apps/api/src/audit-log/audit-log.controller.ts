import { type AuditLogEntryResponse, type Page, PERMISSIONS } from '@helhet/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { AuditLogQuery } from './audit-log.query';
import { ListAuditLogQueryDto } from './dto/list-audit-log.query.dto';

/** Read side of the audit trail: administrators, own tenant only, newest first. */
@ApiTags('audit-log')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly query: AuditLogQuery) {}

  @Get()
  @RequirePermission(PERMISSIONS.auditRead)
  list(@CurrentUser() auth: AuthContext, @Query() query: ListAuditLogQueryDto): Promise<Page<AuditLogEntryResponse>> {
    return this.query.list(auth, query);
  }
}
