/** Easter Sunday of `year` (`YYYY-MM-DD`) by the Gregorian computus (the anonymous algorithm of Meeus/Jones/Butcher). */
export const easterSunday = (year: number): string => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const shift = (date: string, days: number): string => {
  const value = new Date(`${date}T00:00:00.000Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
};

const cache = new Map<number, readonly string[]>();

/**
 * Norwegian public holidays (helligdager, lov om helligdager og helligdagsfred § 2, and 1 and 17 May by
 * lov om 1. og 17. mai som høgtidsdager) of `year`, sorted, no repeats (2. pinsedag is 17 May in 2027):
 * 1 Jan, Skjærtorsdag, Langfredag, 1. and 2. påskedag, 1 May, 17 May, Kristi himmelfartsdag,
 * 1. and 2. pinsedag, 25 and 26 Dec. Christmas Eve and New Year's Eve are not public holidays.
 */
export const norwegianPublicHolidays = (year: number): readonly string[] => {
  let days = cache.get(year);
  if (!days) {
    const y = String(year).padStart(4, '0');
    const easter = easterSunday(year);
    days = [
      ...new Set([
        `${y}-01-01`,
        shift(easter, -3), // Skjærtorsdag
        shift(easter, -2), // Langfredag
        easter, // 1. påskedag
        shift(easter, 1), // 2. påskedag
        `${y}-05-01`,
        `${y}-05-17`,
        shift(easter, 39), // Kristi himmelfartsdag
        shift(easter, 49), // 1. pinsedag
        shift(easter, 50), // 2. pinsedag
        `${y}-12-25`,
        `${y}-12-26`,
      ]),
    ].sort();
    cache.set(year, days);
  }
  return days;
};

/** True when `date` (`YYYY-MM-DD`) is a Norwegian public holiday. */
export const isNorwegianPublicHoliday = (date: string): boolean => norwegianPublicHolidays(Number(date.slice(0, 4))).includes(date);

/** True for Monday–Friday that are not public holidays. */
export const isNorwegianWorkingDay = (date: string): boolean => {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isNorwegianPublicHoliday(date);
};
