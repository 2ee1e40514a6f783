import { permissionsForRoles } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { AuthContext, Grant } from './auth-context';

/** Loads a user's active role assignments (with unit paths) in one indexed query. */
@Injectable()
export class GrantsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contextFor(userId: string, tenantId: string): Promise<AuthContext | null> {
    const rows: {
      active: boolean;
      role: Grant['role'];
      org_unit_id: string | null;
      path: string | null;
      include_descendants: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT u.active, ra.role, ra.org_unit_id, ou.path::text AS path, ra.include_descendants
           FROM app_user u
           LEFT JOIN role_assignment ra
             ON ra.user_id = u.id AND ra.tenant_id = u.tenant_id
            AND ra.valid_from <= CURRENT_DATE AND (ra.valid_to IS NULL OR ra.valid_to >= CURRENT_DATE)
           LEFT JOIN org_unit ou ON ou.id = ra.org_unit_id AND ou.tenant_id = u.tenant_id
          WHERE u.id = $1 AND u.tenant_id = $2`,
      [userId, tenantId],
    );
    if (rows.length === 0 || !rows[0]?.active) return null;
    const grants: Grant[] = rows.flatMap((row) =>
      row.org_unit_id && row.path
        ? [{ includeDescendants: row.include_descendants ?? false, orgUnitId: row.org_unit_id, path: row.path, role: row.role }]
        : [],
    );
    return { grants, permissions: new Set(permissionsForRoles(grants.map((grant) => grant.role))), tenantId, userId };
  }
}
