import {
  type DelegationResponse,
  type ManagementLineEntryResponse,
  type OrgUnitResponse,
  type OrgUnitSummary,
  type Page,
  type Permission,
  PERMISSIONS,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { isInUnitScope, unitScope, unitScopeCondition } from '../auth/unit-scope';
import { DomainException } from '../core/http/domain.exception';
import { pageWindow } from '../core/http/page-query.dto';
import { UserDirectory } from '../users/user-directory';
import type { ListOrgUnitsQueryDto } from './dto/org-unit.dto';
import { ManagementLineReader } from './management-line.reader';
import { leaderIds, ORG_UNIT_SUMMARY_COLUMNS, type OrgUnitSummaryRow, toOrgUnitSummary } from './org-unit.mapper';

/** Read side of the organisation tree. Every query is restricted by the unit scope of the caller. */
@Injectable()
export class OrgUnitsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lines: ManagementLineReader,
    private readonly users: UserDirectory,
  ) {}

  async list(auth: AuthContext, query: ListOrgUnitsQueryDto): Promise<Page<OrgUnitSummary>> {
    const { page, pageSize, skip } = pageWindow(query);
    const scope = unitScope(auth, PERMISSIONS.organisationRead);
    const params: unknown[] = [auth.tenantId, scope.subtreePaths, scope.unitIds];
    const where = [`u.tenant_id = $1`, unitScopeCondition('u', 2, 3)];
    if (!query.includeInactive) where.push(`(u.valid_to IS NULL OR u.valid_to > CURRENT_DATE)`);
    if (query.parentId) {
      await this.findRow(this.dataSource.manager, auth, query.parentId, PERMISSIONS.organisationRead);
      params.push(query.parentId);
      where.push(`u.parent_id = $${params.length}`);
    } else if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(u.name ILIKE $${params.length} OR u.code ILIKE $${params.length})`);
    } else {
      // Roots of the caller's scope: visible units whose parent is not visible.
      where.push(`NOT EXISTS (SELECT 1 FROM org_unit p WHERE p.id = u.parent_id AND ${unitScopeCondition('p', 2, 3)})`);
    }
    const from = `FROM org_unit u WHERE ${where.join(' AND ')}`;
    const [countRow] = (await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${ORG_UNIT_SUMMARY_COLUMNS} ${from} ORDER BY ${query.q && !query.parentId ? 'nlevel(u.path), ' : ''}u.name, u.id
        LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    )) as OrgUnitSummaryRow[];
    const leaders = await this.users.refs(auth.tenantId, leaderIds(rows));
    return { items: rows.map((row) => toOrgUnitSummary(row, leaders)), page, pageSize, total: countRow?.total ?? 0 };
  }

  async get(auth: AuthContext, id: string): Promise<OrgUnitResponse> {
    const row = await this.findRow(this.dataSource.manager, auth, id, PERMISSIONS.organisationRead);
    const ancestors = (await this.dataSource.query(
      `SELECT a.id, a.name, a.level_type FROM org_unit a
        WHERE a.tenant_id = $1 AND a.path @> $2::ltree AND a.id <> $3 ORDER BY nlevel(a.path)`,
      [auth.tenantId, row.path, row.id],
    )) as { id: string; name: string; level_type: OrgUnitResponse['levelType'] }[];
    return {
      ...toOrgUnitSummary(row, await this.users.refs(auth.tenantId, leaderIds([row]))),
      ancestors: ancestors.map((a) => ({ id: a.id, levelType: a.level_type, name: a.name })),
      headcount: row.headcount,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    };
  }

  /** The unit's management line today: its leader, then each ancestor's, with stand-ins applied. */
  async managementLine(auth: AuthContext, id: string): Promise<ManagementLineEntryResponse[]> {
    const row = await this.findRow(this.dataSource.manager, auth, id, PERMISSIONS.organisationRead);
    const { chain, line } = await this.lines.forUnit(this.dataSource.manager, auth.tenantId, row.id);
    const userIds = [
      ...new Set(line.flatMap((entry) => [entry.formalLeaderUserId, entry.responsibleUserId]).filter((v): v is string => !!v)),
    ];
    const names = await this.users.refs(auth.tenantId, userIds);
    const ref = (userId: string | null) => (userId ? { id: userId, name: names.get(userId)?.name ?? '' } : null);
    return line.map((entry, index) => ({
      formalLeader: entry.source === 'leader' ? null : ref(entry.formalLeaderUserId),
      levelType: entry.levelType,
      orgUnitId: entry.unitId,
      orgUnitName: chain[index]?.name ?? '',
      responsible: ref(entry.responsibleUserId),
      source: entry.source,
      until: entry.until,
    }));
  }

  async delegations(auth: AuthContext, id: string): Promise<DelegationResponse[]> {
    const row = await this.findRow(this.dataSource.manager, auth, id, PERMISSIONS.organisationRead);
    const rows = await this.lines.delegations(this.dataSource.manager, auth.tenantId, [row.id], { includeFuture: true });
    const users = await this.users.refs(
      auth.tenantId,
      rows.flatMap((d) => [d.from_user_id, d.to_user_id]),
    );
    return rows.map((d) => ({
      from: { id: d.from_user_id, name: users.get(d.from_user_id)?.name ?? '' },
      id: d.id,
      includeDescendants: d.include_descendants,
      orgUnitId: d.org_unit_id,
      reason: d.reason,
      to: { id: d.to_user_id, name: users.get(d.to_user_id)?.name ?? '' },
      validFrom: d.valid_from,
      validTo: d.valid_to,
    }));
  }

  /**
   * Loads one unit the caller may act on with `permission`. Outside their read scope it does not exist
   * for them (404); readable but not permitted is 403.
   */
  async findRow(manager: EntityManager, auth: AuthContext, id: string, permission: Permission): Promise<OrgUnitSummaryRow> {
    const [row] = (await manager.query(
      `SELECT ${ORG_UNIT_SUMMARY_COLUMNS} FROM org_unit u
        WHERE u.tenant_id = $1 AND u.id = $2`,
      [auth.tenantId, id],
    )) as OrgUnitSummaryRow[];
    if (!row || !isInUnitScope(auth, PERMISSIONS.organisationRead, row)) {
      throw new DomainException('ORG_UNIT_NOT_FOUND', 'Organisation unit not found');
    }
    if (!isInUnitScope(auth, permission, row)) throw new DomainException('FORBIDDEN', `Requires permission ${permission} for this unit`);
    return row;
  }
}
