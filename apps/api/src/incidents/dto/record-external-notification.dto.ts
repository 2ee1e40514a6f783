import type { RecordExternalNotificationRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { blankToNull, nullable } from '../../core/http/dto-transforms';

export class RecordExternalNotificationDto implements RecordExternalNotificationRequest {
  @IsCalendarDate('datetime')
  sentAt!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(100)
  reference?: string | null;
}
