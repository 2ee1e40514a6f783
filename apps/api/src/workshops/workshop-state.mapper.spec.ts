import { DSB_SOCIETAL_SCALE } from '@helhet/domain';

import type { WorkshopRoom } from './workshop-room.query';
import { toSharedWorkshopState, toWorkshopState } from './workshop-state.mapper';
import type { WorkshopPrincipal } from './workshops.service';

const at = new Date('2027-03-01T10:00:00Z');
const principal = (participantId: string, role: WorkshopPrincipal['role']): WorkshopPrincipal => ({
  displayName: participantId,
  participantId,
  role,
  tenantId: 't',
  userId: role === 'facilitator' ? 'u' : null,
  workshopId: 'w',
});

const room = (phase: 'voting' | 'revealed', votingMode: 'named' | 'anonymous' = 'named'): WorkshopRoom => ({
  consensus: [],
  participants: ['fac', 'kari', 'ola'].map((id) => ({
    connections: 1,
    display_name: id,
    id,
    organisation: null,
    role: id === 'fac' ? 'facilitator' : 'participant',
    user_id: id === 'fac' ? 'u' : null,
  })),
  proposals: [
    { created_at: at, id: 'p1', kind: 'cause', participant_id: 'kari', scenario_id: 's', status: 'pending', text: 'Is' },
    { created_at: at, id: 'p2', kind: 'measure', participant_id: 'ola', scenario_id: null, status: 'pending', text: 'Strøm' },
  ],
  scenarios: [{ description: null, id: 's', title: 'Brann' }],
  summary: {
    analysis: { id: 'a', title: 'ROS' },
    code: 'K7M2QX',
    createdAt: at.toISOString(),
    expiresAt: at.toISOString(),
    facilitator: { id: 'u', name: 'fac' },
    id: 'w',
    status: 'open',
    votingMode,
  },
  votes: [
    { dimension: 'likelihood', participant_id: 'kari', value: 2 },
    { dimension: 'likelihood', participant_id: 'ola', value: 5 },
  ],
  workshop: {
    analysis_id: 'a',
    definition: DSB_SOCIETAL_SCALE,
    facilitator_user_id: 'u',
    id: 'w',
    open: true,
    round_dimensions: ['likelihood'],
    round_number: 1,
    round_phase: phase,
    round_scenario_id: 's',
    status: 'open',
    tenant_id: 't',
    voting_mode: votingMode,
  },
});

describe('workshop state from one room snapshot', () => {
  it('should show who voted but no values before reveal, each participant only their own vote and proposals', () => {
    const snapshot = room('voting');
    const shared = toSharedWorkshopState(snapshot);
    const kari = toWorkshopState(snapshot, shared, principal('kari', 'participant'));
    expect(kari.round).toMatchObject({ results: null, voted: { likelihood: ['kari', 'ola'] } });
    expect(kari.myVotes).toEqual({ likelihood: 2 });
    expect(kari.proposals.map((p) => p.id)).toEqual(['p1']);
    expect(JSON.stringify(kari)).not.toContain('"value":5');
    const facilitator = toWorkshopState(snapshot, shared, principal('fac', 'facilitator'));
    expect(facilitator.myVotes).toEqual({});
    expect(facilitator.proposals.map((p) => [p.id, p.proposedBy])).toEqual([
      ['p1', 'kari'],
      ['p2', 'ola'],
    ]);
  });

  it('should give everyone the distribution after reveal; anonymous mode drops names and orders by value', () => {
    const named = room('revealed');
    expect(toWorkshopState(named, toSharedWorkshopState(named), principal('ola', 'participant')).round?.results?.[0]).toMatchObject({
      count: 2,
      votes: [
        { displayName: 'kari', value: 2 },
        { displayName: 'ola', value: 5 },
      ],
    });
    const anonymous = room('revealed', 'anonymous');
    const state = toWorkshopState(anonymous, toSharedWorkshopState(anonymous), principal('fac', 'facilitator'));
    expect(state.round?.results?.[0]?.votes).toEqual([
      { displayName: null, participantId: null, value: 2 },
      { displayName: null, participantId: null, value: 5 },
    ]);
    expect(state.proposals.map((p) => p.proposedBy)).toEqual(['', '']);
  });

  it('should list the decisions under the round and under their scenario', () => {
    const snapshot = room('revealed');
    snapshot.consensus = [{ created_at: at, dimension: 'likelihood', dissent: null, rationale: 'Hver vinter', scenario_id: 's', value: 4 }];
    const state = toWorkshopState(snapshot, toSharedWorkshopState(snapshot), principal('fac', 'facilitator'));
    const decision = { decidedAt: at.toISOString(), dimension: 'likelihood', dissent: null, rationale: 'Hver vinter', value: 4 };
    expect(state.round?.consensus).toEqual([decision]);
    expect(state.scenarios[0]?.consensus).toEqual([decision]);
  });
});
