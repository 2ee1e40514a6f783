import type { IncidentStatsQuery } from '@helhet/shared';
import { IsOptional, IsUUID, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class IncidentStatsQueryDto implements IncidentStatsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'fromMonth must be YYYY-MM' })
  fromMonth?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'toMonth must be YYYY-MM' })
  toMonth?: string;
}
