import type { CastVoteCommand, WorkshopDimension } from '@helhet/shared';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

import { WORKSHOP_DIMENSION_MAX } from './workshop-command.constants';

/** `vote:cast`. The upper bound of `value` and the round's dimensions are checked against the scale (WorkshopLiveService). */
export class CastVoteDto implements CastVoteCommand {
  @IsString()
  @IsNotEmpty()
  @MaxLength(WORKSHOP_DIMENSION_MAX)
  dimension!: WorkshopDimension;

  @IsInt()
  @Min(1)
  value!: number;
}
