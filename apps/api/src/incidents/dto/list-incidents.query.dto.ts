import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus, SEVERITIES, type Severity } from '@helhet/domain';
import type { ListIncidentsQuery } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { queryBoolean } from '../../core/http/dto-transforms';
import { PageQueryDto } from '../../core/http/page-query.dto';

export class ListIncidentsQueryDto extends PageQueryDto implements ListIncidentsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @IsOptional()
  @IsIn(INCIDENT_KINDS)
  kind?: IncidentKind;

  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string;

  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsIn(['handling', 'reported'])
  mine?: 'handling' | 'reported';
}
