import { SEVERITIES } from './incident.types';
import {
  activeSeverities,
  completeSeverityPolicy,
  DEFAULT_SEVERITY_POLICY,
  normaliseSeverityPolicy,
  type SeverityPolicy,
  validateSeverityPolicy,
} from './severity-policy';

const withLevel = (code: keyof SeverityPolicy, change: object): Record<string, unknown> => ({
  ...DEFAULT_SEVERITY_POLICY,
  [code]: { ...DEFAULT_SEVERITY_POLICY[code], ...change },
});

const fields = (policy: unknown) => validateSeverityPolicy(policy).map((problem) => problem.field);

describe('severity policy', () => {
  it('ships the defaults of domain.md §3.3: low/medium to the handler, high a level up, critical to sector and top the same day', () => {
    expect(SEVERITIES.map((code) => DEFAULT_SEVERITY_POLICY[code].label)).toEqual(['Lav', 'Middels', 'Høy', 'Kritisk']);
    expect(SEVERITIES.map((code) => DEFAULT_SEVERITY_POLICY[code].notify)).toEqual(['handler', 'handler', 'next_level', 'sector_and_top']);
    expect(SEVERITIES.filter((code) => DEFAULT_SEVERITY_POLICY[code].sameDayAcknowledge)).toEqual(['critical']);
    expect(activeSeverities()).toEqual(['low', 'medium', 'high', 'critical']);
    expect(validateSeverityPolicy(DEFAULT_SEVERITY_POLICY)).toEqual([]);
  });

  it('accepts a three-level scale and offers only the active levels, lowest first', () => {
    const policy = withLevel('low', { active: false }) as unknown as SeverityPolicy;
    expect(validateSeverityPolicy(policy)).toEqual([]);
    expect(activeSeverities(policy)).toEqual(['medium', 'high', 'critical']);
  });

  it('keeps critical switched on, because the statutory notifications depend on it', () => {
    expect(validateSeverityPolicy(withLevel('critical', { active: false }))).toEqual([
      { field: 'critical.active', reason: 'cannot be switched off: the statutory notification rules depend on it' },
    ]);
  });

  it('needs at least two active levels', () => {
    const onlyCritical = {
      ...withLevel('low', { active: false }),
      high: { ...DEFAULT_SEVERITY_POLICY.high, active: false },
      medium: { ...DEFAULT_SEVERITY_POLICY.medium, active: false },
    };
    expect(validateSeverityPolicy(onlyCritical)).toEqual([{ field: '', reason: 'at least 2 levels must be active' }]);
  });

  it('names each bad field', () => {
    expect(fields(withLevel('high', { label: '  ' }))).toEqual(['high.label']);
    expect(fields(withLevel('high', { label: 'x'.repeat(61) }))).toEqual(['high.label']);
    expect(fields(withLevel('medium', { description: 'x'.repeat(501) }))).toEqual(['medium.description']);
    expect(fields(withLevel('low', { notify: 'everyone' }))).toEqual(['low.notify']);
    expect(fields(withLevel('low', { sameDayAcknowledge: 'yes' }))).toEqual(['low.sameDayAcknowledge']);
    expect(fields(withLevel('low', { active: 1 }))).toEqual(['low.active']);
    expect(fields(withLevel('low', { colour: 'red' }))).toEqual(['low.colour']);
    expect(fields({ ...DEFAULT_SEVERITY_POLICY, extreme: DEFAULT_SEVERITY_POLICY.critical })).toEqual(['extreme']);
    const { high: _high, ...withoutHigh } = DEFAULT_SEVERITY_POLICY;
    expect(fields(withoutHigh)).toEqual(['high']);
    expect(fields(null)).toEqual(['']);
  });

  it('refuses two levels with the same label, ignoring case and spaces', () => {
    expect(validateSeverityPolicy(withLevel('high', { label: ' kritisk ' }))).toEqual([
      { field: 'critical.label', reason: 'must differ from the label of high' },
    ]);
  });

  it('completes a stored policy with the defaults and trims what it stores', () => {
    const stored = { high: { label: 'Alvorlig', notify: 'handler' as const } };
    const complete = completeSeverityPolicy(stored);
    expect(complete.high).toEqual({ ...DEFAULT_SEVERITY_POLICY.high, label: 'Alvorlig', notify: 'handler' });
    expect(complete.low).toEqual(DEFAULT_SEVERITY_POLICY.low);
    expect(completeSeverityPolicy(null)).toEqual(DEFAULT_SEVERITY_POLICY);
    const trimmed = normaliseSeverityPolicy({
      ...DEFAULT_SEVERITY_POLICY,
      low: { ...DEFAULT_SEVERITY_POLICY.low, description: ' Ingen følge. ', label: ' Lav ' },
    });
    expect(trimmed.low).toMatchObject({ description: 'Ingen følge.', label: 'Lav' });
  });
});
