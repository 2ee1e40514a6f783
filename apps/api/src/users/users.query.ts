import { type Page, type Permission, PERMISSIONS, type UserResponse, type UserSummary } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { unitScope, unitScopeCondition } from '../auth/unit-scope';
import { DomainException } from '../core/http/domain.exception';
import { pageWindow } from '../core/http/page-query.dto';
import { OrgDirectory } from '../organisation/org-directory';
import type { ListUsersQueryDto } from './dto/user.dto';
import type { User } from './entities/user.entity';
import { toRoleAssignmentResponses, toUserResponse, toUserSummary } from './user.mapper';

const USER_COLUMNS = `
  usr.id, usr.tenant_id AS "tenantId", usr.email, usr.name, usr.employee_number AS "employeeNumber", usr.locale, usr.active,
  usr.primary_org_unit_id AS "primaryOrgUnitId", pou.name AS "primaryOrgUnitName", usr.invited_at AS "invitedAt",
  usr.last_login_at AS "lastLoginAt", (usr.password_hash IS NOT NULL) AS "hasPassword"`;

type UserRow = User & { primaryOrgUnitName: string | null; hasPassword: boolean };

/** Users are visible when their primary unit is inside the caller's scope for the permission. */
@Injectable()
export class UsersQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgDirectory: OrgDirectory,
  ) {}

  async list(auth: AuthContext, query: ListUsersQueryDto): Promise<Page<UserSummary>> {
    const { page, pageSize, skip } = pageWindow(query);
    const scope = unitScope(auth, PERMISSIONS.usersRead);
    const params: unknown[] = [auth.tenantId, scope.subtreePaths, scope.unitIds];
    const where = ['usr.tenant_id = $1', unitScopeCondition('pou', 2, 3)];
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(usr.name ILIKE $${params.length} OR usr.email ILIKE $${params.length})`);
    }
    if (query.orgUnitId) {
      // Users whose primary unit lies in the chosen unit's subtree (an unknown unit matches nobody).
      const filter = await this.orgDirectory.unit(auth.tenantId, query.orgUnitId);
      params.push(filter?.path ?? null);
      where.push(`pou.path <@ $${params.length}::ltree`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = usr.id AND r.role = $${params.length})`);
    }
    const from = `FROM app_user usr JOIN org_unit pou ON pou.id = usr.primary_org_unit_id WHERE ${where.join(' AND ')}`;
    const [count] = (await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS} ${from} ORDER BY usr.name, usr.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    )) as UserRow[];
    const roles = await toRoleAssignmentResponses(
      this.dataSource.manager,
      this.orgDirectory,
      auth.tenantId,
      rows.map((row) => row.id),
      { activeOnly: true },
    );
    return {
      items: rows.map((row) =>
        toUserSummary(
          row,
          roles.filter((role) => role.userId === row.id),
        ),
      ),
      page,
      pageSize,
      total: count?.total ?? 0,
    };
  }

  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserResponse> {
    const row = await this.findRow(manager, auth, id, PERMISSIONS.usersRead);
    const roles = await toRoleAssignmentResponses(manager, this.orgDirectory, auth.tenantId, [row.id]);
    return toUserResponse(row, roles);
  }

  /** One user the caller may act on with `permission`: 404 outside read scope, 403 when only readable. */
  async findRow(manager: EntityManager, auth: AuthContext, id: string, permission: Permission): Promise<UserRow> {
    const read = unitScope(auth, PERMISSIONS.usersRead);
    const wanted = unitScope(auth, permission);
    const [row] = (await manager.query(
      `SELECT ${USER_COLUMNS},
              ${unitScopeCondition('pou', 3, 4)} AS "readable",
              ${unitScopeCondition('pou', 5, 6)} AS "permitted"
         FROM app_user usr LEFT JOIN org_unit pou ON pou.id = usr.primary_org_unit_id
        WHERE usr.tenant_id = $1 AND usr.id = $2`,
      [auth.tenantId, id, read.subtreePaths, read.unitIds, wanted.subtreePaths, wanted.unitIds],
    )) as (UserRow & { readable: boolean | null; permitted: boolean | null })[];
    if (!row || !row.readable) throw new DomainException('USER_NOT_FOUND', 'User not found');
    if (!row.permitted) throw new DomainException('FORBIDDEN', `Requires permission ${permission} for this user`);
    return row;
  }
}
