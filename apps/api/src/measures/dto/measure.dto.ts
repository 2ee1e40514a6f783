import { MEASURE_DESCRIPTION_MAX, MEASURE_STATUSES, MEASURE_TITLE_MAX, type MeasureStatus } from '@helhet/domain';
import type { MeasureRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';

/** A new measure's fields, as avvik and ROS take them (RiskMeasureDto adds the unit). */
export class MeasureDto implements MeasureRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(MEASURE_TITLE_MAX)
  title!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(MEASURE_DESCRIPTION_MAX)
  description?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @IsOptional()
  @nullable
  @IsCalendarDate()
  deadline?: string | null;

  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status must be one of ${MEASURE_STATUSES.join(', ')}` })
  status?: MeasureStatus;
}
