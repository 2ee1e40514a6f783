import { addDays, isDateOnly, todayDateOnly } from './date-only';

describe('date-only helpers', () => {
  describe('isDateOnly', () => {
    it('should accept a real calendar date', () => expect(isDateOnly('2028-02-29')).toBe(true));
    it('should refuse an impossible date', () => expect(isDateOnly('2026-02-29')).toBe(false));
    it('should refuse a timestamp', () => expect(isDateOnly('2026-01-01T00:00:00Z')).toBe(false));
  });

  describe('addDays', () => {
    it('should cross a month and year boundary', () => expect(addDays('2026-12-20', 14)).toBe('2027-01-03'));
    it('should move backwards with a negative count', () => expect(addDays('2026-03-01', -1)).toBe('2026-02-28'));
    it('should throw on a malformed date', () => expect(() => addDays('01.03.2026', 1)).toThrow(RangeError));
  });

  describe('todayDateOnly', () => {
    it('should format the UTC date of the given instant', () => expect(todayDateOnly(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-23'));
  });
});
