import type { RiskMeasureRequest } from '@helhet/shared';
import { IsOptional, IsUUID } from 'class-validator';

import { nullable } from '../../core/http/dto-transforms';
import { MeasureDto } from '../../measures/dto/measure.dto';

/** A measure made on a risk scenario: a measure's fields, and the unit responsible (default: the analysis's scope). */
export class RiskMeasureDto extends MeasureDto implements RiskMeasureRequest {
  @IsOptional()
  @nullable
  @IsUUID('all', { message: 'orgUnitId must be a UUID' })
  orgUnitId?: string | null;
}
