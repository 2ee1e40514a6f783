import {
  type CreateRoleAssignmentRequest,
  type CreateUserRequest,
  type ListUsersQuery,
  type Locale,
  LOCALES,
  type Role,
  ROLES,
  type UpdateUserRequest,
} from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { lower, trim } from '../../core/http/dto-transforms';
import { PageQueryDto } from '../../core/http/page-query.dto';

export class CreateUserDto implements CreateUserRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsUUID('all', { message: 'primaryOrgUnitId must be a UUID' })
  primaryOrgUnitId!: string;

  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be nb, nn or en' })
  locale?: Locale;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  employeeNumber?: string | null;

  @IsOptional()
  @IsBoolean()
  sendInvitation?: boolean;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsUUID('all', { message: 'primaryOrgUnitId must be a UUID' })
  primaryOrgUnitId?: string;

  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be nb, nn or en' })
  locale?: Locale;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  employeeNumber?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateRoleAssignmentDto implements CreateRoleAssignmentRequest {
  @IsIn(ROLES, { message: 'role must be a known role' })
  role!: Role;

  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId!: string;

  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;

  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  validTo?: string | null;
}

export class ListUsersQueryDto extends PageQueryDto implements ListUsersQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string;

  @IsOptional()
  @IsIn(ROLES, { message: 'role must be a known role' })
  role?: Role;
}
