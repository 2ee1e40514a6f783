import { effectiveLeaders, nextLevelAbove, resolveManagementLine } from './management-line';
import type { ManagementLineDelegation, ManagementLineUnit } from './management-line.types';

/** Fjordvik: Avdeling 2. etasje → Liavegen sykehjem → Helse og omsorg → Fjordvik kommune. */
type Level = 'department' | 'unit' | 'sector' | 'municipality';
const DEFAULT_LEADERS: Record<Level, string> = { department: 'astrid', municipality: 'dag', sector: 'cecilie', unit: 'bjorn' };
const chain = (leaders: Partial<Record<Level, string | null>> = {}): ManagementLineUnit<Level>[] => {
  const leaderOf = (level: Level): string | null => (leaders[level] === undefined ? DEFAULT_LEADERS[level] : (leaders[level] ?? null));
  return [
    { leaderUserId: leaderOf('department'), levelType: 'department', unitId: 'dept' },
    { leaderUserId: leaderOf('unit'), levelType: 'unit', unitId: 'home' },
    { leaderUserId: leaderOf('sector'), levelType: 'sector', unitId: 'health' },
    { leaderUserId: leaderOf('municipality'), levelType: 'municipality', unitId: 'root' },
  ];
};

const delegation = (overrides: Partial<ManagementLineDelegation>): ManagementLineDelegation => ({
  fromUserId: 'bjorn',
  id: 'd1',
  includeDescendants: false,
  orgUnitId: 'home',
  reason: 'acting',
  toUserId: 'eirik',
  validFrom: '2026-10-01',
  validTo: '2026-12-31',
  ...overrides,
});

const TODAY = '2026-11-23';

describe('management line', () => {
  describe('plain line: every level has its own leader, no delegations', () => {
    const line = resolveManagementLine(chain(), [], TODAY);

    it('should return one entry per level, unit first, each answered by its leader', () => {
      expect(line.map((l) => [l.unitId, l.levelType, l.responsibleUserId, l.source])).toEqual([
        ['dept', 'department', 'astrid', 'leader'],
        ['home', 'unit', 'bjorn', 'leader'],
        ['health', 'sector', 'cecilie', 'leader'],
        ['root', 'municipality', 'dag', 'leader'],
      ]);
      expect(line.every((l) => l.formalLeaderUserId === l.responsibleUserId && l.delegationId === null && l.until === null)).toBe(true);
    });

    it('should walk all four people when escalating', () => {
      expect(effectiveLeaders(line)).toEqual(['astrid', 'bjorn', 'cecilie', 'dag']);
      expect(nextLevelAbove(line, 'astrid')?.unitId).toBe('home');
      expect(nextLevelAbove(line, 'dag')).toBeNull();
      expect(nextLevelAbove(line, 'stranger')).toBeNull();
    });
  });

  describe('acting leader in period: the nursing home leader is on leave, Eirik is konstituert', () => {
    const line = resolveManagementLine(chain(), [delegation({})], TODAY);

    it('should put the acting leader at the unit level, keep the formal leader and say until when', () => {
      expect(line[1]).toEqual({
        delegationId: 'd1',
        formalLeaderUserId: 'bjorn',
        levelType: 'unit',
        responsibleUserId: 'eirik',
        source: 'acting',
        unitId: 'home',
        until: '2026-12-31',
      });
    });

    it('should leave the other levels alone (includeDescendants false)', () => {
      expect(line[0]?.source).toBe('leader');
      expect(line[2]?.source).toBe('leader');
    });

    it('should escalate from the department to the acting leader, not the absent one', () => {
      expect(effectiveLeaders(line)).toEqual(['astrid', 'eirik', 'cecilie', 'dag']);
      expect(nextLevelAbove(line, 'astrid')?.responsibleUserId).toBe('eirik');
    });

    it('should apply on the first and on the last day of the period', () => {
      expect(resolveManagementLine(chain(), [delegation({})], '2026-10-01')[1]?.source).toBe('acting');
      expect(resolveManagementLine(chain(), [delegation({})], '2026-12-31')[1]?.source).toBe('acting');
    });

    it('should report a vacation stand-in as source "delegation"', () => {
      expect(resolveManagementLine(chain(), [delegation({ reason: 'vacation' })], TODAY)[1]?.source).toBe('delegation');
      expect(resolveManagementLine(chain(), [delegation({ reason: 'permanent', validTo: null })], TODAY)[1]).toMatchObject({
        source: 'delegation',
        until: null,
      });
    });
  });

  describe('acting leader expired: the period ended yesterday', () => {
    const line = resolveManagementLine(chain(), [delegation({ validTo: '2026-11-22' })], TODAY);

    it('should fall back to the formal leader', () => {
      expect(line[1]).toMatchObject({ delegationId: null, responsibleUserId: 'bjorn', source: 'leader', until: null });
    });

    it('should not apply a delegation that has not started yet either', () => {
      expect(resolveManagementLine(chain(), [delegation({ validFrom: '2026-11-24', validTo: null })], TODAY)[1]?.source).toBe('leader');
    });
  });

  describe('vacant unit level: the nursing home has no leader', () => {
    const line = resolveManagementLine(chain({ unit: null }), [delegation({})], TODAY);

    it('should mark the level vacant with nobody responsible (a delegation cannot fill an empty post)', () => {
      expect(line[1]).toEqual({
        delegationId: null,
        formalLeaderUserId: null,
        levelType: 'unit',
        responsibleUserId: null,
        source: 'vacant',
        unitId: 'home',
        until: null,
      });
    });

    it('should skip the vacant level when escalating', () => {
      expect(effectiveLeaders(line)).toEqual(['astrid', 'cecilie', 'dag']);
      expect(nextLevelAbove(line, 'astrid')?.unitId).toBe('health');
    });
  });

  describe('person leading two levels: Bjørn leads both the department and the nursing home', () => {
    const line = resolveManagementLine(chain({ department: 'bjorn' }), [], TODAY);

    it('should list Bjørn once among the effective leaders', () => {
      expect(effectiveLeaders(line)).toEqual(['bjorn', 'cecilie', 'dag']);
    });

    it('should escalate from Bjørn past both of his levels to the sector', () => {
      expect(nextLevelAbove(line, 'bjorn')?.unitId).toBe('health');
    });

    it('should let a delegation with includeDescendants cover both of his levels', () => {
      const covered = resolveManagementLine(chain({ department: 'bjorn' }), [delegation({ includeDescendants: true })], TODAY);
      expect(covered.slice(0, 2).map((l) => [l.responsibleUserId, l.source])).toEqual([
        ['eirik', 'acting'],
        ['eirik', 'acting'],
      ]);
    });

    it('should not let includeDescendants replace a different person below', () => {
      const covered = resolveManagementLine(chain(), [delegation({ includeDescendants: true })], TODAY);
      expect(covered[0]).toMatchObject({ responsibleUserId: 'astrid', source: 'leader' });
    });
  });

  describe('two overlapping delegations for the nursing home', () => {
    const older = delegation({ id: 'd1', toUserId: 'eirik', validFrom: '2026-09-01' });
    const newer = delegation({ id: 'd2', reason: 'vacation', toUserId: 'frida', validFrom: '2026-11-01' });

    it('should let the latest validFrom win, whatever the input order', () => {
      for (const list of [
        [older, newer],
        [newer, older],
      ]) {
        expect(resolveManagementLine(chain(), list, TODAY)[1]).toMatchObject({
          delegationId: 'd2',
          responsibleUserId: 'frida',
          source: 'delegation',
        });
      }
    });

    it('should break a tie on validFrom by the greater id', () => {
      const twin = delegation({ id: 'd0', toUserId: 'gunnar', validFrom: '2026-11-01' });
      expect(resolveManagementLine(chain(), [twin, newer], TODAY)[1]?.delegationId).toBe('d2');
    });

    it('should prefer a delegation on the level itself over one inherited from above', () => {
      const fromAbove = delegation({
        fromUserId: 'astrid',
        id: 'd9',
        includeDescendants: true,
        toUserId: 'hilde',
        validFrom: '2026-11-20',
      });
      const own = delegation({ fromUserId: 'astrid', id: 'd3', orgUnitId: 'dept', toUserId: 'ivar', validFrom: '2026-10-01' });
      const line = resolveManagementLine(chain({ unit: 'astrid' }), [fromAbove, own], TODAY);
      expect(line[0]).toMatchObject({ delegationId: 'd3', responsibleUserId: 'ivar' });
      expect(line[1]).toMatchObject({ delegationId: 'd9', responsibleUserId: 'hilde' });
    });

    it('should ignore a delegation from someone who is no longer the leader', () => {
      const stale = delegation({ fromUserId: 'previous-leader', id: 'd5', toUserId: 'jon' });
      expect(resolveManagementLine(chain(), [stale], TODAY)[1]?.source).toBe('leader');
    });

    it('should ignore delegations on units outside the chain', () => {
      expect(resolveManagementLine(chain(), [delegation({ orgUnitId: 'elsewhere' })], TODAY)[1]?.source).toBe('leader');
    });
  });
});
