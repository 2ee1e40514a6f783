import {
  AFFECTED_PARTY_TYPES,
  type AffectedPartyType,
  INCIDENT_KINDS,
  INCIDENT_SHORT_TEXT_MAX,
  INCIDENT_TEXT_MAX,
  type IncidentKind,
  REPORTER_VISIBILITIES,
  type ReporterVisibility,
  SEVERITIES,
  type Severity,
} from '@helhet/domain';
import type { FileIncidentRequest } from '@helhet/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';
import { InjuryRecordDto } from './injury-record.dto';
import { PersonalDataBreachDto } from './personal-data-breach.dto';

export class FileIncidentDto implements FileIncidentRequest {
  @IsIn(INCIDENT_KINDS, { message: `kind must be one of ${INCIDENT_KINDS.join(', ')}` })
  kind!: IncidentKind;

  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId!: string;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'subcategoryId must be a UUID' })
  subcategoryId?: string | null;

  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_SHORT_TEXT_MAX)
  location?: string | null;

  @IsCalendarDate('datetime')
  occurredAt!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(INCIDENT_TEXT_MAX)
  description!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  immediateActions?: string | null;

  @IsOptional()
  @nullable
  @IsIn(SEVERITIES, { message: 'severityActual must be low, medium, high or critical' })
  severityActual?: Severity | null;

  @IsOptional()
  @nullable
  @IsIn(SEVERITIES, { message: 'severityPotential must be low, medium, high or critical' })
  severityPotential?: Severity | null;

  @IsIn(AFFECTED_PARTY_TYPES, { message: `affectedPartyType must be one of ${AFFECTED_PARTY_TYPES.join(', ')}` })
  affectedPartyType!: AffectedPartyType;

  @IsIn(REPORTER_VISIBILITIES, { message: 'reporterVisibility must be named, hidden_from_handler or anonymous' })
  reporterVisibility!: ReporterVisibility;

  @IsOptional()
  @nullable
  @IsObject({ message: 'injury must be an object' })
  @ValidateNested()
  @Type(() => InjuryRecordDto)
  injury?: InjuryRecordDto | null;

  @IsOptional()
  @nullable
  @IsObject({ message: 'breach must be an object' })
  @ValidateNested()
  @Type(() => PersonalDataBreachDto)
  breach?: PersonalDataBreachDto | null;
}
