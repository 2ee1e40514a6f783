import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';

import { CloseDaysDto } from './close-days.dto';

export class IncidentDeadlinesDto {
  @IsInt()
  @Min(0)
  @Max(60)
  acknowledgeWorkingDays!: number;

  @ValidateNested()
  @Type(() => CloseDaysDto)
  closeDays!: CloseDaysDto;
}
