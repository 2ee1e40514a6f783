import type { AuditLogEntryResponse, Page } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { pageWindow } from '../core/http/page-query.dto';
import { UserDirectory } from '../users/user-directory';
import type { ListAuditLogQueryDto } from './dto/list-audit-log.query.dto';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

/** Read side of the audit trail: one tenant, newest first, actors named through the UserDirectory. */
@Injectable()
export class AuditLogQuery {
  constructor(
    @InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>,
    private readonly users: UserDirectory,
  ) {}

  async list(tenantId: string, query: ListAuditLogQueryDto): Promise<Page<AuditLogEntryResponse>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.entries.createQueryBuilder('entry').where('entry.tenant_id = :tenantId', { tenantId });
    if (query.entityType) qb.andWhere('entry.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('entry.actor_user_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('entry.action = :action', { action: query.action });
    if (query.from) qb.andWhere('entry.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('entry.occurred_at < :to', { to: query.to });
    const [entries, total] = await qb
      .orderBy('entry.occurredAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const actors = await this.users.refs(
      tenantId,
      entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])),
    );
    const items = entries.map((entry) => ({
      action: entry.action,
      actor: entry.actorUserId ? { id: entry.actorUserId, name: actors.get(entry.actorUserId)?.name ?? '' } : null,
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
