// workshop-api added (only additions): WorkshopDetail (GET /api/workshops/:id) and WorkshopVoteRecord.
import type { ScaleSet } from '@helhet/domain';

import type { ErrorCode, FieldError } from '../error-codes';
import type { UserRef } from './org-units.contract';

/**
 * Live ROS workshop (domain.md §2.7). REST creates and joins a session; everything live goes over the
 * socket.io namespace WORKSHOP_NAMESPACE. Every socket authenticates with a participant token (handshake
 * `auth: { token }`), the facilitator's included, so signed-in users and guests are handled alike and a
 * reload or reconnect only needs the token (kept in sessionStorage) to get the current state back.
 */
export const WORKSHOP_NAMESPACE = '/workshops';

export type WorkshopStatus = 'open' | 'closed';
export type WorkshopVotingMode = 'named' | 'anonymous';
/** `likelihood` or a consequence type code of the analysis's scale set. */
export type WorkshopDimension = string;
export type WorkshopRole = 'facilitator' | 'participant';
export type WorkshopRoundPhase = 'voting' | 'revealed';
export type WorkshopProposalKind = 'scenario' | 'cause' | 'measure';
export type WorkshopProposalStatus = 'pending' | 'accepted' | 'dismissed';

/** POST /api/workshops (signed in, may edit the analysis). */
export interface CreateWorkshopRequest {
  analysisId: string;
  votingMode?: WorkshopVotingMode;
}

export interface WorkshopSummary {
  id: string;
  analysis: { id: string; title: string };
  /** Short join code, 6 characters from an alphabet without look-alikes, e.g. `K7M2QX`. */
  code: string;
  status: WorkshopStatus;
  votingMode: WorkshopVotingMode;
  facilitator: UserRef;
  createdAt: string;
  /** Guests' access ends at this time or when the workshop closes, whichever is first. */
  expiresAt: string;
}

/** Returned by create (facilitator) and join (participant): the token the socket authenticates with. */
export interface WorkshopTicket {
  workshop: WorkshopSummary;
  participantId: string;
  role: WorkshopRole;
  token: string;
}

/** POST /api/workshops/join (public). Signed-in users join as themselves; otherwise guestName is required. */
export interface JoinWorkshopRequest {
  code: string;
  guestName?: string;
  guestOrganisation?: string;
}

export interface WorkshopParticipantView {
  id: string;
  displayName: string;
  organisation: string | null;
  guest: boolean;
  role: WorkshopRole;
  connected: boolean;
}

export interface WorkshopVoteView {
  /** Null in anonymous voting mode. */
  participantId: string | null;
  displayName: string | null;
  value: number;
}

/** Distribution of one dimension's votes after reveal. */
export interface WorkshopDimensionResult {
  dimension: WorkshopDimension;
  votes: WorkshopVoteView[];
  count: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min */
  spread: number | null;
  /** Values at least 2 ranks from the median. */
  outliers: number[];
}

export interface WorkshopConsensusView {
  dimension: WorkshopDimension;
  value: number;
  rationale: string;
  dissent: string | null;
  decidedAt: string;
}

/** The scenario being voted on. Votes stay hidden (only who has voted) until the facilitator reveals. */
export interface WorkshopRound {
  scenarioId: string;
  dimensions: WorkshopDimension[];
  phase: WorkshopRoundPhase;
  /** Per dimension, the participants who have voted (ids, also in anonymous mode: it shows progress). */
  voted: Record<WorkshopDimension, string[]>;
  /** Null until revealed. */
  results: WorkshopDimensionResult[] | null;
  consensus: WorkshopConsensusView[];
}

export interface WorkshopProposalView {
  id: string;
  kind: WorkshopProposalKind;
  scenarioId: string | null;
  text: string;
  proposedBy: string;
  status: WorkshopProposalStatus;
  createdAt: string;
}

export interface WorkshopScenarioView {
  id: string;
  title: string;
  description: string | null;
  /** Consensus already recorded for this scenario in this workshop. */
  consensus: WorkshopConsensusView[];
}

/**
 * The whole current state, personalised for the receiving participant: sent on connect and after every
 * change (server event `state`). Participants get only their own proposals and their own votes.
 */
export interface WorkshopState {
  workshop: WorkshopSummary;
  me: { participantId: string; role: WorkshopRole; displayName: string };
  scale: ScaleSet;
  scenarios: WorkshopScenarioView[];
  participants: WorkshopParticipantView[];
  round: WorkshopRound | null;
  myVotes: Record<WorkshopDimension, number>;
  proposals: WorkshopProposalView[];
}

/** Client → server events (socket.io emit with an acknowledgement callback receiving WorkshopAck). */
export const WORKSHOP_COMMANDS = {
  /** facilitator: { scenarioId, dimensions? } (default: likelihood + every consequence type of the scale) */
  openRound: 'round:open',
  /** participant or facilitator: { dimension, value } — may change the vote until reveal */
  castVote: 'vote:cast',
  /** facilitator: {} */
  reveal: 'round:reveal',
  /** facilitator: { dimension, value, rationale, dissent? } — also writes the value to the scenario */
  recordConsensus: 'consensus:record',
  /** anyone: { kind, text, scenarioId? } */
  propose: 'proposal:create',
  /** facilitator: { proposalId, accept } */
  resolveProposal: 'proposal:resolve',
  /** facilitator: {} — ends guests' access */
  close: 'workshop:close',
} as const;

/** Server → client events. */
export const WORKSHOP_EVENTS = { state: 'state', closed: 'closed' } as const;

export interface OpenRoundCommand {
  scenarioId: string;
  dimensions?: WorkshopDimension[];
}
export interface CastVoteCommand {
  dimension: WorkshopDimension;
  value: number;
}
export interface RecordConsensusCommand {
  dimension: WorkshopDimension;
  value: number;
  rationale: string;
  dissent?: string | null;
}
export interface ProposeCommand {
  kind: WorkshopProposalKind;
  text: string;
  scenarioId?: string | null;
}
export interface ResolveProposalCommand {
  proposalId: string;
  accept: boolean;
}

/** Acknowledgement of a command: ok, or the same error shape as the REST API (field problems included). */
export type WorkshopAck = { ok: true } | { ok: false; error: { code: ErrorCode; message: string; details?: FieldError[] } };

/** One stored vote (evidence), as GET /api/workshops/:id returns it. Names are null in anonymous mode. */
export interface WorkshopVoteRecord {
  round: number;
  scenarioId: string;
  dimension: WorkshopDimension;
  participantId: string | null;
  displayName: string | null;
  value: number;
  castAt: string;
}

/** GET /api/workshops/:id — a workshop (open or closed) with its votes, decisions and proposals, for the analysis's readers. */
export interface WorkshopDetail {
  workshop: WorkshopSummary;
  participants: Omit<WorkshopParticipantView, 'connected'>[];
  votes: WorkshopVoteRecord[];
  decisions: (WorkshopConsensusView & { scenarioId: string; round: number; decidedBy: UserRef })[];
  proposals: WorkshopProposalView[];
}
