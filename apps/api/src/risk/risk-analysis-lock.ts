import type { RiskAnalysisStatus, ScaleSet as ScaleSetDefinition } from '@helhet/domain';
import type { EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { riskAccess } from './risk-access';

/** Locks an analysis the caller may edit (inside the caller's transaction): outside read access 404, readable but not editable 403. */
export const lockEditableAnalysis = async (manager: EntityManager, auth: AuthContext, id: string) => {
  const access = riskAccess(auth, 3);
  const [row] = (await manager.query(
    `SELECT a.title, a.mandate, a.status, to_char(a.next_revision_at, 'YYYY-MM-DD') AS next_revision_at,
            to_char(a.council_decision_date, 'YYYY-MM-DD') AS council_decision_date, a.council_case_number, a.previous_version_id, s.definition,
            ${access.visible} AS visible, ${access.editable} AS editable
       FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
      WHERE a.tenant_id = $1 AND a.id = $2 FOR UPDATE OF a`,
    [auth.tenantId, id, ...access.params],
  )) as {
    title: string;
    mandate: string | null;
    status: RiskAnalysisStatus;
    next_revision_at: string | null;
    council_decision_date: string | null;
    council_case_number: string | null;
    previous_version_id: string | null;
    definition: ScaleSetDefinition;
    visible: boolean;
    editable: boolean;
  }[];
  if (!row || !row.visible) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Risk analysis not found');
  if (!row.editable) throw new DomainException('FORBIDDEN', 'You may not edit this analysis');
  return row;
};
