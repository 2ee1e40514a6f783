import type { AuditAction } from '../enums';
import type { PageQuery } from '../page';

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditLogEntryResponse {
  id: string;
  occurredAt: string;
  actor: { id: string; name: string } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  changes: AuditChange[];
  requestId: string | null;
}

export interface ListAuditLogQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  /** ISO date or date-time, inclusive. */
  from?: string;
  /** ISO date or date-time, exclusive. */
  to?: string;
}
