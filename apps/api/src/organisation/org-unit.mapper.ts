import type { OrgUnitSummary } from '@helhet/shared';

import type { UserRef } from '../users/user-directory';

/** Raw row of ORG_UNIT_SUMMARY_COLUMNS. */
export interface OrgUnitSummaryRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level_type: OrgUnitSummary['levelType'];
  service_type: OrgUnitSummary['serviceType'];
  depth: number;
  active: boolean;
  child_count: number;
  leader_id: string | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  headcount: number | null;
}

/** Columns of a unit summary; expects the alias `u` (org_unit). Leader names come from the UserDirectory. */
export const ORG_UNIT_SUMMARY_COLUMNS = `
  u.id, u.parent_id, u.code, u.name, u.level_type, u.service_type, u.path::text AS path, u.headcount,
  nlevel(u.path) - 1 AS depth,
  (u.valid_from <= CURRENT_DATE AND (u.valid_to IS NULL OR u.valid_to > CURRENT_DATE)) AS active,
  to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to,
  (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id AND c.tenant_id = u.tenant_id
      AND (c.valid_to IS NULL OR c.valid_to > CURRENT_DATE)) AS child_count,
  u.leader_user_id AS leader_id`;

/** `leaders`: the UserDirectory refs of the rows' leaders (`leaderIds`). */
export const toOrgUnitSummary = (row: OrgUnitSummaryRow, leaders: ReadonlyMap<string, UserRef>): OrgUnitSummary => ({
  active: row.active,
  childCount: Number(row.child_count),
  code: row.code,
  depth: Number(row.depth),
  id: row.id,
  leader: row.leader_id ? { id: row.leader_id, name: leaders.get(row.leader_id)?.name ?? '' } : null,
  levelType: row.level_type,
  name: row.name,
  parentId: row.parent_id,
  serviceType: row.service_type,
});

/** The leader ids of unit rows, for `UserDirectory.refs`. */
export const leaderIds = (rows: readonly OrgUnitSummaryRow[]): string[] => rows.flatMap((row) => (row.leader_id ? [row.leader_id] : []));
