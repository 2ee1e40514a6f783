import { type Permission, PERMISSIONS } from '@helhet/shared';

import type { AuthContext } from '../auth/auth-context';
import { appendScopeCondition } from '../auth/unit-scope';
import { reporterLookupLiteral } from './reporter-identity/reporter-lookup';

/**
 * Who sees and who handles an avvik (domain.md §3.9), as SQL over the aliases `i` (incident),
 * `c` (its category) and `u` (its org unit). Built once per request; append `params` to the query's
 * parameters starting at `first`.
 *
 * - The management line (incidents.handle in scope) sees and handles every category in its subtree.
 * - The appointed handler and the leaders a case was escalated to handle that case.
 * - incidents.read sees unrestricted categories in scope (quality coordinators, department leaders).
 * - Injury and violence cases (the aml § 5-1 register): also safety reps and HMS in their area.
 * - Information security: also the DPO and the information-security lead.
 * - A reporter sees their own named or hidden report (never an anonymous one: it has no reporter). A hidden
 *   report does not name its reporter: it matches by the caller's lookup pseudonym (HMAC, reporter-identity/).
 */
export const incidentAccess = (auth: AuthContext, first: number) => {
  const params: unknown[] = [auth.userId];
  const me = `$${first}`;
  const scoped = (permission: Permission): string => appendScopeCondition(params, first, 'u', auth, permission);
  const lineScope = scoped(PERMISSIONS.incidentsHandle);
  const readScope = scoped(PERMISSIONS.incidentsRead);
  const injuryScope = scoped(PERMISSIONS.incidentsInjuryRegister);
  const infosecScope = scoped(PERMISSIONS.incidentsInfosec);
  const handle = `COALESCE(i.handler_user_id = ${me} OR ${me} = ANY(i.escalated_to_user_ids) OR ${lineScope}, false)`;
  const staff = `COALESCE(${handle}
    OR (c.restriction = 'none' AND ${readScope})
    OR (c.restriction = 'injury' AND ${injuryScope})
    OR (c.restriction = 'infosec' AND ${infosecScope}), false)`;
  const reporter = `COALESCE(i.reporter_user_id = ${me} OR i.reporter_lookup = ${reporterLookupLiteral(auth.tenantId, auth.userId)}, false)`;
  return { handle, params, reporter, staff, visible: `(${staff} OR ${reporter})` };
};

export type IncidentAccess = ReturnType<typeof incidentAccess>;
