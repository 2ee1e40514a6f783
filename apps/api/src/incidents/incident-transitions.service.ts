import {
  acknowledgeDeadline,
  canApply,
  closeDeadline,
  closureProblems,
  effectiveLeaders,
  statusAfter,
  worstSeverity,
} from '@helhet/domain';
import type { IncidentResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { MeasuresService } from '../measures/measures.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ManagementLineReader } from '../organisation/management-line.reader';
import { OrgDirectory } from '../organisation/org-directory';
import type { IncidentTransitionDto } from './dto/incident-transition.dto';
import { IncidentChangeService } from './incident-change.service';
import type { IncidentEffects, LockedIncident } from './locked-incident.types';

const requireNote = (dto: IncidentTransitionDto, why: string): void => {
  if (!dto.note) throw fieldProblems([{ field: 'note', reasons: [why] }]);
};

/**
 * Moves cases through the workflow of libs/domain (incident-workflow.ts): acknowledge, assign, forward,
 * reject, plan measures, close, reopen. Each call is one transaction with its history event and audit row
 * (IncidentChangeService); the deadline job and notifications follow after the commit.
 */
@Injectable()
export class IncidentTransitionsService {
  constructor(
    private readonly changes: IncidentChangeService,
    private readonly audit: AuditLogService,
    private readonly lines: ManagementLineReader,
    private readonly settings: TenantSettingsService,
    private readonly notifications: NotificationsService,
    private readonly measures: MeasuresService,
    private readonly org: OrgDirectory,
  ) {}

  async transition(auth: AuthContext, id: string, dto: IncidentTransitionDto): Promise<IncidentResponse> {
    return this.changes.change(auth, id, 'handle', async (manager, incident, effects) => {
      if (!canApply(incident.status, dto.action)) {
        throw new DomainException('INCIDENT_TRANSITION_NOT_ALLOWED', `Cannot ${dto.action} a case that is ${incident.status}`, {
          action: dto.action,
          status: incident.status,
        });
      }
      const next = statusAfter(incident.status, dto.action) ?? incident.status;
      const set: Record<string, unknown> = { status: next };
      const details: Record<string, unknown> = {};
      await this.apply(manager, auth, incident, dto, effects, set, details);
      await this.changes.update(manager, incident, set);
      await this.changes.event(manager, incident, auth.userId, {
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

  /** What the action changes besides the status: fills `set` (columns), `details` (history) and `effects` (e-mails). */
  private async apply(
    manager: EntityManager,
    auth: AuthContext,
    incident: LockedIncident,
    dto: IncidentTransitionDto,
    effects: IncidentEffects,
    set: Record<string, unknown>,
    details: Record<string, unknown>,
  ): Promise<void> {
    const now = new Date();
    const policy = await this.settings.incidentDeadlines(manager, auth.tenantId);
    const severity = worstSeverity(incident.severity_actual, incident.severity_potential);
    switch (dto.action) {
      case 'acknowledge':
        Object.assign(set, { acknowledged_at: now, escalation_level: 0 });
        break;
      case 'assign_handler': {
        if (!dto.handlerUserId) throw fieldProblems([{ field: 'handlerUserId', reasons: ['is required'] }]);
        await this.changes.requireUser(manager, auth.tenantId, dto.handlerUserId, 'handlerUserId');
        set['handler_user_id'] = dto.handlerUserId;
        details['handlerUserId'] = dto.handlerUserId;
        effects.deliveries.push(...(await this.notify(manager, incident, [dto.handlerUserId], 'incident_assigned')));
        break;
      }
      case 'forward': {
        requireNote(dto, 'say why the case goes to another unit');
        if (!dto.toOrgUnitId) throw fieldProblems([{ field: 'toOrgUnitId', reasons: ['is required'] }]);
        const unitId = await this.org.activeUnitId(auth.tenantId, dto.toOrgUnitId, manager);
        if (!unitId || unitId === incident.org_unit_id)
          throw fieldProblems([{ field: 'toOrgUnitId', reasons: ['must be another active unit'] }]);
        const { line } = await this.lines.forUnit(manager, auth.tenantId, unitId);
        const responsible = effectiveLeaders(line)[0] ?? null;
        Object.assign(set, {
          acknowledge_due_at: acknowledgeDeadline(now, severity, policy, await this.settings.incidentSeverities(manager, auth.tenantId)),
          close_due_at: closeDeadline(now, severity, policy),
          escalated_to_user_ids: [],
          escalation_level: 0,
          handler_user_id: responsible,
          org_unit_id: unitId,
          responsible_user_id: responsible,
        });
        Object.assign(details, { fromOrgUnitId: incident.org_unit_id, toOrgUnitId: unitId });
        if (responsible) effects.deliveries.push(...(await this.notify(manager, incident, [responsible], 'incident_forwarded')));
        break;
      }
      case 'reject':
        requireNote(dto, 'give the reason for rejecting');
        Object.assign(set, { closed_at: now, closed_by_user_id: auth.userId, feedback_to_reporter: dto.feedbackToReporter ?? dto.note });
        break;
      case 'plan_measures': {
        const measures = await this.measures.statusesOf(manager, { id: incident.id, kind: 'incident' });
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
          measures: (await this.measures.statusesOf(manager, { id: incident.id, kind: 'incident' })).map((status) => ({ status })),
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
  }

  private async notify(
    manager: EntityManager,
    incident: LockedIncident,
    userIds: string[],
    kind: 'incident_assigned' | 'incident_forwarded',
  ): Promise<string[]> {
    const what = kind === 'incident_assigned' ? 'assigned' : 'forwarded';
    return this.notifications.notify(manager, {
      dedupeKey: `incident:${incident.id}:${what}:${incident.version}`,
      incidentId: incident.id,
      kind,
      tenantId: incident.tenant_id,
      title: `${incident.number} – ${incident.category_label}`,
      userIds,
    });
  }
}
