import { INCIDENT_TEXT_MAX } from '@helhet/domain';
import type { IncidentCommentRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { trim } from '../../core/http/dto-transforms';

export class IncidentCommentDto implements IncidentCommentRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(INCIDENT_TEXT_MAX)
  note!: string;
}
