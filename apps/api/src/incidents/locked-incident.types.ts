import type { IncidentAction, IncidentStatus, Severity } from '@helhet/domain';
import type { IncidentResponse } from '@helhet/shared';

/** The case row as the workflow needs it, loaded FOR UPDATE (IncidentChangeService.lock). */
export interface LockedIncident {
  id: string;
  tenant_id: string;
  number: string;
  status: IncidentStatus;
  kind: IncidentResponse['kind'];
  version: number;
  escalation_level: number;
  org_unit_id: string;
  handler_user_id: string | null;
  responsible_user_id: string | null;
  severity_actual: Severity | null;
  severity_potential: Severity | null;
  affected_party_type: IncidentResponse['affectedPartyType'];
  reported_at: Date;
  acknowledge_due_at: Date;
  close_due_at: Date;
  restriction: 'none' | 'injury' | 'infosec';
  category_code: string;
  category_label: string;
  can_handle: boolean;
  is_staff: boolean;
  is_infosec: boolean;
}

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
