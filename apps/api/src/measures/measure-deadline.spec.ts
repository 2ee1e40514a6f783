import {
  MEASURE_ESCALATION_REPEAT_MAX_MS,
  MEASURE_ESCALATION_REPEAT_MIN_MS,
  MEASURE_REMINDER_LEAD_MS,
  measureDeadlineChange,
  type MeasureDeadlineState,
  measureDueAt,
  pendingMeasureDeadline,
} from './measure-deadline';

const state = (overrides: Partial<MeasureDeadlineState> = {}): MeasureDeadlineState => ({
  createdAt: new Date('2026-03-02T10:00:00Z'),
  deadline: '2026-03-20',
  escalatedAt: null,
  escalationLevel: 0,
  id: 'm1',
  ownerUserId: 'owner',
  remindedAt: null,
  status: 'planned',
  tenantId: 't1',
  version: 3,
  ...overrides,
});

describe('measure deadlines', () => {
  const dueAt = measureDueAt('2026-03-20');

  it('should fall due when the deadline day ends in Norway', () => {
    expect(dueAt.toISOString()).toBe('2026-03-20T22:59:59.999Z');
  });

  it('should remind the person responsible three days before the deadline', () => {
    const pending = pendingMeasureDeadline(state(), new Date('2026-03-05T08:00:00Z'));
    expect(pending?.data).toEqual({ deadline: 'remind', level: 0, subjectId: 'm1', subjectType: 'measure', tenantId: 't1', version: 3 });
    expect(pending?.runAt.getTime()).toBe(dueAt.getTime() - MEASURE_REMINDER_LEAD_MS);
  });

  it('should give the overdue notice at the deadline once the reminder went out', () => {
    const pending = pendingMeasureDeadline(state({ remindedAt: new Date('2026-03-17T23:00:00Z') }), new Date('2026-03-18T08:00:00Z'));
    expect(pending?.data).toMatchObject({ deadline: 'due', level: 0 });
    expect(pending?.runAt).toEqual(dueAt);
  });

  it('should skip the reminder when the deadline has already passed', () => {
    const pending = pendingMeasureDeadline(state({ deadline: '2026-03-01' }), new Date('2026-03-05T08:00:00Z'));
    expect(pending?.data).toMatchObject({ deadline: 'due', level: 0 });
  });

  it('should escalate one interval (the time the measure was given) after the last notice', () => {
    const createdAt = new Date('2026-03-15T10:00:00Z');
    const escalatedAt = new Date('2026-03-27T06:00:00Z');
    const level2 = pendingMeasureDeadline(
      state({ createdAt, escalatedAt, escalationLevel: 2, remindedAt: new Date() }),
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(level2?.data).toMatchObject({ deadline: 'due', level: 2 });
    expect(level2?.runAt.getTime()).toBe(escalatedAt.getTime() + (dueAt.getTime() - createdAt.getTime()));
  });

  it('should keep the interval between one day and the maximum', () => {
    const escalatedAt = new Date('2026-03-21T00:00:00Z');
    const longAgo = state({ createdAt: new Date('2025-01-01T00:00:00Z'), escalatedAt, escalationLevel: 1, remindedAt: new Date() });
    expect(pendingMeasureDeadline(longAgo, escalatedAt)?.runAt.getTime()).toBe(escalatedAt.getTime() + MEASURE_ESCALATION_REPEAT_MAX_MS);
    // Created with a deadline already past: not the whole line within hours.
    const late = state({ createdAt: new Date('2026-03-25T00:00:00Z'), escalatedAt: new Date('2026-03-25T00:00:01Z'), escalationLevel: 1 });
    expect(pendingMeasureDeadline(late, new Date('2026-03-25T00:00:02Z'))?.runAt.getTime()).toBe(
      new Date('2026-03-25T00:00:01Z').getTime() + MEASURE_ESCALATION_REPEAT_MIN_MS,
    );
  });

  it('should have no deadline job when finished or without a deadline', () => {
    const now = new Date('2026-03-05T08:00:00Z');
    expect(pendingMeasureDeadline(state({ status: 'done' }), now)).toBeNull();
    expect(pendingMeasureDeadline(state({ status: 'cancelled' }), now)).toBeNull();
    expect(pendingMeasureDeadline(state({ deadline: null }), now)).toBeNull();
    expect(pendingMeasureDeadline(state({ status: 'postponed' }), now)?.data.deadline).toBe('remind');
  });

  it('should restart on a new deadline, a new person responsible or reopening, and stop when finished', () => {
    const open = { deadline: '2026-03-20', ownerUserId: 'owner', status: 'planned' } as const;
    expect(measureDeadlineChange(open, { ...open, status: 'in_progress' })).toBe('none');
    expect(measureDeadlineChange(open, { ...open, deadline: '2026-04-01' })).toBe('restart');
    expect(measureDeadlineChange(open, { ...open, ownerUserId: 'other' })).toBe('restart');
    expect(measureDeadlineChange(open, { ...open, status: 'done' })).toBe('stop');
    expect(measureDeadlineChange({ ...open, status: 'done' }, open)).toBe('restart');
    expect(measureDeadlineChange({ ...open, status: 'done' }, { ...open, status: 'cancelled' })).toBe('none');
  });
});
