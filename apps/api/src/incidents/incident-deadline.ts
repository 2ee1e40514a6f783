import { escalationRepeatMs, type IncidentStatus } from '@helhet/domain';

import type { DeadlineJobData } from '../escalations/deadline-job';

export const INCIDENT_SUBJECT = 'incident';

export interface IncidentDeadlineState {
  id: string;
  tenantId: string;
  status: IncidentStatus;
  version: number;
  escalationLevel: number;
  reportedAt: Date;
  acknowledgeDueAt: Date;
  closeDueAt: Date;
}

/**
 * The one deadline job a case has in its current state, derived from the state alone: acknowledge while
 * registered, close while in progress or in measures, none when closed or rejected. After n escalations
 * the next one falls n intervals after the deadline (domain.md §3.4: "then again after the same interval").
 */
export const pendingDeadline = (state: IncidentDeadlineState): { data: DeadlineJobData; runAt: Date } | null => {
  const deadline =
    state.status === 'registered' ? 'acknowledge' : state.status === 'in_progress' || state.status === 'measures' ? 'close' : null;
  if (!deadline) return null;
  const due = deadline === 'acknowledge' ? state.acknowledgeDueAt : state.closeDueAt;
  const interval = escalationRepeatMs(state.reportedAt, due);
  return {
    data: {
      deadline,
      level: state.escalationLevel,
      subjectId: state.id,
      subjectType: INCIDENT_SUBJECT,
      tenantId: state.tenantId,
      version: state.version,
    },
    runAt: new Date(due.getTime() + state.escalationLevel * interval),
  };
};
