import type { Severity } from './incident.types';
import { isNorwegianWorkingDay } from './norwegian-holidays';
import { DEFAULT_SEVERITY_POLICY, type SeverityPolicy } from './severity-policy';

/** Tenant-configurable deadlines (domain.md §3.4). */
export interface IncidentDeadlinePolicy {
  /**
   * Working days (Mon–Fri except Norwegian public holidays) to acknowledge a case; levels with
   * `sameDayAcknowledge` in the severity policy (by default critical) must be acknowledged the same day.
   */
  acknowledgeWorkingDays: number;
  /** Calendar days to close, by the higher of actual and potential severity; `none` for improvement suggestions. */
  closeDays: Readonly<Record<Severity | 'none', number>>;
}

export const DEFAULT_DEADLINE_POLICY: IncidentDeadlinePolicy = {
  acknowledgeWorkingDays: 5,
  closeDays: { critical: 7, high: 14, low: 30, medium: 30, none: 30 },
};

/** Municipal deadlines run on Norwegian wall-clock time. */
export const DEADLINE_TIME_ZONE = 'Europe/Oslo';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, low: 1, medium: 2 };

/** The higher of two severities (either may be missing: near misses have only a potential severity). */
export const worstSeverity = (...values: readonly (Severity | null | undefined)[]): Severity | null =>
  values.reduce<Severity | null>(
    (worst, value) => (value && (!worst || SEVERITY_RANK[value] > SEVERITY_RANK[worst]) ? value : worst),
    null,
  );

export const severityAtLeast = (value: Severity | null, threshold: Severity): boolean =>
  value !== null && SEVERITY_RANK[value] >= SEVERITY_RANK[threshold];

/** One formatter per time zone: constructing Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      month: '2-digit',
      second: '2-digit',
      timeZone,
      year: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Minutes east of UTC that `timeZone` is at `instant`. */
const offsetMinutes = (instant: number, timeZone: string): number => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return Math.round((wall - (instant - (instant % 1000))) / 60_000);
};

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export const zonedDate = (instant: Date, timeZone: string = DEADLINE_TIME_ZONE): string =>
  new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000).toISOString().slice(0, 10);

/** The instant local midnight starts `date` in `timeZone`. */
const startOfZonedDay = (date: string, timeZone: string): number => {
  const wallMidnight = Date.parse(`${date}T00:00:00.000Z`);
  let guess = wallMidnight - offsetMinutes(wallMidnight, timeZone) * 60_000;
  guess = wallMidnight - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
};

/** The last millisecond of `date` in `timeZone`. */
export const endOfZonedDay = (date: string, timeZone: string = DEADLINE_TIME_ZONE): Date => {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(startOfZonedDay(next.toISOString().slice(0, 10), timeZone) - 1);
};

/** `date` moved forward by `days` working days: Saturdays, Sundays and Norwegian public holidays are skipped. */
export const addWorkingDays = (date: string, days: number): string => {
  const cursor = new Date(`${date}T00:00:00.000Z`);
  let left = days;
  while (left > 0) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isNorwegianWorkingDay(cursor.toISOString().slice(0, 10))) left -= 1;
  }
  return cursor.toISOString().slice(0, 10);
};

/**
 * When the case must have been acknowledged: the end of the filing day when the severity's level asks for
 * same-day acknowledgement (by default critical), else the end of the day N working days on.
 */
export const acknowledgeDeadline = (
  reportedAt: Date,
  severity: Severity | null,
  policy: IncidentDeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  severities: SeverityPolicy = DEFAULT_SEVERITY_POLICY,
): Date => {
  const day = zonedDate(reportedAt);
  const sameDay = severity !== null && severities[severity].sameDayAcknowledge;
  return endOfZonedDay(sameDay ? day : addWorkingDays(day, policy.acknowledgeWorkingDays));
};

/** When the case must be closed: the end of the day N calendar days after filing, N by severity. */
export const closeDeadline = (
  reportedAt: Date,
  severity: Severity | null,
  policy: IncidentDeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): Date => {
  const day = new Date(`${zonedDate(reportedAt)}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + policy.closeDays[severity ?? 'none']);
  return endOfZonedDay(day.toISOString().slice(0, 10));
};

/**
 * How long after a missed deadline the next escalation follows (domain.md §3.4: "then again after the
 * same interval"): the time the deadline originally gave, at least one hour.
 */
export const escalationRepeatMs = (startedAt: Date, deadline: Date): number =>
  Math.max(3_600_000, deadline.getTime() - startedAt.getTime());
