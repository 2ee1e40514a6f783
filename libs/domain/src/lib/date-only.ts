/** Calendar dates without a time of day (`YYYY-MM-DD`), computed in UTC so time zones never shift them. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export const isDateOnly = (value: string): boolean => {
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};

/** `date` moved by `days` (negative moves back). Throws a RangeError for a malformed date. */
export const addDays = (date: string, days: number): string => {
  if (!isDateOnly(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const moved = new Date(`${date}T00:00:00.000Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
};

/** Today's date in UTC as `YYYY-MM-DD` (pass `now` for deterministic callers). */
export const todayDateOnly = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
