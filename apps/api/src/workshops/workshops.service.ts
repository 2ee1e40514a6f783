import { randomInt } from 'node:crypto';

import type { WorkshopDetail, WorkshopParticipantView, WorkshopSummary, WorkshopTicket } from '@helhet/shared';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { randomToken, sha256 } from '../auth/tokens.service';
import { AppConfig } from '../core/config/app-config.service';
import { firstRow } from '../core/database/first-row.util';
import { DomainException } from '../core/http/domain.exception';
import { REDIS } from '../core/redis/redis.module';
import { riskAccess } from '../risk/risk-access';
import { RiskAnalysesService } from '../risk/risk-analyses.service';
import type { CreateWorkshopDto, JoinWorkshopDto } from './workshops.dto';

/** Join-code alphabet without look-alikes (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const WORKSHOP_HOURS = 12;
/** Failed join attempts per IP and window before 429 (against guessing codes). */
const JOIN_FAILURES_MAX = 20;
const JOIN_WINDOW_SECONDS = 600;

interface WorkshopRow {
  id: string;
  analysis_id: string;
  analysis_title: string;
  code: string;
  status: 'open' | 'closed';
  voting_mode: 'named' | 'anonymous';
  facilitator_user_id: string;
  facilitator_name: string;
  created_at: Date;
  expires_at: Date;
}

/** The participant a socket token belongs to, while its workshop is open and not expired. */
export interface WorkshopPrincipal {
  participantId: string;
  workshopId: string;
  tenantId: string;
  role: 'facilitator' | 'participant';
  userId: string | null;
  displayName: string;
}

const WORKSHOP_SELECT = `SELECT w.id, w.analysis_id, a.title AS analysis_title, w.code, w.status, w.voting_mode, w.facilitator_user_id,
        f.name AS facilitator_name, w.created_at, w.expires_at
   FROM workshop w JOIN risk_analysis a ON a.id = w.analysis_id JOIN app_user f ON f.id = w.facilitator_user_id`;

export const toSummary = (row: WorkshopRow): WorkshopSummary => ({
  analysis: { id: row.analysis_id, title: row.analysis_title },
  code: row.code,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  facilitator: { id: row.facilitator_user_id, name: row.facilitator_name },
  id: row.id,
  status: row.status === 'open' && new Date(row.expires_at) <= new Date() ? 'closed' : row.status,
  votingMode: row.voting_mode,
});

/**
 * Live ROS workshops over REST: create (facilitator, may edit the analysis), join by code (signed-in or
 * guest), list and read as evidence. Tokens are 32 random bytes; only their SHA-256 is stored.
 */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly analyses: RiskAnalysesService,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async create(auth: AuthContext, dto: CreateWorkshopDto): Promise<WorkshopTicket> {
    const token = randomToken();
    const ids = await this.dataSource.transaction(async (manager) => {
      await this.analyses.lockEditable(manager, auth, dto.analysisId);
      const code = await this.freeCode(manager);
      const workshop = firstRow(
        (await manager.query(
          `INSERT INTO workshop (tenant_id, analysis_id, facilitator_user_id, code, voting_mode, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6)) RETURNING id`,
          [auth.tenantId, dto.analysisId, auth.userId, code, dto.votingMode ?? 'named', WORKSHOP_HOURS],
        )) as { id: string }[],
        'workshop',
      );
      const participantId = await this.insertParticipant(
        manager,
        auth.tenantId,
        workshop.id,
        auth.userId,
        null,
        null,
        'facilitator',
        token,
      );
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { analysisId: dto.analysisId, code, votingMode: dto.votingMode ?? 'named' },
        entityId: workshop.id,
        entityType: 'workshop',
        tenantId: auth.tenantId,
      });
      return { participantId, workshopId: workshop.id };
    });
    return { participantId: ids.participantId, role: 'facilitator', token, workshop: await this.summary(auth.tenantId, ids.workshopId) };
  }

  /** A fresh token for the facilitator (reload, new device); the old one stops working. */
  async facilitatorTicket(auth: AuthContext, workshopId: string): Promise<WorkshopTicket> {
    const token = randomToken();
    const [row] = (await this.dataSource.query(
      `UPDATE workshop_participant p SET token_hash = $4, updated_at = now()
         FROM workshop w
        WHERE p.workshop_id = w.id AND w.tenant_id = $1 AND w.id = $2 AND p.user_id = $3 AND p.role = 'facilitator'
          AND w.status = 'open' AND w.expires_at > now()
        RETURNING p.id`,
      [auth.tenantId, workshopId, auth.userId, sha256(token)],
    )) as [{ id: string }[], number] | { id: string }[];
    const updated = Array.isArray(row) ? (row as { id: string }[])[0] : (row as { id: string } | undefined);
    if (!updated) throw new DomainException('WORKSHOP_NOT_FOUND', 'No open workshop you facilitate');
    return { participantId: updated.id, role: 'facilitator', token, workshop: await this.summary(auth.tenantId, workshopId) };
  }

  /** Join by code: signed-in users as themselves (one participant per user), guests by name. */
  async join(auth: AuthContext | undefined, dto: JoinWorkshopDto, ip: string): Promise<WorkshopTicket> {
    await this.assertJoinAllowed(ip);
    const code = dto.code.toUpperCase().replace(/\s+/g, '');
    const rows = (await this.dataSource.query(
      `${WORKSHOP_SELECT} WHERE w.code = $1 AND w.status = 'open'${auth ? ' AND w.tenant_id = $2' : ''}`,
      auth ? [code, auth.tenantId] : [code],
    )) as (WorkshopRow & {
      tenant_id?: string;
    })[];
    const workshop = rows[0];
    if (!workshop) {
      await this.recordJoinFailure(ip);
      throw new DomainException('WORKSHOP_NOT_FOUND', 'No open workshop with this code');
    }
    if (new Date(workshop.expires_at) <= new Date()) throw new DomainException('WORKSHOP_CLOSED', 'The workshop has expired');
    const [{ tenant_id: tenantId }] = (await this.dataSource.query(`SELECT tenant_id FROM workshop WHERE id = $1`, [workshop.id])) as {
      tenant_id: string;
    }[] as [{ tenant_id: string }];
    if (!auth && !dto.guestName?.trim()) {
      throw new DomainException('VALIDATION_FAILED', 'guestName is required for guests', [
        { field: 'guestName', reasons: ['guestName must be 1–100 characters'] },
      ]);
    }
    const token = randomToken();
    const participantId = await this.dataSource.transaction(async (manager) => {
      if (auth) {
        const [existing] = (await manager.query(
          `SELECT id, role FROM workshop_participant WHERE workshop_id = $1 AND user_id = $2 FOR UPDATE`,
          [workshop.id, auth.userId],
        )) as { id: string; role: string }[];
        if (existing) {
          await manager.query(`UPDATE workshop_participant SET token_hash = $2, updated_at = now() WHERE id = $1`, [
            existing.id,
            sha256(token),
          ]);
          return existing.id;
        }
        return this.insertParticipant(
          manager,
          tenantId,
          workshop.id,
          auth.userId,
          null,
          dto.guestOrganisation ?? null,
          'participant',
          token,
        );
      }
      return this.insertParticipant(
        manager,
        tenantId,
        workshop.id,
        null,
        (dto.guestName ?? '').trim(),
        dto.guestOrganisation ?? null,
        'participant',
        token,
      );
    });
    const roles = (await this.dataSource.query(`SELECT role FROM workshop_participant WHERE id = $1`, [participantId])) as {
      role: 'facilitator' | 'participant';
    }[];
    return { participantId, role: firstRow(roles, 'workshop_participant').role, token, workshop: toSummary(workshop) };
  }

  /** Workshops of an analysis, for everyone who may read it. */
  async list(auth: AuthContext, analysisId: string): Promise<WorkshopSummary[]> {
    await this.assertReadable(auth, analysisId);
    const rows = (await this.dataSource.query(
      `${WORKSHOP_SELECT} WHERE w.tenant_id = $1 AND w.analysis_id = $2 ORDER BY w.created_at DESC`,
      [auth.tenantId, analysisId],
    )) as WorkshopRow[];
    return rows.map(toSummary);
  }

  /** A workshop with its votes, decisions and proposals — the evidence, readable by the analysis's readers. */
  async detail(auth: AuthContext, id: string): Promise<WorkshopDetail> {
    const [row] = (await this.dataSource.query(`${WORKSHOP_SELECT} WHERE w.tenant_id = $1 AND w.id = $2`, [
      auth.tenantId,
      id,
    ])) as WorkshopRow[];
    if (!row) throw new DomainException('WORKSHOP_NOT_FOUND', 'Workshop not found');
    await this.assertReadable(auth, row.analysis_id, 'WORKSHOP_NOT_FOUND');
    const anonymous = row.voting_mode === 'anonymous';
    const participants = (await this.dataSource.query(
      `SELECT id, display_name, organisation, user_id, role FROM workshop_participant WHERE workshop_id = $1 ORDER BY created_at`,
      [id],
    )) as { id: string; display_name: string; organisation: string | null; user_id: string | null; role: 'facilitator' | 'participant' }[];
    const names = new Map(participants.map((p) => [p.id, p.display_name]));
    const votes = (await this.dataSource.query(
      `SELECT round_number, scenario_id, dimension, participant_id, value, updated_at FROM workshop_vote WHERE workshop_id = $1 ORDER BY round_number, scenario_id, dimension, created_at`,
      [id],
    )) as { round_number: number; scenario_id: string; dimension: string; participant_id: string; value: number; updated_at: Date }[];
    const decisions = (await this.dataSource.query(
      `SELECT c.scenario_id, c.round_number, c.dimension, c.value, c.rationale, c.dissent, c.created_at, c.decided_by_user_id, u.name
         FROM workshop_consensus c JOIN app_user u ON u.id = c.decided_by_user_id WHERE c.workshop_id = $1 ORDER BY c.created_at`,
      [id],
    )) as {
      scenario_id: string;
      round_number: number;
      dimension: string;
      value: number;
      rationale: string;
      dissent: string | null;
      created_at: Date;
      decided_by_user_id: string;
      name: string;
    }[];
    const proposals = (await this.dataSource.query(
      `SELECT id, kind, scenario_id, text, participant_id, status, created_at FROM workshop_proposal WHERE workshop_id = $1 ORDER BY created_at`,
      [id],
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
      decisions: decisions.map((d) => ({
        decidedAt: new Date(d.created_at).toISOString(),
        decidedBy: { id: d.decided_by_user_id, name: d.name },
        dimension: d.dimension,
        dissent: d.dissent,
        rationale: d.rationale,
        round: d.round_number,
        scenarioId: d.scenario_id,
        value: d.value,
      })),
      participants: participants.map(
        (p): Omit<WorkshopParticipantView, 'connected'> => ({
          displayName: p.display_name,
          guest: p.user_id === null,
          id: p.id,
          organisation: p.organisation,
          role: p.role,
        }),
      ),
      proposals: proposals.map((p) => ({
        createdAt: new Date(p.created_at).toISOString(),
        id: p.id,
        kind: p.kind,
        proposedBy: anonymous ? '' : (names.get(p.participant_id) ?? ''),
        scenarioId: p.scenario_id,
        status: p.status,
        text: p.text,
      })),
      votes: votes.map((v) => ({
        castAt: new Date(v.updated_at).toISOString(),
        dimension: v.dimension,
        displayName: anonymous ? null : (names.get(v.participant_id) ?? null),
        participantId: anonymous ? null : v.participant_id,
        round: v.round_number,
        scenarioId: v.scenario_id,
        value: v.value,
      })),
      workshop: toSummary(row),
    };
  }

  /** The participant behind a socket token: only while its workshop is open and before expiresAt. */
  async principal(token: unknown): Promise<WorkshopPrincipal | null> {
    const result = await this.authenticate(token);
    return typeof result === 'string' ? null : result;
  }

  /** Like principal, but says why a token is refused: closed/expired workshop or an unknown token. */
  async authenticate(token: unknown): Promise<WorkshopPrincipal | 'WORKSHOP_CLOSED' | 'WORKSHOP_TOKEN_INVALID'> {
    if (!token || typeof token !== 'string' || token.length > 100) return 'WORKSHOP_TOKEN_INVALID';
    const [row] = (await this.dataSource.query(
      `SELECT p.id, p.workshop_id, p.tenant_id, p.role, p.user_id, p.display_name, (w.status = 'open' AND w.expires_at > now()) AS open
         FROM workshop_participant p JOIN workshop w ON w.id = p.workshop_id
        WHERE p.token_hash = $1`,
      [sha256(token)],
    )) as {
      id: string;
      workshop_id: string;
      tenant_id: string;
      role: 'facilitator' | 'participant';
      user_id: string | null;
      display_name: string;
      open: boolean;
    }[];
    if (!row) return 'WORKSHOP_TOKEN_INVALID';
    if (!row.open) return 'WORKSHOP_CLOSED';
    return {
      displayName: row.display_name,
      participantId: row.id,
      role: row.role,
      tenantId: row.tenant_id,
      userId: row.user_id,
      workshopId: row.workshop_id,
    };
  }

  async summary(tenantId: string, id: string): Promise<WorkshopSummary> {
    const [row] = (await this.dataSource.query(`${WORKSHOP_SELECT} WHERE w.tenant_id = $1 AND w.id = $2`, [tenantId, id])) as WorkshopRow[];
    if (!row) throw new DomainException('WORKSHOP_NOT_FOUND', 'Workshop not found');
    return toSummary(row);
  }

  private async assertReadable(
    auth: AuthContext,
    analysisId: string,
    code: 'RISK_ANALYSIS_NOT_FOUND' | 'WORKSHOP_NOT_FOUND' = 'RISK_ANALYSIS_NOT_FOUND',
  ): Promise<void> {
    const access = riskAccess(auth, 3, { edit: false });
    const [row] = (await this.dataSource.query(
      `SELECT ${access.visible} AS visible FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id WHERE a.tenant_id = $1 AND a.id = $2`,
      [auth.tenantId, analysisId, ...access.params],
    )) as { visible: boolean }[];
    if (!row?.visible) throw new DomainException(code, 'Not found');
  }

  private async insertParticipant(
    manager: EntityManager,
    tenantId: string,
    workshopId: string,
    userId: string | null,
    guestName: string | null,
    organisation: string | null,
    role: 'facilitator' | 'participant',
    token: string,
  ): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO workshop_participant (tenant_id, workshop_id, user_id, display_name, organisation, role, token_hash)
       VALUES ($1, $2, $3, COALESCE($4, (SELECT name FROM app_user WHERE id = $3)), $5, $6, $7) RETURNING id`,
      [tenantId, workshopId, userId, guestName, organisation, role, sha256(token)],
    )) as { id: string }[];
    return firstRow(rows, 'workshop_participant').id;
  }

  private async freeCode(manager: EntityManager): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const [taken] = (await manager.query(`SELECT 1 FROM workshop WHERE code = $1 AND status = 'open'`, [code])) as unknown[];
      if (!taken) return code;
    }
    throw new Error('No free workshop code');
  }

  private joinKey(ip: string): string {
    return `${this.config.get('REDIS_KEY_PREFIX')}:workshop-join-fail:${sha256(ip)}`;
  }

  private async assertJoinAllowed(ip: string): Promise<void> {
    const key = this.joinKey(ip);
    if (Number((await this.redis.get(key)) ?? 0) >= JOIN_FAILURES_MAX) {
      const ttl = await this.redis.ttl(key);
      throw new DomainException('AUTH_RATE_LIMITED', 'Too many unknown workshop codes; try again later', {
        retryAfterSeconds: ttl > 0 ? ttl : JOIN_WINDOW_SECONDS,
      });
    }
  }

  private async recordJoinFailure(ip: string): Promise<void> {
    const key = this.joinKey(ip);
    await this.redis.multi().incr(key).expire(key, JOIN_WINDOW_SECONDS, 'NX').exec();
  }
}
