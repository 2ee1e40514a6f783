import { isActiveOn } from './validity';

describe('isActiveOn', () => {
  describe('closed period 2026-01-01 … 2026-03-31', () => {
    it('should be active on the first day', () => expect(isActiveOn('2026-01-01', '2026-03-31', '2026-01-01')).toBe(true));
    it('should be active in the middle', () => expect(isActiveOn('2026-01-01', '2026-03-31', '2026-02-15')).toBe(true));
    it('should be active on the last day (inclusive end)', () => expect(isActiveOn('2026-01-01', '2026-03-31', '2026-03-31')).toBe(true));
    it('should not be active the day before it starts', () => expect(isActiveOn('2026-01-01', '2026-03-31', '2025-12-31')).toBe(false));
    it('should not be active the day after it ends', () => expect(isActiveOn('2026-01-01', '2026-03-31', '2026-04-01')).toBe(false));
  });

  describe('open-ended period (validTo null)', () => {
    it('should be active far in the future', () => expect(isActiveOn('2026-01-01', null, '2099-12-31')).toBe(true));
    it('should not be active before it starts', () => expect(isActiveOn('2026-01-01', null, '2025-06-30')).toBe(false));
  });

  describe('one-day period', () => {
    it('should be active on exactly that day', () => expect(isActiveOn('2026-05-17', '2026-05-17', '2026-05-17')).toBe(true));
    it('should not be active the next day', () => expect(isActiveOn('2026-05-17', '2026-05-17', '2026-05-18')).toBe(false));
  });

  describe('exclusive end (org units: valid_to is the first inactive day)', () => {
    it('should be active the day before the end', () =>
      expect(isActiveOn('2026-01-01', '2026-03-31', '2026-03-30', { endExclusive: true })).toBe(true));
    it('should not be active on the end day itself', () =>
      expect(isActiveOn('2026-01-01', '2026-03-31', '2026-03-31', { endExclusive: true })).toBe(false));
    it('should still be open-ended with validTo null', () =>
      expect(isActiveOn('2026-01-01', null, '2099-01-01', { endExclusive: true })).toBe(true));
  });
});
