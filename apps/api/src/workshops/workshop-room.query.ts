import type { ScaleSet } from '@helhet/domain';
import type { WorkshopProposalKind, WorkshopProposalStatus, WorkshopRole, WorkshopSummary } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { DomainException } from '../core/http/domain.exception';
import { RiskScenariosService } from '../risk/risk-scenarios.service';
import { WorkshopsService } from './workshops.service';

/** The workshop row the live commands work on (with its analysis's scale set). */
export interface WorkshopRow {
  id: string;
  tenant_id: string;
  analysis_id: string;
  status: 'open' | 'closed';
  voting_mode: 'named' | 'anonymous';
  facilitator_user_id: string;
  round_number: number;
  round_scenario_id: string | null;
  round_phase: 'voting' | 'revealed' | null;
  round_dimensions: string[];
  definition: ScaleSet;
  /** Open and not expired. */
  open: boolean;
}

export interface RoomParticipantRow {
  id: string;
  display_name: string;
  organisation: string | null;
  user_id: string | null;
  role: WorkshopRole;
  connections: number;
}

export interface RoomScenarioRow {
  id: string;
  title: string;
  description: string | null;
}

export interface RoomConsensusRow {
  scenario_id: string;
  dimension: string;
  value: number;
  rationale: string;
  dissent: string | null;
  created_at: Date;
}

export interface RoomVoteRow {
  participant_id: string;
  dimension: string;
  value: number;
}

export interface RoomProposalRow {
  id: string;
  kind: WorkshopProposalKind;
  scenario_id: string | null;
  text: string;
  participant_id: string;
  status: WorkshopProposalStatus;
  created_at: Date;
}

/**
 * Everything any participant of a workshop may be shown, read once per change. `toWorkshopState` cuts it
 * down per receiver (role, own votes, own proposals, anonymous mode) without touching the database again.
 */
export interface WorkshopRoom {
  workshop: WorkshopRow;
  summary: WorkshopSummary;
  participants: RoomParticipantRow[];
  scenarios: RoomScenarioRow[];
  /** The latest decision per scenario and dimension. */
  consensus: RoomConsensusRow[];
  /** The current round's votes (empty without a round). */
  votes: RoomVoteRow[];
  /** Every proposal of the workshop (participants are shown only their own). */
  proposals: RoomProposalRow[];
}

/** Reads of the live workshop: the locked row for commands and the room snapshot the gateway broadcasts. */
@Injectable()
export class WorkshopRoomQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly scenarios: RiskScenariosService,
  ) {}

  /** The workshop row; with `lock` the row is locked for the caller's transaction and must be open. */
  async load(manager: EntityManager, workshopId: string, lock: 'update' | 'share' | false = false): Promise<WorkshopRow> {
    const [row] = (await manager.query(
      `SELECT w.id, w.tenant_id, w.analysis_id, w.status, w.voting_mode, w.facilitator_user_id, w.round_number, w.round_scenario_id, w.round_phase,
              w.round_dimensions, s.definition, (w.status = 'open' AND w.expires_at > now()) AS open
         FROM workshop w JOIN risk_analysis a ON a.id = w.analysis_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE w.id = $1 ${lock === 'update' ? 'FOR UPDATE OF w' : lock === 'share' ? 'FOR SHARE OF w' : ''}`,
      [workshopId],
    )) as WorkshopRow[];
    if (!row) throw new DomainException('WORKSHOP_NOT_FOUND', 'Workshop not found');
    if (lock && !row.open) throw new DomainException('WORKSHOP_CLOSED', 'The workshop is closed');
    return row;
  }

  /** One snapshot of the room, for every socket of the workshop: a fixed number of queries, whatever the number of sockets. */
  async snapshot(workshopId: string): Promise<WorkshopRoom> {
    const manager = this.dataSource.manager;
    const workshop = await this.load(manager, workshopId);
    const [summary, participants, scenarios, consensus, votes, proposals] = await Promise.all([
      this.workshops.summary(workshop.tenant_id, workshop.id),
      manager.query(
        `SELECT id, display_name, organisation, user_id, role, connections FROM workshop_participant WHERE workshop_id = $1 ORDER BY created_at`,
        [workshop.id],
      ) as Promise<RoomParticipantRow[]>,
      this.scenarios.titles(manager, workshop.analysis_id),
      manager.query(
        `SELECT DISTINCT ON (scenario_id, dimension) scenario_id, dimension, value, rationale, dissent, created_at FROM workshop_consensus
          WHERE workshop_id = $1 ORDER BY scenario_id, dimension, created_at DESC`,
        [workshop.id],
      ) as Promise<RoomConsensusRow[]>,
      workshop.round_scenario_id && workshop.round_phase
        ? (manager.query(
            `SELECT participant_id, dimension, value FROM workshop_vote WHERE workshop_id = $1 AND round_number = $2 ORDER BY created_at`,
            [workshop.id, workshop.round_number],
          ) as Promise<RoomVoteRow[]>)
        : Promise.resolve([]),
      manager.query(
        `SELECT id, kind, scenario_id, text, participant_id, status, created_at FROM workshop_proposal WHERE workshop_id = $1 ORDER BY created_at`,
        [workshop.id],
      ) as Promise<RoomProposalRow[]>,
    ]);
    return { consensus, participants, proposals, scenarios, summary, votes, workshop };
  }
}
