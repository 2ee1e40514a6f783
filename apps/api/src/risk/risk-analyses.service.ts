import { addDays, type ScaleSet as ScaleSetDefinition, todayDateOnly } from '@helhet/domain';
import { type FieldError, PERMISSIONS, type RiskAnalysisResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { isInUnitScope } from '../auth/unit-scope';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { ConsequenceAssessmentDto, CreateRiskAnalysisDto, RiskScenarioDto, UpdateRiskAnalysisDto } from './dto/risk.dto';
import { riskAccess } from './risk-access';
import { RiskQuery } from './risk.query';

/** Revision intervals (domain.md §7.1): helhetlig ROS with each four-year planning period, the rest yearly. */
const REVISION_DAYS = { holistic_ros: 4 * 365, other: 365 } as const;

/** Every rank and type of a scenario must exist on the analysis's scale; problems name the field. */
export const scaleProblems = (scale: ScaleSetDefinition, dto: RiskScenarioDto): FieldError[] => {
  const problems: FieldError[] = [];
  const likelihoodMax = scale.matrix.size.likelihood;
  const consequenceMax = scale.matrix.size.consequence;
  for (const field of ['likelihoodRank', 'residualLikelihoodRank'] as const) {
    const value = dto[field];
    if (value !== null && value !== undefined && value > likelihoodMax) problems.push({ field, reasons: [`must be 1–${likelihoodMax} on this scale`] });
  }
  const check = (list: readonly ConsequenceAssessmentDto[] | undefined, field: string) =>
    (list ?? []).forEach((item, index) => {
      if (!scale.consequenceTypes.some((type) => type.code === item.typeCode)) problems.push({ field: `${field}.${index}.typeCode`, reasons: ['not a consequence type of this scale'] });
      if (item.rank > consequenceMax) problems.push({ field: `${field}.${index}.rank`, reasons: [`must be 1–${consequenceMax} on this scale`] });
    });
  check(dto.consequences, 'consequences');
  check(dto.residualConsequences, 'residualConsequences');
  return problems;
};

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
    const id = await this.dataSource.transaction(async (manager) => {
      const [unit] = (await manager.query(
        `SELECT id, path::text AS path, parent_id FROM org_unit WHERE tenant_id = $1 AND id = $2 AND (valid_to IS NULL OR valid_to > CURRENT_DATE)`,
        [auth.tenantId, dto.scopeOrgUnitId],
      )) as { id: string; path: string; parent_id: string | null }[];
      if (!unit || !isInUnitScope(auth, PERMISSIONS.organisationRead, unit)) throw fieldProblems([{ field: 'scopeOrgUnitId', reasons: ['unknown unit'] }]);
      const holistic = dto.type === 'holistic_ros';
      if (holistic && unit.parent_id !== null) throw fieldProblems([{ field: 'scopeOrgUnitId', reasons: ['helhetlig ROS covers the whole municipality'] }]);
      if (!isInUnitScope(auth, holistic ? PERMISSIONS.riskEditHolistic : PERMISSIONS.riskEdit, unit)) {
        throw new DomainException('FORBIDDEN', 'You may not create this analysis for this unit');
      }
      const code = dto.scaleSetCode ?? (dto.type === 'hms_ros' ? 'hms_default' : 'dsb_societal');
      const [scale] = (await manager.query(`SELECT id FROM scale_set WHERE tenant_id = $1 AND code = $2 ORDER BY version DESC LIMIT 1`, [auth.tenantId, code])) as { id: string }[];
      if (!scale) throw fieldProblems([{ field: 'scaleSetCode', reasons: ['unknown scale set'] }]);
      const nextRevisionAt = dto.nextRevisionAt ?? addDays(todayDateOnly(), holistic ? REVISION_DAYS.holistic_ros : REVISION_DAYS.other);
      const row = firstRow(
        (await manager.query(
          `INSERT INTO risk_analysis (tenant_id, type, title, mandate, scope_org_unit_id, owner_user_id, scale_set_id, next_revision_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [auth.tenantId, dto.type, dto.title, dto.mandate ?? null, unit.id, auth.userId, scale.id, nextRevisionAt],
        )) as { id: string }[],
        'risk_analysis',
      );
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { scaleSetId: scale.id, scopeOrgUnitId: unit.id, title: dto.title, type: dto.type },
        entityId: row.id,
        entityType: 'risk_analysis',
        tenantId: auth.tenantId,
      });
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
      const approving = after.status === 'approved' && before.status !== 'approved';
      await manager.query(
        `UPDATE risk_analysis SET title = $2, mandate = $3, status = $4, next_revision_at = $5, council_decision_date = $6, council_case_number = $7,
           approved_at = CASE WHEN $8::boolean THEN now() ELSE approved_at END, approved_by_user_id = CASE WHEN $8::boolean THEN $9::uuid ELSE approved_by_user_id END,
           updated_at = now() WHERE id = $1`,
        [id, after.title, after.mandate, after.status, after.next_revision_at, after.council_decision_date, after.council_case_number, approving, auth.userId],
      );
      await this.audit.record(manager, { action: 'update', actorUserId: auth.userId, after, before, entityId: id, entityType: 'risk_analysis', redact: [], tenantId: auth.tenantId });
    });
    return this.query.get(auth, id);
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
  async insertScenario(manager: EntityManager, auth: AuthContext, analysisId: string, scale: ScaleSetDefinition, dto: RiskScenarioDto): Promise<string> {
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
    await this.audit.record(manager, { action: 'create', actorUserId: auth.userId, after: { analysisId, title: dto.title }, entityId: row.id, entityType: 'risk_scenario', tenantId: auth.tenantId });
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
      await this.audit.record(manager, { action: 'update', actorUserId: auth.userId, after: { ...dto }, before: {}, entityId: scenarioId, entityType: 'risk_scenario', tenantId: auth.tenantId });
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
              to_char(a.council_decision_date, 'YYYY-MM-DD') AS council_decision_date, a.council_case_number, s.definition,
              ${access.visible} AS visible, ${access.editable} AS editable
         FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE a.tenant_id = $1 AND a.id = $2 FOR UPDATE OF a`,
      [auth.tenantId, id, ...access.params],
    )) as {
      title: string;
      mandate: string | null;
      status: string;
      next_revision_at: string | null;
      council_decision_date: string | null;
      council_case_number: string | null;
      definition: ScaleSetDefinition;
      visible: boolean;
      editable: boolean;
    }[];
    if (!row || !row.visible) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Risk analysis not found');
    if (!row.editable) throw new DomainException('FORBIDDEN', 'You may not edit this analysis');
    return row;
  }
}
