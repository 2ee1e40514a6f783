import { IsInt, Max, Min } from 'class-validator';

import { NestedObject } from '../../core/http/nested-object.decorator';
import { CloseDaysDto } from './close-days.dto';

export class IncidentDeadlinesDto {
  @IsInt()
  @Min(0)
  @Max(60)
  acknowledgeWorkingDays!: number;

  @NestedObject(() => CloseDaysDto)
  closeDays!: CloseDaysDto;
}
