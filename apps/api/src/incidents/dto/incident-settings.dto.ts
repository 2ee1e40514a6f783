import type { IncidentSettingsRequest } from '@helhet/shared';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

import { IncidentDeadlinesDto } from './incident-deadlines.dto';
import { SeverityPolicyDto } from './severity-policy.dto';

export class IncidentSettingsDto implements IncidentSettingsRequest {
  @ValidateNested()
  @Type(() => IncidentDeadlinesDto)
  deadlines!: IncidentDeadlinesDto;

  /** Absent: the severity scale stays as it is. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SeverityPolicyDto)
  severities?: SeverityPolicyDto;
}
