import type { RecordExternalNotificationRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

import { blankToNull, nullable } from '../../core/http/dto-transforms';

export class RecordExternalNotificationDto implements RecordExternalNotificationRequest {
  @IsISO8601({ strict: true }, { message: 'sentAt must be an ISO 8601 date-time' })
  sentAt!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(100)
  reference?: string | null;
}
