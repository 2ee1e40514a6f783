import type { IncidentStatsResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import type { EntityRow } from '../core/database/entity-row';
import type { IncidentStatsQueryDto } from './dto/incident-stats.query.dto';
import type { IncidentCategory } from './entities/incident-category.entity';
import { INCIDENT_FROM } from './incident.mapper';
import { incidentAccess } from './incident-access';

/** Avvik statistics: counts per category and month. Filtered by incidentAccess like every other read. */
@Injectable()
export class IncidentStatsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts per category and month (Oslo time) of the cases the caller may see as staff. */
  async stats(auth: AuthContext, query: IncidentStatsQueryDto): Promise<IncidentStatsResponse> {
    const months = monthRange(query.fromMonth, query.toMonth);
    const access = incidentAccess(auth, 4);
    const params: unknown[] = [auth.tenantId, months[0], months[months.length - 1], ...access.params];
    const where = [`i.tenant_id = $1`, access.staff, `to_char(i.reported_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') BETWEEN $2 AND $3`];
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = $${params.length})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT c.code, c.label, c.sort_order, to_char(i.reported_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') AS month, count(*)::int AS n
         ${INCIDENT_FROM} WHERE ${where.join(' AND ')} GROUP BY c.code, c.label, c.sort_order, month ORDER BY c.sort_order, c.label`,
      params,
    )) as (EntityRow<IncidentCategory, 'code' | 'label' | 'sortOrder'> & { month: string; n: number })[];
    const byCategory = new Map<string, { categoryCode: string; label: string; counts: number[]; total: number }>();
    for (const row of rows) {
      const entry = byCategory.get(row.code) ?? { categoryCode: row.code, counts: months.map(() => 0), label: row.label, total: 0 };
      const index = months.indexOf(row.month);
      if (index >= 0) entry.counts[index] = (entry.counts[index] ?? 0) + row.n;
      entry.total += row.n;
      byCategory.set(row.code, entry);
    }
    const result = [...byCategory.values()];
    return { months, rows: result, totals: months.map((_, index) => result.reduce((sum, row) => sum + (row.counts[index] ?? 0), 0)) };
  }
}

/** YYYY-MM months from `from` to `to` inclusive; by default the last 12 months up to this one. */
export const monthRange = (from?: string, to?: string, now: Date = new Date()): string[] => {
  const end = to ?? now.toISOString().slice(0, 7);
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  const start = from ?? new Date(Date.UTC(endYear, endMonth - 12, 1)).toISOString().slice(0, 7);
  const months: string[] = [];
  for (
    let cursor = new Date(`${start}-01T00:00:00Z`);
    cursor.toISOString().slice(0, 7) <= end && months.length < 120;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  ) {
    months.push(cursor.toISOString().slice(0, 7));
  }
  return months.length > 0 ? months : [end];
};
