import { type CreateDelegationRequest, DELEGATION_REASONS, type DelegationReason } from '@helhet/shared';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';

export class CreateDelegationDto implements CreateDelegationRequest {
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId!: string;

  @IsUUID('all', { message: 'fromUserId must be a UUID' })
  fromUserId!: string;

  @IsUUID('all', { message: 'toUserId must be a UUID' })
  toUserId!: string;

  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;

  @IsIn(DELEGATION_REASONS, { message: 'reason must be acting, vacation or permanent' })
  reason!: DelegationReason;

  @IsCalendarDate()
  validFrom!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  validTo?: string | null;
}
