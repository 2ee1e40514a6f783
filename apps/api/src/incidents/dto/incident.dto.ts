import {
  AFFECTED_PARTY_TYPES,
  type AffectedPartyType,
  BREACH_RISK_LEVELS,
  type BreachRiskLevel,
  CATEGORY_RESTRICTIONS,
  type CategoryRestriction,
  CAUSE_CATEGORIES,
  type CauseCategory,
  CIA_TYPES,
  type CiaType,
  INCIDENT_ACTIONS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type IncidentAction,
  type IncidentKind,
  type IncidentStatus,
  MEASURE_STATUSES,
  type MeasureStatus,
  REPORTER_VISIBILITIES,
  type ReporterVisibility,
  SEVERITIES,
  type Severity,
  SEVERITY_DESCRIPTION_MAX,
  SEVERITY_LABEL_MAX,
  SEVERITY_NOTIFY,
  type SeverityLevelSettings,
  type SeverityNotify,
  type SeverityPolicy,
} from '@helhet/domain';
import type {
  FileIncidentRequest,
  IncidentCommentRequest,
  IncidentSettingsRequest,
  IncidentStatsQuery,
  IncidentTransitionRequest,
  InjuryRecordInput,
  ListIncidentsQuery,
  MeasureRequest,
  PersonalDataBreachInput,
  ReceiptLookupRequest,
  RecordExternalNotificationRequest,
  UpsertIncidentCategoryRequest,
} from '@helhet/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { blankToNull, nullable, queryBoolean, trim } from '../../core/http/dto-transforms';
import { PageQueryDto } from '../../core/http/page-query.dto';

const TEXT_MAX = 4000;

export class InjuryRecordDto implements InjuryRecordInput {
  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'injuredUserId must be a UUID' })
  injuredUserId?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(300)
  injuredPersonText?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'workBeingDone must not be empty' })
  @MaxLength(TEXT_MAX)
  workBeingDone!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'courseOfEvents must not be empty' })
  @MaxLength(TEXT_MAX)
  courseOfEvents!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  presumedCauses?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'injuryDescription must not be empty' })
  @MaxLength(TEXT_MAX)
  injuryDescription!: string;

  @IsBoolean()
  absence!: boolean;

  @IsOptional()
  @nullable
  @IsInt()
  @Min(0)
  @Max(3650)
  absenceDays?: number | null;

  @IsBoolean()
  medicalInfoConsent!: boolean;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  medicalInfo?: string | null;

  @IsBoolean()
  occupationalDisease!: boolean;
}

export class PersonalDataBreachDto implements PersonalDataBreachInput {
  @IsISO8601({ strict: true }, { message: 'discoveredAt must be an ISO 8601 date-time' })
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
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  dataCategories!: string[];

  @IsBoolean()
  specialCategories!: boolean;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  relationToSubjects?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  whereDataNow?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  possibleConsequences?: string | null;

  @IsIn(BREACH_RISK_LEVELS, { message: 'riskAssessment must be unlikely, risk or high_risk' })
  riskAssessment!: BreachRiskLevel;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  lateReason?: string | null;
}

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
  @MaxLength(300)
  location?: string | null;

  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO 8601 date-time' })
  occurredAt!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(TEXT_MAX)
  description!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
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
  @ValidateNested()
  @Type(() => InjuryRecordDto)
  injury?: InjuryRecordDto | null;

  @IsOptional()
  @nullable
  @ValidateNested()
  @Type(() => PersonalDataBreachDto)
  breach?: PersonalDataBreachDto | null;
}

export class IncidentTransitionDto implements IncidentTransitionRequest {
  @IsIn(INCIDENT_ACTIONS, { message: `action must be one of ${INCIDENT_ACTIONS.join(', ')}` })
  action!: IncidentAction;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'handlerUserId must be a UUID' })
  handlerUserId?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'toOrgUnitId must be a UUID' })
  toOrgUnitId?: string | null;

  @IsOptional()
  @nullable
  @IsIn(CAUSE_CATEGORIES, { message: `causeCategory must be one of ${CAUSE_CATEGORIES.join(', ')}` })
  causeCategory?: CauseCategory | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  closureSummary?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  feedbackToReporter?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  noMeasureReason?: string | null;
}

export class ReceiptLookupDto implements ReceiptLookupRequest {
  @IsString()
  @IsNotEmpty({ message: 'code must not be empty' })
  @MaxLength(40)
  code!: string;
}

export class IncidentCommentDto implements IncidentCommentRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(TEXT_MAX)
  note!: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MeasureDto implements MeasureRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(300)
  title!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @IsOptional()
  @nullable
  @Matches(DATE, { message: 'deadline must be a YYYY-MM-DD date' })
  deadline?: string | null;

  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status must be one of ${MEASURE_STATUSES.join(', ')}` })
  status?: MeasureStatus;
}

export class UpdateMeasureDto implements Partial<MeasureRequest> {
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
  @MaxLength(TEXT_MAX)
  description?: string | null;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @IsOptional()
  @nullable
  @Matches(DATE, { message: 'deadline must be a YYYY-MM-DD date' })
  deadline?: string | null;

  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status must be one of ${MEASURE_STATUSES.join(', ')}` })
  status?: MeasureStatus;
}

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

export class ListIncidentsQueryDto extends PageQueryDto implements ListIncidentsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @Matches(DATE, { message: 'from must be a YYYY-MM-DD date' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to must be a YYYY-MM-DD date' })
  to?: string;

  @IsOptional()
  @IsIn(INCIDENT_KINDS)
  kind?: IncidentKind;

  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a UUID' })
  categoryId?: string;

  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsIn(['handling', 'reported'])
  mine?: 'handling' | 'reported';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class IncidentStatsQueryDto implements IncidentStatsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'fromMonth must be YYYY-MM' })
  fromMonth?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'toMonth must be YYYY-MM' })
  toMonth?: string;
}

export class UpsertIncidentCategoryDto implements UpsertIncidentCategoryRequest {
  @Transform(trim)
  @Matches(/^[a-z][a-z0-9_]{1,59}$/, { message: 'code must be 2–60 of a-z, 0-9 and _, starting with a letter' })
  code!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(200)
  label!: string;

  @IsIn(CATEGORY_RESTRICTIONS, { message: 'restriction must be none, injury or infosec' })
  restriction!: CategoryRestriction;

  @IsBoolean()
  hasSeverity!: boolean;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;

  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;
}

export class CloseDaysDto {
  @IsInt() @Min(1) @Max(365) low!: number;
  @IsInt() @Min(1) @Max(365) medium!: number;
  @IsInt() @Min(1) @Max(365) high!: number;
  @IsInt() @Min(1) @Max(365) critical!: number;
  @IsInt() @Min(1) @Max(365) none!: number;
}

export class IncidentDeadlinesDto {
  @IsInt()
  @Min(0)
  @Max(60)
  acknowledgeWorkingDays!: number;

  @ValidateNested()
  @Type(() => CloseDaysDto)
  closeDays!: CloseDaysDto;
}

export class SeverityLevelDto implements SeverityLevelSettings {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(SEVERITY_LABEL_MAX)
  label!: string;

  @Transform(trim)
  @IsString()
  @MaxLength(SEVERITY_DESCRIPTION_MAX)
  description!: string;

  @IsBoolean()
  active!: boolean;

  @IsIn(SEVERITY_NOTIFY, { message: `notify must be one of ${SEVERITY_NOTIFY.join(', ')}` })
  notify!: SeverityNotify;

  @IsBoolean()
  sameDayAcknowledge!: boolean;
}

/** The shape of a severity policy; the rules across levels are validateSeverityPolicy's (libs/domain). */
export class SeverityPolicyDto implements SeverityPolicy {
  @IsDefined({ message: 'low is required' }) @ValidateNested() @Type(() => SeverityLevelDto) low!: SeverityLevelDto;
  @IsDefined({ message: 'medium is required' }) @ValidateNested() @Type(() => SeverityLevelDto) medium!: SeverityLevelDto;
  @IsDefined({ message: 'high is required' }) @ValidateNested() @Type(() => SeverityLevelDto) high!: SeverityLevelDto;
  @IsDefined({ message: 'critical is required' }) @ValidateNested() @Type(() => SeverityLevelDto) critical!: SeverityLevelDto;
}

export class IncidentSettingsDto implements IncidentSettingsRequest {
  @ValidateNested()
  @Type(() => IncidentDeadlinesDto)
  deadlines!: IncidentDeadlinesDto;

  /** Absent: the severity scale stays as it is. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SeverityPolicyDto)
  severities?: SeverityPolicyDto;
}
