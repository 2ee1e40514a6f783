import type { CauseCategory, IncidentKind, IncidentStatus, MeasureStatus } from './incident.types';

/**
 * The avvik follow-up workflow (domain.md §3.4) as data. The API applies it and the web shows exactly
 * the actions `availableActions` returns, so a button never offers what the API would refuse.
 *
 *   registered ─acknowledge→ in_progress ─plan_measures→ measures ─close→ closed ─reopen→ in_progress
 *        │                      │  └─close (no measure needed / measures done)→ closed
 *        └──────reject──────────┴─→ rejected ─reopen→ in_progress
 *   forward (to another unit) and assign_handler keep the state.
 */
export const INCIDENT_ACTIONS = ['acknowledge', 'assign_handler', 'forward', 'reject', 'plan_measures', 'close', 'reopen'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

interface TransitionRule {
  from: readonly IncidentStatus[];
  /** The resulting state; `null` keeps the current one. */
  to: IncidentStatus | null;
}

export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentAction, TransitionRule>> = {
  acknowledge: { from: ['registered'], to: 'in_progress' },
  assign_handler: { from: ['registered', 'in_progress', 'measures'], to: null },
  close: { from: ['in_progress', 'measures'], to: 'closed' },
  forward: { from: ['registered', 'in_progress'], to: null },
  plan_measures: { from: ['in_progress'], to: 'measures' },
  reject: { from: ['registered', 'in_progress'], to: 'rejected' },
  reopen: { from: ['closed', 'rejected'], to: 'in_progress' },
};

/** Open cases are the ones someone still has to act on: deadlines and escalations apply to them. */
export const isOpenStatus = (status: IncidentStatus): boolean => status !== 'closed' && status !== 'rejected';

/** What a person allowed to handle the case may do in `status`. Everyone else may do nothing. */
export const availableActions = (status: IncidentStatus, actor: { canHandle: boolean }): IncidentAction[] =>
  actor.canHandle ? INCIDENT_ACTIONS.filter((action) => INCIDENT_TRANSITIONS[action].from.includes(status)) : [];

export const canApply = (status: IncidentStatus, action: IncidentAction): boolean => INCIDENT_TRANSITIONS[action].from.includes(status);

/** The state after `action`, or null when the action is not allowed in `status`. */
export const statusAfter = (status: IncidentStatus, action: IncidentAction): IncidentStatus | null =>
  canApply(status, action) ? (INCIDENT_TRANSITIONS[action].to ?? status) : null;

export interface ClosureInput {
  kind: IncidentKind;
  causeCategory: CauseCategory | null;
  closureSummary: string | null;
  feedbackToReporter: string | null;
  noMeasureReason: string | null;
  measures: readonly { status: MeasureStatus }[];
}

export interface WorkflowProblem {
  field: string;
  reason: string;
}

const blank = (value: string | null): boolean => value === null || value.trim() === '';

/** A measure that no longer needs work: done, or deliberately cancelled. */
export const isFinishedMeasure = (status: MeasureStatus): boolean => status === 'done' || status === 'cancelled';

/**
 * Why a case cannot be closed yet (empty when it can): cause classification (not for improvement
 * suggestions), a summary, feedback to the reporter, and at least one measure — all finished — or an
 * explicit reason why no measure is needed.
 */
export const closureProblems = (input: ClosureInput): WorkflowProblem[] => {
  const problems: WorkflowProblem[] = [];
  if (input.kind !== 'improvement' && input.causeCategory === null)
    problems.push({ field: 'causeCategory', reason: 'is required to close' });
  if (blank(input.closureSummary)) problems.push({ field: 'closureSummary', reason: 'is required to close' });
  if (blank(input.feedbackToReporter)) problems.push({ field: 'feedbackToReporter', reason: 'is required to close' });
  const live = input.measures.filter((measure) => measure.status !== 'cancelled');
  if (live.length === 0 && blank(input.noMeasureReason)) {
    problems.push({ field: 'noMeasureReason', reason: 'give at least one measure or a reason why none is needed' });
  }
  if (input.measures.some((measure) => !isFinishedMeasure(measure.status))) {
    problems.push({ field: 'measures', reason: 'every measure must be done or cancelled before closing' });
  }
  return problems;
};
