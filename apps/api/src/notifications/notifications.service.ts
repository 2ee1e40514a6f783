import type { InboxNotificationKind } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { UserDirectory } from '../users/user-directory';

export interface NotifyRequest {
  tenantId: string;
  userIds: readonly string[];
  kind: InboxNotificationKind;
  /** Case number and category only: never free text from a case. */
  title: string;
  incidentId: string | null;
  /** The ROS analysis to link to (measures of a risk scenario); null or absent otherwise. */
  riskAnalysisId?: string | null;
  /** The user it is about (a content role was granted, ADR 0015); null or absent otherwise. */
  subjectUserId?: string | null;
  /** Names the event; the same event never reaches the same person twice. */
  dedupeKey: string;
}

/**
 * Writes inbox notifications and their e-mail deliveries in the caller's transaction (an outbox).
 * Returns the new delivery ids: enqueue them with NotificationDeliveryProducer after the commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
  ) {}

  async notify(manager: EntityManager, request: NotifyRequest): Promise<string[]> {
    // Only active users of the tenant are notified.
    const userIds = await this.users.activeIds(request.tenantId, request.userIds, manager);
    if (userIds.length === 0) return [];
    const rows = (await manager.query(
      `WITH created AS (
         INSERT INTO notification (tenant_id, user_id, kind, title, incident_id, dedupe_key, risk_analysis_id, subject_user_id)
         SELECT $1, u.id, $3, $4, $5, $6, $7, $8 FROM unnest($2::uuid[]) AS u(id)
         ON CONFLICT (user_id, dedupe_key) DO NOTHING
         RETURNING id, tenant_id)
       INSERT INTO notification_delivery (tenant_id, notification_id, channel) SELECT tenant_id, id, 'email' FROM created
       RETURNING id`,
      [
        request.tenantId,
        userIds,
        request.kind,
        request.title,
        request.incidentId,
        request.dedupeKey,
        request.riskAnalysisId ?? null,
        request.subjectUserId ?? null,
      ],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Marks one of the user's own notifications read (idempotent; someone else's id changes nothing). */
  async markRead(tenantId: string, userId: string, id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND tenant_id = $2 AND user_id = $3`,
      [id, tenantId, userId],
    );
  }
}
