/**
 * Limits of what an avvik takes, enforced by the API's DTOs and the filing service and shown by the web's
 * forms. Change them here only: both sides read them from this file.
 */

/** Longest free text of an avvik (description, immediate actions, injury and breach texts, notes, closure). */
export const INCIDENT_TEXT_MAX = 4000;

/** Longest short text: the location, the injured person's name. */
export const INCIDENT_SHORT_TEXT_MAX = 300;

/** A measure's title (the `measure.title` column is varchar(300)) and description, wherever it is made (avvik, ROS, …). */
export const MEASURE_TITLE_MAX = INCIDENT_SHORT_TEXT_MAX;
export const MEASURE_DESCRIPTION_MAX = INCIDENT_TEXT_MAX;

/** Most days of absence an injury record takes (ten years). */
export const ABSENCE_DAYS_MAX = 3650;

/** Most data categories a personal-data breach lists, and the longest one. */
export const BREACH_DATA_CATEGORIES_MAX = 30;
export const BREACH_DATA_CATEGORY_MAX = 100;

/** How far into the future a reported instant may lie (clock skew between phone and server). */
export const OCCURRED_AT_FUTURE_TOLERANCE_MINUTES = 10;

/** How far back `occurredAt` may lie: ten years of 365 days. */
export const OCCURRED_AT_MAX_AGE_MS = 10 * 365 * 86_400_000;

/** `YYYY-MM-DD`, the shape of a date without time (deadlines, period filters). */
export const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `instant` lies further ahead of `now` than the clock-skew tolerance allows. */
export const isInFuture = (instant: Date, now: Date): boolean =>
  instant.getTime() > now.getTime() + OCCURRED_AT_FUTURE_TOLERANCE_MINUTES * 60_000;

/** What is wrong with an avvik's `occurredAt`: `future` beyond the tolerance, `tooOld` beyond ten years back. */
export const occurredAtProblem = (instant: Date, now: Date): 'future' | 'tooOld' | null => {
  if (isInFuture(instant, now)) return 'future';
  return instant.getTime() < now.getTime() - OCCURRED_AT_MAX_AGE_MS ? 'tooOld' : null;
};
