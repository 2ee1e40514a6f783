import { REVEAL_REASON_MAX_LENGTH, REVEAL_REASON_MIN_LENGTH, type RevealReporterRequest } from '@helhet/shared';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { trim } from '../../core/http/dto-transforms';

export class RevealReporterDto implements RevealReporterRequest {
  /** Why the DPO must know who reported: logged, audited, shown in the case history and to the reporter. */
  @Transform(trim)
  @IsString({ message: 'reason is required' })
  @MinLength(REVEAL_REASON_MIN_LENGTH, { message: `reason must be at least ${REVEAL_REASON_MIN_LENGTH} characters` })
  @MaxLength(REVEAL_REASON_MAX_LENGTH)
  reason!: string;
}
