import {
  acknowledgeDeadline,
  canApply,
  closeDeadline,
  closureProblems,
  effectiveLeaders,
  type IncidentAction,
  type IncidentStatus,
  type MeasureStatus,
  type NotificationRecipient,
  requiredNotifications,
  type Severity,
  statusAfter,
  worstSeverity,
} from '@helhet/domain';
import type { FieldError, IncidentResponse } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AttachmentStore } from '../attachments/attachment-store';
import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import type { DeadlineJobData } from '../escalations/deadline-job';
import { DeadlineScheduler } from '../escalations/deadline-scheduler';
import { type MeasureDeadlinePlan, MeasureDeadlines } from '../measures/measure-deadlines.service';
import { NotificationDeliveryProducer } from '../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../notifications/notifications.service';
import { ManagementLineReader } from '../organisation/management-line.reader';
import type {
  IncidentCommentDto,
  IncidentTransitionDto,
  InjuryRecordDto,
  MeasureDto,
  PersonalDataBreachDto,
  RecordExternalNotificationDto,
  UpdateMeasureDto,
} from './dto/incident.dto';
import { incidentAccess } from './incident-access';
import { pendingDeadline } from './incident-deadline';
import { IncidentFilingService } from './incident-filing.service';
import { attachmentProblems, safeFileName, type UploadedFile } from './incident-rules';
import { IncidentsQuery } from './incidents.query';

/** The case row as the workflow needs it, loaded FOR UPDATE. */
export interface LockedIncident {
  id: string;
  tenant_id: string;
  number: string;
  status: IncidentStatus;
  kind: IncidentResponse['kind'];
  version: number;
  escalation_level: number;
  org_unit_id: string;
  handler_user_id: string | null;
  responsible_user_id: string | null;
  severity_actual: Severity | null;
  severity_potential: Severity | null;
  affected_party_type: IncidentResponse['affectedPartyType'];
  reported_at: Date;
  acknowledge_due_at: Date;
  close_due_at: Date;
  restriction: 'none' | 'injury' | 'infosec';
  category_code: string;
  category_label: string;
  can_handle: boolean;
  is_staff: boolean;
  is_infosec: boolean;
}

/** What to do once the transaction has committed: e-mails to enqueue, the deadline job to replace. */
interface Effects {
  deliveries: string[];
  before: DeadlineJobData | null;
}

const requireNote = (dto: IncidentTransitionDto, why: string): void => {
  if (!dto.note) throw fieldProblems([{ field: 'note', reasons: [why] }]);
};

/**
 * Moves cases through the workflow of libs/domain (incident-workflow.ts) and keeps their measures,
 * sub-records, legal checklist and attachments. Each call is one transaction with its history event and
 * audit row; the deadline job and notifications follow after the commit.
 */
@Injectable()
export class IncidentWorkflowService {
  private readonly logger = new Logger(IncidentWorkflowService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: IncidentsQuery,
    private readonly lines: ManagementLineReader,
    private readonly settings: TenantSettingsService,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly deadlines: DeadlineScheduler,
    private readonly filing: IncidentFilingService,
    private readonly store: AttachmentStore,
    private readonly measureDeadlines: MeasureDeadlines,
  ) {}

  async transition(auth: AuthContext, id: string, dto: IncidentTransitionDto): Promise<IncidentResponse> {
    return this.change(auth, id, 'handle', async (manager, incident, effects) => {
      if (!canApply(incident.status, dto.action)) {
        throw new DomainException('INCIDENT_TRANSITION_NOT_ALLOWED', `Cannot ${dto.action} a case that is ${incident.status}`, {
          action: dto.action,
          status: incident.status,
        });
      }
      const next = statusAfter(incident.status, dto.action) ?? incident.status;
      const now = new Date();
      const set: Record<string, unknown> = { status: next };
      const details: Record<string, unknown> = {};
      const policy = await this.settings.incidentDeadlines(manager, auth.tenantId);
      const severity = worstSeverity(incident.severity_actual, incident.severity_potential);
      switch (dto.action) {
        case 'acknowledge':
          Object.assign(set, { acknowledged_at: now, escalation_level: 0 });
          break;
        case 'assign_handler': {
          if (!dto.handlerUserId) throw fieldProblems([{ field: 'handlerUserId', reasons: ['is required'] }]);
          await this.requireActiveUser(manager, auth.tenantId, dto.handlerUserId, 'handlerUserId');
          set['handler_user_id'] = dto.handlerUserId;
          details['handlerUserId'] = dto.handlerUserId;
          effects.deliveries.push(
            ...(await this.notify(
              manager,
              incident,
              [dto.handlerUserId],
              'incident_assigned',
              `incident:${id}:assigned:${incident.version}`,
            )),
          );
          break;
        }
        case 'forward': {
          requireNote(dto, 'say why the case goes to another unit');
          if (!dto.toOrgUnitId) throw fieldProblems([{ field: 'toOrgUnitId', reasons: ['is required'] }]);
          const [unit] = (await manager.query(
            `SELECT id FROM org_unit WHERE tenant_id = $1 AND id = $2 AND (valid_to IS NULL OR valid_to > CURRENT_DATE)`,
            [auth.tenantId, dto.toOrgUnitId],
          )) as { id: string }[];
          if (!unit || unit.id === incident.org_unit_id)
            throw fieldProblems([{ field: 'toOrgUnitId', reasons: ['must be another active unit'] }]);
          const { line } = await this.lines.forUnit(manager, auth.tenantId, unit.id);
          const responsible = effectiveLeaders(line)[0] ?? null;
          Object.assign(set, {
            acknowledge_due_at: acknowledgeDeadline(now, severity, policy, await this.settings.incidentSeverities(manager, auth.tenantId)),
            close_due_at: closeDeadline(now, severity, policy),
            escalated_to_user_ids: [],
            escalation_level: 0,
            handler_user_id: responsible,
            org_unit_id: unit.id,
            responsible_user_id: responsible,
          });
          Object.assign(details, { fromOrgUnitId: incident.org_unit_id, toOrgUnitId: unit.id });
          if (responsible) {
            effects.deliveries.push(
              ...(await this.notify(
                manager,
                incident,
                [responsible],
                'incident_forwarded',
                `incident:${id}:forwarded:${incident.version}`,
              )),
            );
          }
          break;
        }
        case 'reject':
          requireNote(dto, 'give the reason for rejecting');
          Object.assign(set, { closed_at: now, closed_by_user_id: auth.userId, feedback_to_reporter: dto.feedbackToReporter ?? dto.note });
          break;
        case 'plan_measures': {
          const measures = await this.measureStatuses(manager, id);
          if (!measures.some((status) => status !== 'cancelled'))
            throw fieldProblems([{ field: 'measures', reasons: ['add a measure first'] }]);
          break;
        }
        case 'close': {
          const problems = closureProblems({
            causeCategory: dto.causeCategory ?? null,
            closureSummary: dto.closureSummary ?? null,
            feedbackToReporter: dto.feedbackToReporter ?? null,
            kind: incident.kind,
            measures: (await this.measureStatuses(manager, id)).map((status) => ({ status })),
            noMeasureReason: dto.noMeasureReason ?? null,
          });
          if (problems.length > 0) throw fieldProblems(problems.map((p) => ({ field: p.field, reasons: [p.reason] })));
          Object.assign(set, {
            cause_category: dto.causeCategory ?? null,
            closed_at: now,
            closed_by_user_id: auth.userId,
            closure_summary: dto.closureSummary,
            feedback_to_reporter: dto.feedbackToReporter,
            no_measure_reason: dto.noMeasureReason ?? null,
          });
          break;
        }
        case 'reopen':
          requireNote(dto, 'say why the case is reopened');
          Object.assign(set, {
            close_due_at: closeDeadline(now, severity, policy),
            closed_at: null,
            closed_by_user_id: null,
            escalation_level: 0,
          });
          break;
      }
      await this.update(manager, incident, set);
      await this.event(manager, incident, auth.userId, {
        action: dto.action,
        details,
        from: incident.status,
        note: dto.note ?? null,
        to: next,
        type: 'transition',
      });
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: {
          handlerUserId: set['handler_user_id'] ?? incident.handler_user_id,
          orgUnitId: set['org_unit_id'] ?? incident.org_unit_id,
          status: next,
        },
        before: { handlerUserId: incident.handler_user_id, orgUnitId: incident.org_unit_id, status: incident.status },
        entityId: id,
        entityType: 'incident',
        tenantId: auth.tenantId,
      });
    });
  }

  async comment(auth: AuthContext, id: string, dto: IncidentCommentDto): Promise<IncidentResponse> {
    return this.change(
      auth,
      id,
      'staff',
      async (manager, incident) => {
        await this.event(manager, incident, auth.userId, { note: dto.note, type: 'comment' });
      },
      { bumpVersion: false },
    );
  }

  async addMeasure(auth: AuthContext, id: string, dto: MeasureDto): Promise<IncidentResponse> {
    let deadlinePlan: MeasureDeadlinePlan | null = null;
    const response = await this.change(
      auth,
      id,
      'handle',
      async (manager, incident) => {
        if (dto.ownerUserId) await this.requireActiveUser(manager, auth.tenantId, dto.ownerUserId, 'ownerUserId');
        const measure = firstRow(
          (await manager.query(
            `INSERT INTO measure (tenant_id, org_unit_id, title, description, owner_user_id, deadline, status, completed_at, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::varchar, CASE WHEN $7::varchar = 'done' THEN now() END, $8) RETURNING id`,
            [
              auth.tenantId,
              incident.org_unit_id,
              dto.title,
              dto.description ?? null,
              dto.ownerUserId ?? null,
              dto.deadline ?? null,
              dto.status ?? 'planned',
              auth.userId,
            ],
          )) as { id: string }[],
          'measure',
        );
        await manager.query(`INSERT INTO measure_link (tenant_id, measure_id, incident_id) VALUES ($1, $2, $3)`, [
          auth.tenantId,
          measure.id,
          id,
        ]);
        await this.event(manager, incident, auth.userId, { details: { measureId: measure.id, title: dto.title }, type: 'measure' });
        await this.audit.record(manager, {
          action: 'create',
          actorUserId: auth.userId,
          after: {
            deadline: dto.deadline ?? null,
            incidentId: id,
            ownerUserId: dto.ownerUserId ?? null,
            status: dto.status ?? 'planned',
            title: dto.title,
          },
          entityId: measure.id,
          entityType: 'measure',
          tenantId: auth.tenantId,
        });
        deadlinePlan = await this.measureDeadlines.afterWrite(manager, measure.id, null);
      },
      { bumpVersion: false },
    );
    await this.measureDeadlines.apply(deadlinePlan);
    return response;
  }

  async updateMeasure(auth: AuthContext, id: string, measureId: string, dto: UpdateMeasureDto): Promise<IncidentResponse> {
    let deadlinePlan: MeasureDeadlinePlan | null = null;
    const response = await this.change(
      auth,
      id,
      'handle',
      async (manager, incident) => {
        const [before] = (await manager.query(
          `SELECT m.title, m.description, m.owner_user_id, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.status
           FROM measure m JOIN measure_link l ON l.measure_id = m.id WHERE m.id = $1 AND l.incident_id = $2 FOR UPDATE OF m`,
          [measureId, id],
        )) as { title: string; description: string | null; owner_user_id: string | null; deadline: string | null; status: MeasureStatus }[];
        if (!before) throw new DomainException('NOT_FOUND', 'Measure not found on this case');
        const deadlineBefore = await this.measureDeadlines.snapshot(manager, measureId);
        if (dto.ownerUserId) await this.requireActiveUser(manager, auth.tenantId, dto.ownerUserId, 'ownerUserId');
        const after = {
          deadline: dto.deadline === undefined ? before.deadline : dto.deadline,
          description: dto.description === undefined ? before.description : dto.description,
          owner_user_id: dto.ownerUserId === undefined ? before.owner_user_id : dto.ownerUserId,
          status: dto.status ?? before.status,
          title: dto.title ?? before.title,
        };
        await manager.query(
          `UPDATE measure SET title = $2, description = $3, owner_user_id = $4, deadline = $5, status = $6::varchar,
           completed_at = CASE WHEN $6::varchar = 'done' THEN COALESCE(completed_at, now()) END, updated_at = now() WHERE id = $1`,
          [measureId, after.title, after.description, after.owner_user_id, after.deadline, after.status],
        );
        if (after.status !== before.status) {
          await this.event(manager, incident, auth.userId, {
            details: { from: before.status, measureId, title: after.title, to: after.status },
            type: 'measure',
          });
        }
        await this.audit.record(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after,
          before,
          entityId: measureId,
          entityType: 'measure',
          tenantId: auth.tenantId,
        });
        deadlinePlan = await this.measureDeadlines.afterWrite(manager, measureId, deadlineBefore);
      },
      { bumpVersion: false },
    );
    await this.measureDeadlines.apply(deadlinePlan);
    return response;
  }

  async saveInjury(auth: AuthContext, id: string, dto: InjuryRecordDto): Promise<IncidentResponse> {
    return this.change(
      auth,
      id,
      'handle',
      async (manager, incident) => {
        if (incident.restriction !== 'injury')
          throw fieldProblems([{ field: 'injury', reasons: ['only injury and violence cases have an injury record'] }]);
        if (dto.medicalInfo && !dto.medicalInfoConsent)
          throw fieldProblems([{ field: 'medicalInfo', reasons: ['medical information requires the injured person’s consent'] }]);
        if (dto.injuredUserId)
          await this.requireActiveUser(manager, auth.tenantId, dto.injuredUserId, 'injuredUserId', { activeOnly: false });
        await this.filing.insertInjury(manager, auth.tenantId, id, dto);
        await this.audit.record(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after: { ...dto },
          before: {},
          entityId: id,
          entityType: 'injury_record',
          redact: ['courseOfEvents', 'injuryDescription', 'medicalInfo', 'presumedCauses', 'workBeingDone', 'injuredPersonText'],
          tenantId: auth.tenantId,
        });
      },
      { bumpVersion: false },
    );
  }

  async saveBreach(auth: AuthContext, id: string, dto: PersonalDataBreachDto): Promise<IncidentResponse> {
    return this.change(
      auth,
      id,
      'infosec',
      async (manager, incident) => {
        if (incident.restriction !== 'infosec')
          throw fieldProblems([{ field: 'breach', reasons: ['only information-security cases have a breach record'] }]);
        await this.filing.insertBreach(manager, auth.tenantId, id, dto);
        const required = requiredNotifications({
          affectedPartyType: incident.affected_party_type,
          breach: { discoveredAt: new Date(dto.discoveredAt), riskAssessment: dto.riskAssessment },
          categoryCode: incident.category_code,
          reportedAt: incident.reported_at,
          restriction: incident.restriction,
          severityActual: incident.severity_actual,
          severityPotential: incident.severity_potential,
        }).filter((item) => item.recipient === 'datatilsynet' || item.recipient === 'data_subjects');
        for (const item of required) {
          await manager.query(
            `INSERT INTO external_notification (tenant_id, incident_id, recipient, legal_basis, deadline_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (incident_id, recipient) DO UPDATE SET deadline_at = EXCLUDED.deadline_at, updated_at = now()`,
            [auth.tenantId, id, item.recipient, item.legalBasis, item.deadlineAt],
          );
        }
        await this.audit.record(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after: { ...dto },
          before: {},
          entityId: id,
          entityType: 'personal_data_breach',
          redact: ['possibleConsequences', 'relationToSubjects', 'whereDataNow'],
          tenantId: auth.tenantId,
        });
      },
      { bumpVersion: false },
    );
  }

  async recordExternalNotification(
    auth: AuthContext,
    id: string,
    recipient: NotificationRecipient,
    dto: RecordExternalNotificationDto,
  ): Promise<IncidentResponse> {
    const infosecItem = recipient === 'datatilsynet' || recipient === 'data_subjects';
    return this.change(
      auth,
      id,
      infosecItem ? 'infosec' : 'handle',
      async (manager, incident) => {
        if (new Date(dto.sentAt).getTime() > Date.now() + 10 * 60_000)
          throw fieldProblems([{ field: 'sentAt', reasons: ['must not be in the future'] }]);
        const updated = (await manager.query(
          `UPDATE external_notification SET sent_at = $3, reference = $4, sent_by_user_id = $5, updated_at = now()
          WHERE incident_id = $1 AND recipient = $2 RETURNING id`,
          [id, recipient, new Date(dto.sentAt), dto.reference ?? null, auth.userId],
        )) as [unknown[], number];
        if (updated[1] === 0) throw new DomainException('NOT_FOUND', `No ${recipient} notification on this case`);
        await this.event(manager, incident, auth.userId, {
          details: { recipient, reference: dto.reference ?? null, sentAt: dto.sentAt },
          type: 'external_notification',
        });
        await this.audit.record(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after: { recipient, reference: dto.reference ?? null, sentAt: dto.sentAt },
          entityId: id,
          entityType: 'external_notification',
          tenantId: auth.tenantId,
        });
      },
      { bumpVersion: false },
    );
  }

  async addAttachments(auth: AuthContext, id: string, files: readonly UploadedFile[]): Promise<IncidentResponse> {
    if (files.length === 0) throw fieldProblems([{ field: 'files', reasons: ['choose at least one file'] }]);
    const problems = attachmentProblems(files);
    if (problems.length > 0) throw fieldProblems(problems);
    const staged: Awaited<ReturnType<AttachmentStore['stage']>>[] = [];
    const committed: string[] = [];
    try {
      return await this.change(
        auth,
        id,
        'handle',
        async (manager, incident) => {
          for (const [index, file] of files.entries()) {
            const stored = await this.store.stage(auth.tenantId, file.buffer);
            staged.push(stored);
            await manager.query(
              `INSERT INTO attachment (tenant_id, incident_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                auth.tenantId,
                id,
                safeFileName(file.originalname),
                file.mimetype,
                stored.sizeBytes,
                stored.sha256,
                stored.storageKey,
                auth.userId,
              ],
            );
            await this.event(manager, incident, auth.userId, {
              details: { fileName: safeFileName(file.originalname), index },
              type: 'attachment',
            });
          }
          for (const file of staged) {
            await this.store.commit(file);
            committed.push(file.storageKey);
          }
        },
        { bumpVersion: false },
      );
    } catch (error) {
      await Promise.all([...staged.map((file) => this.store.discard(file)), ...committed.map((key) => this.store.remove(key))]);
      throw error;
    }
  }

  /** Opens an attachment the caller may see (case staff only); the download is access-logged. */
  async openAttachment(auth: AuthContext, id: string, attachmentId: string) {
    const access = incidentAccess(auth, 4);
    const [row] = (await this.dataSource.query(
      `SELECT a.file_name, a.content_type, a.size_bytes, a.storage_key, a.sha256
         FROM attachment a JOIN incident i ON i.id = a.incident_id JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.tenant_id = $1 AND i.id = $2 AND a.id = $3 AND ${access.staff}`,
      [auth.tenantId, id, attachmentId, ...access.params],
    )) as { file_name: string; content_type: string; size_bytes: number; storage_key: string; sha256: string }[];
    if (!row) throw new DomainException('NOT_FOUND', 'Attachment not found');
    await this.dataSource.manager.transaction((manager) => this.auditDownload(manager, auth, attachmentId));
    return {
      contentType: row.content_type,
      fileName: row.file_name,
      sha256: row.sha256,
      sizeBytes: row.size_bytes,
      stream: this.store.open(row.storage_key),
    };
  }

  private async auditDownload(manager: EntityManager, auth: AuthContext, attachmentId: string): Promise<void> {
    await manager.query(
      `INSERT INTO access_log_entry (tenant_id, actor_user_id, purpose, entity_type, entity_id) VALUES ($1, $2, 'download', 'attachment', $3)`,
      [auth.tenantId, auth.userId, attachmentId],
    );
  }

  /**
   * The frame of every change: lock the case, check the caller's right (`handle`: may act on the case;
   * `staff`: may see it as staff; `infosec`: handler or DPO/infosec lead), run `body`, bump the version
   * (so pending deadline jobs go stale), commit; then replace the deadline job and enqueue e-mails.
   */
  private async change(
    auth: AuthContext,
    id: string,
    right: 'handle' | 'staff' | 'infosec',
    body: (manager: EntityManager, incident: LockedIncident, effects: Effects) => Promise<void>,
    options: { bumpVersion?: boolean } = {},
  ): Promise<IncidentResponse> {
    const effects: Effects = { before: null, deliveries: [] };
    let after: LockedIncident | null = null;
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.lock(manager, auth, id);
      const allowed =
        right === 'handle' ? incident.can_handle : right === 'staff' ? incident.is_staff : incident.can_handle || incident.is_infosec;
      if (!allowed) throw new DomainException('FORBIDDEN', 'You may not change this case');
      effects.before = pendingDeadline(this.deadlineState(incident))?.data ?? null;
      await body(manager, incident, effects);
      if (options.bumpVersion !== false) {
        await manager.query(`UPDATE incident SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
        after = await this.lock(manager, auth, id);
      }
    });
    await this.afterCommit(auth.tenantId, effects, after);
    return this.query.get(auth, id);
  }

  private async afterCommit(tenantId: string, effects: Effects, after: LockedIncident | null): Promise<void> {
    try {
      await this.deliveries.enqueue(tenantId, effects.deliveries);
      if (after) {
        if (effects.before) await this.deadlines.cancel(effects.before);
        const next = pendingDeadline(this.deadlineState(after));
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

  deadlineState(incident: LockedIncident) {
    return {
      acknowledgeDueAt: incident.acknowledge_due_at,
      closeDueAt: incident.close_due_at,
      escalationLevel: incident.escalation_level,
      id: incident.id,
      reportedAt: incident.reported_at,
      status: incident.status,
      tenantId: incident.tenant_id,
      version: incident.version,
    };
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

  private async update(manager: EntityManager, incident: LockedIncident, set: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(set);
    await manager.query(
      `UPDATE incident SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [incident.id, ...columns.map((column) => set[column])],
    );
  }

  private async event(
    manager: EntityManager,
    incident: LockedIncident,
    actorUserId: string | null,
    event: {
      type: string;
      action?: IncidentAction;
      from?: IncidentStatus;
      to?: IncidentStatus;
      note?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
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

  private async notify(
    manager: EntityManager,
    incident: LockedIncident,
    userIds: string[],
    kind: 'incident_assigned' | 'incident_forwarded',
    dedupeKey: string,
  ): Promise<string[]> {
    return this.notifications.notify(manager, {
      dedupeKey,
      incidentId: incident.id,
      kind,
      tenantId: incident.tenant_id,
      title: `${incident.number} – ${incident.category_label}`,
      userIds,
    });
  }

  private async measureStatuses(manager: EntityManager, incidentId: string): Promise<MeasureStatus[]> {
    const rows = (await manager.query(
      `SELECT m.status FROM measure m JOIN measure_link l ON l.measure_id = m.id WHERE l.incident_id = $1`,
      [incidentId],
    )) as {
      status: MeasureStatus;
    }[];
    return rows.map((row) => row.status);
  }

  private async requireActiveUser(
    manager: EntityManager,
    tenantId: string,
    userId: string,
    field: string,
    options: { activeOnly?: boolean } = {},
  ): Promise<void> {
    const [user] = (await manager.query(`SELECT active FROM app_user WHERE tenant_id = $1 AND id = $2`, [tenantId, userId])) as {
      active: boolean;
    }[];
    const problems: FieldError[] = [];
    if (!user) problems.push({ field, reasons: ['unknown user'] });
    else if (options.activeOnly !== false && !user.active) problems.push({ field, reasons: ['the user is deactivated'] });
    if (problems.length > 0) throw fieldProblems(problems);
  }
}
