import { isInFuture, type NotificationRecipient, requiredNotifications } from '@helhet/domain';
import type { IncidentResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { IncidentCommentDto } from './dto/incident-comment.dto';
import type { InjuryRecordDto } from './dto/injury-record.dto';
import type { PersonalDataBreachDto } from './dto/personal-data-breach.dto';
import type { RecordExternalNotificationDto } from './dto/record-external-notification.dto';
import { IncidentChangeService } from './incident-change.service';
import { IncidentSubRecordsService } from './incident-sub-records.service';

/**
 * The records kept on a case besides its status: comments, the injury record (aml § 5-1), the personal-data
 * breach record (GDPR art. 33) with its legal checklist, and external notifications sent. None bumps the
 * case's version: they do not move its deadline.
 */
@Injectable()
export class IncidentRecordsService {
  constructor(
    private readonly changes: IncidentChangeService,
    private readonly audit: AuditLogService,
    private readonly subRecords: IncidentSubRecordsService,
  ) {}

  async comment(auth: AuthContext, id: string, dto: IncidentCommentDto): Promise<IncidentResponse> {
    return this.changes.record(auth, id, 'staff', async (manager, incident) => {
      await this.changes.event(manager, incident, auth.userId, { note: dto.note, type: 'comment' });
    });
  }

  async saveInjury(auth: AuthContext, id: string, dto: InjuryRecordDto): Promise<IncidentResponse> {
    return this.changes.record(auth, id, 'handle', async (manager, incident) => {
      if (incident.restriction !== 'injury')
        throw fieldProblems([{ field: 'injury', reasons: ['only injury and violence cases have an injury record'] }]);
      if (dto.medicalInfo && !dto.medicalInfoConsent)
        throw fieldProblems([{ field: 'medicalInfo', reasons: ['medical information requires the injured person’s consent'] }]);
      if (dto.injuredUserId)
        await this.changes.requireUser(manager, auth.tenantId, dto.injuredUserId, 'injuredUserId', { activeOnly: false });
      await this.subRecords.insertInjury(manager, auth.tenantId, id, dto);
      await this.auditSubRecord(manager, auth, id, 'injury_record', dto, [
        'courseOfEvents',
        'injuryDescription',
        'medicalInfo',
        'presumedCauses',
        'workBeingDone',
        'injuredPersonText',
      ]);
    });
  }

  async saveBreach(auth: AuthContext, id: string, dto: PersonalDataBreachDto): Promise<IncidentResponse> {
    return this.changes.record(auth, id, 'infosec', async (manager, incident) => {
      if (incident.restriction !== 'infosec')
        throw fieldProblems([{ field: 'breach', reasons: ['only information-security cases have a breach record'] }]);
      await this.subRecords.insertBreach(manager, auth.tenantId, id, dto);
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
      await this.auditSubRecord(manager, auth, id, 'personal_data_breach', dto, [
        'possibleConsequences',
        'relationToSubjects',
        'whereDataNow',
      ]);
    });
  }

  async recordExternalNotification(
    auth: AuthContext,
    id: string,
    recipient: NotificationRecipient,
    dto: RecordExternalNotificationDto,
  ): Promise<IncidentResponse> {
    const infosecItem = recipient === 'datatilsynet' || recipient === 'data_subjects';
    return this.changes.record(auth, id, infosecItem ? 'infosec' : 'handle', async (manager, incident) => {
      if (isInFuture(new Date(dto.sentAt), new Date())) throw fieldProblems([{ field: 'sentAt', reasons: ['must not be in the future'] }]);
      const updated = (await manager.query(
        `UPDATE external_notification SET sent_at = $3, reference = $4, sent_by_user_id = $5, updated_at = now()
          WHERE incident_id = $1 AND recipient = $2 RETURNING id`,
        [id, recipient, new Date(dto.sentAt), dto.reference ?? null, auth.userId],
      )) as [unknown[], number];
      if (updated[1] === 0) throw new DomainException('NOT_FOUND', `No ${recipient} notification on this case`);
      await this.changes.event(manager, incident, auth.userId, {
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
    });
  }

  /** The audit row of a saved sub-record: its fields, with the special-category ones only marked as changed. */
  private async auditSubRecord<T extends object>(
    manager: EntityManager,
    auth: AuthContext,
    incidentId: string,
    entityType: 'injury_record' | 'personal_data_breach',
    dto: T,
    redact: (keyof T & string)[],
  ): Promise<void> {
    await this.audit.record<T>(manager, {
      action: 'update',
      actorUserId: auth.userId,
      after: { ...dto },
      before: {},
      entityId: incidentId,
      entityType,
      redact,
      tenantId: auth.tenantId,
    });
  }
}
