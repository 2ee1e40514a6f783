import { type CategoryRestriction, normaliseSeverityPolicy, SEVERITIES, type SeverityPolicy, validateSeverityPolicy } from '@helhet/domain';
import type { IncidentCategoryResponse, IncidentSettingsResponse, IncidentSeverityOption } from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException, fieldProblems } from '../core/http/domain.exception';
import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import type { IncidentSettingsDto } from './dto/incident-settings.dto';
import type { SeverityPolicyDto } from './dto/severity-policy.dto';
import type { UpsertIncidentCategoryDto } from './dto/upsert-incident-category.dto';
import { CategoryRestrictionChanges, restrictionApprover } from './incident-categories.restrictions';
import { IncidentsQuery } from './incidents.query';

/** The validated DTO as a plain policy (class instances would carry no extra fields, but JSON should be plain). */
const severityPolicyOf = (dto: SeverityPolicyDto): SeverityPolicy => {
  const policy = {} as Record<(typeof SEVERITIES)[number], SeverityPolicy[keyof SeverityPolicy]>;
  for (const code of SEVERITIES) {
    const level = dto[code];
    policy[code] = {
      active: level.active,
      description: level.description,
      label: level.label,
      notify: level.notify,
      sameDayAcknowledge: level.sameDayAcknowledge,
    };
  }
  return policy;
};

/** Nested settings as `a.b.c` keys, so the audit diff (which skips nested objects) records every value. */
const flatten = (value: Record<string, unknown>, prefix = ''): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      typeof inner === 'object' && inner !== null && !Array.isArray(inner)
        ? Object.entries(flatten(inner as Record<string, unknown>, `${prefix}${key}.`))
        : [[`${prefix}${key}`, inner]],
    ),
  );

/** Tenant configuration of avvik: categories, sub-categories, deadlines and the severity scale (domain.md §3.2–3.4). */
@Injectable()
export class IncidentCategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly query: IncidentsQuery,
    private readonly settings: TenantSettingsService,
    private readonly restrictionChanges: CategoryRestrictionChanges,
  ) {}

  async create(auth: AuthContext, dto: UpsertIncidentCategoryDto): Promise<IncidentCategoryResponse[]> {
    await this.dataSource.transaction(async (manager) => {
      if (dto.parentId) await this.requireTopLevel(manager, auth.tenantId, dto.parentId);
      const [row] = (await manager.query(
        `INSERT INTO incident_category (tenant_id, parent_id, code, label, restriction, has_severity, active, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
        [
          auth.tenantId,
          dto.parentId ?? null,
          dto.code,
          dto.label,
          dto.restriction,
          dto.hasSeverity,
          dto.active ?? true,
          dto.sortOrder ?? 1000,
        ],
      )) as { id: string }[];
      if (!row)
        throw new DomainException('INCIDENT_CATEGORY_CODE_TAKEN', `Category code ${dto.code} is taken`, [
          { field: 'code', reasons: ['is taken'] },
        ]);
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { ...dto },
        entityId: row.id,
        entityType: 'incident_category',
        tenantId: auth.tenantId,
      });
    });
    return this.query.categories(auth, { includeInactive: true });
  }

  /**
   * Saves a category. A loosened restriction (ADR 0015) is not applied: it becomes a pending change for the approver
   * (returned as `pendingChangeId`) while every other field is saved; a tightened one applies at once.
   */
  async update(
    auth: AuthContext,
    id: string,
    dto: UpsertIncidentCategoryDto,
  ): Promise<{ categories: IncidentCategoryResponse[]; pendingChangeId: string | null }> {
    const { deliveryIds, pendingChangeId } = await this.dataSource.transaction(async (manager) => {
      const [before] = (await manager.query(
        `SELECT code, label, restriction, has_severity AS "hasSeverity", active, sort_order AS "sortOrder", parent_id AS "parentId"
           FROM incident_category WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [auth.tenantId, id],
      )) as Record<string, unknown>[];
      if (!before) throw new DomainException('NOT_FOUND', 'Category not found');
      if (dto.code !== before['code'])
        throw new DomainException('VALIDATION_FAILED', 'The code of a category cannot change', [
          { field: 'code', reasons: ['cannot change'] },
        ]);
      const from = before['restriction'] as CategoryRestriction;
      const approverRole = restrictionApprover(from, dto.restriction);
      const restriction = approverRole ? from : dto.restriction;
      await manager.query(
        `UPDATE incident_category SET label = $3, restriction = $4, has_severity = $5, active = $6, sort_order = $7, updated_at = now()
          WHERE tenant_id = $1 AND (id = $2 OR parent_id = $2 AND $8::boolean)`,
        [auth.tenantId, id, dto.label, restriction, dto.hasSeverity, dto.active ?? true, dto.sortOrder ?? before['sortOrder'], false],
      );
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { ...before, ...dto, restriction },
        before,
        entityId: id,
        entityType: 'incident_category',
        tenantId: auth.tenantId,
      });
      if (!approverRole) return { deliveryIds: [], pendingChangeId: null };
      const proposal = await this.restrictionChanges.propose(manager, auth, { id, label: dto.label }, from, dto.restriction, approverRole);
      return { deliveryIds: proposal.deliveryIds, pendingChangeId: proposal.id };
    });
    await this.restrictionChanges.enqueue(auth.tenantId, deliveryIds);
    return { categories: await this.query.categories(auth, { includeInactive: true }), pendingChangeId };
  }

  async getSettings(auth: AuthContext): Promise<IncidentSettingsResponse> {
    const manager = this.dataSource.manager;
    const [deadlines, severities] = await Promise.all([
      this.settings.incidentDeadlines(manager, auth.tenantId),
      this.settings.incidentSeverities(manager, auth.tenantId),
    ]);
    return { deadlines, severities };
  }

  /** The severity levels as the filing form offers them: labels and guidance for everyone who may file. */
  async severityOptions(auth: AuthContext): Promise<IncidentSeverityOption[]> {
    const policy = await this.settings.incidentSeverities(this.dataSource.manager, auth.tenantId);
    return SEVERITIES.map((code) => ({
      active: policy[code].active,
      code,
      description: policy[code].description,
      label: policy[code].label,
    }));
  }

  /**
   * Deadlines and (when given) the severity scale, in one transaction with one audit row per setting.
   * Rules across levels (distinct labels, critical stays on, at least two levels) come from libs/domain.
   */
  async saveSettings(auth: AuthContext, dto: IncidentSettingsDto): Promise<IncidentSettingsResponse> {
    const severities = dto.severities ? severityPolicyOf(dto.severities) : null;
    if (severities) {
      const problems = validateSeverityPolicy(severities);
      if (problems.length > 0)
        throw fieldProblems(problems.map((p) => ({ field: p.field ? `severities.${p.field}` : 'severities', reasons: [p.reason] })));
    }
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.incidentDeadlines(manager, auth.tenantId);
      await this.settings.setIncidentDeadlines(manager, auth.tenantId, dto.deadlines);
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: flatten({ ...dto.deadlines }),
        before: flatten({ ...before }),
        entityId: auth.tenantId,
        entityType: 'tenant_setting',
        tenantId: auth.tenantId,
      });
      if (severities) {
        const previous = await this.settings.incidentSeverities(manager, auth.tenantId);
        const next = normaliseSeverityPolicy(severities);
        await this.settings.setIncidentSeverities(manager, auth.tenantId, next);
        await this.audit.record(manager, {
          action: 'update',
          actorUserId: auth.userId,
          after: flatten({ severities: next }),
          before: flatten({ severities: previous }),
          entityId: auth.tenantId,
          entityType: 'tenant_setting',
          tenantId: auth.tenantId,
        });
      }
    });
    return this.getSettings(auth);
  }

  private async requireTopLevel(manager: EntityManager, tenantId: string, parentId: string): Promise<void> {
    const [parent] = (await manager.query(`SELECT parent_id FROM incident_category WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      parentId,
    ])) as { parent_id: string | null }[];
    if (!parent || parent.parent_id !== null)
      throw new DomainException('VALIDATION_FAILED', 'parentId must be a top-level category', [
        { field: 'parentId', reasons: ['must be a top-level category'] },
      ]);
  }
}
