import { type DeliveryFailureResponse, type InboxNotificationResponse, PERMISSIONS } from '@helhet/shared';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { NotificationsQuery } from './notifications.query';
import { NotificationsService } from './notifications.service';

const uuid = new ParseUUIDPipe({ version: undefined });

/** The signed-in user's inbox. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly query: NotificationsQuery,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  inbox(@CurrentUser() auth: AuthContext): Promise<InboxNotificationResponse[]> {
    return this.query.inbox(auth.tenantId, auth.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.notifications.markRead(auth.tenantId, auth.userId, id);
  }
}

/** Deliveries that failed for good or whose outcome is unknown: administrators follow them up by hand. */
@ApiTags('notifications')
@Controller('notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly query: NotificationsQuery) {}

  @Get('problems')
  @RequirePermission(PERMISSIONS.deliveriesRead)
  problems(@CurrentUser() auth: AuthContext): Promise<DeliveryFailureResponse[]> {
    return this.query.deliveryProblems(auth.tenantId);
  }
}
