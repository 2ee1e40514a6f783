import type { RecordConsensusCommand } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { blankToNull, nullable, trim } from '../../core/http/dto-transforms';
import { CastVoteDto } from './cast-vote.dto';
import { WORKSHOP_TEXT_MAX } from './workshop-command.constants';

/** `consensus:record` (facilitator): the vote's fields plus the rationale (required) and dissent. */
export class RecordConsensusDto extends CastVoteDto implements RecordConsensusCommand {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'rationale must not be empty' })
  @MaxLength(WORKSHOP_TEXT_MAX)
  rationale!: string;

  @IsOptional()
  @Transform(blankToNull)
  @nullable
  @IsString()
  @MaxLength(WORKSHOP_TEXT_MAX)
  dissent?: string | null;
}
