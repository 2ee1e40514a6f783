import { formatIncidentNumber, parseIncidentNumber } from '@helhet/domain';
import type { RevealReporterResponse } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { AccessLogService } from '../../access-log/access-log.service';
import { AuditLogService } from '../../audit-log/audit-log.service';
import type { AuthContext } from '../../auth/auth-context';
import { firstRow } from '../../core/database/first-row.util';
import { DomainException } from '../../core/http/domain.exception';
import { NotificationDeliveryProducer } from '../../notifications/jobs/notification-delivery.producer';
import { NotificationsService } from '../../notifications/notifications.service';
import { UserDirectory } from '../../users/user-directory';
import { ReporterIdentityService } from './reporter-identity.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Break-glass (domain.md §3.5): the DPO learns who filed a report hidden from the handler. The DPO needs no other
 * access to the case; it must exist in their municipality and be hidden (an anonymous report stores no one, a named
 * one names its reporter already). One transaction writes the access-log row and the audit row (both with the
 * reason), a case-history event (without the identity) and an inbox notification to the reporter; the e-mail
 * follows after the commit.
 */
@Injectable()
export class ReporterRevealService {
  private readonly logger = new Logger(ReporterRevealService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identity: ReporterIdentityService,
    private readonly accessLog: AccessLogService,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    private readonly deliveries: NotificationDeliveryProducer,
    private readonly users: UserDirectory,
  ) {}

  /** `idOrNumber`: the case id, or its number (`2026-000123`) as the DPO is usually given it. */
  async reveal(auth: AuthContext, idOrNumber: string, reason: string): Promise<RevealReporterResponse> {
    const key = incidentKey(idOrNumber);
    if (!key) throw new DomainException('INCIDENT_NOT_FOUND', 'Incident not found');
    const result = await this.dataSource.transaction(async (manager) => {
      const [incident] = (await manager.query(
        `SELECT i.id, i.tenant_id, i.number, i.reporter_visibility, i.reporter_identity_ciphertext, c.label AS category_label
           FROM incident i JOIN incident_category c ON c.id = i.category_id
          WHERE i.tenant_id = $1 AND (i.id = $2::uuid OR i.number = $3)`,
        [auth.tenantId, key.id, key.number],
      )) as {
        id: string;
        tenant_id: string;
        number: string;
        reporter_visibility: string;
        reporter_identity_ciphertext: Buffer | null;
        category_label: string;
      }[];
      if (!incident) throw new DomainException('INCIDENT_NOT_FOUND', 'Incident not found');
      if (incident.reporter_visibility !== 'hidden_from_handler' || !incident.reporter_identity_ciphertext) {
        throw new DomainException(
          'INCIDENT_REPORTER_NOT_HIDDEN',
          incident.reporter_visibility === 'anonymous'
            ? 'An anonymous report stores no reporter'
            : 'The report names its reporter; there is nothing to reveal',
          { reporterVisibility: incident.reporter_visibility },
        );
      }
      const reporterId = this.identity.open(
        { incidentId: incident.id, tenantId: incident.tenant_id },
        incident.reporter_identity_ciphertext,
      );
      const reporter = await this.users.ref(auth.tenantId, reporterId, manager);

      await this.accessLog.record(manager, {
        actorUserId: auth.userId,
        entityIds: [incident.id],
        entityType: 'incident',
        purpose: 'reveal',
        reason,
        tenantId: auth.tenantId,
      });
      // The audit trail and the history say that the DPO looked and why — never whom they saw.
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { incidentId: incident.id, number: incident.number, reason },
        entityId: incident.id,
        entityType: 'incident_reporter_reveal',
        tenantId: auth.tenantId,
      });
      const event = firstRow(
        (await manager.query(
          `INSERT INTO incident_event (tenant_id, incident_id, type, actor_user_id, note) VALUES ($1, $2, 'reporter_revealed', $3, $4) RETURNING id, created_at`,
          [auth.tenantId, incident.id, auth.userId, reason],
        )) as { id: string; created_at: Date }[],
        'incident_event',
      );
      const deliveryIds = await this.notifications.notify(manager, {
        dedupeKey: `incident:${incident.id}:reporter-revealed:${event.id}`,
        incidentId: incident.id,
        kind: 'reporter_identity_revealed',
        tenantId: auth.tenantId,
        title: `${incident.number} – ${incident.category_label}`,
        userIds: [reporterId],
      });
      return {
        deliveryIds,
        response: {
          incidentId: incident.id,
          number: incident.number,
          reporter: { id: reporterId, name: reporter?.name ?? '' },
          revealedAt: event.created_at.toISOString(),
        } satisfies RevealReporterResponse,
      };
    });
    await this.deliveries.enqueue(auth.tenantId, result.deliveryIds);
    this.logger.log({ incidentId: result.response.incidentId, msg: 'hidden reporter revealed (break-glass)' });
    return result.response;
  }
}

/** The case id, or a canonical case number; null for anything that can be neither. */
const incidentKey = (value: string): { id: string | null; number: string | null } | null => {
  if (UUID.test(value)) return { id: value, number: null };
  const parsed = parseIncidentNumber(value);
  if (!parsed) return null;
  try {
    return { id: null, number: formatIncidentNumber(parsed.year, parsed.sequence) };
  } catch {
    return null;
  }
};
