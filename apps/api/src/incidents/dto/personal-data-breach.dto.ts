import {
  BREACH_DATA_CATEGORIES_MAX,
  BREACH_DATA_CATEGORY_MAX,
  BREACH_RISK_LEVELS,
  type BreachRiskLevel,
  CIA_TYPES,
  type CiaType,
  INCIDENT_TEXT_MAX,
} from '@helhet/domain';
import type { PersonalDataBreachInput } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { blankToNull, nullable } from '../../core/http/dto-transforms';

export class PersonalDataBreachDto implements PersonalDataBreachInput {
  @IsCalendarDate('datetime')
  discoveredAt!: string;

  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(CIA_TYPES, { each: true, message: 'ciaTypes must be confidentiality, integrity or availability' })
  ciaTypes!: CiaType[];

  @IsOptional()
  @nullable
  @IsInt()
  @Min(0)
  affectedCount?: number | null;

  @IsArray()
  @ArrayMaxSize(BREACH_DATA_CATEGORIES_MAX)
  @IsString({ each: true })
  @MaxLength(BREACH_DATA_CATEGORY_MAX, { each: true })
  dataCategories!: string[];

  @IsBoolean()
  specialCategories!: boolean;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  relationToSubjects?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  whereDataNow?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  possibleConsequences?: string | null;

  @IsIn(BREACH_RISK_LEVELS, { message: 'riskAssessment must be unlikely, risk or high_risk' })
  riskAssessment!: BreachRiskLevel;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  lateReason?: string | null;
}
