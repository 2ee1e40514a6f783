import { AUDIT_ACTIONS, type AuditAction, type ListAuditLogQuery } from '@helhet/shared';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { PageQueryDto } from '../../core/http/page-query.dto';

export class ListAuditLogQueryDto extends PageQueryDto implements ListAuditLogQuery {
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @IsOptional()
  @IsUUID('all', { message: 'entityId must be a UUID' })
  entityId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @IsOptional()
  @IsCalendarDate('datetime')
  from?: string;

  @IsOptional()
  @IsCalendarDate('datetime')
  to?: string;
}
