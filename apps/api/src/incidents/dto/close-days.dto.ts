import { IsInt, Max, Min } from 'class-validator';

export class CloseDaysDto {
  @IsInt() @Min(1) @Max(365) low!: number;
  @IsInt() @Min(1) @Max(365) medium!: number;
  @IsInt() @Min(1) @Max(365) high!: number;
  @IsInt() @Min(1) @Max(365) critical!: number;
  @IsInt() @Min(1) @Max(365) none!: number;
}
