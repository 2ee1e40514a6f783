import type { MeasureStatus } from '@helhet/domain';
import type { FieldError } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { EntityRow } from '../core/database/entity-row';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { OrgDirectory } from '../organisation/org-directory';
import { UserDirectory } from '../users/user-directory';
import type { Measure } from './entities/measure.entity';
import type { MeasureLink } from './entities/measure-link.entity';
import { type MeasureDeadlinePlan, MeasureDeadlines } from './measure-deadlines.service';
import { measureLinkColumn, type MeasureSource } from './measure-source';

/** Who writes: the tenant and the user (null for the system, e.g. a worker). */
export interface MeasureActor {
  tenantId: string;
  userId: string | null;
}

/** The fields of a new measure. `orgUnitId` is the unit responsible (the case's, the analysis's scope, …). */
export interface NewMeasure {
  orgUnitId: string;
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  deadline?: string | null;
  status?: MeasureStatus;
}

/** A change of a measure: absent keys stay as they are. */
export type MeasureChange = Partial<Pick<NewMeasure, 'title' | 'description' | 'ownerUserId' | 'deadline' | 'status'>>;

/** The editable fields of a measure as stored (the audit row's before/after), typed from the entity. */
export type MeasureFields = EntityRow<Measure, 'title' | 'description' | 'ownerUserId' | 'deadline' | 'status'>;

type IdRow = EntityRow<MeasureLink, 'id'>;

/** Options of a write: `context` goes into the audit row (e.g. `{ incidentId }`); `checkUnit` validates orgUnitId. */
export interface MeasureWriteOptions {
  context?: Record<string, unknown>;
  checkUnit?: boolean;
}

/** What a write did; hand `deadlines` to `afterCommit` once the caller's transaction has committed. */
export interface MeasureWrite {
  id: string;
  deadlines: MeasureDeadlinePlan | null;
}

export interface MeasureUpdate extends MeasureWrite {
  before: MeasureFields;
  after: MeasureFields;
}

/** TypeORM answers DELETE … RETURNING with [rows, affected]. */
const returned = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

/**
 * The one writer of `measure` and `measure_link` (ADR 0009, "one owner per table"). Avvik, ROS and every later
 * module create, change, link and unlink measures here. Each method runs in the caller's transaction (its
 * EntityManager), writes the audit row and keeps the deadline job in step (MeasureDeadlines); the caller
 * passes the returned plan to `afterCommit` once its transaction has committed.
 */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly audit: AuditLogService,
    private readonly deadlines: MeasureDeadlines,
    private readonly users: UserDirectory,
    private readonly org: OrgDirectory,
  ) {}

  /** Inserts the measure linked to `source`. Throws 400 naming the field for an unknown or deactivated owner (or unit). */
  async create(
    manager: EntityManager,
    actor: MeasureActor,
    source: MeasureSource,
    input: NewMeasure,
    options: MeasureWriteOptions = {},
  ): Promise<MeasureWrite> {
    const problems = await this.problems(manager, actor.tenantId, input.ownerUserId ?? null, options.checkUnit ? input.orgUnitId : null);
    if (problems.length > 0) throw fieldProblems(problems);
    const status = input.status ?? 'planned';
    const measure = firstRow(
      (await manager.query(
        `INSERT INTO measure (tenant_id, org_unit_id, title, description, owner_user_id, deadline, status, completed_at, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::varchar, CASE WHEN $7::varchar = 'done' THEN now() END, $8) RETURNING id`,
        [
          actor.tenantId,
          input.orgUnitId,
          input.title,
          input.description ?? null,
          input.ownerUserId ?? null,
          input.deadline ?? null,
          status,
          actor.userId,
        ],
      )) as EntityRow<Measure, 'id'>[],
      'measure',
    );
    await this.insertLink(manager, actor.tenantId, measure.id, source);
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: actor.userId,
      after: {
        ...options.context,
        deadline: input.deadline ?? null,
        ownerUserId: input.ownerUserId ?? null,
        status,
        title: input.title,
      },
      entityId: measure.id,
      entityType: 'measure',
      tenantId: actor.tenantId,
    });
    return { deadlines: await this.deadlines.afterWrite(manager, measure.id, null), id: measure.id };
  }

  /** Changes a measure linked to `source` (locked first); 404 when it is not linked there. */
  async update(
    manager: EntityManager,
    actor: MeasureActor,
    source: MeasureSource,
    measureId: string,
    change: MeasureChange,
    options: MeasureWriteOptions = {},
  ): Promise<MeasureUpdate> {
    const [before] = (await manager.query(
      `SELECT m.title, m.description, m.owner_user_id, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.status
         FROM measure m JOIN measure_link l ON l.measure_id = m.id WHERE m.id = $1 AND l.${measureLinkColumn(source.kind)} = $2 FOR UPDATE OF m`,
      [measureId, source.id],
    )) as MeasureFields[];
    if (!before) throw new DomainException('NOT_FOUND', 'Measure not found on this case');
    const deadlineBefore = await this.deadlines.snapshot(manager, measureId);
    if (change.ownerUserId) {
      const problems = await this.problems(manager, actor.tenantId, change.ownerUserId, null);
      if (problems.length > 0) throw fieldProblems(problems);
    }
    const after: MeasureFields = {
      deadline: change.deadline === undefined ? before.deadline : change.deadline,
      description: change.description === undefined ? before.description : change.description,
      owner_user_id: change.ownerUserId === undefined ? before.owner_user_id : change.ownerUserId,
      status: change.status ?? before.status,
      title: change.title ?? before.title,
    };
    await manager.query(
      `UPDATE measure SET title = $2, description = $3, owner_user_id = $4, deadline = $5, status = $6::varchar,
         completed_at = CASE WHEN $6::varchar = 'done' THEN COALESCE(completed_at, now()) END, updated_at = now() WHERE id = $1`,
      [measureId, after.title, after.description, after.owner_user_id, after.deadline, after.status],
    );
    await this.audit.record(manager, {
      action: 'update',
      actorUserId: actor.userId,
      after: { ...options.context, ...after },
      before: { ...options.context, ...before },
      entityId: measureId,
      entityType: 'measure',
      tenantId: actor.tenantId,
    });
    return { after, before, deadlines: await this.deadlines.afterWrite(manager, measureId, deadlineBefore), id: measureId };
  }

  /** Moves a measure linked to `source` to `status` (done sets completed_at; reopening restarts its deadline). */
  async changeStatus(
    manager: EntityManager,
    actor: MeasureActor,
    source: MeasureSource,
    measureId: string,
    status: MeasureStatus,
    options: MeasureWriteOptions = {},
  ): Promise<MeasureUpdate> {
    return this.update(manager, actor, source, measureId, { status }, options);
  }

  /** Links an existing measure to `source`. Returns the link id, or null when the pair was already linked (nothing written). */
  async link(
    manager: EntityManager,
    actor: MeasureActor,
    measureId: string,
    source: MeasureSource,
    options: MeasureWriteOptions = {},
  ): Promise<string | null> {
    const link = await this.insertLink(manager, actor.tenantId, measureId, source);
    if (!link) return null;
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: actor.userId,
      after: { ...options.context, measureId },
      entityId: link,
      entityType: 'measure_link',
      tenantId: actor.tenantId,
    });
    return link;
  }

  /**
   * Removes the link of a measure to `source`; false when there was none. The measure itself stays (it may
   * address other things too); a measure left without any link is deleted and its deadline job cancelled.
   */
  async unlink(
    manager: EntityManager,
    actor: MeasureActor,
    measureId: string,
    source: MeasureSource,
    options: MeasureWriteOptions = {},
  ): Promise<{ unlinked: boolean; deadlines: MeasureDeadlinePlan | null }> {
    const [link] = returned<IdRow>(
      await manager.query(
        `DELETE FROM measure_link WHERE tenant_id = $1 AND measure_id = $2 AND ${measureLinkColumn(source.kind)} = $3 RETURNING id`,
        [actor.tenantId, measureId, source.id],
      ),
    );
    if (!link) return { deadlines: null, unlinked: false };
    await this.audit.record(manager, {
      action: 'delete',
      actorUserId: actor.userId,
      before: { ...options.context, measureId },
      entityId: link.id,
      entityType: 'measure_link',
      tenantId: actor.tenantId,
    });
    const deadlineBefore = await this.deadlines.snapshot(manager, measureId);
    const [orphan] = returned<EntityRow<Measure, 'title' | 'status'>>(
      await manager.query(
        `DELETE FROM measure m WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM measure_link l WHERE l.measure_id = m.id) RETURNING m.title, m.status`,
        [measureId],
      ),
    );
    if (!orphan) return { deadlines: null, unlinked: true };
    await this.audit.record(manager, {
      action: 'delete',
      actorUserId: actor.userId,
      before: orphan,
      entityId: measureId,
      entityType: 'measure',
      tenantId: actor.tenantId,
    });
    return { deadlines: await this.deadlines.afterWrite(manager, measureId, deadlineBefore), unlinked: true };
  }

  /** The statuses of the measures linked to `source` (e.g. "is there an open measure on this case?"). */
  async statusesOf(manager: EntityManager, source: MeasureSource): Promise<MeasureStatus[]> {
    const rows = (await manager.query(
      `SELECT m.status FROM measure m JOIN measure_link l ON l.measure_id = m.id WHERE l.${measureLinkColumn(source.kind)} = $1`,
      [source.id],
    )) as Pick<MeasureFields, 'status'>[];
    return rows.map((row) => row.status);
  }

  /** After the caller's transaction committed: (re)schedule and cancel the deadline jobs of its writes. */
  async afterCommit(...plans: (MeasureDeadlinePlan | null | undefined)[]): Promise<void> {
    for (const plan of plans) await this.deadlines.apply(plan ?? null);
  }

  /** Inserts a link row; null when the pair is already linked (ON CONFLICT leaves the transaction usable). */
  private async insertLink(manager: EntityManager, tenantId: string, measureId: string, source: MeasureSource): Promise<string | null> {
    const [row] = (await manager.query(
      `INSERT INTO measure_link (tenant_id, measure_id, ${measureLinkColumn(source.kind)}) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [tenantId, measureId, source.id],
    )) as IdRow[];
    return row?.id ?? null;
  }

  /** An owner must be a known, active user of the tenant; a unit (when checked) a known, active unit. */
  private async problems(
    manager: EntityManager,
    tenantId: string,
    ownerUserId: string | null,
    orgUnitId: string | null,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (ownerUserId) {
      const status = await this.users.status(tenantId, ownerUserId, manager);
      if (status === 'unknown') problems.push({ field: 'ownerUserId', reasons: ['unknown user'] });
      else if (status === 'deactivated') problems.push({ field: 'ownerUserId', reasons: ['the user is deactivated'] });
    }
    if (orgUnitId && !(await this.org.isActive(tenantId, orgUnitId, manager)))
      problems.push({ field: 'orgUnitId', reasons: ['unknown or inactive unit'] });
    return problems;
  }
}
