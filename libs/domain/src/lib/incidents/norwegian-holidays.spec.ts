import { easterSunday, isNorwegianPublicHoliday, isNorwegianWorkingDay, norwegianPublicHolidays } from './norwegian-holidays';

describe('Norwegian public holidays', () => {
  it('finds Easter Sunday by the Gregorian computus', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25', // the latest possible date
      '2285-03-22', // the earliest possible date
    ]);
  });

  it('lists the twelve holidays of 2026', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-02', // Skjærtorsdag
      '2026-04-03', // Langfredag
      '2026-04-05', // 1. påskedag
      '2026-04-06', // 2. påskedag
      '2026-05-01',
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-17',
      '2026-05-24', // 1. pinsedag
      '2026-05-25', // 2. pinsedag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('counts 17 May once when it is 2. pinsedag (2027)', () => {
    const days = norwegianPublicHolidays(2027);
    expect(days).toHaveLength(11);
    expect(days).toEqual(
      expect.arrayContaining(['2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17']),
    );
  });

  it('tells holidays and working days apart', () => {
    expect(isNorwegianPublicHoliday('2026-05-14')).toBe(true);
    expect(isNorwegianPublicHoliday('2026-12-24')).toBe(false); // julaften is not a public holiday
    expect(isNorwegianWorkingDay('2026-12-24')).toBe(true);
    expect(isNorwegianWorkingDay('2026-04-06')).toBe(false); // Monday, 2. påskedag
    expect(isNorwegianWorkingDay('2026-04-11')).toBe(false); // Saturday
    expect(isNorwegianWorkingDay('2026-04-07')).toBe(true);
  });
});
