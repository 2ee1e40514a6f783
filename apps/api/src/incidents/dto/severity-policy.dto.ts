import type { SeverityPolicy } from '@helhet/domain';

import { NestedObject } from '../../core/http/nested-object.decorator';
import { SeverityLevelDto } from './severity-level.dto';

export class SeverityPolicyDto implements SeverityPolicy {
  @NestedObject(() => SeverityLevelDto) low!: SeverityLevelDto;
  @NestedObject(() => SeverityLevelDto) medium!: SeverityLevelDto;
  @NestedObject(() => SeverityLevelDto) high!: SeverityLevelDto;
  @NestedObject(() => SeverityLevelDto) critical!: SeverityLevelDto;
}
