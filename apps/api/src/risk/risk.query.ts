import {
  heatMap,
  RISK_ANALYSIS_TEMPLATES,
  RISK_FACTOR_GROUPS as GROUP_ORDER,
  type RiskFactorGroup,
  riskLevel,
  type ScaleSet as ScaleSetDefinition,
  todayDateOnly,
} from '@helhet/domain';
import type {
  HmsRiskItemResponse,
  Page,
  RiskAnalysisResponse,
  RiskAnalysisSummary,
  RiskAnalysisTemplate,
  RiskAnalysisVersionRef,
  RiskFactorResponse,
  RiskHeatMapResponse,
  RiskPosition,
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
  (SELECT count(*)::int FROM risk_scenario rs WHERE rs.analysis_id = a.id) AS scenario_count,
  (SELECT count(*)::int FROM hms_risk_item hi WHERE hi.analysis_id = a.id) AS hms_item_count,
  a.previous_version_id`;
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
  hms_item_count: number;
  previous_version_id: string | null;
  can_edit: boolean;
}

interface HmsItemRow {
  id: string;
  sort_order: number;
  task_or_location: string;
  exposed_group: string | null;
  exposed_count: number | null;
  likelihood_rank: number | null;
  consequence_rank: number | null;
  existing_measures: string | null;
  rationale: string | null;
  uncertainty: HmsRiskItemResponse['uncertainty'];
  proposed_measures: string | null;
  residual_likelihood_rank: number | null;
  residual_consequence_rank: number | null;
  factor_id: string;
  factor_code: string;
  factor_group: RiskFactorGroup;
  factor_label_nb: string;
  factor_label_en: string;
  factor_source_url: string | null;
}

/**
 * The consequence type an HMS item's consequence rank speaks for: harm to health on the HMS scale, else the
 * scale's first life-and-health type, else its first type (the rank is on the matrix's consequence axis).
 */
const hmsConsequenceType = (scale: ScaleSetDefinition): string =>
  (
    scale.consequenceTypes.find((type) => type.code === 'health_harm') ??
    scale.consequenceTypes.find((type) => type.valueGroup === 'life_health') ??
    scale.consequenceTypes[0]
  )?.code ?? '';

/** An HMS item's place on its analysis's scale, from libs/domain `riskLevel`; null until both ranks are set. */
export const hmsRiskPosition = (
  scale: ScaleSetDefinition,
  likelihoodRank: number | null,
  consequenceRank: number | null,
): RiskPosition | null => {
  if (likelihoodRank === null || consequenceRank === null) return null;
  const level = riskLevel(scale, likelihoodRank, consequenceRank);
  return {
    bandCode: level.code,
    bandLabel: level.labelNb,
    colour: level.colour,
    consequenceRank: level.consequenceRank,
    likelihoodRank: level.likelihoodRank,
    textColour: level.textColour,
    typeCode: hmsConsequenceType(scale),
  };
};

const HMS_ITEM_SELECT = `SELECT hi.*, f.id AS factor_id, f.code AS factor_code, f."group" AS factor_group, f.label_nb AS factor_label_nb, f.label_en AS factor_label_en,
    f.source_url AS factor_source_url
  FROM hms_risk_item hi JOIN risk_factor f ON f.id = hi.risk_factor_id`;

const toHmsItem = (scale: ScaleSetDefinition, row: HmsItemRow): HmsRiskItemResponse => ({
  consequenceRank: row.consequence_rank,
  existingMeasures: row.existing_measures,
  exposedCount: row.exposed_count,
  exposedGroup: row.exposed_group,
  factor: {
    code: row.factor_code,
    group: row.factor_group,
    id: row.factor_id,
    labelEn: row.factor_label_en,
    labelNb: row.factor_label_nb,
    sourceUrl: row.factor_source_url,
  },
  id: row.id,
  likelihoodRank: row.likelihood_rank,
  proposedMeasures: row.proposed_measures,
  rationale: row.rationale,
  residualConsequenceRank: row.residual_consequence_rank,
  residualLikelihoodRank: row.residual_likelihood_rank,
  residualRisk: hmsRiskPosition(scale, row.residual_likelihood_rank, row.residual_consequence_rank),
  risk: hmsRiskPosition(scale, row.likelihood_rank, row.consequence_rank),
  sortOrder: row.sort_order,
  taskOrLocation: row.task_or_location,
  uncertainty: row.uncertainty,
});

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
  hmsItemCount: row.hms_item_count,
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

const withRationale = (items: readonly ConsequenceAssessmentValue[]) =>
  items.map((item) => ({ rank: item.rank, rationale: item.rationale ?? null, typeCode: item.typeCode }));

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

  /** The tenant's work-environment factor catalogue, in group and catalogue order. */
  async factors(auth: AuthContext): Promise<RiskFactorResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, code, "group", label_nb, label_en, service_types, source_url FROM risk_factor WHERE tenant_id = $1
        ORDER BY array_position($2::varchar[], "group"::varchar), sort_order, label_nb, id`,
      [auth.tenantId, [...GROUP_ORDER]],
    )) as {
      id: string;
      code: string;
      group: RiskFactorGroup;
      label_nb: string;
      label_en: string;
      service_types: string[];
      source_url: string | null;
    }[];
    return rows.map((row) => ({
      code: row.code,
      group: row.group,
      id: row.id,
      labelEn: row.label_en,
      labelNb: row.label_nb,
      serviceTypes: row.service_types,
      sourceUrl: row.source_url,
    }));
  }

  /** Starting points for new analyses (libs/domain data). */
  templates(): RiskAnalysisTemplate[] {
    return RISK_ANALYSIS_TEMPLATES.map((template) => ({
      code: template.code,
      description: template.descriptionNb,
      itemCount: template.hmsItems.length + template.scenarios.length,
      serviceType: template.serviceType,
      title: template.titleNb,
      type: template.type,
    }));
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
    const today = todayDateOnly();
    if (query.revisionOverdue === true) {
      params.push(today);
      where.push(`a.next_revision_at < $${params.length}::date AND a.status <> 'superseded'`);
    }
    // The access parameters come last; the count needs only the read part (Postgres refuses unused parameters).
    const counting = riskAccess(auth, params.length + 1, { edit: false });
    const access = riskAccess(auth, params.length + 1);
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${FROM} WHERE ${[...where, counting.visible].join(' AND ')}`,
      [...params, ...counting.params],
    )) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, ${access.editable} AS can_edit ${FROM} WHERE ${[...where, access.visible].join(' AND ')}
        ORDER BY a.updated_at DESC, a.id LIMIT ${pageSize} OFFSET ${skip}`,
      [...params, ...access.params],
    )) as SummaryRow[];
    return { items: rows.map((row) => toSummary(row, today)), page, pageSize, total: count?.total ?? 0 };
  }

  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<RiskAnalysisResponse> {
    const access = riskAccess(auth, 3);
    const [row] = (await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, ${access.editable} AS can_edit, s.definition ${FROM} WHERE a.tenant_id = $1 AND a.id = $2 AND ${access.visible}`,
      [auth.tenantId, id, ...access.params],
    )) as (SummaryRow & { definition: ScaleSetDefinition })[];
    if (!row) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Risk analysis not found');
    const scenarios = (await manager.query(`SELECT * FROM risk_scenario WHERE analysis_id = $1 ORDER BY sort_order, created_at, id`, [
      id,
    ])) as ScenarioRow[];
    const hmsItems = (await manager.query(`${HMS_ITEM_SELECT} WHERE hi.analysis_id = $1 ORDER BY hi.sort_order, hi.created_at, hi.id`, [
      id,
    ])) as HmsItemRow[];
    // Versions are linked inside one tenant; a reader of this analysis sees the titles and status of its neighbours.
    const versions = (await manager.query(
      `(SELECT 'previous' AS rel, id, title, status FROM risk_analysis WHERE tenant_id = $1 AND id = $2)
       UNION ALL
       (SELECT 'next' AS rel, id, title, status FROM risk_analysis WHERE tenant_id = $1 AND previous_version_id = $3 ORDER BY created_at DESC, id LIMIT 1)`,
      [auth.tenantId, row.previous_version_id, id],
    )) as (RiskAnalysisVersionRef & { rel: 'previous' | 'next' })[];
    const version = (rel: 'previous' | 'next'): RiskAnalysisVersionRef | null => {
      const found = versions.find((candidate) => candidate.rel === rel);
      return found ? { id: found.id, status: found.status, title: found.title } : null;
    };
    return {
      ...toSummary(row, todayDateOnly()),
      hmsItems: hmsItems.map((item) => toHmsItem(row.definition, item)),
      nextVersion: version('next'),
      previousVersion: version('previous'),
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
    return {
      counts: heatMap(
        scale,
        items.map((item) => item.risk),
      ),
      scaleSetCode: code,
      total: items.length,
    };
  }

  private async latestScale(auth: AuthContext, code: string): Promise<ScaleSetDefinition> {
    const [row] = (await this.dataSource.query(
      `SELECT definition FROM scale_set WHERE tenant_id = $1 AND code = $2 ORDER BY version DESC LIMIT 1`,
      [auth.tenantId, code],
    )) as {
      definition: ScaleSetDefinition;
    }[];
    if (!row)
      throw new DomainException('VALIDATION_FAILED', `Unknown scale set ${code}`, [
        { field: 'scaleSetCode', reasons: ['unknown scale set'] },
      ]);
    return row.definition;
  }

  /**
   * Assessed scenarios and HMS items of current analyses on one scale, as one list: both halves share the
   * analysis filter (scope, scale, type, unit, owner, overdue), so the register and its heat map see the same set.
   */
  private async registerItems(auth: AuthContext, query: RiskRegisterQueryDto): Promise<RiskRegisterItem[]> {
    const code = query.scaleSetCode ?? DEFAULT_REGISTER_SCALE;
    await this.latestScale(auth, code);
    const access = riskAccess(auth, 3, { edit: false });
    const params: unknown[] = [auth.tenantId, code, ...access.params];
    const where = [`a.tenant_id = $1`, `s.code = $2`, `a.status <> 'superseded'`, access.visible];
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = $${params.length})`);
    }
    if (query.type) {
      params.push(query.type);
      where.push(`a.type = $${params.length}`);
    }
    if (query.ownerUserId) {
      params.push(query.ownerUserId);
      where.push(`a.owner_user_id = $${params.length}`);
    }
    if (query.revisionOverdue === true) where.push(`a.next_revision_at < CURRENT_DATE`);
    const scenarioWhere = [...where, `rs.likelihood_rank IS NOT NULL`, `jsonb_array_length(rs.consequences) > 0`];
    const hmsWhere = [...where, `hi.likelihood_rank IS NOT NULL`, `hi.consequence_rank IS NOT NULL`];
    if (query.factorGroup) {
      params.push(query.factorGroup);
      hmsWhere.push(`f."group" = $${params.length}`);
      scenarioWhere.push('false');
    }
    const analysisColumns = `a.id AS analysis_id, a.title AS analysis_title, a.type, u.id AS unit_id, u.name AS unit_name, s.definition`;
    const analysisJoins = `JOIN risk_analysis a ON a.id = x.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id`;
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT 'scenario' AS source, rs.id, rs.title, rs.sort_order, rs.likelihood_rank, rs.consequences, NULL::int AS consequence_rank,
                rs.residual_likelihood_rank, rs.residual_consequences, NULL::int AS residual_consequence_rank, rs.uncertainty, NULL::varchar AS factor_group,
                ${analysisColumns}
           FROM risk_scenario rs ${analysisJoins.replace('x.analysis_id', 'rs.analysis_id')}
          WHERE ${scenarioWhere.join(' AND ')}
         UNION ALL
         SELECT 'hms_item' AS source, hi.id, f.label_nb || ': ' || hi.task_or_location AS title, hi.sort_order, hi.likelihood_rank, '[]'::jsonb, hi.consequence_rank,
                hi.residual_likelihood_rank, '[]'::jsonb, hi.residual_consequence_rank, hi.uncertainty, f."group"::varchar AS factor_group,
                ${analysisColumns}
           FROM hms_risk_item hi JOIN risk_factor f ON f.id = hi.risk_factor_id ${analysisJoins.replace('x.analysis_id', 'hi.analysis_id')}
          WHERE ${hmsWhere.join(' AND ')}
       ) items ORDER BY analysis_title, analysis_id, source DESC, sort_order, id`,
      params,
    )) as {
      source: RiskRegisterItem['source'];
      id: string;
      title: string;
      likelihood_rank: number;
      consequences: ConsequenceAssessmentValue[];
      consequence_rank: number | null;
      residual_likelihood_rank: number | null;
      residual_consequences: ConsequenceAssessmentValue[];
      residual_consequence_rank: number | null;
      uncertainty: RiskRegisterItem['uncertainty'];
      factor_group: RiskFactorGroup | null;
      analysis_id: string;
      analysis_title: string;
      type: RiskRegisterItem['analysis']['type'];
      unit_id: string;
      unit_name: string;
      definition: ScaleSetDefinition;
    }[];
    const items: RiskRegisterItem[] = [];
    for (const row of rows) {
      const hms = row.source === 'hms_item';
      const risk = hms
        ? hmsRiskPosition(row.definition, row.likelihood_rank, row.consequence_rank)
        : riskPosition(row.definition, row.likelihood_rank, row.consequences);
      if (!risk) continue;
      if (query.band && risk.bandCode !== query.band) continue;
      if (
        query.consequenceType &&
        (hms ? risk.typeCode !== query.consequenceType : !row.consequences.some((c) => c.typeCode === query.consequenceType))
      )
        continue;
      items.push({
        analysis: { id: row.analysis_id, title: row.analysis_title, type: row.type },
        factorGroup: row.factor_group,
        residualRisk: hms
          ? hmsRiskPosition(row.definition, row.residual_likelihood_rank, row.residual_consequence_rank)
          : riskPosition(row.definition, row.residual_likelihood_rank, row.residual_consequences),
        risk,
        scenarioId: row.id,
        scopeOrgUnit: { id: row.unit_id, name: row.unit_name },
        source: row.source,
        title: row.title,
        uncertainty: row.uncertainty,
      });
    }
    return items;
  }
}
