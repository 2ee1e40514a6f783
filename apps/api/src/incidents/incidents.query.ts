import { createHash } from 'node:crypto';

import { availableActions, canonicalReceiptCode } from '@helhet/domain';
import type {
  FilingUnitResponse,
  IncidentCategoryResponse,
  IncidentResponse,
  IncidentSummary,
  Page,
  ReceiptResponse,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AccessLogService } from '../access-log/access-log.service';
import type { AuthContext } from '../auth/auth-context';
import type { EntityRow, LeftJoined, Prefixed } from '../core/database/entity-row';
import { DomainException } from '../core/http/domain.exception';
import { pageWindow } from '../core/http/page-query.dto';
import { OrgDirectory } from '../organisation/org-directory';
import type { User } from '../users/entities/user.entity';
import { UserDirectory } from '../users/user-directory';
import type { ListIncidentsQueryDto } from './dto/list-incidents.query.dto';
import type { Incident } from './entities/incident.entity';
import type { IncidentCategory } from './entities/incident-category.entity';
import { DUE_AT_SQL, INCIDENT_FROM, INCIDENT_SUMMARY_COLUMNS, type IncidentSummaryRow, toIncidentSummary } from './incident.mapper';
import { incidentAccess } from './incident-access';
import { toCsv } from './incident-csv';
import {
  incidentAttachments,
  incidentBreach,
  incidentEvents,
  incidentExternalNotifications,
  incidentInjury,
  incidentMeasures,
} from './incident-details';

/** SHA-256 of the canonical code; a string that cannot be a code hashes to something no report has. */
export const receiptHash = (code: string): string =>
  createHash('sha256')
    .update(canonicalReceiptCode(code) ?? `invalid:${code}`)
    .digest('hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPORT_LIMIT = 20_000;

type ListedRow = IncidentSummaryRow & { is_reporter: boolean };

type UserJoin<P extends string> = Prefixed<P, LeftJoined<EntityRow<User, 'id' | 'name'>>>;

type DetailRow = ListedRow &
  EntityRow<
    Incident,
    | 'acknowledgeDueAt'
    | 'acknowledgedAt'
    | 'affectedPartyType'
    | 'causeCategory'
    | 'closeDueAt'
    | 'closedAt'
    | 'closureSummary'
    | 'description'
    | 'feedbackToReporter'
    | 'immediateActions'
    | 'location'
    | 'noMeasureReason'
    | 'reporterVisibility'
  > &
  UserJoin<'reporter'> &
  UserJoin<'responsible'> & { can_handle: boolean; is_staff: boolean };

type CategoryRow = EntityRow<
  IncidentCategory,
  'active' | 'code' | 'hasSeverity' | 'id' | 'label' | 'parentId' | 'restriction' | 'sortOrder'
>;

/** Read side of avvik. Every query is filtered by incidentAccess; restricted reads are access-logged. */
@Injectable()
export class IncidentsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly users: UserDirectory,
    private readonly org: OrgDirectory,
  ) {}

  async categories(auth: AuthContext, options: { includeInactive?: boolean } = {}): Promise<IncidentCategoryResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, parent_id, code, label, restriction, has_severity, active, sort_order FROM incident_category
        WHERE tenant_id = $1 AND ($2::boolean OR active) ORDER BY sort_order, label`,
      [auth.tenantId, options.includeInactive ?? false],
    )) as CategoryRow[];
    return rows
      .filter((row) => row.parent_id === null)
      .map((row) => ({
        active: row.active,
        code: row.code,
        hasSeverity: row.has_severity,
        id: row.id,
        label: row.label,
        restriction: row.restriction,
        sortOrder: row.sort_order,
        subcategories: rows
          .filter((sub) => sub.parent_id === row.id)
          .map((sub) => ({ active: sub.active, code: sub.code, id: sub.id, label: sub.label })),
      }));
  }

  /** Units anyone may file an avvik for (OrgDirectory): active units by name, one unit by id (a QR code’s unit), or the caller’s own. */
  async filingUnits(auth: AuthContext, q: string | undefined): Promise<FilingUnitResponse[]> {
    const term = (q ?? '').trim();
    let match: { id: string } | { nameContains: string };
    if (UUID.test(term)) match = { id: term };
    else if (term) match = { nameContains: term };
    else {
      // No search yet: the caller's own unit.
      const primary = await this.users.primaryOrgUnitId(auth.tenantId, auth.userId);
      if (!primary) return [];
      match = { id: primary };
    }
    const rows = await this.org.activeChoices(auth.tenantId, match, 20);
    return rows.map((row) => ({ id: row.id, name: row.name, parentName: row.parent_name }));
  }

  async list(auth: AuthContext, query: ListIncidentsQueryDto): Promise<Page<IncidentSummary>> {
    const { page, pageSize, skip } = pageWindow(query);
    const { params, where, order, isReporter } = this.filter(auth, query);
    const [count] = (await this.dataSource.query(`SELECT count(*)::int AS total ${INCIDENT_FROM} WHERE ${where}`, params)) as {
      total: number;
    }[];
    const rows = (await this.dataSource.query(
      `SELECT ${INCIDENT_SUMMARY_COLUMNS}, ${isReporter} AS is_reporter ${INCIDENT_FROM} WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    )) as ListedRow[];
    await this.logListed(auth, rows, 'list');
    const now = new Date();
    return { items: rows.map((row) => toIncidentSummary(row, now)), page, pageSize, total: count?.total ?? 0 };
  }

  /** CSV (semicolon-separated, UTF-8 with BOM for Norwegian Excel) of what the list shows. No free text. */
  async exportCsv(auth: AuthContext, query: ListIncidentsQueryDto): Promise<string> {
    const { params, where, order, isReporter } = this.filter(auth, query);
    const rows = (await this.dataSource.query(
      `SELECT ${INCIDENT_SUMMARY_COLUMNS}, ${isReporter} AS is_reporter ${INCIDENT_FROM} WHERE ${where} ORDER BY ${order} LIMIT ${EXPORT_LIMIT}`,
      params,
    )) as ListedRow[];
    await this.logListed(auth, rows, 'export');
    return toCsv(rows.map((row) => toIncidentSummary(row)));
  }

  /**
   * Multi-case reads of restricted categories (injury register, information security) are access-logged like a
   * detail read: one row per such case returned, in one INSERT, in the request. The reader's own reports are not
   * logged — reading what you filed is no access to others' data, and for a report hidden from the handler such a
   * row would name its reporter in clear text.
   */
  private async logListed(auth: AuthContext, rows: readonly ListedRow[], purpose: 'list' | 'export'): Promise<void> {
    await this.accessLog.record(this.dataSource.manager, {
      actorUserId: auth.userId,
      entityIds: rows.filter((row) => row.restriction !== 'none' && !row.is_reporter).map((row) => row.id),
      entityType: 'incident',
      purpose,
      tenantId: auth.tenantId,
    });
  }

  async receipt(auth: AuthContext, code: string): Promise<ReceiptResponse> {
    const [row] = (await this.dataSource.query(
      `SELECT number, status, reported_at, closed_at, feedback_to_reporter FROM incident WHERE tenant_id = $1 AND receipt_code_hash = $2`,
      [auth.tenantId, receiptHash(code)],
    )) as EntityRow<Incident, 'closedAt' | 'feedbackToReporter' | 'number' | 'reportedAt' | 'status'>[];
    if (!row) throw new DomainException('INCIDENT_NOT_FOUND', 'No report with this receipt code');
    return {
      closedAt: row.closed_at?.toISOString() ?? null,
      feedbackToReporter: row.status === 'closed' || row.status === 'rejected' ? row.feedback_to_reporter : null,
      number: row.number,
      reportedAt: row.reported_at.toISOString(),
      status: row.status,
    };
  }

  /** The whole case as the caller may see it. Outside their access the case does not exist (404). */
  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<IncidentResponse> {
    const access = incidentAccess(auth, 3);
    const [row] = (await manager.query(
      `SELECT ${INCIDENT_SUMMARY_COLUMNS}, i.location, i.description, i.immediate_actions, i.affected_party_type, i.reporter_visibility,
              rep.id AS reporter_id, rep.name AS reporter_name, resp.id AS responsible_id, resp.name AS responsible_name,
              i.acknowledge_due_at, i.close_due_at, i.acknowledged_at, i.cause_category, i.closure_summary, i.feedback_to_reporter,
              i.no_measure_reason, i.closed_at,
              ${access.handle} AS can_handle, ${access.staff} AS is_staff, ${access.reporter} AS is_reporter
         ${INCIDENT_FROM}
         LEFT JOIN app_user rep ON rep.id = COALESCE(i.reporter_user_id, CASE WHEN ${access.reporter} THEN $3::uuid END)
         LEFT JOIN app_user resp ON resp.id = i.responsible_user_id
        WHERE i.tenant_id = $1 AND i.id = $2 AND ${access.visible}`,
      [auth.tenantId, id, ...access.params],
    )) as DetailRow[];
    if (!row) throw new DomainException('INCIDENT_NOT_FOUND', 'Incident not found');
    const staff = row.is_staff;
    // Not the reporter's own report: see logListed.
    if (row.restriction !== 'none' && !row.is_reporter) {
      await this.accessLog.record(manager, {
        actorUserId: auth.userId,
        entityIds: [id],
        entityType: 'incident',
        purpose: 'read',
        tenantId: auth.tenantId,
      });
    }
    const showReporter = row.is_reporter || (staff && row.reporter_visibility === 'named');
    const [events, measures, attachments, injury, breach, notifications] = await Promise.all([
      incidentEvents(manager, id, staff),
      staff ? incidentMeasures(manager, id) : Promise.resolve([]),
      staff ? incidentAttachments(manager, id) : Promise.resolve([]),
      staff ? incidentInjury(manager, id) : Promise.resolve(null),
      staff ? incidentBreach(manager, id) : Promise.resolve(null),
      staff ? incidentExternalNotifications(manager, id) : Promise.resolve([]),
    ]);
    return {
      ...toIncidentSummary(row),
      acknowledgeDueAt: row.acknowledge_due_at.toISOString(),
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
      affectedPartyType: row.affected_party_type,
      attachments,
      availableActions: availableActions(row.status, { canHandle: row.can_handle }),
      breach,
      causeCategory: row.cause_category,
      closeDueAt: row.close_due_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      closureSummary: staff ? row.closure_summary : null,
      description: row.description,
      events,
      externalNotifications: notifications,
      feedbackToReporter: row.feedback_to_reporter,
      immediateActions: row.immediate_actions,
      injury,
      isReporter: row.is_reporter,
      location: row.location,
      measures,
      noMeasureReason: staff ? row.no_measure_reason : null,
      reporter: showReporter && row.reporter_id ? { id: row.reporter_id, name: row.reporter_name ?? '' } : null,
      reporterVisibility: row.reporter_visibility,
      responsible: row.responsible_id ? { id: row.responsible_id, name: row.responsible_name ?? '' } : null,
    };
  }

  private filter(auth: AuthContext, query: ListIncidentsQueryDto): { params: unknown[]; where: string; order: string; isReporter: string } {
    const access = incidentAccess(auth, 2);
    const params: unknown[] = [auth.tenantId, ...access.params];
    const me = `$2`;
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    // Every parameter of `access` is used in every branch: Postgres refuses unused ones.
    const where = [`i.tenant_id = $1`];
    if (query.mine === 'reported') where.push(access.visible, access.reporter);
    else if (query.mine === 'handling') {
      where.push(
        access.visible,
        `(i.handler_user_id = ${me} OR i.responsible_user_id = ${me} OR ${me} = ANY(i.escalated_to_user_ids))`,
        `i.status IN ('registered', 'in_progress', 'measures')`,
      );
    } else where.push(access.staff);
    if (query.orgUnitId) where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = ${add(query.orgUnitId)})`);
    if (query.from) where.push(`(i.reported_at AT TIME ZONE 'Europe/Oslo')::date >= ${add(query.from)}::date`);
    if (query.to) where.push(`(i.reported_at AT TIME ZONE 'Europe/Oslo')::date <= ${add(query.to)}::date`);
    if (query.kind) where.push(`i.kind = ${add(query.kind)}`);
    if (query.categoryId) where.push(`i.category_id = ${add(query.categoryId)}`);
    if (query.severity) where.push(`(i.severity_actual = ${add(query.severity)} OR i.severity_potential = $${params.length})`);
    if (query.status) where.push(`i.status = ${add(query.status)}`);
    if (query.overdue === true) where.push(`(${DUE_AT_SQL}) < now()`);
    if (query.overdue === false) where.push(`((${DUE_AT_SQL}) IS NULL OR (${DUE_AT_SQL}) >= now())`);
    const order = query.mine === 'handling' ? `due_at NULLS LAST, i.reported_at` : `i.reported_at DESC, i.id`;
    return { isReporter: access.reporter, order, params, where: where.join(' AND ') };
  }
}
