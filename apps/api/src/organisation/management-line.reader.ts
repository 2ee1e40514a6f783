import { type ManagementLineEntry, resolveManagementLine, todayDateOnly } from '@helhet/domain';
import type { OrgLevelType } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import type { Delegation } from './entities/delegation.entity';

export interface LineUnitRow {
  id: string;
  name: string;
  level_type: OrgLevelType;
  leader_user_id: string | null;
}

/** A delegation as stored (dates as text); names come from the UserDirectory where a response needs them. */
export type DelegationRow = EntityRow<
  Delegation,
  'fromUserId' | 'id' | 'includeDescendants' | 'orgUnitId' | 'reason' | 'toUserId' | 'validFrom' | 'validTo'
>;

/**
 * Reads a unit's management line (no access check: callers decide who may see it). The single place
 * that loads chains and delegations for `resolveManagementLine` — the organisation pages, avvik routing
 * and escalation all use it.
 */
@Injectable()
export class ManagementLineReader {
  /** The unit and its ancestors (unit first) and the resolved line, one entry per chain element. */
  async forUnit(
    manager: EntityManager,
    tenantId: string,
    unitId: string,
    day: string = todayDateOnly(),
  ): Promise<{ chain: LineUnitRow[]; line: ManagementLineEntry<OrgLevelType>[] }> {
    const chain = (await manager.query(
      `SELECT a.id, a.name, a.level_type, a.leader_user_id FROM org_unit a, org_unit u
        WHERE u.tenant_id = $1 AND u.id = $2 AND a.tenant_id = $1 AND a.path @> u.path ORDER BY nlevel(a.path) DESC`,
      [tenantId, unitId],
    )) as LineUnitRow[];
    const delegations = await this.delegations(
      manager,
      tenantId,
      chain.map((unit) => unit.id),
    );
    const line = resolveManagementLine(
      chain.map((unit) => ({ leaderUserId: unit.leader_user_id, levelType: unit.level_type, unitId: unit.id })),
      delegations.map((d) => ({
        fromUserId: d.from_user_id,
        id: d.id,
        includeDescendants: d.include_descendants,
        orgUnitId: d.org_unit_id,
        reason: d.reason,
        toUserId: d.to_user_id,
        validFrom: d.valid_from,
        validTo: d.valid_to,
      })),
      day,
    );
    return { chain, line };
  }

  /** Delegations on `unitIds` that have not ended (and, unless includeFuture, have started). */
  async delegations(
    manager: EntityManager,
    tenantId: string,
    unitIds: string[],
    options: { includeFuture?: boolean } = {},
  ): Promise<DelegationRow[]> {
    return (await manager.query(
      `SELECT d.id, d.org_unit_id, d.from_user_id, d.to_user_id, d.include_descendants, d.reason,
              to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM delegation d
        WHERE d.tenant_id = $1 AND d.org_unit_id = ANY($2::uuid[]) AND (d.valid_to IS NULL OR d.valid_to >= CURRENT_DATE)
          AND ($3::boolean OR d.valid_from <= CURRENT_DATE)
        ORDER BY d.valid_from, d.id`,
      [tenantId, unitIds, options.includeFuture ?? false],
    )) as DelegationRow[];
  }
}
