import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import type { OrgUnit } from './entities/org-unit.entity';

/** A unit as other features show and sort it. `path` is the ltree as text (sorts parents before children). */
export type OrgUnitRef = EntityRow<OrgUnit, 'id' | 'leaderUserId' | 'levelType' | 'name' | 'parentId' | 'path'>;

/** A unit offered in a picker: id and name, with its parent's name to tell namesakes apart. */
export type OrgUnitChoice = EntityRow<OrgUnit, 'id' | 'name'> & { parent_name: OrgUnit['name'] | null };

/** Active today: `valid_to` is exclusive (the first day the unit is no longer active). Alias `u`. */
const ACTIVE = `(u.valid_to IS NULL OR u.valid_to > CURRENT_DATE)`;

/**
 * The shared read model of the organisation tree (ADR 0014): features that need a unit's name, level, leader or
 * path ask here instead of querying `org_unit` themselves. The organisation module owns the table. Scope filters
 * over subtrees stay in SQL (`unitScopeCondition`), where one ltree predicate earns its keep.
 */
@Injectable()
export class OrgDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The given units of the tenant (unknown ids are left out). */
  async units(
    tenantId: string,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, OrgUnitRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT id, name, level_type, parent_id, leader_user_id, path::text AS path FROM org_unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, unique],
    )) as OrgUnitRef[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async unit(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<OrgUnitRef | null> {
    return (await this.units(tenantId, [id], manager)).get(id) ?? null;
  }

  /** The unit's id as stored if it exists in the tenant and is active today, else null. */
  async activeUnitId(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT u.id FROM org_unit u WHERE u.tenant_id = $1 AND u.id = $2 AND ${ACTIVE}`, [
      tenantId,
      id,
    ])) as EntityRow<OrgUnit, 'id'>[];
    return row?.id ?? null;
  }

  async isActive(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.activeUnitId(tenantId, id, manager)) !== null;
  }

  /**
   * Active units for a picker, shallowest first, then by name: one unit by id, or those whose name contains `nameContains`
   * (case-insensitive, `%` and `_` taken literally). At most `limit`.
   */
  async activeChoices(
    tenantId: string,
    match: { id: string } | { nameContains: string },
    limit = 20,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrgUnitChoice[]> {
    const byId = 'id' in match;
    return (await manager.query(
      `SELECT u.id, u.name, p.name AS parent_name FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
        WHERE u.tenant_id = $1 AND ${ACTIVE} AND ${byId ? 'u.id = $2::uuid' : 'u.name ILIKE $2'}
        ORDER BY nlevel(u.path), u.name LIMIT ${Math.max(0, Math.trunc(limit))}`,
      [tenantId, byId ? match.id : `%${match.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    )) as OrgUnitChoice[];
  }
}
