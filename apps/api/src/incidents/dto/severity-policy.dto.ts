import type { SeverityPolicy } from '@helhet/domain';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';

import { SeverityLevelDto } from './severity-level.dto';

export class SeverityPolicyDto implements SeverityPolicy {
  @IsDefined({ message: 'low is required' }) @ValidateNested() @Type(() => SeverityLevelDto) low!: SeverityLevelDto;
  @IsDefined({ message: 'medium is required' }) @ValidateNested() @Type(() => SeverityLevelDto) medium!: SeverityLevelDto;
  @IsDefined({ message: 'high is required' }) @ValidateNested() @Type(() => SeverityLevelDto) high!: SeverityLevelDto;
  @IsDefined({ message: 'critical is required' }) @ValidateNested() @Type(() => SeverityLevelDto) critical!: SeverityLevelDto;
}
