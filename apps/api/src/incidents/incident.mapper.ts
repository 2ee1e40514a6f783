import type { IncidentSummary } from '@helhet/shared';

import type { EntityRow, LeftJoined, Prefixed } from '../core/database/entity-row';
import type { OrgUnit } from '../organisation/entities/org-unit.entity';
import type { User } from '../users/entities/user.entity';
import type { Incident } from './entities/incident.entity';
import type { IncidentCategory } from './entities/incident-category.entity';

type CategoryRef = EntityRow<IncidentCategory, 'code' | 'id' | 'label'>;

/** The deadline that applies in the current state: acknowledge while registered, then close; none once done. */
export const DUE_AT_SQL = `CASE WHEN i.status = 'registered' THEN i.acknowledge_due_at WHEN i.status IN ('in_progress', 'measures') THEN i.close_due_at END`;

/** Summary columns — no free text, so they are safe for every list. Needs aliases i, c, s, u, h. */
export const INCIDENT_SUMMARY_COLUMNS = `i.id, i.number, i.kind, i.status, i.severity_actual, i.severity_potential, i.occurred_at, i.reported_at,
  i.escalation_level, ${DUE_AT_SQL} AS due_at,
  c.id AS category_id, c.code AS category_code, c.label AS category_label, c.restriction,
  s.id AS sub_id, s.code AS sub_code, s.label AS sub_label,
  u.id AS unit_id, u.name AS unit_name, h.id AS handler_id, h.name AS handler_name`;

export const INCIDENT_FROM = `FROM incident i
  JOIN incident_category c ON c.id = i.category_id
  LEFT JOIN incident_category s ON s.id = i.subcategory_id
  JOIN org_unit u ON u.id = i.org_unit_id
  LEFT JOIN app_user h ON h.id = i.handler_user_id`;

/** The row of INCIDENT_SUMMARY_COLUMNS, typed from the entities (ADR 0014: a renamed or retyped column breaks compilation). */
export type IncidentSummaryRow = EntityRow<
  Incident,
  'escalationLevel' | 'id' | 'kind' | 'number' | 'occurredAt' | 'reportedAt' | 'severityActual' | 'severityPotential' | 'status'
> & { due_at: Incident['acknowledgeDueAt'] | null } & Prefixed<'category', CategoryRef> &
  EntityRow<IncidentCategory, 'restriction'> &
  Prefixed<'sub', LeftJoined<CategoryRef>> &
  Prefixed<'unit', EntityRow<OrgUnit, 'id' | 'name'>> &
  Prefixed<'handler', LeftJoined<EntityRow<User, 'id' | 'name'>>>;

export const toIncidentSummary = (row: IncidentSummaryRow, now: Date = new Date()): IncidentSummary => ({
  category: { code: row.category_code, id: row.category_id, label: row.category_label },
  dueAt: row.due_at?.toISOString() ?? null,
  escalationLevel: row.escalation_level,
  handler: row.handler_id ? { id: row.handler_id, name: row.handler_name ?? '' } : null,
  id: row.id,
  kind: row.kind,
  number: row.number,
  occurredAt: row.occurred_at.toISOString(),
  orgUnit: { id: row.unit_id, name: row.unit_name },
  overdue: row.due_at !== null && row.due_at.getTime() < now.getTime(),
  reportedAt: row.reported_at.toISOString(),
  restricted: row.restriction !== 'none',
  severityActual: row.severity_actual,
  severityPotential: row.severity_potential,
  status: row.status,
  subcategory: row.sub_id ? { code: row.sub_code ?? '', id: row.sub_id, label: row.sub_label ?? '' } : null,
});
