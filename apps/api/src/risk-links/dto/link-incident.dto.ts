import type { LinkIncidentRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';

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
