import {
  type CreateOrgUnitRequest,
  type ListOrgUnitsQuery,
  type MoveOrgUnitRequest,
  ORG_LEVEL_TYPES,
  type OrgLevelType,
  SERVICE_TYPES,
  type ServiceType,
  type UpdateOrgUnitRequest,
} from '@helhet/shared';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

import { IsCalendarDate } from '../../core/http/calendar-date.validator';
import { trim } from '../../core/http/dto-transforms';
import { PageQueryDto } from '../../core/http/page-query.dto';

/** The editable fields of a unit, shared by create and update. */
class OrgUnitFieldsDto {
  @Transform(trim)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'code must be 1–32 letters, digits, dot, dash or underscore' })
  code!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsIn(ORG_LEVEL_TYPES.filter((type) => type !== 'municipality'), {
    message: 'levelType must be a known level type other than municipality',
  })
  levelType!: OrgLevelType;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(SERVICE_TYPES, { message: 'serviceType must be a known service type' })
  serviceType?: ServiceType | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'leaderUserId must be a UUID' })
  leaderUserId?: string | null;
}

export class CreateOrgUnitDto extends OrgUnitFieldsDto implements CreateOrgUnitRequest {
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId!: string;

  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;
}

export class UpdateOrgUnitDto extends PartialType(OrgUnitFieldsDto) implements UpdateOrgUnitRequest {}

export class MoveOrgUnitDto implements MoveOrgUnitRequest {
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId!: string;
}

export class ListOrgUnitsQueryDto extends PageQueryDto implements ListOrgUnitsQuery {
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeInactive?: boolean;
}
