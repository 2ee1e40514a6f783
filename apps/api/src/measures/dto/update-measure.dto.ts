import type { MeasureRequest } from '@helhet/shared';
import { PartialType } from '@nestjs/swagger';

import { MeasureDto } from './measure.dto';

/** A change of a measure: any of MeasureDto's fields, validated the same way; absent fields stay as they are. */
export class UpdateMeasureDto extends PartialType(MeasureDto) implements Partial<MeasureRequest> {}
