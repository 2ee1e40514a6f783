import { CAUSE_CATEGORIES, type CauseCategory, INCIDENT_ACTIONS, INCIDENT_TEXT_MAX, type IncidentAction } from '@helhet/domain';
import type { IncidentTransitionRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { blankToNull, nullable } from '../../core/http/dto-transforms';

export class IncidentTransitionDto implements IncidentTransitionRequest {
  @IsIn(INCIDENT_ACTIONS, { message: `action must be one of ${INCIDENT_ACTIONS.join(', ')}` })
  action!: IncidentAction;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
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
  @MaxLength(INCIDENT_TEXT_MAX)
  closureSummary?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  feedbackToReporter?: string | null;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX)
  noMeasureReason?: string | null;
}
