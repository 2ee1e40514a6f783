import { type AuditLogEntryResponse, type Page, PERMISSIONS } from '@helhet/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/decorators/require-permission.decorator';
import { pageWindow } from '../core/http/page-query.dto';
import { ListAuditLogQueryDto } from './dto/list-audit-log.query.dto';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

/** Read side of the audit trail: administrators, own tenant only, newest first. */
@ApiTags('audit-log')
@Controller('audit-log')
export class AuditLogController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission(PERMISSIONS.auditRead)
  async list(@CurrentUser() auth: AuthContext, @Query() query: ListAuditLogQueryDto): Promise<Page<AuditLogEntryResponse>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.dataSource
      .getRepository(AuditLogEntry)
      .createQueryBuilder('entry')
      .leftJoin('app_user', 'actor', 'actor.id = entry.actor_user_id AND actor.tenant_id = entry.tenant_id')
      .addSelect('actor.name', 'actor_name')
      .where('entry.tenant_id = :tenantId', { tenantId: auth.tenantId });
    if (query.entityType) qb.andWhere('entry.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('entry.actor_user_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('entry.action = :action', { action: query.action });
    if (query.from) qb.andWhere('entry.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('entry.occurred_at < :to', { to: query.to });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('entry.occurredAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .offset(skip)
      .limit(pageSize)
      .getRawAndEntities();
    const items = entities.map((entry, index) => ({
      action: entry.action,
      actor: entry.actorUserId ? { id: entry.actorUserId, name: String((raw[index] as { actor_name?: string }).actor_name ?? '') } : null,
      changes: entry.changes,
      entityId: entry.entityId,
      entityType: entry.entityType,
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      requestId: entry.requestId,
    }));
    return { items, page, pageSize, total };
  }
}
