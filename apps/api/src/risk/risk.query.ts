import { type ScaleSet as ScaleSetDefinition, heatMap, todayDateOnly } from '@helhet/domain';
import type {
  Page,
  RiskAnalysisResponse,
  RiskAnalysisSummary,
  RiskHeatMapResponse,
  RiskRegisterItem,
  RiskScenarioResponse,
  ScaleSetResponse,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { pageWindow } from '../core/http/page-query.dto';
import type { ListRiskAnalysesQueryDto, RiskRegisterQueryDto } from './dto/risk.dto';
import type { ConsequenceAssessmentValue } from './entities/risk-scenario.entity';
import { riskAccess } from './risk-access';
import { riskPosition } from './risk-position';

export const DEFAULT_REGISTER_SCALE = 'dsb_societal';

const SUMMARY_COLUMNS = `a.id, a.type, a.title, a.status, a.mandate, to_char(a.next_revision_at, 'YYYY-MM-DD') AS next_revision_at,
  to_char(a.council_decision_date, 'YYYY-MM-DD') AS council_decision_date, a.council_case_number, a.approved_at,
  u.id AS unit_id, u.name AS unit_name, o.id AS owner_id, o.name AS owner_name, s.id AS scale_id, s.code AS scale_code, s.version AS scale_version,
  (SELECT count(*)::int FROM risk_scenario rs WHERE rs.analysis_id = a.id) AS scenario_count`;
const FROM = `FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id LEFT JOIN app_user o ON o.id = a.owner_user_id`;

interface SummaryRow {
  id: string;
  type: RiskAnalysisSummary['type'];
  title: string;
  status: RiskAnalysisSummary['status'];
  mandate: string | null;
  next_revision_at: string | null;
  council_decision_date: string | null;
  council_case_number: string | null;
  approved_at: Date | null;
  unit_id: string;
  unit_name: string;
  owner_id: string | null;
  owner_name: string | null;
  scale_id: string;
  scale_code: string;
  scale_version: number;
  scenario_count: number;
  can_edit: boolean;
}

interface ScenarioRow {
  id: string;
  sort_order: number;
  title: string;
  hazard_source: RiskScenarioResponse['hazardSource'];
  description: string | null;
  causes: string | null;
  existing_barriers: string | null;
  likelihood_rank: number | null;
  likelihood_rationale: string | null;
  consequences: ConsequenceAssessmentValue[];
  vulnerability: RiskScenarioResponse['vulnerability'];
  vulnerability_text: string | null;
  uncertainty: RiskScenarioResponse['uncertainty'];
  knowledge_base: string | null;
  needs_warning: boolean | null;
  needs_evacuation: boolean | null;
  warning_evacuation_text: string | null;
  residual_likelihood_rank: number | null;
  residual_consequences: ConsequenceAssessmentValue[];
}

const toSummary = (row: SummaryRow, today: string): RiskAnalysisSummary => ({
  canEdit: row.can_edit,
  id: row.id,
  nextRevisionAt: row.next_revision_at,
  owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
  revisionOverdue: row.next_revision_at !== null && row.next_revision_at < today && row.status !== 'superseded',
  scaleSet: { code: row.scale_code, id: row.scale_id, version: row.scale_version },
  scenarioCount: row.scenario_count,
  scopeOrgUnit: { id: row.unit_id, name: row.unit_name },
  status: row.status,
  title: row.title,
  type: row.type,
});

const withRationale = (items: readonly ConsequenceAssessmentValue[]) => items.map((item) => ({ rank: item.rank, rationale: item.rationale ?? null, typeCode: item.typeCode }));

/** Read side of ROS: analyses, scenarios with their derived risk, the register and its heat map. */
@Injectable()
export class RiskQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async scaleSets(auth: AuthContext): Promise<ScaleSetResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (code) id, code, version, definition FROM scale_set WHERE tenant_id = $1 ORDER BY code, version DESC`,
      [auth.tenantId],
    )) as ScaleSetResponse[];
    return rows;
  }

  async list(auth: AuthContext, query: ListRiskAnalysesQueryDto): Promise<Page<RiskAnalysisSummary>> {
    const { page, pageSize, skip } = pageWindow(query);
    const params: unknown[] = [auth.tenantId];
    const where = [`a.tenant_id = $1`];
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = $${params.length})`);
    }
    if (query.type) {
      params.push(query.type);
      where.push(`a.type = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`a.status = $${params.length}`);
    }
    // The access parameters come last; the count needs only the read part (Postgres refuses unused parameters).
    const counting = riskAccess(auth, params.length + 1, { edit: false });
    const access = riskAccess(auth, params.length + 1);
    const [count] = (await this.dataSource.query(`SELECT count(*)::int AS total ${FROM} WHERE ${[...where, counting.visible].join(' AND ')}`, [
      ...params,
      ...counting.params,
    ])) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, ${access.editable} AS can_edit ${FROM} WHERE ${[...where, access.visible].join(' AND ')}
        ORDER BY a.updated_at DESC, a.id LIMIT ${pageSize} OFFSET ${skip}`,
      [...params, ...access.params],
    )) as SummaryRow[];
    const today = todayDateOnly();
    return { items: rows.map((row) => toSummary(row, today)), page, pageSize, total: count?.total ?? 0 };
  }

  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<RiskAnalysisResponse> {
    const access = riskAccess(auth, 3);
    const [row] = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, ${access.editable} AS can_edit, s.definition ${FROM} WHERE a.tenant_id = $1 AND a.id = $2 AND ${access.visible}`,
      [auth.tenantId, id, ...access.params],
    )) as (SummaryRow & { definition: ScaleSetDefinition })[];
    if (!row) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Risk analysis not found');
    const scenarios = (await manager.query(`SELECT * FROM risk_scenario WHERE analysis_id = $1 ORDER BY sort_order, created_at, id`, [id])) as ScenarioRow[];
    return {
      ...toSummary(row, todayDateOnly()),
      approvedAt: row.approved_at?.toISOString() ?? null,
      councilCaseNumber: row.council_case_number,
      councilDecisionDate: row.council_decision_date,
      mandate: row.mandate,
      scenarios: scenarios.map((scenario) => ({
        causes: scenario.causes,
        consequences: withRationale(scenario.consequences),
        description: scenario.description,
        existingBarriers: scenario.existing_barriers,
        hazardSource: scenario.hazard_source,
        id: scenario.id,
        knowledgeBase: scenario.knowledge_base,
        likelihoodRank: scenario.likelihood_rank,
        likelihoodRationale: scenario.likelihood_rationale,
        needsEvacuation: scenario.needs_evacuation,
        needsWarning: scenario.needs_warning,
        residualConsequences: withRationale(scenario.residual_consequences),
        residualLikelihoodRank: scenario.residual_likelihood_rank,
        residualRisk: riskPosition(row.definition, scenario.residual_likelihood_rank, scenario.residual_consequences),
        risk: riskPosition(row.definition, scenario.likelihood_rank, scenario.consequences),
        sortOrder: scenario.sort_order,
        title: scenario.title,
        uncertainty: scenario.uncertainty,
        vulnerability: scenario.vulnerability,
        vulnerabilityText: scenario.vulnerability_text,
        warningEvacuationText: scenario.warning_evacuation_text,
      })),
    };
  }

  /** Assessed scenarios of current analyses on one scale, filtered; risk derived by libs/domain. */
  async register(auth: AuthContext, query: RiskRegisterQueryDto): Promise<Page<RiskRegisterItem>> {
    const { page, pageSize, skip } = pageWindow(query);
    const items = await this.registerItems(auth, query);
    return { items: items.slice(skip, skip + pageSize), page, pageSize, total: items.length };
  }

  /** The register's items counted per matrix cell: the same filter, the same function, so the counts always agree. */
  async heatMap(auth: AuthContext, query: RiskRegisterQueryDto): Promise<RiskHeatMapResponse> {
    const code = query.scaleSetCode ?? DEFAULT_REGISTER_SCALE;
    const scale = await this.latestScale(auth, code);
    const items = await this.registerItems(auth, query);
    return { counts: heatMap(scale, items.map((item) => item.risk)), scaleSetCode: code, total: items.length };
  }

  private async latestScale(auth: AuthContext, code: string): Promise<ScaleSetDefinition> {
    const [row] = (await this.dataSource.query(`SELECT definition FROM scale_set WHERE tenant_id = $1 AND code = $2 ORDER BY version DESC LIMIT 1`, [auth.tenantId, code])) as {
      definition: ScaleSetDefinition;
    }[];
    if (!row) throw new DomainException('VALIDATION_FAILED', `Unknown scale set ${code}`, [{ field: 'scaleSetCode', reasons: ['unknown scale set'] }]);
    return row.definition;
  }

  private async registerItems(auth: AuthContext, query: RiskRegisterQueryDto): Promise<RiskRegisterItem[]> {
    const code = query.scaleSetCode ?? DEFAULT_REGISTER_SCALE;
    await this.latestScale(auth, code);
    const access = riskAccess(auth, 3, { edit: false });
    const params: unknown[] = [auth.tenantId, code, ...access.params];
    const where = [`a.tenant_id = $1`, `s.code = $2`, `a.status <> 'superseded'`, access.visible, `rs.likelihood_rank IS NOT NULL`, `jsonb_array_length(rs.consequences) > 0`];
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = $${params.length})`);
    }
    if (query.type) {
      params.push(query.type);
      where.push(`a.type = $${params.length}`);
    }
    if (query.revisionOverdue === true) where.push(`a.next_revision_at < CURRENT_DATE`);
    const rows = (await this.dataSource.query(
      `SELECT rs.id, rs.title, rs.likelihood_rank, rs.consequences, rs.residual_likelihood_rank, rs.residual_consequences, rs.uncertainty,
              a.id AS analysis_id, a.title AS analysis_title, a.type, u.id AS unit_id, u.name AS unit_name, s.definition
         FROM risk_scenario rs JOIN risk_analysis a ON a.id = rs.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE ${where.join(' AND ')} ORDER BY a.title, rs.sort_order, rs.id`,
      params,
    )) as {
      id: string;
      title: string;
      likelihood_rank: number;
      consequences: ConsequenceAssessmentValue[];
      residual_likelihood_rank: number | null;
      residual_consequences: ConsequenceAssessmentValue[];
      uncertainty: RiskRegisterItem['uncertainty'];
      analysis_id: string;
      analysis_title: string;
      type: RiskRegisterItem['analysis']['type'];
      unit_id: string;
      unit_name: string;
      definition: ScaleSetDefinition;
    }[];
    const items: RiskRegisterItem[] = [];
    for (const row of rows) {
      const risk = riskPosition(row.definition, row.likelihood_rank, row.consequences);
      if (!risk) continue;
      if (query.band && risk.bandCode !== query.band) continue;
      if (query.consequenceType && !row.consequences.some((c) => c.typeCode === query.consequenceType)) continue;
      items.push({
        analysis: { id: row.analysis_id, title: row.analysis_title, type: row.type },
        residualRisk: riskPosition(row.definition, row.residual_likelihood_rank, row.residual_consequences),
        risk,
        scenarioId: row.id,
        scopeOrgUnit: { id: row.unit_id, name: row.unit_name },
        title: row.title,
        uncertainty: row.uncertainty,
      });
    }
    return items;
  }
}
