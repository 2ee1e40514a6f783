import type { AuditAction, AuditChange, AuditLogEntryResponse, Page } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { pageWindow } from '../core/http/page-query.dto';
import { incidentAccess } from '../incidents/incident-access';
import { UserDirectory } from '../users/user-directory';
import type { ListAuditLogQueryDto } from './dto/list-audit-log.query.dto';

/** Audit rows whose entity id is the avvik itself. */
const INCIDENT_KEYED = ['incident', 'injury_record', 'personal_data_breach', 'external_notification', 'incident_reporter_reveal'];
/** Audit rows of records that belong to an avvik through a table of their own (or, once deleted, their incidentId field). */
const INCIDENT_CHILDREN = ['attachment', 'incident_risk_link', 'measure_link'];

/**
 * The avvik an audit row is about (ADR 0015): none for configuration rows, one for a case or its sub-records, every
 * linked case for a measure. A deleted child row is traced through the `incidentId` recorded in its changes.
 */
const CASE_IDS = `ARRAY(
    SELECT entry.entity_id WHERE entry.entity_type = ANY($2::text[])
    UNION SELECT a.incident_id FROM attachment a WHERE entry.entity_type = 'attachment' AND a.id = entry.entity_id
    UNION SELECT l.incident_id FROM incident_risk_link l WHERE entry.entity_type = 'incident_risk_link' AND l.id = entry.entity_id
    UNION SELECT ml.incident_id FROM measure_link ml
           WHERE ml.incident_id IS NOT NULL
             AND ((entry.entity_type = 'measure_link' AND ml.id = entry.entity_id) OR (entry.entity_type = 'measure' AND ml.measure_id = entry.entity_id))
    UNION SELECT (COALESCE(ch->>'old', ch->>'new'))::uuid FROM jsonb_array_elements(entry.changes) ch
           WHERE entry.entity_type = ANY($3::text[]) AND ch->>'field' = 'incidentId'
             AND COALESCE(ch->>'old', ch->>'new') ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  )`;

type EntryRow = {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string;
  changes: AuditChange[];
  request_id: string | null;
};

/**
 * Read side of the audit trail: one tenant, newest first, actors named through the UserDirectory.
 * Rows about case records (an avvik and its sub-records, attachments, links and measures) carry the case's own scope:
 * they are listed only to a viewer who may read every case the row is about (incident-access.ts), otherwise they are
 * left out entirely — in SQL, so counts and pages stay right. A child row whose case cannot be traced is left out too.
 */
@Injectable()
export class AuditLogQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
  ) {}

  async list(auth: AuthContext, query: ListAuditLogQueryDto): Promise<Page<AuditLogEntryResponse>> {
    const { page, pageSize, skip } = pageWindow(query);
    const params: unknown[] = [auth.tenantId, INCIDENT_KEYED, INCIDENT_CHILDREN];
    const access = incidentAccess(auth, params.length + 1);
    params.push(...access.params);
    const where = [
      'entry.tenant_id = $1',
      `(CASE
          WHEN cases.ids = '{}' THEN entry.entity_type <> ALL($2::text[]) AND entry.entity_type <> ALL($3::text[])
          ELSE NOT EXISTS (
            SELECT 1 FROM unnest(cases.ids) AS ref(id)
              LEFT JOIN incident i ON i.id = ref.id AND i.tenant_id = entry.tenant_id
              LEFT JOIN incident_category c ON c.id = i.category_id
              LEFT JOIN org_unit u ON u.id = i.org_unit_id
             WHERE i.id IS NULL OR NOT ${access.visible})
        END)`,
    ];
    const filter = (condition: string, value: unknown) => {
      params.push(value);
      where.push(condition.replace('?', `$${params.length}`));
    };
    if (query.entityType) filter('entry.entity_type = ?', query.entityType);
    if (query.entityId) filter('entry.entity_id = ?', query.entityId);
    if (query.actorId) filter('entry.actor_user_id = ?', query.actorId);
    if (query.action) filter('entry.action = ?', query.action);
    if (query.from) filter('entry.occurred_at >= ?', query.from);
    if (query.to) filter('entry.occurred_at < ?', query.to);
    const from = `FROM audit_log_entry entry CROSS JOIN LATERAL (SELECT ${CASE_IDS} AS ids) cases WHERE ${where.join(' AND ')}`;
    const [count] = (await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params)) as { total: number }[];
    const entries = (await this.dataSource.query(
      `SELECT entry.id, entry.occurred_at, entry.actor_user_id, entry.action, entry.entity_type, entry.entity_id, entry.changes, entry.request_id
       ${from} ORDER BY entry.occurred_at DESC, entry.id DESC LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    )) as EntryRow[];
    const actors = await this.users.refs(
      auth.tenantId,
      entries.flatMap((entry) => (entry.actor_user_id ? [entry.actor_user_id] : [])),
    );
    const items = entries.map((entry) => ({
      action: entry.action,
      actor: entry.actor_user_id ? { id: entry.actor_user_id, name: actors.get(entry.actor_user_id)?.name ?? '' } : null,
      changes: entry.changes,
      entityId: entry.entity_id,
      entityType: entry.entity_type,
      id: entry.id,
      occurredAt: entry.occurred_at.toISOString(),
      requestId: entry.request_id,
    }));
    return { items, page, pageSize, total: count?.total ?? 0 };
  }
}
