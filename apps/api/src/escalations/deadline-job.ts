/**
 * A deadline of something that must be acted on (a case to acknowledge or close; later a measure or a
 * control task). When it passes and the subject has not moved on, its handler escalates it one level up
 * the management line and schedules the next deadline.
 */
export interface DeadlineJobData {
  tenantId: string;
  /** Which handler owns the subject, e.g. `incident`. */
  subjectType: string;
  subjectId: string;
  /** Which deadline of the subject, e.g. `acknowledge` or `close`. */
  deadline: string;
  /** The subject's version when scheduled: a job for an older version is stale and does nothing. */
  version: number;
  /** Escalation level reached when scheduled (0 = not escalated yet). */
  level: number;
}

/** Deterministic: the same subject state always maps to the same job, so scheduling twice is a no-op. */
export const deadlineJobId = (data: Pick<DeadlineJobData, 'subjectType' | 'subjectId' | 'deadline' | 'version' | 'level'>): string =>
  `${data.subjectType}-${data.subjectId}-${data.deadline}-v${data.version}-l${data.level}`;

export type DeadlineOutcome = 'escalated' | 'stale' | 'top-reached';

/** Implemented per subject type and registered with DeadlineHandlers. */
export interface DeadlineHandler {
  onDeadline(job: DeadlineJobData): Promise<DeadlineOutcome>;
}
