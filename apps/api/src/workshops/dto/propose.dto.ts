import type { ProposeCommand, WorkshopProposalKind } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { trim } from '../../core/http/dto-transforms';
import { WORKSHOP_TEXT_MAX } from './workshop-command.constants';

const KINDS: readonly WorkshopProposalKind[] = ['scenario', 'cause', 'measure'];

/** `proposal:create` (anyone). A cause needs the scenario it belongs to (checked with the analysis). */
export class ProposeDto implements ProposeCommand {
  @IsIn(KINDS, { message: 'kind must be scenario, cause or measure' })
  kind!: WorkshopProposalKind;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(WORKSHOP_TEXT_MAX)
  text!: string;

  @IsOptional()
  @IsUUID()
  scenarioId?: string | null;
}
