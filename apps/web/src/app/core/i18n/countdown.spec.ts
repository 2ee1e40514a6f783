import { countdown, fileSize, relativeTime, spanText, toLocalInputValue } from './countdown';

describe('countdown', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();
  const minutes = (n: number) => n * 60_000;
  const hours = (n: number) => n * 3_600_000;

  it('should count whole days from two days and up', () => {
    expect(countdown(at(hours(3 * 24 + 5)), now)).toEqual({ overdue: false, text: '3 dager igjen' });
  });

  it('should count hours below two days, with the singular for one hour', () => {
    expect(countdown(at(hours(30)), now).text).toBe('30 timer igjen');
    expect(countdown(at(minutes(61)), now).text).toBe('1 time igjen');
  });

  it('should say how long ago a deadline passed', () => {
    expect(countdown(at(-hours(2)), now)).toEqual({ overdue: true, text: 'Forfalt for 2 timer siden' });
    expect(countdown(at(-minutes(1)), now).text).toBe('Forfalt for 1 minutt siden');
  });

  it('should never say zero minutes', () => {
    expect(spanText(10_000)).toBe('1 minutt');
    expect(spanText(minutes(14))).toBe('14 minutter');
  });

  it('should describe the past relative to now', () => {
    expect(relativeTime(at(-minutes(5)), now)).toBe('for 5 minutter siden');
    expect(relativeTime(at(-hours(3)), now)).toBe('for 3 timer siden');
  });

  it('should format file sizes in kB and MB', () => {
    expect(fileSize(820 * 1024)).toBe('820 kB');
    expect(fileSize(2.4 * 1024 * 1024)).toBe('2,4 MB');
  });

  it('should give the local date and time for a datetime-local input', () => {
    expect(toLocalInputValue(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
