import { type ScaleSet, voteStats } from '@helhet/domain';
import type {
  CastVoteCommand,
  FieldError,
  OpenRoundCommand,
  ProposeCommand,
  RecordConsensusCommand,
  ResolveProposalCommand,
  WorkshopConsensusView,
  WorkshopDimensionResult,
  WorkshopProposalView,
  WorkshopRound,
  WorkshopState,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { GrantsService } from '../auth/grants.service';
import { firstRow } from '../core/database/first-row.util';
import { DomainException } from '../core/http/domain.exception';
import type { RiskScenarioDto } from '../risk/dto/risk.dto';
import { RiskAnalysesService } from '../risk/risk-analyses.service';
import { type WorkshopPrincipal, WorkshopsService } from './workshops.service';

const LIKELIHOOD = 'likelihood';
const TEXT_MAX = 2000;

interface WorkshopRow {
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
}

const invalid = (field: string, reason: string): DomainException =>
  new DomainException('VALIDATION_FAILED', reason, [{ field, reasons: [reason] } satisfies FieldError]);
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max;

/**
 * The live workshop: commands from sockets and the personalised state. Everything is in Postgres, so any
 * API instance can serve any socket; the gateway only signals "changed" between instances.
 */
@Injectable()
export class WorkshopLiveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly analyses: RiskAnalysesService,
    private readonly audit: AuditLogService,
    private readonly grants: GrantsService,
  ) {}

  async setConnected(participantId: string, delta: 1 | -1): Promise<void> {
    await this.dataSource.query(`UPDATE workshop_participant SET connections = GREATEST(connections + $2, 0) WHERE id = $1`, [
      participantId,
      delta,
    ]);
  }

  async isOpen(workshopId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT 1 FROM workshop WHERE id = $1 AND status = 'open' AND expires_at > now()`, [
      workshopId,
    ])) as unknown[];
    return Boolean(row);
  }

  /** The current state as this participant may see it. */
  async state(me: WorkshopPrincipal): Promise<WorkshopState> {
    const w = await this.load(this.dataSource.manager, me.workshopId);
    const anonymous = w.voting_mode === 'anonymous';
    const facilitator = me.role === 'facilitator';
    const participants = (await this.dataSource.query(
      `SELECT id, display_name, organisation, user_id, role, connections FROM workshop_participant WHERE workshop_id = $1 ORDER BY created_at`,
      [w.id],
    )) as {
      id: string;
      display_name: string;
      organisation: string | null;
      user_id: string | null;
      role: 'facilitator' | 'participant';
      connections: number;
    }[];
    const names = new Map(participants.map((p) => [p.id, p.display_name]));
    const scenarios = (await this.dataSource.query(
      `SELECT id, title, description FROM risk_scenario WHERE analysis_id = $1 ORDER BY sort_order, created_at`,
      [w.analysis_id],
    )) as {
      id: string;
      title: string;
      description: string | null;
    }[];
    const consensus = (await this.dataSource.query(
      `SELECT DISTINCT ON (scenario_id, dimension) scenario_id, dimension, value, rationale, dissent, created_at FROM workshop_consensus
        WHERE workshop_id = $1 ORDER BY scenario_id, dimension, created_at DESC`,
      [w.id],
    )) as { scenario_id: string; dimension: string; value: number; rationale: string; dissent: string | null; created_at: Date }[];
    const consensusOf = (scenarioId: string): WorkshopConsensusView[] =>
      consensus
        .filter((c) => c.scenario_id === scenarioId)
        .map((c) => ({
          decidedAt: new Date(c.created_at).toISOString(),
          dimension: c.dimension,
          dissent: c.dissent,
          rationale: c.rationale,
          value: c.value,
        }));

    let round: WorkshopRound | null = null;
    const myVotes: Record<string, number> = {};
    if (w.round_scenario_id && w.round_phase) {
      const votes = (await this.dataSource.query(
        `SELECT participant_id, dimension, value FROM workshop_vote WHERE workshop_id = $1 AND round_number = $2 ORDER BY created_at`,
        [w.id, w.round_number],
      )) as { participant_id: string; dimension: string; value: number }[];
      const voted: Record<string, string[]> = Object.fromEntries(w.round_dimensions.map((d) => [d, [] as string[]]));
      for (const vote of votes) {
        voted[vote.dimension]?.push(vote.participant_id);
        if (vote.participant_id === me.participantId) myVotes[vote.dimension] = vote.value;
      }
      const results: WorkshopDimensionResult[] | null =
        w.round_phase === 'revealed'
          ? w.round_dimensions.map((dimension) => {
              // Anonymous: ordered by value, so neither the order nor `voted` pairs a participant with a value.
              const mine = votes.filter((v) => v.dimension === dimension).sort((x, y) => (anonymous ? x.value - y.value : 0));
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
      round = {
        consensus: consensusOf(w.round_scenario_id),
        dimensions: w.round_dimensions,
        phase: w.round_phase,
        results,
        scenarioId: w.round_scenario_id,
        voted,
      };
    }
    const proposals = (await this.dataSource.query(
      `SELECT id, kind, scenario_id, text, participant_id, status, created_at FROM workshop_proposal WHERE workshop_id = $1 ${facilitator ? '' : 'AND participant_id = $2'} ORDER BY created_at`,
      facilitator ? [w.id] : [w.id, me.participantId],
    )) as {
      id: string;
      kind: 'scenario' | 'cause' | 'measure';
      scenario_id: string | null;
      text: string;
      participant_id: string;
      status: 'pending' | 'accepted' | 'dismissed';
      created_at: Date;
    }[];
    return {
      me: { displayName: me.displayName, participantId: me.participantId, role: me.role },
      myVotes,
      participants: participants.map((p) => ({
        connected: p.connections > 0,
        displayName: p.display_name,
        guest: p.user_id === null,
        id: p.id,
        organisation: p.organisation,
        role: p.role,
      })),
      proposals: proposals.map(
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
      round,
      scale: w.definition,
      scenarios: scenarios.map((s) => ({ consensus: consensusOf(s.id), description: s.description, id: s.id, title: s.title })),
      workshop: await this.workshops.summary(w.tenant_id, w.id),
    };
  }

  async openRound(me: WorkshopPrincipal, command: OpenRoundCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      this.facilitatorOnly(me);
      const [scenario] = (await manager.query(`SELECT id FROM risk_scenario WHERE id = $1 AND analysis_id = $2`, [
        typeof command?.scenarioId === 'string' ? command.scenarioId : null,
        w.analysis_id,
      ])) as unknown[];
      if (!scenario) throw invalid('scenarioId', 'scenarioId must be a scenario of this analysis');
      const all = [LIKELIHOOD, ...w.definition.consequenceTypes.map((t) => t.code)];
      const dimensions = command.dimensions === undefined ? all : command.dimensions;
      if (!Array.isArray(dimensions) || dimensions.length === 0 || dimensions.some((d) => !all.includes(d))) {
        throw invalid('dimensions', `dimensions must be ${all.join(', ')}`);
      }
      await manager.query(
        `UPDATE workshop SET round_number = round_number + 1, round_scenario_id = $2, round_phase = 'voting', round_dimensions = $3::jsonb, updated_at = now() WHERE id = $1`,
        [w.id, command.scenarioId, JSON.stringify([...new Set(dimensions)])],
      );
    });
  }

  async castVote(me: WorkshopPrincipal, command: CastVoteCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      if (!w.round_scenario_id || w.round_phase !== 'voting') throw invalid('round', 'No round is open for voting');
      if (!w.round_dimensions.includes(command?.dimension))
        throw invalid('dimension', `dimension must be one of ${w.round_dimensions.join(', ')}`);
      const max = this.maxRank(w.definition, command.dimension);
      if (!Number.isInteger(command.value) || command.value < 1 || command.value > max)
        throw invalid('value', `value must be a whole number 1..${max} for ${command.dimension}`);
      await manager.query(
        `INSERT INTO workshop_vote (tenant_id, workshop_id, participant_id, scenario_id, round_number, dimension, value) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (workshop_id, round_number, participant_id, dimension) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [w.tenant_id, w.id, me.participantId, w.round_scenario_id, w.round_number, command.dimension, command.value],
      );
    });
  }

  async reveal(me: WorkshopPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      this.facilitatorOnly(me);
      if (w.round_phase !== 'voting') throw invalid('round', 'No round is open for voting');
      await manager.query(`UPDATE workshop SET round_phase = 'revealed', updated_at = now() WHERE id = $1`, [w.id]);
    });
  }

  /** Writes the agreed value into the scenario (one transaction, audit row) and keeps rationale and dissent. */
  async recordConsensus(me: WorkshopPrincipal, command: RecordConsensusCommand): Promise<void> {
    this.facilitatorOnly(me);
    const auth = await this.facilitatorAuth(me);
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      if (!w.round_scenario_id || w.round_phase !== 'revealed') throw invalid('round', 'Reveal the votes before recording consensus');
      if (!w.round_dimensions.includes(command?.dimension))
        throw invalid('dimension', `dimension must be one of ${w.round_dimensions.join(', ')}`);
      const max = this.maxRank(w.definition, command.dimension);
      if (!Number.isInteger(command.value) || command.value < 1 || command.value > max)
        throw invalid('value', `value must be a whole number 1..${max} for ${command.dimension}`);
      if (!isText(command.rationale, TEXT_MAX)) throw invalid('rationale', `rationale must be 1–${TEXT_MAX} characters`);
      if (command.dissent != null && (typeof command.dissent !== 'string' || command.dissent.length > TEXT_MAX))
        throw invalid('dissent', `dissent must be at most ${TEXT_MAX} characters`);
      await this.analyses.lockEditable(manager, auth, w.analysis_id);
      const before = firstRow(
        (await manager.query(`SELECT likelihood_rank, consequences FROM risk_scenario WHERE id = $1 FOR UPDATE`, [
          w.round_scenario_id,
        ])) as {
          likelihood_rank: number | null;
          consequences: { typeCode: string; rank: number; rationale: string | null }[];
        }[],
        'risk_scenario',
      );
      if (command.dimension === LIKELIHOOD) {
        await manager.query(`UPDATE risk_scenario SET likelihood_rank = $2, updated_at = now() WHERE id = $1`, [
          w.round_scenario_id,
          command.value,
        ]);
      } else {
        const current = before.consequences ?? [];
        const existing = current.find((c) => c.typeCode === command.dimension);
        const next = existing
          ? current.map((c) => (c.typeCode === command.dimension ? { ...c, rank: command.value } : c))
          : [...current, { rank: command.value, rationale: null, typeCode: command.dimension }];
        await manager.query(`UPDATE risk_scenario SET consequences = $2::jsonb, updated_at = now() WHERE id = $1`, [
          w.round_scenario_id,
          JSON.stringify(next),
        ]);
      }
      const dissent = typeof command.dissent === 'string' && command.dissent.trim() ? command.dissent.trim() : null;
      const row = firstRow(
        (await manager.query(
          `INSERT INTO workshop_consensus (tenant_id, workshop_id, scenario_id, round_number, dimension, value, rationale, dissent, decided_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            w.tenant_id,
            w.id,
            w.round_scenario_id,
            w.round_number,
            command.dimension,
            command.value,
            command.rationale.trim(),
            dissent,
            auth.userId,
          ],
        )) as { id: string }[],
        'workshop_consensus',
      );
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { dimension: command.dimension, value: command.value, workshopConsensusId: row.id } as Record<string, unknown>,
        before: {
          dimension: command.dimension,
          value:
            command.dimension === LIKELIHOOD
              ? before.likelihood_rank
              : (before.consequences.find((c) => c.typeCode === command.dimension)?.rank ?? null),
        },
        entityId: w.round_scenario_id,
        entityType: 'risk_scenario',
        tenantId: w.tenant_id,
      });
    });
  }

  async propose(me: WorkshopPrincipal, command: ProposeCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      if (!['scenario', 'cause', 'measure'].includes(command?.kind)) throw invalid('kind', 'kind must be scenario, cause or measure');
      if (!isText(command.text, TEXT_MAX)) throw invalid('text', `text must be 1–${TEXT_MAX} characters`);
      let scenarioId: string | null = null;
      if (command.scenarioId != null || command.kind === 'cause') {
        const [scenario] = (await manager.query(`SELECT id FROM risk_scenario WHERE id::text = $1 AND analysis_id = $2`, [
          String(command.scenarioId ?? ''),
          w.analysis_id,
        ])) as { id: string }[];
        if (!scenario) throw invalid('scenarioId', 'scenarioId must be a scenario of this analysis');
        scenarioId = scenario.id;
      }
      await manager.query(
        `INSERT INTO workshop_proposal (tenant_id, workshop_id, participant_id, kind, scenario_id, text) VALUES ($1, $2, $3, $4, $5, $6)`,
        [w.tenant_id, w.id, me.participantId, command.kind, scenarioId, command.text.trim()],
      );
    });
  }

  /** Accepting a scenario creates it, a cause is appended to its scenario; an accepted measure stays recorded. */
  async resolveProposal(me: WorkshopPrincipal, command: ResolveProposalCommand): Promise<void> {
    this.facilitatorOnly(me);
    const auth = await this.facilitatorAuth(me);
    await this.dataSource.transaction(async (manager) => {
      const w = await this.load(manager, me.workshopId, true);
      if (typeof command?.accept !== 'boolean') throw invalid('accept', 'accept must be true or false');
      const [proposal] = (await manager.query(
        `SELECT id, kind, scenario_id, text, status FROM workshop_proposal WHERE id::text = $1 AND workshop_id = $2 FOR UPDATE`,
        [String(command.proposalId ?? ''), w.id],
      )) as { id: string; kind: 'scenario' | 'cause' | 'measure'; scenario_id: string | null; text: string; status: string }[];
      if (!proposal) throw invalid('proposalId', 'proposalId must be a proposal of this workshop');
      if (proposal.status !== 'pending') throw invalid('proposalId', 'The proposal is already resolved');
      let createdScenarioId: string | null = null;
      if (command.accept && proposal.kind !== 'measure') {
        const analysis = await this.analyses.lockEditable(manager, auth, w.analysis_id);
        if (proposal.kind === 'scenario') {
          const dto: RiskScenarioDto = {
            title: proposal.text.slice(0, 300),
            ...(proposal.text.length > 300 ? { description: proposal.text } : {}),
          };
          createdScenarioId = await this.analyses.insertScenario(manager, auth, w.analysis_id, analysis.definition, dto);
        } else {
          const [before] = (await manager.query(`SELECT causes FROM risk_scenario WHERE id = $1 FOR UPDATE`, [proposal.scenario_id])) as {
            causes: string | null;
          }[];
          const causes = before?.causes ? `${before.causes}\n${proposal.text}` : proposal.text;
          await manager.query(`UPDATE risk_scenario SET causes = $2, updated_at = now() WHERE id = $1`, [proposal.scenario_id, causes]);
          await this.audit.record(manager, {
            action: 'update',
            actorUserId: auth.userId,
            after: { causes },
            before: { causes: before?.causes ?? null },
            entityId: proposal.scenario_id ?? '',
            entityType: 'risk_scenario',
            tenantId: w.tenant_id,
          });
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
      const w = await this.load(manager, me.workshopId, true);
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

  private maxRank(scale: ScaleSet, dimension: string): number {
    return dimension === LIKELIHOOD ? scale.likelihoodLevels.length : scale.consequenceLevels.length;
  }

  private async load(manager: EntityManager, workshopId: string, lock = false): Promise<WorkshopRow> {
    const [row] = (await manager.query(
      `SELECT w.id, w.tenant_id, w.analysis_id, w.status, w.voting_mode, w.facilitator_user_id, w.round_number, w.round_scenario_id, w.round_phase, w.round_dimensions, s.definition,
              (w.status = 'open' AND w.expires_at > now()) AS open
         FROM workshop w JOIN risk_analysis a ON a.id = w.analysis_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE w.id = $1 ${lock ? 'FOR UPDATE OF w' : ''}`,
      [workshopId],
    )) as (WorkshopRow & { open: boolean })[];
    if (!row) throw new DomainException('WORKSHOP_NOT_FOUND', 'Workshop not found');
    if (lock && !row.open) throw new DomainException('WORKSHOP_CLOSED', 'The workshop is closed');
    return row;
  }
}
