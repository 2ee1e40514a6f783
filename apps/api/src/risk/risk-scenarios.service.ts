import type { ScaleSet as ScaleSetDefinition } from '@helhet/domain';
import type { RiskAnalysisResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { ConsequenceAssessmentDto, RiskScenarioDto } from './dto/risk.dto';
import type { ConsequenceAssessmentValue } from './entities/risk-scenario.entity';
import { RiskQuery } from './risk.query';
import { lockEditableAnalysis } from './risk-analysis-lock';
import { scaleProblems } from './risk-scale-problems.util';

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

/** The likelihood dimension of a workshop round; every other dimension is a consequence type code. */
export const LIKELIHOOD_DIMENSION = 'likelihood';

/**
 * The only writer of `risk_scenario`: scenarios of an analysis, each change with its audit row. Other modules
 * (import, live workshops) call these methods inside their own transaction after lockEditable.
 */
@Injectable()
export class RiskScenariosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: RiskQuery,
  ) {}

  async addScenario(auth: AuthContext, id: string, dto: RiskScenarioDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await lockEditableAnalysis(manager, auth, id);
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

  /** Copies every Scenarios of `sourceId` into the new version `analysisId` (one insert with audit row each). */
  async copyScenarios(
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
  }

  async updateScenario(auth: AuthContext, id: string, scenarioId: string, dto: RiskScenarioDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await lockEditableAnalysis(manager, auth, id);
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

  /** Whether `scenarioId` is a scenario of the analysis (for commands from other modules that name one). */
  async isInAnalysis(manager: EntityManager, analysisId: string, scenarioId: string): Promise<boolean> {
    const [row] = (await manager.query(`SELECT 1 FROM risk_scenario WHERE id = $1 AND analysis_id = $2`, [
      scenarioId,
      analysisId,
    ])) as unknown[];
    return row !== undefined;
  }

  /** The analysis's scenarios in their order, id, title and description only (the live workshop's list). */
  titles(manager: EntityManager, analysisId: string): Promise<{ id: string; title: string; description: string | null }[]> {
    return manager.query(`SELECT id, title, description FROM risk_scenario WHERE analysis_id = $1 ORDER BY sort_order, created_at`, [
      analysisId,
    ]) as Promise<{ id: string; title: string; description: string | null }[]>;
  }

  /**
   * Writes a workshop consensus into the scenario (likelihood, or the rank of one consequence type; other consequence
   * data kept) with its audit row, inside the caller's transaction after lockEditable. `source` names the decision.
   */
  async applyConsensus(
    manager: EntityManager,
    auth: AuthContext,
    scenarioId: string,
    consensus: { dimension: string; value: number },
    source: Record<string, unknown>,
  ): Promise<void> {
    const { dimension, value } = consensus;
    const before = firstRow(
      (await manager.query(`SELECT likelihood_rank, consequences FROM risk_scenario WHERE id = $1 FOR UPDATE`, [scenarioId])) as {
        likelihood_rank: number | null;
        consequences: ConsequenceAssessmentValue[] | null;
      }[],
      'risk_scenario',
    );
    const current = before.consequences ?? [];
    const existing = current.find((c) => c.typeCode === dimension);
    if (dimension === LIKELIHOOD_DIMENSION) {
      await manager.query(`UPDATE risk_scenario SET likelihood_rank = $2, updated_at = now() WHERE id = $1`, [scenarioId, value]);
    } else {
      const next = existing
        ? current.map((c) => (c.typeCode === dimension ? { ...c, rank: value } : c))
        : [...current, { rank: value, rationale: null, typeCode: dimension }];
      await manager.query(`UPDATE risk_scenario SET consequences = $2::jsonb, updated_at = now() WHERE id = $1`, [
        scenarioId,
        JSON.stringify(next),
      ]);
    }
    await this.audit.record(manager, {
      action: 'update',
      actorUserId: auth.userId,
      after: { dimension, value, ...source },
      before: { dimension, value: dimension === LIKELIHOOD_DIMENSION ? before.likelihood_rank : (existing?.rank ?? null) },
      entityId: scenarioId,
      entityType: 'risk_scenario',
      tenantId: auth.tenantId,
    });
  }

  /** Appends a cause (a line) to the scenario's causes with its audit row, inside the caller's transaction after lockEditable. */
  async appendCause(manager: EntityManager, auth: AuthContext, scenarioId: string, cause: string): Promise<void> {
    const [before] = (await manager.query(`SELECT causes FROM risk_scenario WHERE id = $1 FOR UPDATE`, [scenarioId])) as {
      causes: string | null;
    }[];
    const causes = before?.causes ? `${before.causes}\n${cause}` : cause;
    await manager.query(`UPDATE risk_scenario SET causes = $2, updated_at = now() WHERE id = $1`, [scenarioId, causes]);
    await this.audit.record(manager, {
      action: 'update',
      actorUserId: auth.userId,
      after: { causes },
      before: { causes: before?.causes ?? null },
      entityId: scenarioId,
      entityType: 'risk_scenario',
      tenantId: auth.tenantId,
    });
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
}
