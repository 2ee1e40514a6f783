import {
  HAZARD_SOURCES,
  type HazardSource,
  RISK_ANALYSIS_STATUSES,
  RISK_ANALYSIS_TYPES,
  RISK_FACTOR_GROUPS,
  type RiskAnalysisStatus,
  type RiskAnalysisType,
  type RiskFactorGroup,
  THREE_LEVELS,
  type ThreeLevel,
} from '@helhet/domain';
import type {
  ConsequenceAssessmentInput,
  CreateRiskAnalysisRequest,
  HmsRiskItemInput,
  RiskRegisterQuery,
  RiskScenarioInput,
  UpdateRiskAnalysisRequest,
} from '@helhet/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { blankToNull, nullable, queryBoolean, trim } from '../../core/http/dto-transforms';
import { PageQueryDto } from '../../core/http/page-query.dto';

const TEXT = 4000;

export class CreateRiskAnalysisDto implements CreateRiskAnalysisRequest {
  @IsIn(RISK_ANALYSIS_TYPES, { message: `type must be one of ${RISK_ANALYSIS_TYPES.join(', ')}` })
  type!: RiskAnalysisType;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT)
  mandate?: string | null;

  @IsUUID('all', { message: 'scopeOrgUnitId must be a UUID' })
  scopeOrgUnitId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  scaleSetCode?: string;

  @IsOptional()
  @nullable
  @IsCalendarDate()
  nextRevisionAt?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  templateCode?: string;

  @IsOptional()
  @IsUUID('all', { message: 'copyOfAnalysisId must be a UUID' })
  copyOfAnalysisId?: string;
}

export class UpdateRiskAnalysisDto implements UpdateRiskAnalysisRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title?: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT)
  mandate?: string | null;

  @IsOptional()
  @IsIn(RISK_ANALYSIS_STATUSES, { message: `status must be one of ${RISK_ANALYSIS_STATUSES.join(', ')}` })
  status?: RiskAnalysisStatus;

  @IsOptional()
  @nullable
  @IsCalendarDate()
  nextRevisionAt?: string | null;

  @IsOptional()
  @nullable
  @IsCalendarDate()
  councilDecisionDate?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(60)
  councilCaseNumber?: string | null;
}

export class ConsequenceAssessmentDto implements ConsequenceAssessmentInput {
  @IsString()
  @IsNotEmpty({ message: 'typeCode must not be empty' })
  @MaxLength(60)
  typeCode!: string;

  @IsInt({ message: 'rank must be a whole number' })
  @Min(1)
  @Max(10)
  rank!: number;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT)
  rationale?: string | null;
}

export class RiskScenarioDto implements RiskScenarioInput {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @IsIn(HAZARD_SOURCES, { message: 'hazardSource must be hazard or threat' })
  hazardSource?: HazardSource;

  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) description?: string | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) causes?: string | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) existingBarriers?: string | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'likelihoodRank must be a whole number' })
  @Min(1)
  @Max(10)
  likelihoodRank?: number | null;

  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) likelihoodRationale?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ConsequenceAssessmentDto)
  consequences?: ConsequenceAssessmentDto[];

  @IsOptional() @nullable @IsIn(THREE_LEVELS, { message: 'vulnerability must be low, medium or high' }) vulnerability?: ThreeLevel | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) vulnerabilityText?: string | null;
  @IsOptional() @nullable @IsIn(THREE_LEVELS, { message: 'uncertainty must be low, medium or high' }) uncertainty?: ThreeLevel | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) knowledgeBase?: string | null;
  @IsOptional() @nullable @IsBoolean() needsWarning?: boolean | null;
  @IsOptional() @nullable @IsBoolean() needsEvacuation?: boolean | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) warningEvacuationText?: string | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'residualLikelihoodRank must be a whole number' })
  @Min(1)
  @Max(10)
  residualLikelihoodRank?: number | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ConsequenceAssessmentDto)
  residualConsequences?: ConsequenceAssessmentDto[];
}

export class RiskRegisterQueryDto extends PageQueryDto implements RiskRegisterQuery {
  @IsOptional() @IsString() @MaxLength(60) scaleSetCode?: string;
  @IsOptional() @IsUUID('all', { message: 'orgUnitId must be a UUID' }) orgUnitId?: string;
  @IsOptional() @IsIn(RISK_ANALYSIS_TYPES) type?: RiskAnalysisType;
  @IsOptional() @IsString() @MaxLength(60) band?: string;
  @IsOptional() @IsString() @MaxLength(60) consequenceType?: string;
  @IsOptional() @Transform(queryBoolean) @IsBoolean() revisionOverdue?: boolean;
  @IsOptional()
  @IsIn(RISK_FACTOR_GROUPS, { message: `factorGroup must be one of ${RISK_FACTOR_GROUPS.join(', ')}` })
  factorGroup?: RiskFactorGroup;
  @IsOptional() @IsUUID('all', { message: 'ownerUserId must be a UUID' }) ownerUserId?: string;
}

export class HmsRiskItemDto implements HmsRiskItemInput {
  @IsUUID('all', { message: 'riskFactorId must be a UUID' })
  riskFactorId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'taskOrLocation must not be empty' })
  @MaxLength(300)
  taskOrLocation!: string;

  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(300) exposedGroup?: string | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'exposedCount must be a whole number' })
  @Min(0)
  @Max(100000)
  exposedCount?: number | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'likelihoodRank must be a whole number' })
  @Min(1)
  @Max(10)
  likelihoodRank?: number | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'consequenceRank must be a whole number' })
  @Min(1)
  @Max(10)
  consequenceRank?: number | null;

  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) existingMeasures?: string | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) rationale?: string | null;
  @IsOptional() @nullable @IsIn(THREE_LEVELS, { message: 'uncertainty must be low, medium or high' }) uncertainty?: ThreeLevel | null;
  @IsOptional() @Transform(blankToNull) @nullable @IsString() @MaxLength(TEXT) proposedMeasures?: string | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'residualLikelihoodRank must be a whole number' })
  @Min(1)
  @Max(10)
  residualLikelihoodRank?: number | null;

  @IsOptional()
  @nullable
  @IsInt({ message: 'residualConsequenceRank must be a whole number' })
  @Min(1)
  @Max(10)
  residualConsequenceRank?: number | null;
}

export class ListRiskAnalysesQueryDto extends PageQueryDto {
  @IsOptional() @IsUUID('all', { message: 'orgUnitId must be a UUID' }) orgUnitId?: string;
  @IsOptional() @IsIn(RISK_ANALYSIS_TYPES) type?: RiskAnalysisType;
  @IsOptional() @IsIn(RISK_ANALYSIS_STATUSES) status?: RiskAnalysisStatus;
  /** Only analyses past their next revision date (superseded ones never are). */
  @IsOptional() @Transform(queryBoolean) @IsBoolean() revisionOverdue?: boolean;
}
