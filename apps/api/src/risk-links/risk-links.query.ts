import type {
  AnalysisLinksResponse,
  IncidentRiskLinkResponse,
  LinkableScenario,
  RiskEvidenceIncident,
  RiskMeasureResponse,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuthContext } from '../auth/auth-context';
import type { EntityRow, LeftJoined, Prefixed } from '../core/database/entity-row';
import { DomainException } from '../core/http/domain.exception';
import type { Incident } from '../incidents/entities/incident.entity';
import type { IncidentCategory } from '../incidents/entities/incident-category.entity';
import { incidentAccess } from '../incidents/incident-access';
import type { Measure } from '../measures/entities/measure.entity';
import type { OrgUnit } from '../organisation/entities/org-unit.entity';
import type { RiskAnalysis } from '../risk/entities/risk-analysis.entity';
import type { RiskScenario } from '../risk/entities/risk-scenario.entity';
import type { ScaleSet } from '../risk/entities/scale-set.entity';
import { riskAccess } from '../risk/risk-access';
import { riskPosition } from '../risk/risk-position';
import type { User } from '../users/entities/user.entity';
import type { IncidentRiskLink } from './entities/incident-risk-link.entity';

/** One measure of MEASURES_JSON: keys as built there, value types from the entities (JSON turns timestamps into strings). */
type MeasureJson = Pick<Measure, 'deadline' | 'description' | 'id' | 'status' | 'title'> & {
  completedAt: string | null;
  ownerId: User['id'] | null;
  ownerName: User['name'] | null;
  unitId: OrgUnit['id'];
  unitName: OrgUnit['name'];
  incidentCount: number;
};

/** One evidence avvik of analysisLinks, likewise. */
type EvidenceJson = Pick<Incident, 'number' | 'status'> &
  Pick<IncidentRiskLink, 'note'> & {
    incidentId: Incident['id'];
    occurredAt: string;
    categoryCode: IncidentCategory['code'];
    categoryLabel: IncidentCategory['label'];
    severity: Incident['severityActual'];
    linkedAt: string;
  };

type ScenarioRiskColumns = EntityRow<RiskScenario, 'consequences' | 'id' | 'likelihoodRank' | 'title'> &
  Prefixed<'analysis', EntityRow<RiskAnalysis, 'id' | 'title'>> &
  EntityRow<ScaleSet, 'definition'>;

type IncidentRiskRow = ScenarioRiskColumns &
  EntityRow<RiskScenario, 'residualConsequences' | 'residualLikelihoodRank'> &
  EntityRow<RiskAnalysis, 'status' | 'type'> &
  EntityRow<IncidentRiskLink, 'linkedAt' | 'note'> &
  Prefixed<'linked_by', LeftJoined<EntityRow<User, 'id' | 'name'>>> & { editable: boolean };

/** The measures of every scenario of one analysis as JSON per scenario row (alias `sc`). No access check: callers check the analysis. */
const MEASURES_JSON = `COALESCE((
  SELECT json_agg(json_build_object(
           'id', m.id, 'title', m.title, 'description', m.description, 'status', m.status,
           'deadline', to_char(m.deadline, 'YYYY-MM-DD'), 'completedAt', m.completed_at,
           'ownerId', o.id, 'ownerName', o.name, 'unitId', mu.id, 'unitName', mu.name,
           'incidentCount', (SELECT count(*)::int FROM measure_link x WHERE x.measure_id = m.id AND x.incident_id IS NOT NULL)
         ) ORDER BY m.created_at, m.id)
    FROM measure_link ml JOIN measure m ON m.id = ml.measure_id
    JOIN org_unit mu ON mu.id = m.org_unit_id LEFT JOIN app_user o ON o.id = m.owner_user_id
   WHERE ml.risk_scenario_id = sc.id), '[]'::json)`;

const toMeasure = (row: MeasureJson, today: string): RiskMeasureResponse => ({
  completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
  deadline: row.deadline,
  description: row.description,
  id: row.id,
  incidentCount: row.incidentCount,
  orgUnit: { id: row.unitId, name: row.unitName },
  overdue: row.deadline !== null && row.deadline < today && !['done', 'cancelled'].includes(row.status),
  owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
  status: row.status,
  title: row.title,
});

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Reads of the ROS ↔ measure / avvik links. Exported by RiskLinksModule: `measuresByScenario` is the
 * reusable measure list (a follow-up plan) for the PDF report, after the caller has checked the analysis.
 */
@Injectable()
export class RiskLinksQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Measures per scenario of an analysis, in one query. The caller has already checked that the analysis is visible. */
  async measuresByScenario(
    tenantId: string,
    analysisId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, RiskMeasureResponse[]>> {
    const rows = (await manager.query(
      `SELECT sc.id, ${MEASURES_JSON} AS measures FROM risk_scenario sc WHERE sc.tenant_id = $1 AND sc.analysis_id = $2 ORDER BY sc.sort_order, sc.created_at, sc.id`,
      [tenantId, analysisId],
    )) as (EntityRow<RiskScenario, 'id'> & { measures: MeasureJson[] })[];
    const now = today();
    return new Map(rows.map((row) => [row.id, row.measures.map((m) => toMeasure(m, now))]));
  }

  /** GET /api/risk/analyses/:id/links: per scenario its measures and the evidence avvik the caller may read, in one query. */
  async analysisLinks(
    auth: AuthContext,
    analysisId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AnalysisLinksResponse> {
    await this.requireVisibleAnalysis(manager, auth, analysisId);
    const inc = incidentAccess(auth, 3);
    const rows = (await manager.query(
      `SELECT sc.id, ${MEASURES_JSON} AS measures,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'incidentId', i.id, 'number', i.number, 'occurredAt', i.occurred_at, 'categoryCode', c.code, 'categoryLabel', c.label,
                         'severity', COALESCE(i.severity_actual, i.severity_potential), 'status', i.status, 'linkedAt', l.linked_at, 'note', l.note
                       ) ORDER BY i.occurred_at DESC, i.id)
                  FROM incident_risk_link l JOIN incident i ON i.id = l.incident_id
                  JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
                 WHERE l.risk_scenario_id = sc.id AND ${inc.visible}), '[]'::json) AS evidence
         FROM risk_scenario sc
        WHERE sc.tenant_id = $1 AND sc.analysis_id = $2
        ORDER BY sc.sort_order, sc.created_at, sc.id`,
      [auth.tenantId, analysisId, ...inc.params],
    )) as (EntityRow<RiskScenario, 'id'> & { measures: MeasureJson[]; evidence: EvidenceJson[] })[];
    const now = today();
    return {
      analysisId,
      scenarios: rows.map((row) => {
        const evidence = row.evidence.map(
          (e): RiskEvidenceIncident => ({
            category: { code: e.categoryCode, label: e.categoryLabel },
            incidentId: e.incidentId,
            linkedAt: new Date(e.linkedAt).toISOString(),
            note: e.note,
            number: e.number,
            occurredAt: new Date(e.occurredAt).toISOString(),
            severity: e.severity,
            status: e.status,
          }),
        );
        return { evidence, evidenceCount: evidence.length, measures: row.measures.map((m) => toMeasure(m, now)), scenarioId: row.id };
      }),
    };
  }

  /** GET /api/incidents/:id/risks: 404 when the avvik is not readable; only scenarios of analyses the caller may read. */
  async incidentRisks(
    auth: AuthContext,
    incidentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IncidentRiskLinkResponse[]> {
    const inc = incidentAccess(auth, 3);
    const [incident] = (await manager.query(
      `SELECT i.id FROM incident i JOIN incident_category c ON c.id = i.category_id JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.tenant_id = $1 AND i.id = $2 AND ${inc.visible}`,
      [auth.tenantId, incidentId, ...inc.params],
    )) as EntityRow<Incident, 'id'>[];
    if (!incident) throw new DomainException('INCIDENT_NOT_FOUND', 'Incident not found');
    const access = riskAccess(auth, 3);
    const rows = (await manager.query(
      `SELECT sc.id, sc.title, sc.likelihood_rank, sc.consequences, sc.residual_likelihood_rank, sc.residual_consequences,
              a.id AS analysis_id, a.title AS analysis_title, a.type, a.status, s.definition, ${access.editable} AS editable,
              l.linked_at, l.note, lb.id AS linked_by_id, lb.name AS linked_by_name
         FROM incident_risk_link l JOIN risk_scenario sc ON sc.id = l.risk_scenario_id
         JOIN risk_analysis a ON a.id = sc.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
         LEFT JOIN app_user lb ON lb.id = l.linked_by_user_id
        WHERE l.tenant_id = $1 AND l.incident_id = $2 AND ${access.visible}
        ORDER BY l.linked_at, sc.id`,
      [auth.tenantId, incidentId, ...access.params],
    )) as IncidentRiskRow[];
    return rows.map((row) => ({
      analysis: { id: row.analysis_id, status: row.status, title: row.analysis_title, type: row.type },
      canUnlink: row.editable,
      linkedAt: row.linked_at.toISOString(),
      linkedBy: row.linked_by_id ? { id: row.linked_by_id, name: row.linked_by_name ?? '' } : null,
      note: row.note,
      residualRisk: riskPosition(row.definition, row.residual_likelihood_rank, row.residual_consequences),
      risk: riskPosition(row.definition, row.likelihood_rank, row.consequences),
      scenarioId: row.id,
      scenarioTitle: row.title,
    }));
  }

  /** GET /api/risk/linkable-scenarios?q=: scenarios in analyses the caller may edit (not superseded), newest analyses first. */
  async linkableScenarios(auth: AuthContext, q: string | undefined): Promise<LinkableScenario[]> {
    const access = riskAccess(auth, 3);
    const rows = (await this.dataSource.query(
      `SELECT sc.id, sc.title, sc.likelihood_rank, sc.consequences, a.id AS analysis_id, a.title AS analysis_title, s.definition
         FROM risk_scenario sc JOIN risk_analysis a ON a.id = sc.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN scale_set s ON s.id = a.scale_set_id
        WHERE sc.tenant_id = $1 AND a.status <> 'superseded' AND ($2::text IS NULL OR sc.title ILIKE '%' || $2 || '%' OR a.title ILIKE '%' || $2 || '%')
          AND ${access.visible} AND ${access.editable}
        ORDER BY a.updated_at DESC, sc.sort_order, sc.id
        LIMIT 30`,
      [auth.tenantId, q ? q.replace(/[\\%_]/g, (m) => `\\${m}`) : null, ...access.params],
    )) as ScenarioRiskColumns[];
    return rows.map((row) => ({
      analysisId: row.analysis_id,
      analysisTitle: row.analysis_title,
      risk: riskPosition(row.definition, row.likelihood_rank, row.consequences),
      scenarioId: row.id,
      scenarioTitle: row.title,
    }));
  }

  private async requireVisibleAnalysis(manager: EntityManager, auth: AuthContext, analysisId: string): Promise<void> {
    const access = riskAccess(auth, 3, { edit: false });
    const [row] = (await manager.query(
      `SELECT a.id FROM risk_analysis a JOIN org_unit u ON u.id = a.scope_org_unit_id WHERE a.tenant_id = $1 AND a.id = $2 AND ${access.visible}`,
      [auth.tenantId, analysisId, ...access.params],
    )) as EntityRow<RiskAnalysis, 'id'>[];
    if (!row) throw new DomainException('RISK_ANALYSIS_NOT_FOUND', 'Risk analysis not found');
  }
}
