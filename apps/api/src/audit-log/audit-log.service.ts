import type { AuditAction, AuditChange } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { currentRequestId } from '../core/logging/request-context';
import { diffRecords, type Redactions } from './audit-diff.util';

export interface AuditRecord<T extends object> {
  tenantId: string;
  actorUserId: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction;
  before?: Partial<T> | null;
  after?: Partial<T> | null;
  /** Fields never written in clear text (special-category data): the audit row says only that they changed. */
  redact?: Redactions<T>;
}

/**
 * Writes the audit trail. Always call it with the EntityManager of the transaction that makes the
 * change, so the audit row commits or rolls back with it. A no-op update writes nothing.
 */
@Injectable()
export class AuditLogService {
  async record<T extends object>(manager: EntityManager, record: AuditRecord<T>): Promise<void> {
    const changes: AuditChange[] = diffRecords(record.before ?? null, record.after ?? null, record.redact);
    if (record.action === 'update' && changes.length === 0) return;
    await manager.query(
      `INSERT INTO audit_log_entry (tenant_id, actor_user_id, action, entity_type, entity_id, changes, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [record.tenantId, record.actorUserId, record.action, record.entityType, record.entityId, JSON.stringify(changes), currentRequestId()],
    );
  }
}
