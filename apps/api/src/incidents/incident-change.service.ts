import type { FieldError, IncidentResponse } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { DeadlineJobData } from '../escalations/deadline-job';
import { DeadlineScheduler } from '../escalations/deadline-scheduler';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { UserDirectory } from '../users/user-directory';
import { incidentAccess } from './incident-access';
import { type IncidentDeadlineState, pendingDeadline } from './incident-deadline';
import { IncidentsQuery } from './incidents.query';
import type { IncidentEffects, IncidentEventInput, IncidentRight, LockedIncident } from './locked-incident.types';

/** A change's body: runs inside the transaction with the locked case. */
export type IncidentChangeBody = (manager: EntityManager, incident: LockedIncident, effects: IncidentEffects) => Promise<void>;

/**
 * The frame every change of a case runs in (transitions, measures, records, attachments): lock the case,
 * check the caller's right, run the body, bump the version (so pending deadline jobs go stale), commit; then
 * replace the deadline job and enqueue e-mails. Also the case history and the user checks the changes share.
 */
@Injectable()
export class IncidentChangeService {
  private readonly logger = new Logger(IncidentChangeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: IncidentsQuery,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly deadlines: DeadlineScheduler,
    private readonly users: UserDirectory,
  ) {}

  async change(
    auth: AuthContext,
    id: string,
    right: IncidentRight,
    body: IncidentChangeBody,
    options: { bumpVersion?: boolean } = {},
  ): Promise<IncidentResponse> {
    const effects: IncidentEffects = { deliveries: [] };
    let before: DeadlineJobData | null = null;
    let after: LockedIncident | null = null;
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.lock(manager, auth, id);
      const allowed =
        right === 'handle' ? incident.can_handle : right === 'staff' ? incident.is_staff : incident.can_handle || incident.is_infosec;
      if (!allowed) throw new DomainException('FORBIDDEN', 'You may not change this case');
      before = pendingDeadline(deadlineState(incident))?.data ?? null;
      await body(manager, incident, effects);
      if (options.bumpVersion !== false) {
        await manager.query(`UPDATE incident SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
        after = await this.lock(manager, auth, id);
      }
    });
    await this.afterCommit(auth.tenantId, effects, before, after);
    return this.query.get(auth, id);
  }

  /** A change that records something on the case without moving its deadline: the version stays, no deadline job is replaced. */
  async record(auth: AuthContext, id: string, right: IncidentRight, body: IncidentChangeBody): Promise<IncidentResponse> {
    return this.change(auth, id, right, body, { bumpVersion: false });
  }

  /** Sets columns of the locked case (names are the workflow's own constants, never input). */
  async update(manager: EntityManager, incident: LockedIncident, set: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(set);
    await manager.query(
      `UPDATE incident SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [incident.id, ...columns.map((column) => set[column])],
    );
  }

  /** Appends a row to the case history. */
  async event(manager: EntityManager, incident: LockedIncident, actorUserId: string | null, event: IncidentEventInput): Promise<void> {
    await manager.query(
      `INSERT INTO incident_event (tenant_id, incident_id, type, action, from_status, to_status, actor_user_id, note, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      [
        incident.tenant_id,
        incident.id,
        event.type,
        event.action ?? null,
        event.from ?? null,
        event.to ?? null,
        actorUserId,
        event.note ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    );
  }

  /** 400 naming `field` unless `userId` is a user of the tenant (and active, unless `activeOnly: false`). */
  async requireUser(
    manager: EntityManager,
    tenantId: string,
    userId: string,
    field: string,
    options: { activeOnly?: boolean } = {},
  ): Promise<void> {
    const status = await this.users.status(tenantId, userId, manager);
    const problems: FieldError[] = [];
    if (status === 'unknown') problems.push({ field, reasons: ['unknown user'] });
    else if (options.activeOnly !== false && status === 'deactivated') problems.push({ field, reasons: ['the user is deactivated'] });
    if (problems.length > 0) throw fieldProblems(problems);
  }

  private async afterCommit(
    tenantId: string,
    effects: IncidentEffects,
    before: DeadlineJobData | null,
    after: LockedIncident | null,
  ): Promise<void> {
    try {
      await this.deliveries.enqueue(tenantId, effects.deliveries);
      if (after) {
        if (before) await this.deadlines.cancel(before);
        const next = pendingDeadline(deadlineState(after));
        if (next) await this.deadlines.schedule(next.data, next.runAt);
      }
    } catch (error) {
      // The maintenance sweep re-enqueues pending deliveries and re-schedules open cases' deadlines.
      this.logger.warn({
        err: error instanceof Error ? error.message : String(error),
        msg: 'post-commit queue work failed; the sweep retries',
      });
    }
  }

  private async lock(manager: EntityManager, auth: AuthContext, id: string): Promise<LockedIncident> {
    const access = incidentAccess(auth, 3);
    const infosec = `(c.restriction = 'infosec' AND ${access.staff})`;
    const [row] = (await manager.query(
      `SELECT i.id, i.tenant_id, i.number, i.status, i.kind, i.version, i.escalation_level, i.org_unit_id, i.handler_user_id, i.responsible_user_id,
              i.severity_actual, i.severity_potential, i.affected_party_type, i.reported_at, i.acknowledge_due_at, i.close_due_at,
              c.restriction, c.code AS category_code, c.label AS category_label,
              ${access.handle} AS can_handle, ${access.staff} AS is_staff, ${infosec} AS is_infosec, ${access.visible} AS visible
         FROM incident i JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.tenant_id = $1 AND i.id = $2 FOR UPDATE OF i`,
      [auth.tenantId, id, ...access.params],
    )) as (LockedIncident & { visible: boolean })[];
    if (!row || !row.visible) throw new DomainException('INCIDENT_NOT_FOUND', 'Incident not found');
    return row;
  }
}

const deadlineState = (incident: LockedIncident): IncidentDeadlineState => ({
  acknowledgeDueAt: incident.acknowledge_due_at,
  closeDueAt: incident.close_due_at,
  escalationLevel: incident.escalation_level,
  id: incident.id,
  reportedAt: incident.reported_at,
  status: incident.status,
  tenantId: incident.tenant_id,
  version: incident.version,
});
