import { type Permission, PERMISSIONS } from '@helhet/shared';

import type { AuthContext } from '../auth/auth-context';
import { appendScopeCondition } from '../auth/unit-scope';

/**
 * Who sees and who edits a risk analysis, as SQL over the aliases `a` (risk_analysis) and `u` (its scope
 * unit). Helhetlig ROS is the municipality's: every holder of risk.read may read it, only
 * risk.edit_holistic (preparedness, HMS) edits it. Other analyses follow the unit scope of risk.read and
 * risk.edit. Append `params` to the query's parameters starting at `first`.
 */
export const riskAccess = (auth: AuthContext, first: number, options: { edit?: boolean } = {}) => {
  const params: unknown[] = [auth.permissions.has(PERMISSIONS.riskRead)];
  const scoped = (permission: Permission): string => appendScopeCondition(params, first, 'u', auth, permission);
  const read = scoped(PERMISSIONS.riskRead);
  // Postgres refuses unused parameters: the edit conditions exist only when the query uses them.
  const withEdit = options.edit !== false;
  const edit = withEdit ? scoped(PERMISSIONS.riskEdit) : 'false';
  const editHolistic = withEdit ? scoped(PERMISSIONS.riskEditHolistic) : 'false';
  return {
    editable: `(CASE WHEN a.type = 'holistic_ros' THEN ${editHolistic} ELSE ${edit} END)`,
    params,
    visible: `((a.type = 'holistic_ros' AND $${first}::boolean) OR ${read})`,
  };
};
