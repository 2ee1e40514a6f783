import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { currentRequestId } from '../core/logging/request-context';
import type { AccessPurpose } from './access-log-entry.entity';

export interface AccessRecord {
  tenantId: string;
  actorUserId: string;
  purpose: AccessPurpose;
  entityType: string;
  entityIds: readonly string[];
  /** Why the reader looked, where they had to say (break-glass). */
  reason?: string | null;
}

/** Logs reads of restricted records (GDPR art. 9 data). Call it in the request that reads, before responding: one INSERT for all rows. */
@Injectable()
export class AccessLogService {
  async record(manager: EntityManager, record: AccessRecord): Promise<void> {
    if (record.entityIds.length === 0) return;
    await manager.query(
      `INSERT INTO access_log_entry (tenant_id, actor_user_id, purpose, entity_type, entity_id, request_id, reason)
       SELECT $1, $2, $3, $4, unnest($5::uuid[]), $6, $7`,
      [record.tenantId, record.actorUserId, record.purpose, record.entityType, record.entityIds, currentRequestId(), record.reason ?? null],
    );
  }
}
