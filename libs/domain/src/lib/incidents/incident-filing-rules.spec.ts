import { severityFields, severityProblems } from './incident-filing-rules';
import { isInFuture, OCCURRED_AT_MAX_AGE_MS, occurredAtProblem } from './incident-limits';

const fieldsOf = (problems: { field: string; reason: string }[]) => problems.map((p) => `${p.field}: ${p.reason}`);

describe('severity of a report', () => {
  it('a deviation in a category with severity asks for the actual severity, the potential optional', () => {
    expect(severityFields('deviation', true)).toEqual({ actual: true, potential: true, potentialRequired: false });
    expect(severityProblems('deviation', true, 'high', null)).toEqual([]);
    expect(fieldsOf(severityProblems('deviation', true, null, 'high'))).toEqual(['severityActual: is required']);
  });

  it('a near miss has no actual consequence and requires the potential severity', () => {
    expect(severityFields('near_miss', true)).toEqual({ actual: false, potential: true, potentialRequired: true });
    expect(severityProblems('near_miss', true, null, 'medium')).toEqual([]);
    expect(fieldsOf(severityProblems('near_miss', true, 'low', null))).toEqual([
      'severityActual: a near miss has no actual consequence; give the potential severity',
      'severityPotential: is required for a near miss',
    ]);
  });

  it('an improvement suggestion has no severity at all', () => {
    expect(severityFields('improvement', true)).toEqual({ actual: false, potential: false, potentialRequired: false });
    expect(severityProblems('improvement', true, null, null)).toEqual([]);
    expect(fieldsOf(severityProblems('improvement', true, null, 'low'))).toEqual([
      'severityActual: improvement suggestions have no severity',
    ]);
  });

  it('a category without severity takes none, whatever the kind', () => {
    expect(severityFields('adverse_event', false)).toEqual({ actual: false, potential: false, potentialRequired: false });
    expect(severityProblems('adverse_event', false, null, null)).toEqual([]);
    expect(severityProblems('adverse_event', false, 'low', null)).toHaveLength(1);
  });

  it('before a category is chosen, severity applies', () => {
    expect(severityFields('deviation', null).actual).toBe(true);
  });
});

describe('when an avvik happened', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('allows ten minutes of clock skew into the future, not more', () => {
    expect(occurredAtProblem(new Date('2026-06-01T12:10:00Z'), now)).toBeNull();
    expect(occurredAtProblem(new Date('2026-06-01T12:10:01Z'), now)).toBe('future');
    expect(isInFuture(new Date('2026-06-01T12:11:00Z'), now)).toBe(true);
  });

  it('allows ten years (of 365 days) back, not more', () => {
    expect(occurredAtProblem(new Date(now.getTime() - OCCURRED_AT_MAX_AGE_MS), now)).toBeNull();
    expect(occurredAtProblem(new Date(now.getTime() - OCCURRED_AT_MAX_AGE_MS - 1), now)).toBe('tooOld');
  });
});
