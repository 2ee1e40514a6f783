import type { Permission, Role } from '@helhet/shared';

/** One active role assignment with the ltree path of its unit. */
export interface Grant {
  role: Role;
  orgUnitId: string;
  path: string;
  includeDescendants: boolean;
}

/** Who is calling. Built by JwtAuthGuard for every authenticated request. */
export interface AuthContext {
  userId: string;
  tenantId: string;
  grants: Grant[];
  permissions: ReadonlySet<Permission>;
  /** The session (refresh token family) of the access token; absent outside HTTP requests. */
  sessionId?: string;
}
