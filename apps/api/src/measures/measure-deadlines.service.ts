import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { keysetPages } from '../core/database/keyset-pages';
import type { DeadlineJobData, ScheduledDeadline } from '../escalations/deadline-job';
import { DeadlineScheduler } from '../escalations/deadline-scheduler';
import { measureDeadlineChange, type MeasureDeadlineState, pendingMeasureDeadline } from './measure-deadline';

/** The `measure` columns a deadline depends on, as selected by MEASURE_DEADLINE_COLUMNS. */
export interface MeasureDeadlineRow {
  id: string;
  tenant_id: string;
  status: MeasureDeadlineState['status'];
  deadline: string | null;
  owner_user_id: string | null;
  version: number;
  escalation_level: number;
  reminded_at: Date | null;
  escalated_at: Date | null;
  created_at: Date;
}

/** Select list for MeasureDeadlineRow over the alias `m`. */
export const MEASURE_DEADLINE_COLUMNS = `m.id, m.tenant_id, m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.owner_user_id, m.version,
  m.escalation_level, m.reminded_at, m.escalated_at, m.created_at`;

export const measureDeadlineState = (row: MeasureDeadlineRow): MeasureDeadlineState => ({
  createdAt: row.created_at,
  deadline: row.deadline,
  escalatedAt: row.escalated_at,
  escalationLevel: row.escalation_level,
  id: row.id,
  ownerUserId: row.owner_user_id,
  remindedAt: row.reminded_at,
  status: row.status,
  tenantId: row.tenant_id,
  version: row.version,
});

/** Deadline work to do once the transaction that changed a measure has committed. */
export interface MeasureDeadlinePlan {
  cancel: DeadlineJobData[];
  schedule: ScheduledDeadline | null;
}

/**
 * Keeps a measure's deadline job in step with the measure (ADR 0009): MeasuresService, the one writer of
 * measures, calls `snapshot` before and `afterWrite` after its write in the caller's transaction, and `apply`
 * after the commit (MeasuresService.afterCommit). A change that matters bumps the measure's version, so a job
 * already running for the old state is a no-op; the old job is removed and the new one added.
 */
@Injectable()
export class MeasureDeadlines {
  private readonly logger = new Logger(MeasureDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  /** The measure's deadline state (lock the row first when a write follows). */
  async snapshot(manager: EntityManager, measureId: string): Promise<MeasureDeadlineState | null> {
    const [row] = (await manager.query(`SELECT ${MEASURE_DEADLINE_COLUMNS} FROM measure m WHERE m.id = $1`, [
      measureId,
    ])) as MeasureDeadlineRow[];
    return row ? measureDeadlineState(row) : null;
  }

  /**
   * After the measure row was inserted (`before` null) or updated: restart the reminder and escalation when
   * the deadline, the person responsible or reopening calls for it, stop when the measure is finished, and
   * return what to schedule and cancel after the commit.
   */
  async afterWrite(manager: EntityManager, measureId: string, before: MeasureDeadlineState | null): Promise<MeasureDeadlinePlan> {
    const now = new Date();
    const after = await this.snapshot(manager, measureId);
    if (!after) return { cancel: before ? this.jobsOf(before, now) : [], schedule: null };
    if (!before) return { cancel: [], schedule: pendingMeasureDeadline(after, now) };
    const change = measureDeadlineChange(before, after);
    if (change === 'none') return { cancel: [], schedule: null };
    const [rows] = (await manager.query(
      `UPDATE measure AS m SET version = m.version + 1,
         escalation_level = CASE WHEN $2 THEN 0 ELSE m.escalation_level END, reminded_at = CASE WHEN $2 THEN NULL ELSE m.reminded_at END,
         escalated_at = CASE WHEN $2 THEN NULL ELSE m.escalated_at END, updated_at = now()
       WHERE m.id = $1 RETURNING ${MEASURE_DEADLINE_COLUMNS}`,
      [measureId, change === 'restart'],
    )) as [MeasureDeadlineRow[], number];
    const updated = rows[0];
    return { cancel: this.jobsOf(before, now), schedule: updated ? pendingMeasureDeadline(measureDeadlineState(updated), now) : null };
  }

  /** After the commit. A Redis failure is logged, not thrown: the change is committed and the sweep re-schedules. */
  async apply(plan: MeasureDeadlinePlan | null): Promise<void> {
    if (!plan) return;
    try {
      for (const job of plan.cancel) await this.scheduler.cancel(job);
      if (plan.schedule) await this.scheduler.schedule(plan.schedule.data, plan.schedule.runAt);
    } catch (error) {
      this.logger.warn({
        err: error instanceof Error ? error.message : String(error),
        msg: 'measure deadline not (re)scheduled; the sweep retries',
      });
    }
  }

  /**
   * Outbox sweep (maintenance): the deadline job of every open measure with a deadline, all of them, page by page
   * (keyset on id). Job ids are
   * deterministic, so jobs already queued stay as they are. Returns how many measures it looked at.
   */
  async requeueOpen(): Promise<number> {
    return keysetPages<MeasureDeadlineRow>(
      this.dataSource,
      `SELECT ${MEASURE_DEADLINE_COLUMNS} FROM measure m WHERE m.deadline IS NOT NULL AND m.status NOT IN ('done', 'cancelled')`,
      (rows) => {
        const now = new Date();
        return this.scheduler.scheduleMany(rows.flatMap((row) => pendingMeasureDeadline(measureDeadlineState(row), now) ?? []));
      },
    );
  }

  /**
   * The jobs the old state may have queued: its pending one, and the reminder it replaced if the deadline
   * passed before the reminder ran (both are ids of the same version; removing a missing job is a no-op).
   */
  private jobsOf(state: MeasureDeadlineState, now: Date): DeadlineJobData[] {
    const pending = pendingMeasureDeadline(state, now)?.data;
    if (!pending) return [];
    return pending.deadline === 'due' && pending.level === 0 && state.remindedAt === null
      ? [pending, { ...pending, deadline: 'remind' }]
      : [pending];
  }
}
