import type { ManagementLineEntry } from '../organisation/management-line.types';
import { personalEscalationLadder } from './incident-routing';

const level = (unitId: string, responsibleUserId: string | null): ManagementLineEntry => ({
  delegationId: null,
  formalLeaderUserId: responsibleUserId,
  levelType: 'unit',
  responsibleUserId,
  source: responsibleUserId ? 'leader' : 'vacant',
  unitId,
  until: null,
});

describe('personalEscalationLadder', () => {
  const line = [level('ward', 'unit-leader'), level('department', null), level('sector', 'sector-leader'), level('top', 'director')];

  it('should put an employee first and the whole line above them', () => {
    expect(personalEscalationLadder(line, 'employee')).toEqual(['employee', 'unit-leader', 'sector-leader', 'director']);
  });

  it('should start a leader at the levels above their own', () => {
    expect(personalEscalationLadder(line, 'unit-leader')).toEqual(['unit-leader', 'sector-leader', 'director']);
    expect(personalEscalationLadder(line, 'director')).toEqual(['director']);
  });

  it('should let the unit leader stand in when nobody is responsible', () => {
    expect(personalEscalationLadder(line, null)).toEqual(['unit-leader', 'sector-leader', 'director']);
  });
});
