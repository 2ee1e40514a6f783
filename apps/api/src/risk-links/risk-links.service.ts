import type { AnalysisLinksResponse, ScenarioLinksResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import type { EntityRow } from '../core/database/entity-row';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import type { Incident } from '../incidents/entities/incident.entity';
import { incidentAccess } from '../incidents/incident-access';
import { MeasuresService } from '../measures/measures.service';
import type { RiskAnalysis } from '../risk/entities/risk-analysis.entity';
import type { RiskScenario } from '../risk/entities/risk-scenario.entity';
import { riskAccess } from '../risk/risk-access';
import { RiskAnalysesService } from '../risk/risk-analyses.service';
import type { LinkIncidentDto } from './dto/link-incident.dto';
import type { RiskMeasureDto } from './dto/risk-measure.dto';
import { RiskLinksQuery } from './risk-links.query';

/** TypeORM answers DELETE … RETURNING with [rows, affected]. */
const returned = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));

/** A scenario's analysis and the unit it covers (the default unit of a new measure). */
type ScenarioScope = EntityRow<RiskScenario, 'analysisId'> & EntityRow<RiskAnalysis, 'scopeOrgUnitId'>;

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';

/**
 * Writes of the ROS ↔ measure / avvik links (Helhet issue 5). Each write is one transaction: the analysis is
 * locked editable (RiskAnalysesService.lockEditable), the other side's read access is checked with its own
 * predicate, and an audit row is written.
 */
@Injectable()
export class RiskLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly analyses: RiskAnalysesService,
    private readonly query: RiskLinksQuery,
    private readonly measures: MeasuresService,
  ) {}

  async scenarioLinks(auth: AuthContext, analysisId: string, scenarioId: string): Promise<ScenarioLinksResponse> {
    await this.scenario(this.dataSource.manager, auth, scenarioId, analysisId);
    return this.pick(await this.query.analysisLinks(auth, analysisId), scenarioId);
  }

  async createMeasure(auth: AuthContext, analysisId: string, scenarioId: string, dto: RiskMeasureDto): Promise<ScenarioLinksResponse> {
    const written = await this.dataSource.transaction(async (manager) => {
      const scenario = await this.lockScenario(manager, auth, scenarioId, analysisId);
      const orgUnitId = dto.orgUnitId ?? scenario.scope_org_unit_id;
      return this.measures.create(
        manager,
        auth,
        { id: scenarioId, kind: 'riskScenario' },
        { ...dto, orgUnitId },
        { checkUnit: Boolean(dto.orgUnitId), context: { analysisId, orgUnitId, riskScenarioId: scenarioId } },
      );
    });
    await this.measures.afterCommit(written.deadlines);
    return this.scenarioLinks(auth, analysisId, scenarioId);
  }

  /** Link an existing measure (e.g. one made on an avvik) the caller may read. */
  async linkMeasure(auth: AuthContext, analysisId: string, scenarioId: string, measureId: string): Promise<ScenarioLinksResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockScenario(manager, auth, scenarioId, analysisId);
      if (!(await this.measureReadable(manager, auth, measureId)))
        throw fieldProblems([{ field: 'measureId', reasons: ['unknown measure, or you may not read it'] }]);
      const link = await this.measures.link(
        manager,
        auth,
        measureId,
        { id: scenarioId, kind: 'riskScenario' },
        { context: { analysisId, riskScenarioId: scenarioId } },
      );
      if (!link) throw new DomainException('RISK_LINK_DUPLICATE', 'The measure is already linked to this scenario');
    });
    return this.scenarioLinks(auth, analysisId, scenarioId);
  }

  /** Unlink: the measure itself stays (it may address avvik too); a measure left without any target is deleted. */
  async unlinkMeasure(auth: AuthContext, analysisId: string, scenarioId: string, measureId: string): Promise<ScenarioLinksResponse> {
    const result = await this.dataSource.transaction(async (manager) => {
      await this.lockScenario(manager, auth, scenarioId, analysisId);
      const unlinked = await this.measures.unlink(
        manager,
        auth,
        measureId,
        { id: scenarioId, kind: 'riskScenario' },
        { context: { analysisId, riskScenarioId: scenarioId } },
      );
      if (!unlinked.unlinked) throw new DomainException('NOT_FOUND', 'The measure is not linked to this scenario');
      return unlinked;
    });
    await this.measures.afterCommit(result.deadlines);
    return this.scenarioLinks(auth, analysisId, scenarioId);
  }

  /** POST /api/risk/scenarios/:scenarioId/incidents: edit the analysis AND read the avvik. */
  async linkIncident(auth: AuthContext, scenarioId: string, dto: LinkIncidentDto): Promise<ScenarioLinksResponse> {
    const analysisId = await this.dataSource.transaction(async (manager) => {
      const scenario = await this.lockScenario(manager, auth, scenarioId);
      const incidentId = await this.readableIncident(manager, auth, dto);
      const link = await this.insertUnique(
        manager,
        `INSERT INTO incident_risk_link (tenant_id, incident_id, risk_scenario_id, linked_by_user_id, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [auth.tenantId, incidentId, scenarioId, auth.userId, dto.note ?? null],
        'The avvik is already linked to this scenario',
      );
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { analysisId: scenario.analysis_id, incidentId, note: dto.note ?? null, riskScenarioId: scenarioId },
        entityId: link,
        entityType: 'incident_risk_link',
        tenantId: auth.tenantId,
      });
      return scenario.analysis_id;
    });
    return this.scenarioLinks(auth, analysisId, scenarioId);
  }

  async unlinkIncident(auth: AuthContext, scenarioId: string, incidentId: string): Promise<ScenarioLinksResponse> {
    const analysisId = await this.dataSource.transaction(async (manager) => {
      const scenario = await this.lockScenario(manager, auth, scenarioId);
      const [link] = returned<{ id: string; note: string | null }>(
        await manager.query(
          `DELETE FROM incident_risk_link WHERE tenant_id = $1 AND risk_scenario_id = $2 AND incident_id = $3 RETURNING id, note`,
          [auth.tenantId, scenarioId, incidentId],
        ),
      );
      if (!link) throw new DomainException('NOT_FOUND', 'The avvik is not linked to this scenario');
      await this.audit.record(manager, {
        action: 'delete',
        actorUserId: auth.userId,
        before: { analysisId: scenario.analysis_id, incidentId, note: link.note, riskScenarioId: scenarioId },
        entityId: link.id,
        entityType: 'incident_risk_link',
        tenantId: auth.tenantId,
      });
      return scenario.analysis_id;
    });
    return this.scenarioLinks(auth, analysisId, scenarioId);
  }

  private pick(links: AnalysisLinksResponse, scenarioId: string): ScenarioLinksResponse {
    const found = links.scenarios.find((s) => s.scenarioId === scenarioId);
    if (!found) throw new DomainException('RISK_SCENARIO_NOT_FOUND', 'Risk scenario not found');
    return found;
  }

  /** The scenario if its analysis is visible (else 404), optionally checking that it belongs to the analysis in the path. */
  private async scenario(manager: EntityManager, auth: AuthContext, scenarioId: string, analysisId?: string): Promise<ScenarioScope> {
    const access = riskAccess(auth, 3, { edit: false });
    const [row] = (await manager.query(
      `SELECT sc.analysis_id, a.scope_org_unit_id FROM risk_scenario sc JOIN risk_analysis a ON a.id = sc.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id
        WHERE sc.tenant_id = $1 AND sc.id = $2 AND ${access.visible}`,
      [auth.tenantId, scenarioId, ...access.params],
    )) as ScenarioScope[];
    if (!row || (analysisId !== undefined && row.analysis_id !== analysisId))
      throw new DomainException('RISK_SCENARIO_NOT_FOUND', 'Risk scenario not found');
    return row;
  }

  /** The scenario, its analysis locked for edit (403 when readable but not editable). */
  private async lockScenario(manager: EntityManager, auth: AuthContext, scenarioId: string, analysisId?: string): Promise<ScenarioScope> {
    const row = await this.scenario(manager, auth, scenarioId, analysisId);
    await this.analyses.lockEditable(manager, auth, row.analysis_id);
    return row;
  }

  /** The avvik by id or number if the caller may read it; otherwise 400 naming the field. */
  private async readableIncident(manager: EntityManager, auth: AuthContext, dto: LinkIncidentDto): Promise<string> {
    const field = dto.incidentId ? 'incidentId' : 'incidentNumber';
    if (!dto.incidentId && !dto.incidentNumber)
      throw fieldProblems([{ field: 'incidentId', reasons: ['give incidentId or incidentNumber'] }]);
    const inc = incidentAccess(auth, 4);
    const [row] = (await manager.query(
      `SELECT i.id FROM incident i JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.tenant_id = $1 AND (i.id = $2::uuid OR i.number = $3) AND ${inc.visible}`,
      [auth.tenantId, dto.incidentId ?? null, dto.incidentId ? null : dto.incidentNumber, ...inc.params],
    )) as EntityRow<Incident, 'id'>[];
    if (!row) throw fieldProblems([{ field, reasons: ['unknown avvik, or you may not read it'] }]);
    return row.id;
  }

  /** A measure is readable when it addresses an avvik the caller may read or a scenario of an analysis the caller may read. */
  private async measureReadable(manager: EntityManager, auth: AuthContext, measureId: string): Promise<boolean> {
    const inc = incidentAccess(auth, 3);
    const risk = riskAccess(auth, 3 + inc.params.length, { edit: false });
    const [row] = (await manager.query(
      `SELECT 1 FROM measure m WHERE m.tenant_id = $1 AND m.id = $2 AND (
         EXISTS (SELECT 1 FROM measure_link l JOIN incident i ON i.id = l.incident_id JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
                  WHERE l.measure_id = m.id AND ${inc.staff})
         OR EXISTS (SELECT 1 FROM measure_link l JOIN risk_scenario sc ON sc.id = l.risk_scenario_id JOIN risk_analysis a ON a.id = sc.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id
                  WHERE l.measure_id = m.id AND ${risk.visible}))`,
      [auth.tenantId, measureId, ...inc.params, ...risk.params],
    )) as unknown[];
    return row !== undefined;
  }

  /** Inserts a link; a unique violation (the pair exists) becomes 409 RISK_LINK_DUPLICATE and the transaction rolls back. */
  private async insertUnique(manager: EntityManager, sql: string, params: unknown[], message: string): Promise<string> {
    try {
      return firstRow((await manager.query(sql, params)) as { id: string }[], 'link').id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('RISK_LINK_DUPLICATE', message);
      throw error;
    }
  }
}
