import type { ManagementLineEntry } from '../organisation/management-line.types';
import { escalationRecipient, filingRecipients } from './incident-routing';
import { DEFAULT_SEVERITY_POLICY, type SeverityPolicy } from './severity-policy';

const level = (unitId: string, levelType: string, responsibleUserId: string | null): ManagementLineEntry => ({
  delegationId: null,
  formalLeaderUserId: responsibleUserId,
  levelType,
  responsibleUserId,
  source: responsibleUserId ? 'leader' : 'vacant',
  unitId,
  until: null,
});

const line = [
  level('dept', 'department', 'dept-lead'),
  level('unit', 'unit', 'unit-lead'),
  level('sector', 'sector', 'kommunalsjef'),
  level('top', 'municipality', 'kd'),
];

describe('filing recipients', () => {
  it('notifies the handler only for low and medium', () => {
    expect(filingRecipients(line, 'dept-lead', 'medium')).toEqual(['dept-lead']);
    expect(filingRecipients(line, null, 'low')).toEqual(['dept-lead']);
  });

  it('adds the next level up for high, sector leader and kommunedirektør for critical', () => {
    expect(filingRecipients(line, 'dept-lead', 'high')).toEqual(['dept-lead', 'unit-lead']);
    expect(filingRecipients(line, 'dept-lead', 'critical')).toEqual(['dept-lead', 'kommunalsjef', 'kd']);
  });

  it('skips vacant levels', () => {
    const vacant = [level('unit', 'unit', null), level('sector', 'sector', 'kommunalsjef'), level('top', 'municipality', 'kd')];
    expect(filingRecipients(vacant, null, 'high')).toEqual(['kommunalsjef', 'kd']);
  });

  it('follows the tenant’s severity policy', () => {
    const policy: SeverityPolicy = {
      ...DEFAULT_SEVERITY_POLICY,
      high: { ...DEFAULT_SEVERITY_POLICY.high, notify: 'handler' },
      medium: { ...DEFAULT_SEVERITY_POLICY.medium, notify: 'sector_and_top' },
    };
    expect(filingRecipients(line, 'dept-lead', 'high', policy)).toEqual(['dept-lead']);
    expect(filingRecipients(line, 'dept-lead', 'medium', policy)).toEqual(['dept-lead', 'kommunalsjef', 'kd']);
    expect(filingRecipients(line, 'dept-lead', null, policy)).toEqual(['dept-lead']);
  });

  it('walks the escalation ladder level by level', () => {
    const ladder = ['unit-lead', 'kommunalsjef', 'kd'];
    expect([1, 2, 3].map((n) => escalationRecipient(ladder, n))).toEqual(['kommunalsjef', 'kd', null]);
  });
});
