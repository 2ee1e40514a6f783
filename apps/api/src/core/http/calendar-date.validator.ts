import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one date validator of request DTOs. A format regex lets `2026-02-30`, `2026-99-99` and `0000-00-00` through to
 * Postgres (a 500); this checks the calendar too, and keeps years where the database and the domain make sense.
 * - `date`: `YYYY-MM-DD`
 * - `datetime`: `YYYY-MM-DD`, optionally with `THH:mm[:ss[.fff]]` and `Z` or `±HH:mm`
 * - `month`: `YYYY-MM`
 */
export type CalendarDateKind = 'date' | 'datetime' | 'month';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const PATTERNS: Record<CalendarDateKind, RegExp> = {
  date: /^(\d{4})-(\d{2})-(\d{2})$/,
  datetime: /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/,
  month: /^(\d{4})-(\d{2})$/,
};

const DESCRIPTIONS: Record<CalendarDateKind, string> = {
  date: 'a date (YYYY-MM-DD)',
  datetime: 'an ISO 8601 date or date-time',
  month: 'a month (YYYY-MM)',
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when `value` is a real calendar date (or date-time, or month) of the given kind. */
export const isCalendarDate = (value: unknown, kind: CalendarDateKind = 'date'): boolean => {
  if (typeof value !== 'string') return false;
  const match = PATTERNS[kind].exec(value);
  if (!match) return false;
  const [year, month, day = 1, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return hour < 24 && minute < 60 && second < 60 && offsetHour <= 14 && offsetMinute < 60;
};

/** `@IsCalendarDate()`, `@IsCalendarDate('datetime')`, `@IsCalendarDate('month')`: 400 naming the field otherwise. */
export const IsCalendarDate =
  (kind: CalendarDateKind = 'date', options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      options: { message: `$property must be ${DESCRIPTIONS[kind]} that exists in the calendar`, ...options },
      propertyName: propertyName as string,
      target: target.constructor,
      validator: { validate: (value: unknown) => isCalendarDate(value, kind) },
    });
