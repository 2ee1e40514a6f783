import type { IncidentAction, IncidentStatus } from '@helhet/domain';

import type { EntityRow, Prefixed } from '../core/database/entity-row';
import type { Incident } from './entities/incident.entity';
import type { IncidentCategory } from './entities/incident-category.entity';

/** The case row as the workflow needs it, loaded FOR UPDATE (IncidentChangeService.lock). */
export type LockedIncident = EntityRow<
  Incident,
  | 'acknowledgeDueAt'
  | 'affectedPartyType'
  | 'closeDueAt'
  | 'escalationLevel'
  | 'handlerUserId'
  | 'id'
  | 'kind'
  | 'number'
  | 'orgUnitId'
  | 'reportedAt'
  | 'responsibleUserId'
  | 'severityActual'
  | 'severityPotential'
  | 'status'
  | 'tenantId'
  | 'version'
> &
  EntityRow<IncidentCategory, 'restriction'> &
  Prefixed<'category', EntityRow<IncidentCategory, 'code' | 'label'>> & { can_handle: boolean; is_staff: boolean; is_infosec: boolean };

/** Who may make a change: `handle` may act on the case, `staff` sees it as staff, `infosec` is handler or DPO/infosec lead. */
export type IncidentRight = 'handle' | 'staff' | 'infosec';

/** What to do once the transaction has committed: e-mails to enqueue (delivery ids). */
export interface IncidentEffects {
  deliveries: string[];
}

/** One row of the case history (incident_event). */
export interface IncidentEventInput {
  type: string;
  action?: IncidentAction;
  from?: IncidentStatus;
  to?: IncidentStatus;
  note?: string | null;
  details?: Record<string, unknown>;
}
