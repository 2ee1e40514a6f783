import { endOfZonedDay, escalationRepeatMs, isFinishedMeasure, type MeasureStatus } from '@helhet/domain';

import type { ScheduledDeadline } from '../escalations/deadline-job';

export const MEASURE_SUBJECT = 'measure';

const DAY_MS = 86_400_000;

/** How long before the deadline the person responsible is reminded (domain.md §5 "reminders before the due date"). */
export const MEASURE_REMINDER_LEAD_MS = 3 * DAY_MS;

/**
 * Bounds of the interval between the notices about an overdue measure. "Again after the same interval" uses
 * the time the measure was given (`escalationRepeatMs`), but a measure planned a year ahead must not wait a
 * year before the next level hears of it, and one given a deadline already past must not run up the whole
 * line within hours.
 */
export const MEASURE_ESCALATION_REPEAT_MIN_MS = DAY_MS;
export const MEASURE_ESCALATION_REPEAT_MAX_MS = 14 * DAY_MS;

/**
 * The two deadlines of a measure: `remind` before the due date (once), then `due` — at level 0 the
 * "overdue" notice to the person responsible, at level n ≥ 1 the escalation to the n-th level above them.
 */
export type MeasureDeadline = 'remind' | 'due';

/** What the deadline of a measure depends on (the `measure` row). */
export interface MeasureDeadlineState {
  id: string;
  tenantId: string;
  status: MeasureStatus;
  /** `YYYY-MM-DD`, or null when the measure has no deadline. */
  deadline: string | null;
  ownerUserId: string | null;
  version: number;
  /** Notices about the missed deadline so far (0: nobody told yet). */
  escalationLevel: number;
  /** When the reminder before the deadline went out; null until then. */
  remindedAt: Date | null;
  /** When the last notice about the missed deadline went out; null until then. */
  escalatedAt: Date | null;
  createdAt: Date;
}

/** A measure is overdue once its deadline day has ended in Norway. */
export const measureDueAt = (deadline: string): Date => endOfZonedDay(deadline);

/** How long after one notice about an overdue measure the next level hears of it. */
export const measureEscalationRepeatMs = (createdAt: Date, dueAt: Date): number =>
  Math.min(Math.max(escalationRepeatMs(createdAt, dueAt), MEASURE_ESCALATION_REPEAT_MIN_MS), MEASURE_ESCALATION_REPEAT_MAX_MS);

/**
 * The one deadline job a measure has in its state, seen at `now`: none when it is done, cancelled or has no
 * deadline; the reminder while it has not gone out and the deadline has not passed (a deadline set in the
 * past skips it); else the overdue notice at the deadline (level 0), or the next level one interval after
 * the last notice.
 */
export const pendingMeasureDeadline = (state: MeasureDeadlineState, now: Date): ScheduledDeadline | null => {
  if (state.deadline === null || isFinishedMeasure(state.status)) return null;
  const dueAt = measureDueAt(state.deadline);
  const remind = state.remindedAt === null && state.escalationLevel === 0 && now.getTime() <= dueAt.getTime();
  const deadline: MeasureDeadline = remind ? 'remind' : 'due';
  const interval = measureEscalationRepeatMs(state.createdAt, dueAt);
  const lastNotice = state.escalatedAt ?? new Date(dueAt.getTime() + (state.escalationLevel - 1) * interval);
  return {
    data: {
      deadline,
      level: state.escalationLevel,
      subjectId: state.id,
      subjectType: MEASURE_SUBJECT,
      tenantId: state.tenantId,
      version: state.version,
    },
    runAt: remind
      ? new Date(dueAt.getTime() - MEASURE_REMINDER_LEAD_MS)
      : state.escalationLevel === 0
        ? dueAt
        : new Date(lastNotice.getTime() + interval),
  };
};

/** The fields of a measure a change compares: the rest (title, description) does not touch its deadline. */
export type MeasureDeadlineFields = Pick<MeasureDeadlineState, 'deadline' | 'ownerUserId' | 'status'>;

/**
 * How a change affects the deadline job. `restart`: a new deadline, a new person responsible, or a finished
 * measure reopened — the reminder and the escalation start over. `stop`: the measure is done or cancelled.
 * `none`: nothing a deadline depends on changed (e.g. planned → in progress); the pending job stays.
 */
export const measureDeadlineChange = (before: MeasureDeadlineFields, after: MeasureDeadlineFields): 'restart' | 'stop' | 'none' => {
  const finished = isFinishedMeasure(after.status);
  if (finished) return isFinishedMeasure(before.status) ? 'none' : 'stop';
  if (isFinishedMeasure(before.status) || before.deadline !== after.deadline || before.ownerUserId !== after.ownerUserId) return 'restart';
  return 'none';
};
