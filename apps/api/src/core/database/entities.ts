import { AuditLogEntry } from '../../audit-log/entities/audit-log-entry.entity';
import { Invitation } from '../../auth/entities/invitation.entity';
import { RefreshToken } from '../../auth/entities/refresh-token.entity';
import { Delegation } from '../../organisation/entities/delegation.entity';
import { OrgUnit } from '../../organisation/entities/org-unit.entity';
import { Tenant } from '../../organisation/entities/tenant.entity';
import { RoleAssignment } from '../../users/entities/role-assignment.entity';
import { User } from '../../users/entities/user.entity';

/** Every entity, listed once: used by the Nest module, the CLI data source, seeds and tests. */
export const ENTITIES = [AuditLogEntry, Delegation, Invitation, OrgUnit, RefreshToken, RoleAssignment, Tenant, User];
