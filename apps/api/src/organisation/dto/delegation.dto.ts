import { type CreateDelegationRequest, DELEGATION_REASONS, type DelegationReason } from '@helhet/shared';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, ValidateIf } from 'class-validator';

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

  @IsISO8601({ strict: true }, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'validTo must be a date (YYYY-MM-DD)' })
  validTo?: string | null;
}
