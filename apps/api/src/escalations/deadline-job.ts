/**
 * A deadline of something that must be acted on (a case to acknowledge or close, a measure to carry out;
 * later a control task). When it passes and the subject has not moved on, its handler notifies the next
 * person on the subject's ladder (the management line) and schedules the next deadline.
 */
export interface DeadlineJobData {
  tenantId: string;
  /** Which handler owns the subject, e.g. `incident` or `measure`. */
  subjectType: string;
  subjectId: string;
  /** Which deadline of the subject, e.g. `acknowledge`, `close`, or a measure's `remind` / `due`. */
  deadline: string;
  /** The subject's version when scheduled: a job for an older version is stale and does nothing. */
  version: number;
  /** Escalation level reached when scheduled (0 = nobody notified about the missed deadline yet). */
  level: number;
}

/** A deadline job and when it falls due. */
export interface ScheduledDeadline {
  data: DeadlineJobData;
  runAt: Date;
}

type DeadlineKey = Pick<DeadlineJobData, 'subjectType' | 'subjectId' | 'deadline' | 'version' | 'level'>;

/** Deterministic: the same subject state always maps to the same job, so scheduling twice is a no-op. */
export const deadlineJobId = (data: DeadlineKey): string =>
  `${data.subjectType}-${data.subjectId}-${data.deadline}-v${data.version}-l${data.level}`;

/**
 * True when `job` is the deadline the subject is waiting for right now (`current`, derived from the
 * subject's locked row). Anything else is a stale job: the subject moved on after it was scheduled.
 */
export const isCurrentDeadline = (job: DeadlineKey, current: DeadlineKey | null | undefined): boolean =>
  !!current && deadlineJobId(job) === deadlineJobId(current);

/** `notified`: a reminder or notice to the person responsible, without climbing the line. */
export type DeadlineOutcome = 'escalated' | 'notified' | 'stale' | 'top-reached';

/** Implemented per subject type and registered with DeadlineHandlers. */
export interface DeadlineHandler {
  onDeadline(job: DeadlineJobData): Promise<DeadlineOutcome>;
}
