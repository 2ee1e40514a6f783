import type { ScaleSet } from '@helhet/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { GrantsService } from '../auth/grants.service';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, invalidField } from '../core/http/domain.exception';
import type { RiskScenarioDto } from '../risk/dto/risk.dto';
import { RiskAnalysesService } from '../risk/risk-analyses.service';
import { LIKELIHOOD_DIMENSION, RiskScenariosService } from '../risk/risk-scenarios.service';
import type { CastVoteDto } from './dto/cast-vote.dto';
import type { OpenRoundDto } from './dto/open-round.dto';
import type { ProposeDto } from './dto/propose.dto';
import type { RecordConsensusDto } from './dto/record-consensus.dto';
import type { ResolveProposalDto } from './dto/resolve-proposal.dto';
import { WorkshopRoomQuery, type WorkshopRow } from './workshop-room.query';
import type { WorkshopPrincipal } from './workshops.service';

/**
 * The live workshop's commands from sockets, each one transaction. The shapes are validated by the DTOs
 * (WsValidationPipe); what depends on the workshop (its scale, its round, its scenarios) is checked here.
 * Everything is in Postgres, so any API instance can serve any socket; the gateway only signals "changed".
 */
@Injectable()
export class WorkshopLiveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly room: WorkshopRoomQuery,
    private readonly analyses: RiskAnalysesService,
    private readonly scenarios: RiskScenariosService,
    private readonly audit: AuditLogService,
    private readonly grants: GrantsService,
  ) {}

  async setConnected(participantId: string, delta: 1 | -1): Promise<void> {
    await this.dataSource.query(`UPDATE workshop_participant SET connections = GREATEST(connections + $2, 0) WHERE id = $1`, [
      participantId,
      delta,
    ]);
  }

  async openRound(me: WorkshopPrincipal, command: OpenRoundDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'update');
      this.facilitatorOnly(me);
      if (!(await this.scenarios.isInAnalysis(manager, w.analysis_id, command.scenarioId)))
        throw invalidField('scenarioId', 'scenarioId must be a scenario of this analysis');
      const all = [LIKELIHOOD_DIMENSION, ...w.definition.consequenceTypes.map((t) => t.code)];
      const dimensions = command.dimensions ?? all;
      if (dimensions.some((d) => !all.includes(d))) throw invalidField('dimensions', `dimensions must be ${all.join(', ')}`);
      await manager.query(
        `UPDATE workshop SET round_number = round_number + 1, round_scenario_id = $2, round_phase = 'voting', round_dimensions = $3::jsonb, updated_at = now() WHERE id = $1`,
        [w.id, command.scenarioId, JSON.stringify([...new Set(dimensions)])],
      );
    });
  }

  /** Votes share the workshop row lock, so they never wait for each other, only for a round change or a reveal. */
  async castVote(me: WorkshopPrincipal, command: CastVoteDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'share');
      if (!w.round_scenario_id || w.round_phase !== 'voting') throw invalidField('round', 'No round is open for voting');
      this.checkRank(w, command);
      await manager.query(
        `INSERT INTO workshop_vote (tenant_id, workshop_id, participant_id, scenario_id, round_number, dimension, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (workshop_id, round_number, participant_id, dimension) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [w.tenant_id, w.id, me.participantId, w.round_scenario_id, w.round_number, command.dimension, command.value],
      );
    });
  }

  async reveal(me: WorkshopPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'update');
      this.facilitatorOnly(me);
      if (w.round_phase !== 'voting') throw invalidField('round', 'No round is open for voting');
      await manager.query(`UPDATE workshop SET round_phase = 'revealed', updated_at = now() WHERE id = $1`, [w.id]);
    });
  }

  /** Writes the agreed value into the scenario (through the risk module, one transaction, audit row) and keeps rationale and dissent. */
  async recordConsensus(me: WorkshopPrincipal, command: RecordConsensusDto): Promise<void> {
    this.facilitatorOnly(me);
    const auth = await this.facilitatorAuth(me);
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'update');
      const scenarioId = w.round_scenario_id;
      if (!scenarioId || w.round_phase !== 'revealed') throw invalidField('round', 'Reveal the votes before recording consensus');
      this.checkRank(w, command);
      await this.analyses.lockEditable(manager, auth, w.analysis_id);
      const row = firstRow(
        (await manager.query(
          `INSERT INTO workshop_consensus (tenant_id, workshop_id, scenario_id, round_number, dimension, value, rationale, dissent, decided_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            w.tenant_id,
            w.id,
            scenarioId,
            w.round_number,
            command.dimension,
            command.value,
            command.rationale,
            command.dissent ?? null,
            auth.userId,
          ],
        )) as { id: string }[],
        'workshop_consensus',
      );
      await this.scenarios.applyConsensus(manager, auth, scenarioId, command, { workshopConsensusId: row.id });
    });
  }

  async propose(me: WorkshopPrincipal, command: ProposeDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'share');
      let scenarioId: string | null = null;
      if (command.scenarioId != null || command.kind === 'cause') {
        if (!command.scenarioId || !(await this.scenarios.isInAnalysis(manager, w.analysis_id, command.scenarioId))) {
          throw invalidField('scenarioId', 'scenarioId must be a scenario of this analysis');
        }
        scenarioId = command.scenarioId;
      }
      await manager.query(
        `INSERT INTO workshop_proposal (tenant_id, workshop_id, participant_id, kind, scenario_id, text) VALUES ($1, $2, $3, $4, $5, $6)`,
        [w.tenant_id, w.id, me.participantId, command.kind, scenarioId, command.text],
      );
    });
  }

  /** Accepting a scenario creates it, a cause is appended to its scenario (both through the risk module); an accepted measure stays recorded. */
  async resolveProposal(me: WorkshopPrincipal, command: ResolveProposalDto): Promise<void> {
    this.facilitatorOnly(me);
    const auth = await this.facilitatorAuth(me);
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'update');
      const [proposal] = (await manager.query(
        `SELECT id, kind, scenario_id, text, status FROM workshop_proposal WHERE id = $1 AND workshop_id = $2 FOR UPDATE`,
        [command.proposalId, w.id],
      )) as { id: string; kind: 'scenario' | 'cause' | 'measure'; scenario_id: string | null; text: string; status: string }[];
      if (!proposal) throw invalidField('proposalId', 'proposalId must be a proposal of this workshop');
      if (proposal.status !== 'pending') throw invalidField('proposalId', 'The proposal is already resolved');
      let createdScenarioId: string | null = null;
      if (command.accept && proposal.kind !== 'measure') {
        const analysis = await this.analyses.lockEditable(manager, auth, w.analysis_id);
        if (proposal.kind === 'scenario') {
          const dto: RiskScenarioDto = {
            title: proposal.text.slice(0, 300),
            ...(proposal.text.length > 300 ? { description: proposal.text } : {}),
          };
          createdScenarioId = await this.scenarios.insertScenario(manager, auth, w.analysis_id, analysis.definition, dto);
        } else if (proposal.scenario_id) {
          await this.scenarios.appendCause(manager, auth, proposal.scenario_id, proposal.text);
        }
      }
      const status = command.accept ? 'accepted' : 'dismissed';
      await manager.query(
        `UPDATE workshop_proposal SET status = $2, created_scenario_id = $3, resolved_at = now(), updated_at = now() WHERE id = $1`,
        [proposal.id, status, createdScenarioId],
      );
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { createdScenarioId, status } as Record<string, unknown>,
        before: { status: 'pending' } as Record<string, unknown>,
        entityId: proposal.id,
        entityType: 'workshop_proposal',
        tenantId: w.tenant_id,
      });
    });
  }

  async close(me: WorkshopPrincipal): Promise<void> {
    this.facilitatorOnly(me);
    await this.dataSource.transaction(async (manager) => {
      const w = await this.room.load(manager, me.workshopId, 'update');
      await manager.query(`UPDATE workshop SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [w.id]);
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: w.facilitator_user_id,
        after: { status: 'closed' },
        before: { status: 'open' },
        entityId: w.id,
        entityType: 'workshop',
        tenantId: w.tenant_id,
      });
    });
  }

  private facilitatorOnly(me: WorkshopPrincipal): void {
    if (me.role !== 'facilitator') throw new DomainException('FORBIDDEN', 'Only the facilitator may do this');
  }

  /** The facilitator's current rights: writes to the analysis still need edit access (lockEditable). */
  private async facilitatorAuth(me: WorkshopPrincipal): Promise<AuthContext> {
    const auth = me.userId ? await this.grants.contextFor(me.userId, me.tenantId) : null;
    if (!auth) throw new DomainException('FORBIDDEN', 'The facilitator is no longer active');
    return auth;
  }

  /** The dimension must be one of the round's, the value a rank of the scale for it. */
  private checkRank(w: WorkshopRow, command: { dimension: string; value: number }): void {
    if (!w.round_dimensions.includes(command.dimension)) {
      throw invalidField('dimension', `dimension must be one of ${w.round_dimensions.join(', ')}`);
    }
    const max = maxRank(w.definition, command.dimension);
    if (command.value > max) throw invalidField('value', `value must be a whole number 1..${max} for ${command.dimension}`);
  }
}

const maxRank = (scale: ScaleSet, dimension: string): number =>
  dimension === LIKELIHOOD_DIMENSION ? scale.likelihoodLevels.length : scale.consequenceLevels.length;
