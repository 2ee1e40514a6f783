import { type DeliveryFailureResponse, type InboxNotificationResponse, PERMISSIONS } from '@helhet/shared';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';

const uuid = new ParseUUIDPipe({ version: undefined });

/** The signed-in user's inbox. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async inbox(@CurrentUser() auth: AuthContext): Promise<InboxNotificationResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, incident_id, risk_analysis_id, created_at, read_at FROM notification
        WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC, id LIMIT 50`,
      [auth.tenantId, auth.userId],
    )) as {
      id: string;
      kind: InboxNotificationResponse['kind'];
      title: string;
      incident_id: string | null;
      risk_analysis_id: string | null;
      created_at: Date;
      read_at: Date | null;
    }[];
    return rows.map((row) => ({
      createdAt: row.created_at.toISOString(),
      id: row.id,
      incidentId: row.incident_id,
      kind: row.kind,
      readAt: row.read_at?.toISOString() ?? null,
      riskAnalysisId: row.risk_analysis_id,
      title: row.title,
    }));
  }

  @Post(':id/read')
  @HttpCode(204)
  async markRead(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND tenant_id = $2 AND user_id = $3`,
      [id, auth.tenantId, auth.userId],
    );
  }
}

/** Deliveries that failed for good or whose outcome is unknown: administrators follow them up by hand. */
@ApiTags('notifications')
@Controller('notification-deliveries')
export class NotificationDeliveriesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('problems')
  @RequirePermission(PERMISSIONS.deliveriesRead)
  async problems(@CurrentUser() auth: AuthContext): Promise<DeliveryFailureResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.channel, d.status, d.attempts, d.last_error, d.updated_at, n.kind, u.id AS user_id, u.name AS user_name
         FROM notification_delivery d JOIN notification n ON n.id = d.notification_id JOIN app_user u ON u.id = n.user_id
        WHERE d.tenant_id = $1 AND d.status IN ('failed', 'uncertain') ORDER BY d.updated_at DESC LIMIT 200`,
      [auth.tenantId],
    )) as {
      id: string;
      channel: 'email';
      status: 'failed' | 'uncertain';
      attempts: number;
      last_error: string | null;
      updated_at: Date;
      kind: DeliveryFailureResponse['notificationKind'];
      user_id: string;
      user_name: string;
    }[];
    return rows.map((row) => ({
      attempts: row.attempts,
      channel: row.channel,
      id: row.id,
      lastError: row.last_error,
      notificationKind: row.kind,
      recipient: { id: row.user_id, name: row.user_name },
      status: row.status,
      updatedAt: row.updated_at.toISOString(),
    }));
  }
}
