import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { EntityRow } from '../core/database/entity-row';
import type { OrgUnit } from '../organisation/entities/org-unit.entity';
import type { RoleAssignment } from './entities/role-assignment.entity';
import type { User } from './entities/user.entity';

/** A user as other features show them: id and name. */
export type UserRef = EntityRow<User, 'id' | 'name'>;

/** What a message to a user needs. */
export type UserContact = EntityRow<User, 'active' | 'email' | 'id' | 'locale' | 'name'>;

/** Whether a user of the tenant may be given work: `unknown` (no such user in the tenant), `deactivated` or `active`. */
export type UserStatus = 'active' | 'deactivated' | 'unknown';

/** One active role assignment with the path of its unit (for unit scope). */
export type ActiveRoleAssignment = EntityRow<RoleAssignment, 'includeDescendants' | 'orgUnitId' | 'role'> & EntityRow<OrgUnit, 'path'>;

/**
 * The shared read model of users (ADR 0014): every feature that needs a user's name, contact or status asks here
 * instead of querying `app_user` itself. The users module owns the table; this is its read side for others.
 * Every method takes the caller's EntityManager when it runs inside a transaction.
 */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Id and name of the given users of the tenant (unknown ids are left out). */
  async refs(tenantId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, UserRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, name FROM app_user WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tenantId,
      unique,
    ])) as UserRef[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** One user's id and name, or null. */
  async ref(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRef | null> {
    return (await this.refs(tenantId, [id], manager)).get(id) ?? null;
  }

  /** Name, e-mail, locale and status of a user (any tenant: the caller holds the id from a row of that tenant). */
  async contact(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserContact | null> {
    const [row] = (await manager.query(`SELECT id, name, email, locale, active FROM app_user WHERE id = $1`, [id])) as UserContact[];
    return row ?? null;
  }

  /** The given users that belong to the tenant and are active, in the order given. */
  async activeIds(tenantId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`SELECT id FROM app_user WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND active`, [
      tenantId,
      [...new Set(ids)],
    ])) as EntityRow<User, 'id'>[];
    const active = new Set(rows.map((row) => row.id));
    return ids.filter((id, index) => active.has(id) && ids.indexOf(id) === index);
  }

  async isActive(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.activeIds(tenantId, [id], manager)).length > 0;
  }

  /** Whether the user exists in the tenant and is active (one indexed lookup). */
  async status(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserStatus> {
    const [row] = (await manager.query(`SELECT active FROM app_user WHERE tenant_id = $1 AND id = $2`, [tenantId, id])) as EntityRow<
      User,
      'active'
    >[];
    return !row ? 'unknown' : row.active ? 'active' : 'deactivated';
  }

  /** The user's primary unit, or null (unknown user, or none set). */
  async primaryOrgUnitId(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = (await manager.query(`SELECT primary_org_unit_id FROM app_user WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ])) as EntityRow<User, 'primaryOrgUnitId'>[];
    return row?.primary_org_unit_id ?? null;
  }

  /**
   * A user's role assignments valid today, each with its unit's path, in one indexed query; null when the user
   * does not exist in the tenant or is deactivated. What a request's grants are built from.
   */
  async activeRoleAssignments(tenantId: string, userId: string): Promise<ActiveRoleAssignment[] | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.active, ra.role, ra.org_unit_id, ou.path::text AS path, ra.include_descendants
         FROM app_user u
         LEFT JOIN role_assignment ra
           ON ra.user_id = u.id AND ra.tenant_id = u.tenant_id
          AND ra.valid_from <= CURRENT_DATE AND (ra.valid_to IS NULL OR ra.valid_to >= CURRENT_DATE)
         LEFT JOIN org_unit ou ON ou.id = ra.org_unit_id AND ou.tenant_id = u.tenant_id
        WHERE u.id = $1 AND u.tenant_id = $2`,
      [userId, tenantId],
    )) as (EntityRow<User, 'active'> & { [K in keyof ActiveRoleAssignment]: ActiveRoleAssignment[K] | null })[];
    if (rows.length === 0 || !rows[0]?.active) return null;
    return rows.flatMap(({ include_descendants, org_unit_id, path, role }) =>
      org_unit_id && path && role ? [{ include_descendants: include_descendants ?? false, org_unit_id, path, role }] : [],
    );
  }
}
