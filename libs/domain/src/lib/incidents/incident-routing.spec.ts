import type { ManagementLineEntry } from '../organisation/management-line.types';
import { escalationRecipient, filingRecipients } from './incident-routing';

const level = (unitId: string, levelType: string, responsibleUserId: string | null): ManagementLineEntry => ({
  delegationId: null,
  formalLeaderUserId: responsibleUserId,
  levelType,
  responsibleUserId,
  source: responsibleUserId ? 'leader' : 'vacant',
  unitId,
  until: null,
});

const line = [level('dept', 'department', 'dept-lead'), level('unit', 'unit', 'unit-lead'), level('sector', 'sector', 'kommunalsjef'), level('top', 'municipality', 'kd')];

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

  it('walks the escalation ladder level by level', () => {
    const ladder = ['unit-lead', 'kommunalsjef', 'kd'];
    expect([1, 2, 3].map((n) => escalationRecipient(ladder, n))).toEqual(['kommunalsjef', 'kd', null]);
  });
});
