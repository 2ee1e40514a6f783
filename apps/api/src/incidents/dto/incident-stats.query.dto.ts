import type { IncidentStatsQuery } from '@helhet/shared';
import { IsOptional, IsUUID } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';

export class IncidentStatsQueryDto implements IncidentStatsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @IsCalendarDate('month')
  fromMonth?: string;

  @IsOptional()
  @IsCalendarDate('month')
  toMonth?: string;
}
