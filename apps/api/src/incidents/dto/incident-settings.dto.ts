import type { IncidentSettingsRequest } from '@helhet/shared';

import { NestedObject } from '../../core/http/nested-object.decorator';
import { IncidentDeadlinesDto } from './incident-deadlines.dto';
import { SeverityPolicyDto } from './severity-policy.dto';

/** The whole settings object, every level typed: `{}`, `[]`, `{ deadlines: [] }` or `{ severities: null }` are 400s. */
export class IncidentSettingsDto implements IncidentSettingsRequest {
  @NestedObject(() => IncidentDeadlinesDto)
  deadlines!: IncidentDeadlinesDto;

  /** Absent: the severity scale stays as it is. */
  @NestedObject(() => SeverityPolicyDto, { optional: true })
  severities?: SeverityPolicyDto;
}
