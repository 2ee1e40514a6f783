import { ABSENCE_DAYS_MAX, INCIDENT_SHORT_TEXT_MAX, INCIDENT_TEXT_MAX } from '@helhet/domain';
import type { InjuryRecordInput } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';

export class InjuryRecordDto implements InjuryRecordInput {
  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'injuredUserId must be a UUID' })
  injuredUserId?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_SHORT_TEXT_MAX)
  injuredPersonText?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'workBeingDone must not be empty' })
  @MaxLength(INCIDENT_TEXT_MAX)
  workBeingDone!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'courseOfEvents must not be empty' })
  @MaxLength(INCIDENT_TEXT_MAX)
  courseOfEvents!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  presumedCauses?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'injuryDescription must not be empty' })
  @MaxLength(INCIDENT_TEXT_MAX)
  injuryDescription!: string;

  @IsBoolean()
  absence!: boolean;

  @IsOptional()
  @nullable
  @IsInt()
  @Min(0)
  @Max(ABSENCE_DAYS_MAX)
  absenceDays?: number | null;

  @IsBoolean()
  medicalInfoConsent!: boolean;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  medicalInfo?: string | null;

  @IsBoolean()
  occupationalDisease!: boolean;
}
