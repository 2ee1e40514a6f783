import { CATEGORY_RESTRICTIONS, type CategoryRestriction } from '@helhet/domain';
import type { UpsertIncidentCategoryRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { nullable, trim } from '../../core/http/dto-transforms';

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
