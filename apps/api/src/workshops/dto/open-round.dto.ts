import type { OpenRoundCommand, WorkshopDimension } from '@helhet/shared';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { WORKSHOP_DIMENSION_MAX } from './workshop-command.constants';

/** `round:open` (facilitator). Which dimensions exist is the scale's business (WorkshopLiveService). */
export class OpenRoundDto implements OpenRoundCommand {
  @IsUUID()
  scenarioId!: string;

  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(WORKSHOP_DIMENSION_MAX, { each: true })
  dimensions?: WorkshopDimension[];
}
