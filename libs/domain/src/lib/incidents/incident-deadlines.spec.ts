import {
  acknowledgeDeadline,
  addWorkingDays,
  closeDeadline,
  endOfZonedDay,
  escalationRepeatMs,
  worstSeverity,
  zonedDate,
} from './incident-deadlines';
import { DEFAULT_SEVERITY_POLICY, type SeverityPolicy } from './severity-policy';

describe('incident deadlines', () => {
  it('skips weekends when adding working days', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday → next Monday
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('skips Norwegian public holidays when adding working days', () => {
    // Wednesday 1 April 2026: Skjærtorsdag 2, Langfredag 3, weekend, 2. påskedag 6 → Tue 7 … Mon 13
    expect(addWorkingDays('2026-04-01', 5)).toBe('2026-04-13');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15'); // over Kristi himmelfartsdag
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-28'); // 24 Dec is a working day; 25, 26 and Sunday are not
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // over New Year's Day into Monday
    expect(addWorkingDays('2027-05-14', 1)).toBe('2027-05-18'); // 17 May 2027 is also 2. pinsedag
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

  it('moves the acknowledge deadline past Easter', () => {
    const filed = new Date('2026-04-01T08:00:00Z'); // Wednesday before Easter, 10:00 in Oslo
    expect(acknowledgeDeadline(filed, 'medium').toISOString()).toBe('2026-04-13T21:59:59.999Z');
  });

  it('gives same-day acknowledgement to the levels the severity policy marks', () => {
    const filed = new Date('2026-11-27T09:00:00Z');
    const policy: SeverityPolicy = {
      ...DEFAULT_SEVERITY_POLICY,
      critical: { ...DEFAULT_SEVERITY_POLICY.critical, sameDayAcknowledge: false },
      high: { ...DEFAULT_SEVERITY_POLICY.high, sameDayAcknowledge: true },
    };
    expect(acknowledgeDeadline(filed, 'high', undefined, policy).toISOString()).toBe('2026-11-27T22:59:59.999Z');
    expect(acknowledgeDeadline(filed, 'critical', undefined, policy).toISOString()).toBe('2026-12-04T22:59:59.999Z');
    expect(
      acknowledgeDeadline(
        filed,
        null,
        { acknowledgeWorkingDays: 2, closeDays: { critical: 7, high: 14, low: 30, medium: 30, none: 30 } },
        policy,
      ).toISOString(),
    ).toBe('2026-12-01T22:59:59.999Z');
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
