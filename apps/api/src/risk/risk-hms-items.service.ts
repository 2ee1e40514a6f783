import type { ScaleSet as ScaleSetDefinition } from '@helhet/domain';
import type { RiskAnalysisResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { HmsRiskItemDto } from './dto/risk.dto';
import { RiskQuery } from './risk.query';
import { lockEditableAnalysis } from './risk-analysis-lock';
import { hmsScaleProblems } from './risk-scale-problems.util';

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

/** The only writer of `hms_risk_item`: HMS risk items of an analysis, each change with its audit row. */
@Injectable()
export class RiskHmsItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: RiskQuery,
  ) {}

  async addHmsItem(auth: AuthContext, id: string, dto: HmsRiskItemDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await lockEditableAnalysis(manager, auth, id);
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

  /** Copies every HmsItems of `sourceId` into the new version `analysisId` (one insert with audit row each). */
  async copyHmsItems(
    manager: EntityManager,
    auth: AuthContext,
    sourceId: string,
    analysisId: string,
    scale: ScaleSetDefinition,
  ): Promise<void> {
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

  async updateHmsItem(auth: AuthContext, id: string, itemId: string, dto: HmsRiskItemDto): Promise<RiskAnalysisResponse> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await lockEditableAnalysis(manager, auth, id);
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
      await lockEditableAnalysis(manager, auth, id);
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
}
