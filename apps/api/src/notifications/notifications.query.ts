import type { DeliveryFailureResponse, InboxNotificationResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import { UserDirectory } from '../users/user-directory';
import type { Notification } from './entities/notification.entity';
import type { NotificationDelivery } from './entities/notification-delivery.entity';

type InboxRow = EntityRow<
  Notification,
  'createdAt' | 'id' | 'incidentId' | 'kind' | 'readAt' | 'riskAnalysisId' | 'subjectUserId' | 'title'
>;
type ProblemRow = EntityRow<NotificationDelivery, 'attempts' | 'channel' | 'id' | 'lastError' | 'updatedAt'> & {
  status: 'failed' | 'uncertain';
} & EntityRow<Notification, 'kind' | 'userId'>;

/** Read side of notifications: a user's inbox and the deliveries administrators follow up by hand. */
@Injectable()
export class NotificationsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
  ) {}

  /** The user's newest 50 notifications. */
  async inbox(tenantId: string, userId: string): Promise<InboxNotificationResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, incident_id, risk_analysis_id, subject_user_id, created_at, read_at FROM notification
        WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC, id LIMIT 50`,
      [tenantId, userId],
    )) as InboxRow[];
    return rows.map((row) => ({
      createdAt: row.created_at.toISOString(),
      id: row.id,
      incidentId: row.incident_id,
      kind: row.kind,
      readAt: row.read_at?.toISOString() ?? null,
      riskAnalysisId: row.risk_analysis_id,
      subjectUserId: row.subject_user_id,
      title: row.title,
    }));
  }

  /** Deliveries that failed for good or whose outcome is unknown, newest first (at most 200). */
  async deliveryProblems(tenantId: string): Promise<DeliveryFailureResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.channel, d.status, d.attempts, d.last_error, d.updated_at, n.kind, n.user_id
         FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
        WHERE d.tenant_id = $1 AND d.status IN ('failed', 'uncertain') ORDER BY d.updated_at DESC LIMIT 200`,
      [tenantId],
    )) as ProblemRow[];
    const recipients = await this.users.refs(
      tenantId,
      rows.map((row) => row.user_id),
    );
    return rows.map((row) => ({
      attempts: row.attempts,
      channel: row.channel,
      id: row.id,
      lastError: row.last_error,
      notificationKind: row.kind,
      recipient: { id: row.user_id, name: recipients.get(row.user_id)?.name ?? '' },
      status: row.status,
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}
