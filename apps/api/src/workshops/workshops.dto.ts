import type { CreateWorkshopRequest, JoinWorkshopRequest, WorkshopVotingMode } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { blankToNull, nullable, trim } from '../core/http/dto-transforms';

export class CreateWorkshopDto implements CreateWorkshopRequest {
  @IsUUID()
  analysisId!: string;

  @IsOptional()
  @IsIn(['named', 'anonymous'], { message: 'votingMode must be named or anonymous' })
  votingMode?: WorkshopVotingMode;
}

export class JoinWorkshopDto implements JoinWorkshopRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'code must not be empty' })
  @MaxLength(20)
  code!: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  guestName?: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(200)
  guestOrganisation?: string;
}

export class ListWorkshopsQueryDto {
  @IsUUID()
  analysisId!: string;
}
