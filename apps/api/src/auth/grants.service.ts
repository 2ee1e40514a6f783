import { permissionsForRoles } from '@helhet/shared';
import { Injectable } from '@nestjs/common';

import { UserDirectory } from '../users/user-directory';
import type { AuthContext, Grant } from './auth-context';

/** A request's grants: the user's active role assignments with unit paths (one indexed query, UserDirectory). */
@Injectable()
export class GrantsService {
  constructor(private readonly users: UserDirectory) {}

  async contextFor(userId: string, tenantId: string): Promise<AuthContext | null> {
    const assignments = await this.users.activeRoleAssignments(tenantId, userId);
    if (!assignments) return null;
    const grants: Grant[] = assignments.map((row) => ({
      includeDescendants: row.include_descendants,
      orgUnitId: row.org_unit_id,
      path: row.path,
      role: row.role,
    }));
    return { grants, permissions: new Set(permissionsForRoles(grants.map((grant) => grant.role))), tenantId, userId };
  }
}
