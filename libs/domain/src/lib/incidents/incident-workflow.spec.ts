import { INCIDENT_STATUSES } from './incident.types';
import { availableActions, type ClosureInput, closureProblems, statusAfter } from './incident-workflow';

describe('incident workflow', () => {
  it('offers a handler exactly the actions whose source state matches', () => {
    expect(availableActions('registered', { canHandle: true })).toEqual(['acknowledge', 'assign_handler', 'forward', 'reject']);
    expect(availableActions('in_progress', { canHandle: true })).toEqual(['assign_handler', 'forward', 'reject', 'plan_measures', 'close']);
    expect(availableActions('measures', { canHandle: true })).toEqual(['assign_handler', 'close']);
    expect(availableActions('closed', { canHandle: true })).toEqual(['reopen']);
    expect(availableActions('rejected', { canHandle: true })).toEqual(['reopen']);
  });

  it('offers nothing to someone who may not handle the case', () => {
    for (const status of INCIDENT_STATUSES) expect(availableActions(status, { canHandle: false })).toEqual([]);
  });

  it('moves between states and refuses what the state does not allow', () => {
    expect(statusAfter('registered', 'acknowledge')).toBe('in_progress');
    expect(statusAfter('in_progress', 'forward')).toBe('in_progress');
    expect(statusAfter('measures', 'close')).toBe('closed');
    expect(statusAfter('closed', 'reopen')).toBe('in_progress');
    expect(statusAfter('registered', 'close')).toBeNull();
    expect(statusAfter('closed', 'reject')).toBeNull();
  });

  describe('closing', () => {
    const ready: ClosureInput = {
      causeCategory: 'organisational',
      closureSummary: 'Bemanningsplan endret.',
      feedbackToReporter: 'Takk, vi har endret turnus.',
      kind: 'deviation',
      measures: [{ status: 'done' }],
      noMeasureReason: null,
    };

    it('accepts a complete closure', () => expect(closureProblems(ready)).toEqual([]));

    it('names every missing field', () => {
      const problems = closureProblems({ ...ready, causeCategory: null, closureSummary: ' ', feedbackToReporter: null, measures: [] });
      expect(problems.map((p) => p.field)).toEqual(['causeCategory', 'closureSummary', 'feedbackToReporter', 'noMeasureReason']);
    });

    it('accepts an explicit reason instead of a measure, and needs no cause for an improvement suggestion', () => {
      expect(
        closureProblems({ ...ready, causeCategory: null, kind: 'improvement', measures: [], noMeasureReason: 'Allerede innført.' }),
      ).toEqual([]);
    });

    it('refuses while a measure is still running; cancelled measures do not count as measures', () => {
      expect(closureProblems({ ...ready, measures: [{ status: 'in_progress' }] }).map((p) => p.field)).toEqual(['measures']);
      expect(closureProblems({ ...ready, measures: [{ status: 'cancelled' }] }).map((p) => p.field)).toEqual(['noMeasureReason']);
    });
  });
});
