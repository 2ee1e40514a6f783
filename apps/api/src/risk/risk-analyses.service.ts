import {
  addDays,
  canChangeAnalysisStatus,
  type RiskAnalysisStatus,
  riskAnalysisTemplate,
  type RiskTemplateDefinition,
  type ScaleSet as ScaleSetDefinition,
  todayDateOnly,
} from '@helhet/domain';
import { type FieldError, PERMISSIONS, type RiskAnalysisResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { isInUnitScope } from '../auth/unit-scope';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { ensureDefaultRiskFactors } from './default-risk-factors';
import type {
  ConsequenceAssessmentDto,
  CreateRiskAnalysisDto,
  HmsRiskItemDto,
  RiskScenarioDto,
  UpdateRiskAnalysisDto,
} from './dto/risk.dto';
import type { ConsequenceAssessmentValue } from './entities/risk-scenario.entity';
import { RiskQuery } from './risk.query';
import { riskAccess } from './risk-access';

/** Revision intervals (domain.md §7.1): helhetlig ROS with each four-year planning period, the rest yearly. */
const REVISION_DAYS = { holistic_ros: 4 * 365, other: 365 } as const;

/** Every rank and type of a scenario must exist on the analysis's scale; problems name the field. */
export const scaleProblems = (scale: ScaleSetDefinition, dto: RiskScenarioDto): FieldError[] => {
  const problems: FieldError[] = [];
  const likelihoodMax = scale.matrix.size.likelihood;
  const consequenceMax = scale.matrix.size.consequence;
  for (const field of ['likelihoodRank', 'residualLikelihoodRank'] as const) {
    const value = dto[field];
    if (value !== null && value !== undefined && value > likelihoodMax)
      problems.push({ field, reasons: [`must be 1–${likelihoodMax} on this scale`] });
  }
  const check = (list: readonly ConsequenceAssessmentDto[] | undefined, field: string) =>
    (list ?? []).forEach((item, index) => {
      if (!scale.consequenceTypes.some((type) => type.code === item.typeCode))
        problems.push({ field: `${field}.${index}.typeCode`, reasons: ['not a consequence type of this scale'] });
      if (item.rank > consequenceMax)
        problems.push({ field: `${field}.${index}.rank`, reasons: [`must be 1–${consequenceMax} on this scale`] });
    });
  check(dto.consequences, 'consequences');
  check(dto.residualConsequences, 'residualConsequences');
  return problems;
};

/** An HMS item's ranks must exist on the analysis's matrix (consequence: the matrix axis); problems name the field. */
export const hmsScaleProblems = (scale: ScaleSetDefinition, dto: HmsRiskItemDto): FieldError[] => {
  const problems: FieldError[] = [];
  const max = { consequence: scale.matrix.size.consequence, likelihood: scale.matrix.size.likelihood };
  const fields = [
    ['likelihoodRank', max.likelihood],
    ['residualLikelihoodRank', max.likelihood],
    ['consequenceRank', max.consequence],
    ['residualConsequenceRank', max.consequence],
  ] as const;
  for (const [field, limit] of fields) {
    const value = dto[field];
    if (value !== null && value !== undefined && value > limit) problems.push({ field, reasons: [`must be 1–${limit} on this scale`] });
  }
  return problems;
};

interface SourceAnalysisRow {
  id: string;
  type: string;
  mandate: string | null;
  scale_code: string;
  visible: boolean;
}

interface ScenarioCopyRow {
  title: string;
  hazard_source: RiskScenarioDto['hazardSource'];
  description: string | null;
  causes: string | null;
  existing_barriers: string | null;
  likelihood_rank: number | null;
  likelihood_rationale: string | null;
  consequences: ConsequenceAssessmentValue[];
  vulnerability: RiskScenarioDto['vulnerability'];
  vulnerability_text: string | null;
  uncertainty: RiskScenarioDto['uncertainty'];
  knowledge_base: string | null;
  needs_warning: boolean | null;
  needs_evacuation: boolean | null;
  warning_evacuation_text: string | null;
  residual_likelihood_rank: number | null;
  residual_consequences: ConsequenceAssessmentValue[];
}

interface HmsItemCopyRow {
  risk_factor_id: string;
  task_or_location: string;
  exposed_group: string | null;
  exposed_count: number | null;
  likelihood_rank: number | null;
  consequence_rank: number | null;
  existing_measures: string | null;
  rationale: string | null;
  uncertainty: HmsRiskItemDto['uncertainty'];
  proposed_measures: string | null;
  residual_likelihood_rank: number | null;
  residual_consequence_rank: number | null;
}

/** Write side of ROS: analyses and their scenarios, each change one transaction with its audit row. */
@Injectable()
export class RiskAnalysesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: RiskQuery,
  ) {}

  async create(auth: AuthContext, dto: CreateRiskAnalysisDto): Promise<RiskAnalysisResponse> {
    if (dto.type === 'holistic_ros' && !auth.permissions.has(PERMISSIONS.riskEditHolistic)) {
      throw new DomainException('FORBIDDEN', 'Helhetlig ROS is edited by the preparedness and HMS roles');
    }
    const template = this.templateFor(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      const source = dto.copyOfAnalysisId ? await this.sourceAnalysis(manager, auth, dto) : null;
      const [unit] = (await manager.query(
        `SELECT id, path::text AS path, parent_id FROM org_unit WHERE tenant_id = $1 AND id = $2 AND (valid_to IS NULL OR valid_to > CURRENT_DATE)`,
        [auth.tenantId, dto.scopeOrgUnitId],
      )) as { id: string; path: string; parent_id: string | null }[];
      if (!unit || !isInUnitScope(auth, PERMISSIONS.organisationRead, unit))
        throw fieldProblems([{ field: 'scopeOrgUnitId', reasons: ['unknown unit'] }]);
      const holistic = dto.type === 'holistic_ros';
      if (holistic && unit.parent_id !== null)
        throw fieldProblems([{ field: 'scopeOrgUnitId', reasons: ['helhetlig ROS covers the whole municipality'] }]);
      if (!isInUnitScope(auth, holistic ? PERMISSIONS.riskEditHolistic : PERMISSIONS.riskEdit, unit)) {
        throw new DomainException('FORBIDDEN', 'You may not create this analysis for this unit');
      }
      const code =
        dto.scaleSetCode ?? source?.scale_code ?? template?.scaleSetCode ?? (dto.type === 'hms_ros' ? 'hms_default' : 'dsb_societal');
      const [scale] = (await manager.query(
        `SELECT id, definition FROM scale_set WHERE tenant_id = $1 AND code = $2 ORDER BY version DESC LIMIT 1`,
        [auth.tenantId, code],
      )) as {
        id: string;
        definition: ScaleSetDefinition;
      }[];
      if (!scale) throw fieldProblems([{ field: 'scaleSetCode', reasons: ['unknown scale set'] }]);
      const nextRevisionAt = dto.nextRevisionAt ?? addDays(todayDateOnly(), holistic ? REVISION_DAYS.holistic_ros : REVISION_DAYS.other);
      const row = firstRow(
        (await manager.query(
          `INSERT INTO risk_analysis (tenant_id, type, title, mandate, scope_org_unit_id, owner_user_id, scale_set_id, next_revision_at, previous_version_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            auth.tenantId,
            dto.type,
            dto.title,
            dto.mandate === undefined ? (source?.mandate ?? null) : dto.mandate,
            unit.id,
            auth.userId,
            scale.id,
            nextRevisionAt,
            source?.id ?? null,
          ],
        )) as { id: string }[],
        'risk_analysis',
      );
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: {
          previousVersionId: source?.id ?? null,
          scaleSetId: scale.id,
          scopeOrgUnitId: unit.id,
          templateCode: template?.code ?? null,
          title: dto.title,
          type: dto.type,
        },
        entityId: row.id,
        entityType: 'risk_analysis',
        tenantId: auth.tenantId,
      });
      if (template) await this.fillFromTemplate(manager, auth, row.id, scale.definition, template);
      if (source) await this.copyContent(manager, auth, source.id, row.id, scale.definition);
      return row.id;
    });
    return this.query.get(auth, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateRiskAnalysisDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockEditable(manager, auth, id);
      const after = {
        council_case_number: dto.councilCaseNumber === undefined ? before.council_case_number : dto.councilCaseNumber,
        council_decision_date: dto.councilDecisionDate === undefined ? before.council_decision_date : dto.councilDecisionDate,
        mandate: dto.mandate === undefined ? before.mandate : dto.mandate,
        next_revision_at: dto.nextRevisionAt === undefined ? before.next_revision_at : dto.nextRevisionAt,
        status: dto.status ?? before.status,
        title: dto.title ?? before.title,
      };
      if (!canChangeAnalysisStatus(before.status, after.status)) {
        throw fieldProblems([{ field: 'status', reasons: [`cannot go from ${before.status} to ${after.status}`] }]);
      }
      const approving = after.status === 'approved' && before.status !== 'approved';
      await manager.query(
        `UPDATE risk_analysis SET title = $2, mandate = $3, status = $4, next_revision_at = $5, council_decision_date = $6, council_case_number = $7,
           approved_at = CASE WHEN $8::boolean THEN now() ELSE approved_at END, approved_by_user_id = CASE WHEN $8::boolean THEN $9::uuid ELSE approved_by_user_id END,
           updated_at = now() WHERE id = $1`,
        [
          id,
          after.title,
          after.mandate,
          after.status,
          after.next_revision_at,
          after.council_decision_date,
          after.council_case_number,
          approving,
          auth.userId,
        ],
      );
      const {
        definition: _definition,
        editable: _editable,
        visible: _visible,
        previous_version_id: previousVersionId,
        ...audited
      } = before;
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after,
        before: audited,
        entityId: id,
        entityType: 'risk_analysis',
        redact: [],
        tenantId: auth.tenantId,
      });
      if (approving && previousVersionId) await this.supersede(manager, auth, previousVersionId, id);
    });
    return this.query.get(auth, id);
  }

  /** The approved revision replaces its previous version: that one becomes `superseded` (stays readable), audited. */
  private async supersede(manager: EntityManager, auth: AuthContext, previousId: string, byId: string): Promise<void> {
    const [previous] = (await manager.query(`SELECT status FROM risk_analysis WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
      auth.tenantId,
      previousId,
    ])) as { status: string }[];
    if (!previous || previous.status === 'superseded') return;
    await manager.query(`UPDATE risk_analysis SET status = 'superseded', updated_at = now() WHERE id = $1`, [previousId]);
    await this.audit.record<{ status: string; supersededBy: string | null }>(manager, {
      action: 'update',
      actorUserId: auth.userId,
      after: { status: 'superseded', supersededBy: byId },
      before: { status: previous.status, supersededBy: null },
      entityId: previousId,
      entityType: 'risk_analysis',
      tenantId: auth.tenantId,
    });
  }

  private templateFor(dto: CreateRiskAnalysisDto): RiskTemplateDefinition | null {
    if (dto.templateCode === undefined) return null;
    if (dto.copyOfAnalysisId)
      throw fieldProblems([{ field: 'templateCode', reasons: ['start from a template or from a previous version, not both'] }]);
    const template = riskAnalysisTemplate(dto.templateCode);
    if (!template) throw fieldProblems([{ field: 'templateCode', reasons: ['unknown template'] }]);
    if (template.type !== dto.type)
      throw fieldProblems([{ field: 'templateCode', reasons: [`the template is for type ${template.type}`] }]);
    return template;
  }

  /** The analysis a new version copies: must be readable by the caller and of the same type. */
  private async sourceAnalysis(manager: EntityManager, auth: AuthContext, dto: CreateRiskAnalysisDto): Promise<SourceAnalysisRow> {
    const access = riskAccess(auth, 3, { edit: false });
    const [row] = (await manager.query(
      `SELECT a.id, a.type, a.mandate, s.code AS scale_code, ${access.visible} AS visible
         FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE a.tenant_id = $1 AND a.id = $2`,
      [auth.tenantId, dto.copyOfAnalysisId, ...access.params],
    )) as SourceAnalysisRow[];
    if (!row || !row.visible) throw fieldProblems([{ field: 'copyOfAnalysisId', reasons: ['unknown analysis'] }]);
    if (row.type !== dto.type)
      throw fieldProblems([{ field: 'copyOfAnalysisId', reasons: [`the previous version is of type ${row.type}`] }]);
    return row;
  }

  /** A template's scenarios and HMS items (unscored), in the creating transaction. */
  private async fillFromTemplate(
    manager: EntityManager,
    auth: AuthContext,
    analysisId: string,
    scale: ScaleSetDefinition,
    template: RiskTemplateDefinition,
  ): Promise<void> {
    for (const scenario of template.scenarios) {
      await this.insertScenario(manager, auth, analysisId, scale, {
        description: scenario.description,
        hazardSource: scenario.hazardSource,
        title: scenario.title,
      });
    }
    if (template.hmsItems.length === 0) return;
    await ensureDefaultRiskFactors(manager, auth.tenantId);
    const factors = (await manager.query(`SELECT id, code FROM risk_factor WHERE tenant_id = $1 AND code = ANY($2::varchar[])`, [
      auth.tenantId,
      template.hmsItems.map((item) => item.factorCode),
    ])) as { id: string; code: string }[];
    const idByCode = new Map(factors.map((factor) => [factor.code, factor.id]));
    for (const item of template.hmsItems) {
      const riskFactorId = idByCode.get(item.factorCode);
      if (!riskFactorId) continue;
      await this.insertHmsItem(manager, auth, analysisId, scale, {
        exposedGroup: item.exposedGroup,
        riskFactorId,
        taskOrLocation: item.taskOrLocation,
      });
    }
  }

  /** Mandate aside (set on insert), a new version starts with the previous one's scenarios and HMS items. */
  private async copyContent(
    manager: EntityManager,
    auth: AuthContext,
    sourceId: string,
    analysisId: string,
    scale: ScaleSetDefinition,
  ): Promise<void> {
    const scenarios = (await manager.query(`SELECT * FROM risk_scenario WHERE analysis_id = $1 ORDER BY sort_order, created_at, id`, [
      sourceId,
    ])) as ScenarioCopyRow[];
    const assessments = (list: readonly ConsequenceAssessmentValue[]) =>
      list.map((item) => ({ rank: item.rank, rationale: item.rationale, typeCode: item.typeCode }));
    for (const row of scenarios) {
      await this.insertScenario(manager, auth, analysisId, scale, {
        causes: row.causes,
        consequences: assessments(row.consequences),
        description: row.description,
        existingBarriers: row.existing_barriers,
        hazardSource: row.hazard_source,
        knowledgeBase: row.knowledge_base,
        likelihoodRank: row.likelihood_rank,
        likelihoodRationale: row.likelihood_rationale,
        needsEvacuation: row.needs_evacuation,
        needsWarning: row.needs_warning,
        residualConsequences: assessments(row.residual_consequences),
        residualLikelihoodRank: row.residual_likelihood_rank,
        title: row.title,
        uncertainty: row.uncertainty,
        vulnerability: row.vulnerability,
        vulnerabilityText: row.vulnerability_text,
        warningEvacuationText: row.warning_evacuation_text,
      });
    }
    const items = (await manager.query(`SELECT * FROM hms_risk_item WHERE analysis_id = $1 ORDER BY sort_order, created_at, id`, [
      sourceId,
    ])) as HmsItemCopyRow[];
    for (const row of items) {
      await this.insertHmsItem(manager, auth, analysisId, scale, {
        consequenceRank: row.consequence_rank,
        existingMeasures: row.existing_measures,
        exposedCount: row.exposed_count,
        exposedGroup: row.exposed_group,
        likelihoodRank: row.likelihood_rank,
        proposedMeasures: row.proposed_measures,
        rationale: row.rationale,
        residualConsequenceRank: row.residual_consequence_rank,
        residualLikelihoodRank: row.residual_likelihood_rank,
        riskFactorId: row.risk_factor_id,
        taskOrLocation: row.task_or_location,
        uncertainty: row.uncertainty,
      });
    }
  }

  async addHmsItem(auth: AuthContext, id: string, dto: HmsRiskItemDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await this.lockEditable(manager, auth, id);
      await this.insertHmsItem(manager, auth, id, analysis.definition, dto);
    });
    return this.query.get(auth, id);
  }

  /**
   * Inserts one HMS risk item (ranks checked against the analysis's scale, the factor against the tenant's
   * catalogue, 400 per field) with its audit row, inside the caller's transaction after lockEditable.
   */
  async insertHmsItem(
    manager: EntityManager,
    auth: AuthContext,
    analysisId: string,
    scale: ScaleSetDefinition,
    dto: HmsRiskItemDto,
  ): Promise<string> {
    await this.checkHmsItem(manager, auth, scale, dto);
    const row = firstRow(
      (await manager.query(
        `INSERT INTO hms_risk_item (tenant_id, analysis_id, sort_order, risk_factor_id, task_or_location, exposed_group, exposed_count, likelihood_rank,
           consequence_rank, existing_measures, rationale, uncertainty, proposed_measures, residual_likelihood_rank, residual_consequence_rank)
         VALUES ($1, $2, (SELECT COALESCE(max(sort_order), 0) + 1 FROM hms_risk_item WHERE analysis_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING id`,
        [auth.tenantId, analysisId, ...this.hmsItemValues(dto)],
      )) as { id: string }[],
      'hms_risk_item',
    );
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: auth.userId,
      after: { analysisId, ...this.hmsItemAudit(dto) },
      entityId: row.id,
      entityType: 'hms_risk_item',
      tenantId: auth.tenantId,
    });
    return row.id;
  }

  async updateHmsItem(auth: AuthContext, id: string, itemId: string, dto: HmsRiskItemDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await this.lockEditable(manager, auth, id);
      const [before] = (await manager.query(`SELECT * FROM hms_risk_item WHERE id = $1 AND analysis_id = $2 FOR UPDATE`, [
        itemId,
        id,
      ])) as HmsItemCopyRow[];
      if (!before) throw new DomainException('NOT_FOUND', 'HMS risk item not found in this analysis');
      await this.checkHmsItem(manager, auth, analysis.definition, dto);
      await manager.query(
        `UPDATE hms_risk_item SET risk_factor_id = $3, task_or_location = $4, exposed_group = $5, exposed_count = $6, likelihood_rank = $7, consequence_rank = $8,
           existing_measures = $9, rationale = $10, uncertainty = $11, proposed_measures = $12, residual_likelihood_rank = $13, residual_consequence_rank = $14, updated_at = now()
         WHERE id = $1 AND analysis_id = $2`,
        [itemId, id, ...this.hmsItemValues(dto)],
      );
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: this.hmsItemAudit(dto),
        before: this.hmsItemAudit(this.rowToHmsDto(before)),
        entityId: itemId,
        entityType: 'hms_risk_item',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  async deleteHmsItem(auth: AuthContext, id: string, itemId: string): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, auth, id);
      const [before] = (await manager.query(`DELETE FROM hms_risk_item WHERE id = $1 AND analysis_id = $2 RETURNING *`, [
        itemId,
        id,
      ])) as HmsItemCopyRow[];
      if (!before) throw new DomainException('NOT_FOUND', 'HMS risk item not found in this analysis');
      await this.audit.record(manager, {
        action: 'delete',
        actorUserId: auth.userId,
        before: { analysisId: id, ...this.hmsItemAudit(this.rowToHmsDto(before)) },
        entityId: itemId,
        entityType: 'hms_risk_item',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  private async checkHmsItem(manager: EntityManager, auth: AuthContext, scale: ScaleSetDefinition, dto: HmsRiskItemDto): Promise<void> {
    const problems = hmsScaleProblems(scale, dto);
    const [factor] = (await manager.query(`SELECT 1 FROM risk_factor WHERE tenant_id = $1 AND id = $2`, [
      auth.tenantId,
      dto.riskFactorId,
    ])) as unknown[];
    if (!factor) problems.unshift({ field: 'riskFactorId', reasons: ['not a factor of this municipality’s catalogue'] });
    if (problems.length > 0) throw fieldProblems(problems);
  }

  private rowToHmsDto(row: HmsItemCopyRow): HmsRiskItemDto {
    return {
      consequenceRank: row.consequence_rank,
      existingMeasures: row.existing_measures,
      exposedCount: row.exposed_count,
      exposedGroup: row.exposed_group,
      likelihoodRank: row.likelihood_rank,
      proposedMeasures: row.proposed_measures,
      rationale: row.rationale,
      residualConsequenceRank: row.residual_consequence_rank,
      residualLikelihoodRank: row.residual_likelihood_rank,
      riskFactorId: row.risk_factor_id,
      taskOrLocation: row.task_or_location,
      uncertainty: row.uncertainty,
    };
  }

  private hmsItemAudit(dto: HmsRiskItemDto): Record<string, unknown> {
    return {
      consequenceRank: dto.consequenceRank ?? null,
      existingMeasures: dto.existingMeasures ?? null,
      exposedCount: dto.exposedCount ?? null,
      exposedGroup: dto.exposedGroup ?? null,
      likelihoodRank: dto.likelihoodRank ?? null,
      proposedMeasures: dto.proposedMeasures ?? null,
      rationale: dto.rationale ?? null,
      residualConsequenceRank: dto.residualConsequenceRank ?? null,
      residualLikelihoodRank: dto.residualLikelihoodRank ?? null,
      riskFactorId: dto.riskFactorId,
      taskOrLocation: dto.taskOrLocation,
      uncertainty: dto.uncertainty ?? null,
    };
  }

  private hmsItemValues(dto: HmsRiskItemDto): unknown[] {
    return [
      dto.riskFactorId,
      dto.taskOrLocation,
      dto.exposedGroup ?? null,
      dto.exposedCount ?? null,
      dto.likelihoodRank ?? null,
      dto.consequenceRank ?? null,
      dto.existingMeasures ?? null,
      dto.rationale ?? null,
      dto.uncertainty ?? null,
      dto.proposedMeasures ?? null,
      dto.residualLikelihoodRank ?? null,
      dto.residualConsequenceRank ?? null,
    ];
  }

  async addScenario(auth: AuthContext, id: string, dto: RiskScenarioDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await this.lockEditable(manager, auth, id);
      await this.insertScenario(manager, auth, id, analysis.definition, dto);
    });
    return this.query.get(auth, id);
  }

  /**
   * Inserts one scenario (checked against the analysis's scale, 400 per field) with its audit row, inside the
   * caller's transaction after lockEditable. Used by import and workshops as well, so a scenario is written one way.
   */
  async insertScenario(
    manager: EntityManager,
    auth: AuthContext,
    analysisId: string,
    scale: ScaleSetDefinition,
    dto: RiskScenarioDto,
  ): Promise<string> {
    const problems = scaleProblems(scale, dto);
    if (problems.length > 0) throw fieldProblems(problems);
    const row = firstRow(
      (await manager.query(
        `INSERT INTO risk_scenario (tenant_id, analysis_id, sort_order, title, hazard_source, description, causes, existing_barriers, likelihood_rank,
           likelihood_rationale, consequences, vulnerability, vulnerability_text, uncertainty, knowledge_base, needs_warning, needs_evacuation,
           warning_evacuation_text, residual_likelihood_rank, residual_consequences)
         VALUES ($1, $2, (SELECT COALESCE(max(sort_order), 0) + 1 FROM risk_scenario WHERE analysis_id = $2), $3, $4, $5, $6, $7, $8, $9, $10::jsonb,
           $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb) RETURNING id`,
        [auth.tenantId, analysisId, ...this.scenarioValues(dto)],
      )) as { id: string }[],
      'risk_scenario',
    );
    await this.audit.record(manager, {
      action: 'create',
      actorUserId: auth.userId,
      after: { analysisId, title: dto.title },
      entityId: row.id,
      entityType: 'risk_scenario',
      tenantId: auth.tenantId,
    });
    return row.id;
  }

  async updateScenario(auth: AuthContext, id: string, scenarioId: string, dto: RiskScenarioDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await this.lockEditable(manager, auth, id);
      const problems = scaleProblems(analysis.definition, dto);
      if (problems.length > 0) throw fieldProblems(problems);
      const [, affected] = (await manager.query(
        `UPDATE risk_scenario SET title = $3, hazard_source = $4, description = $5, causes = $6, existing_barriers = $7, likelihood_rank = $8,
           likelihood_rationale = $9, consequences = $10::jsonb, vulnerability = $11, vulnerability_text = $12, uncertainty = $13, knowledge_base = $14,
           needs_warning = $15, needs_evacuation = $16, warning_evacuation_text = $17, residual_likelihood_rank = $18, residual_consequences = $19::jsonb,
           updated_at = now()
         WHERE id = $1 AND analysis_id = $2`,
        [scenarioId, id, ...this.scenarioValues(dto)],
      )) as [unknown, number];
      if (affected === 0) throw new DomainException('NOT_FOUND', 'Scenario not found in this analysis');
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { ...dto },
        before: {},
        entityId: scenarioId,
        entityType: 'risk_scenario',
        tenantId: auth.tenantId,
      });
    });
    return this.query.get(auth, id);
  }

  private scenarioValues(dto: RiskScenarioDto): unknown[] {
    const consequences = (list: readonly ConsequenceAssessmentDto[] | undefined) =>
      JSON.stringify((list ?? []).map((item) => ({ rank: item.rank, rationale: item.rationale ?? null, typeCode: item.typeCode })));
    return [
      dto.title,
      dto.hazardSource ?? 'hazard',
      dto.description ?? null,
      dto.causes ?? null,
      dto.existingBarriers ?? null,
      dto.likelihoodRank ?? null,
      dto.likelihoodRationale ?? null,
      consequences(dto.consequences),
      dto.vulnerability ?? null,
      dto.vulnerabilityText ?? null,
      dto.uncertainty ?? null,
      dto.knowledgeBase ?? null,
      dto.needsWarning ?? null,
      dto.needsEvacuation ?? null,
      dto.warningEvacuationText ?? null,
      dto.residualLikelihoodRank ?? null,
      consequences(dto.residualConsequences),
    ];
  }

  /** Locks an analysis the caller may edit (inside the caller's transaction): outside read access 404, readable but not editable 403. */
  async lockEditable(manager: EntityManager, auth: AuthContext, id: string) {
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
  }
}
