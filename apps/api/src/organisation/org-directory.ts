import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import type { OrgUnit } from './entities/org-unit.entity';

/** A unit as other features show and sort it. `path` is the ltree as text (sorts parents before children). */
export type OrgUnitRef = EntityRow<OrgUnit, 'id' | 'leaderUserId' | 'levelType' | 'name' | 'parentId' | 'path'>;

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
}
