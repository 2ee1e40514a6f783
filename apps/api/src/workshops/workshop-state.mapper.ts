import { voteStats } from '@helhet/domain';
import type { WorkshopConsensusView, WorkshopDimensionResult, WorkshopProposalView, WorkshopRound, WorkshopState } from '@helhet/shared';

import type { RoomConsensusRow, WorkshopRoom } from './workshop-room.query';
import type { WorkshopPrincipal } from './workshops.service';

const toConsensusView = (c: RoomConsensusRow): WorkshopConsensusView => ({
  decidedAt: new Date(c.created_at).toISOString(),
  dimension: c.dimension,
  dissent: c.dissent,
  rationale: c.rationale,
  value: c.value,
});

/** The round as everyone sees it: who voted; after reveal the distribution (anonymous: no names, ordered by value). */
const toRound = (room: WorkshopRoom, names: ReadonlyMap<string, string>): WorkshopRound | null => {
  const w = room.workshop;
  if (!w.round_scenario_id || !w.round_phase) return null;
  const anonymous = w.voting_mode === 'anonymous';
  const voted: Record<string, string[]> = Object.fromEntries(w.round_dimensions.map((d) => [d, [] as string[]]));
  for (const vote of room.votes) voted[vote.dimension]?.push(vote.participant_id);
  const results: WorkshopDimensionResult[] | null =
    w.round_phase === 'revealed'
      ? w.round_dimensions.map((dimension) => {
          // Anonymous: ordered by value, so neither the order nor `voted` pairs a participant with a value.
          const mine = room.votes.filter((v) => v.dimension === dimension).sort((x, y) => (anonymous ? x.value - y.value : 0));
          return {
            dimension,
            ...voteStats(mine.map((v) => v.value)),
            votes: mine.map((v) => ({
              displayName: anonymous ? null : (names.get(v.participant_id) ?? null),
              participantId: anonymous ? null : v.participant_id,
              value: v.value,
            })),
          };
        })
      : null;
  const scenarioId = w.round_scenario_id;
  return {
    consensus: room.consensus.filter((c) => c.scenario_id === scenarioId).map(toConsensusView),
    dimensions: w.round_dimensions,
    phase: w.round_phase,
    results,
    scenarioId,
    voted,
  };
};

/** The parts of the state that are the same for every receiver, computed once per snapshot. */
export type SharedWorkshopState = Omit<WorkshopState, 'me' | 'myVotes' | 'proposals'>;

export const toSharedWorkshopState = (room: WorkshopRoom): SharedWorkshopState => {
  const names = new Map(room.participants.map((p) => [p.id, p.display_name]));
  return {
    participants: room.participants.map((p) => ({
      connected: p.connections > 0,
      displayName: p.display_name,
      guest: p.user_id === null,
      id: p.id,
      organisation: p.organisation,
      role: p.role,
    })),
    round: toRound(room, names),
    scale: room.workshop.definition,
    scenarios: room.scenarios.map((s) => ({
      consensus: room.consensus.filter((c) => c.scenario_id === s.id).map(toConsensusView),
      description: s.description,
      id: s.id,
      title: s.title,
    })),
    workshop: room.summary,
  };
};

/**
 * The state as one participant may see it: the shared part plus their own votes and, for participants, only
 * their own proposals (the facilitator sees all; in anonymous mode without other proposers' names).
 */
export const toWorkshopState = (room: WorkshopRoom, shared: SharedWorkshopState, me: WorkshopPrincipal): WorkshopState => {
  const anonymous = room.workshop.voting_mode === 'anonymous';
  const facilitator = me.role === 'facilitator';
  const myVotes: Record<string, number> = {};
  if (shared.round) for (const vote of room.votes) if (vote.participant_id === me.participantId) myVotes[vote.dimension] = vote.value;
  const names = new Map(room.participants.map((p) => [p.id, p.display_name]));
  return {
    ...shared,
    me: { displayName: me.displayName, participantId: me.participantId, role: me.role },
    myVotes,
    proposals: room.proposals
      .filter((p) => facilitator || p.participant_id === me.participantId)
      .map(
        (p): WorkshopProposalView => ({
          createdAt: new Date(p.created_at).toISOString(),
          id: p.id,
          kind: p.kind,
          proposedBy: anonymous && p.participant_id !== me.participantId ? '' : (names.get(p.participant_id) ?? ''),
          scenarioId: p.scenario_id,
          status: p.status,
          text: p.text,
        }),
      ),
  };
};
