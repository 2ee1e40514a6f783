import {
  addDays,
  canChangeAnalysisStatus,
  riskAnalysisTemplate,
  type RiskTemplateDefinition,
  type ScaleSet as ScaleSetDefinition,
  todayDateOnly,
} from '@helhet/domain';
import { PERMISSIONS, type RiskAnalysisResponse } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { isInUnitScope } from '../auth/unit-scope';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { ensureDefaultRiskFactors } from './default-risk-factors';
import type { CreateRiskAnalysisDto, RiskScenarioDto, UpdateRiskAnalysisDto } from './dto/risk.dto';
import { RiskQuery } from './risk.query';
import { riskAccess } from './risk-access';
import { lockEditableAnalysis } from './risk-analysis-lock';
import { RiskHmsItemsService } from './risk-hms-items.service';
import { RiskScenariosService } from './risk-scenarios.service';

/** Kept here for callers outside the risk module (scenario import). */
export { scaleProblems } from './risk-scale-problems.util';

/** Revision intervals (domain.md §7.1): helhetlig ROS with each four-year planning period, the rest yearly. */
const REVISION_DAYS = { holistic_ros: 4 * 365, other: 365 } as const;

interface SourceAnalysisRow {
  id: string;
  type: string;
  mandate: string | null;
  scale_code: string;
  visible: boolean;
}

/** Write side of ROS analyses: create (blank, from a template, new version), update and the life cycle. */
@Injectable()
export class RiskAnalysesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: RiskQuery,
    private readonly scenarios: RiskScenariosService,
    private readonly hmsItems: RiskHmsItemsService,
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
      await this.scenarios.insertScenario(manager, auth, analysisId, scale, {
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
      await this.hmsItems.insertHmsItem(manager, auth, analysisId, scale, {
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
    await this.scenarios.copyScenarios(manager, auth, sourceId, analysisId, scale);
    await this.hmsItems.copyHmsItems(manager, auth, sourceId, analysisId, scale);
  }

  /** Locks an analysis the caller may edit (inside the caller's transaction): outside read access 404, readable but not editable 403. */
  lockEditable(manager: EntityManager, auth: AuthContext, id: string): ReturnType<typeof lockEditableAnalysis> {
    return lockEditableAnalysis(manager, auth, id);
  }

  /** Inserts one scenario in the caller's transaction (RiskScenariosService.insertScenario), for import. */
  insertScenario(
    manager: EntityManager,
    auth: AuthContext,
    analysisId: string,
    scale: ScaleSetDefinition,
    dto: RiskScenarioDto,
  ): Promise<string> {
    return this.scenarios.insertScenario(manager, auth, analysisId, scale, dto);
  }
}
