import { type Page, type Permission, PERMISSIONS, type UserResponse, type UserSummary, type UserView } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { appendScopeCondition, unitScope, unitScopeCondition } from '../auth/unit-scope';
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
    const admin = appendScopeCondition(params, 1, 'pou', auth, PERMISSIONS.usersManage);
    const line = appendScopeCondition(params, 1, 'pou', auth, PERMISSIONS.incidentsHandle);
    if (query.q) {
      // E-mail is searchable only where the caller sees it (the admin view).
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(usr.name ILIKE $${params.length} OR (${admin} AND usr.email ILIKE $${params.length}))`);
    }
    if (query.orgUnitId) {
      // Users whose primary unit lies in the chosen unit's subtree (an unknown unit matches nobody).
      const filter = await this.orgDirectory.unit(auth.tenantId, query.orgUnitId);
      params.push(filter?.path ?? null);
      where.push(`pou.path <@ $${params.length}::ltree`);
    }
    if (query.role) {
      // Roles are visible (and so filterable) only in the admin and line views.
      params.push(query.role);
      where.push(
        `(${admin} OR ${line}) AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = usr.id AND r.role = $${params.length})`,
      );
    }
    const from = `FROM app_user usr JOIN org_unit pou ON pou.id = usr.primary_org_unit_id WHERE ${where.join(' AND ')}`;
    // Counted over the same select, so every parameter (the view's scopes too) is typed in both queries.
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM (SELECT ${viewColumn(admin, line)} ${from}) counted`,
      params,
    )) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, ${viewColumn(admin, line)} ${from} ORDER BY usr.name, usr.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    )) as (UserRow & { view: UserView })[];
    const roles = await toRoleAssignmentResponses(
      this.dataSource.manager,
      this.orgDirectory,
      auth.tenantId,
      rows.filter((row) => row.view !== 'basic').map((row) => row.id),
      { activeOnly: true },
    );
    return {
      items: rows.map((row) =>
        toUserSummary(
          row,
          roles.filter((role) => role.userId === row.id),
          row.view,
        ),
      ),
      page,
      pageSize,
      total: count?.total ?? 0,
    };
  }

  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserResponse> {
    const row = await this.findRow(manager, auth, id, PERMISSIONS.usersRead).catch(async (error: unknown) => {
      const watched = await this.watchedRow(manager, auth, id);
      if (!watched) throw auth.permissions.has(PERMISSIONS.usersRead) ? error : new DomainException('FORBIDDEN', 'Requires users.read');
      return watched;
    });
    const roles = row.view === 'basic' ? [] : await toRoleAssignmentResponses(manager, this.orgDirectory, auth.tenantId, [row.id]);
    return toUserResponse(row, roles, row.view);
  }

  /**
   * A user the caller was told about as a watcher (a content_role_granted notification, ADR 0015): shown in the
   * `line` view (roles and status, no contact or account data), whatever the caller's users.read scope.
   */
  private async watchedRow(manager: EntityManager, auth: AuthContext, id: string): Promise<(UserRow & { view: UserView }) | null> {
    const [row] = (await manager.query(
      `SELECT ${USER_COLUMNS}, 'line' AS "view"
         FROM app_user usr LEFT JOIN org_unit pou ON pou.id = usr.primary_org_unit_id
        WHERE usr.tenant_id = $1 AND usr.id = $2
          AND EXISTS (SELECT 1 FROM notification n WHERE n.tenant_id = $1 AND n.user_id = $3 AND n.subject_user_id = usr.id
                        AND n.kind = 'content_role_granted')`,
      [auth.tenantId, id, auth.userId],
    )) as (UserRow & { view: UserView })[];
    return row ?? null;
  }

  /** One user the caller may act on with `permission`: 404 outside read scope, 403 when only readable. */
  async findRow(manager: EntityManager, auth: AuthContext, id: string, permission: Permission): Promise<UserRow & { view: UserView }> {
    const read = unitScope(auth, PERMISSIONS.usersRead);
    const wanted = unitScope(auth, permission);
    const params: unknown[] = [auth.tenantId, id, read.subtreePaths, read.unitIds, wanted.subtreePaths, wanted.unitIds];
    const admin = appendScopeCondition(params, 1, 'pou', auth, PERMISSIONS.usersManage);
    const line = appendScopeCondition(params, 1, 'pou', auth, PERMISSIONS.incidentsHandle);
    const [row] = (await manager.query(
      `SELECT ${USER_COLUMNS}, ${viewColumn(admin, line)},
              ${unitScopeCondition('pou', 3, 4)} AS "readable",
              ${unitScopeCondition('pou', 5, 6)} AS "permitted"
         FROM app_user usr LEFT JOIN org_unit pou ON pou.id = usr.primary_org_unit_id
        WHERE usr.tenant_id = $1 AND usr.id = $2`,
      params,
    )) as (UserRow & { readable: boolean | null; permitted: boolean | null; view: UserView })[];
    if (!row || !row.readable) throw new DomainException('USER_NOT_FOUND', 'User not found');
    if (!row.permitted) throw new DomainException('FORBIDDEN', `Requires permission ${permission} for this user`);
    return row;
  }
}

/** The UserView of a row, from the caller's users.manage and incidents.handle scope over the user's primary unit. */
const viewColumn = (admin: string, line: string): string =>
  `CASE WHEN COALESCE(${admin}, false) THEN 'admin' WHEN COALESCE(${line}, false) THEN 'line' ELSE 'basic' END AS "view"`;
