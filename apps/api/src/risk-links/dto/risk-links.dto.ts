import { MEASURE_STATUSES, type MeasureStatus } from '@helhet/domain';
import type { LinkIncidentRequest, RiskMeasureRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RiskMeasureDto implements RiskMeasureRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string | null;

  @IsOptional()
  @nullable
  @Matches(DATE, { message: 'deadline must be a YYYY-MM-DD date' })
  deadline?: string | null;

  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status must be one of ${MEASURE_STATUSES.join(', ')}` })
  status?: MeasureStatus;
}

export class LinkIncidentDto implements LinkIncidentRequest {
  @IsOptional()
  @IsUUID('all', { message: 'incidentId must be a UUID' })
  incidentId?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'incidentNumber must not be empty' })
  @MaxLength(20)
  incidentNumber?: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class LinkableScenariosQueryDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}
