import { acknowledgeDeadline, addWorkingDays, closeDeadline, endOfZonedDay, escalationRepeatMs, worstSeverity, zonedDate } from './incident-deadlines';

describe('incident deadlines', () => {
  it('skips weekends when adding working days', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday → next Monday
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('uses Oslo wall-clock days in winter and summer time', () => {
    expect(zonedDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24'); // 00:30 CET
    expect(endOfZonedDay('2026-11-23').toISOString()).toBe('2026-11-23T22:59:59.999Z');
    expect(endOfZonedDay('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.999Z');
    expect(endOfZonedDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z'); // the day summer time starts
  });

  it('gives critical cases until the end of the filing day, others five working days', () => {
    const filed = new Date('2026-11-27T09:00:00Z'); // Friday
    expect(acknowledgeDeadline(filed, 'critical').toISOString()).toBe('2026-11-27T22:59:59.999Z');
    expect(acknowledgeDeadline(filed, 'low').toISOString()).toBe('2026-12-04T22:59:59.999Z');
  });

  it('closes within 14 days when high, 30 when low or without severity', () => {
    const filed = new Date('2026-11-23T09:00:00Z');
    expect(closeDeadline(filed, 'high').toISOString()).toBe('2026-12-07T22:59:59.999Z');
    expect(closeDeadline(filed, null).toISOString()).toBe('2026-12-23T22:59:59.999Z');
  });

  it('repeats escalation after the original interval, at least an hour', () => {
    const start = new Date('2026-11-23T09:00:00Z');
    expect(escalationRepeatMs(start, new Date('2026-11-24T09:00:00Z'))).toBe(86_400_000);
    expect(escalationRepeatMs(start, new Date('2026-11-23T09:10:00Z'))).toBe(3_600_000);
  });

  it('takes the worse of actual and potential severity', () => {
    expect(worstSeverity('low', 'high')).toBe('high');
    expect(worstSeverity(null, 'medium')).toBe('medium');
    expect(worstSeverity(null, null)).toBeNull();
  });
});
