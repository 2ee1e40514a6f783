import { isCalendarDate } from './calendar-date.validator';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '1900-01-01', '9999-12-31'])('should accept the date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-99-99',
    '0000-00-00',
    '2025-02-29',
    '2026-04-31',
    '1899-12-31',
    '2026-1-1',
    '2026-01-01T00:00:00Z',
    20260101,
    null,
  ])('should refuse the date %s', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each(['2026-03-01', '2026-03-01T10:15:00Z', '2026-03-01T10:15:30.123+01:00', '2026-03-01T23:59:59.999999-0500'])(
    'should accept the date-time %s',
    (value) => {
      expect(isCalendarDate(value, 'datetime')).toBe(true);
    },
  );

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:60Z',
    '2026-03-01T10:00:00+15:00',
    '0000-01-01T00:00:00Z',
    'now',
  ])('should refuse the date-time %s', (value) => {
    expect(isCalendarDate(value, 'datetime')).toBe(false);
  });

  it('should check months', () => {
    expect(isCalendarDate('2026-12', 'month')).toBe(true);
    expect(isCalendarDate('2026-13', 'month')).toBe(false);
    expect(isCalendarDate('0000-01', 'month')).toBe(false);
  });
});
