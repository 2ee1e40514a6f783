import { createHash } from 'node:crypto';

import { availableActions, canonicalReceiptCode, type CauseCategory, type IncidentStatus } from '@helhet/domain';
import type {
  AttachmentResponse,
  ExternalNotificationResponse,
  FilingUnitResponse,
  IncidentCategoryResponse,
  IncidentEventResponse,
  IncidentResponse,
  IncidentStatsResponse,
  IncidentSummary,
  InjuryRecordResponse,
  MeasureResponse,
  Page,
  PersonalDataBreachResponse,
  ReceiptResponse,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AccessLogService } from '../access-log/access-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { pageWindow } from '../core/http/page-query.dto';
import type { IncidentStatsQueryDto } from './dto/incident-stats.query.dto';
import type { ListIncidentsQueryDto } from './dto/list-incidents.query.dto';
import { DUE_AT_SQL, INCIDENT_FROM, INCIDENT_SUMMARY_COLUMNS, type IncidentSummaryRow, toIncidentSummary } from './incident.mapper';
import { incidentAccess } from './incident-access';
import { toCsv } from './incident-csv';

/** SHA-256 of the canonical code; a string that cannot be a code hashes to something no report has. */
export const receiptHash = (code: string): string =>
  createHash('sha256')
    .update(canonicalReceiptCode(code) ?? `invalid:${code}`)
    .digest('hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPORT_LIMIT = 20_000;

interface ListedRow extends IncidentSummaryRow {
  is_reporter: boolean;
}

interface DetailRow extends IncidentSummaryRow {
  location: string | null;
  description: string;
  immediate_actions: string | null;
  affected_party_type: IncidentResponse['affectedPartyType'];
  reporter_visibility: IncidentResponse['reporterVisibility'];
  reporter_id: string | null;
  reporter_name: string | null;
  responsible_id: string | null;
  responsible_name: string | null;
  acknowledge_due_at: Date;
  close_due_at: Date;
  acknowledged_at: Date | null;
  cause_category: CauseCategory | null;
  closure_summary: string | null;
  feedback_to_reporter: string | null;
  no_measure_reason: string | null;
  closed_at: Date | null;
  can_handle: boolean;
  is_staff: boolean;
  is_reporter: boolean;
}

/** Read side of avvik. Every query is filtered by incidentAccess; restricted reads are access-logged. */
@Injectable()
export class IncidentsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async categories(auth: AuthContext, options: { includeInactive?: boolean } = {}): Promise<IncidentCategoryResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, parent_id, code, label, restriction, has_severity, active, sort_order FROM incident_category
        WHERE tenant_id = $1 AND ($2::boolean OR active) ORDER BY sort_order, label`,
      [auth.tenantId, options.includeInactive ?? false],
    )) as {
      id: string;
      parent_id: string | null;
      code: string;
      label: string;
      restriction: IncidentCategoryResponse['restriction'];
      has_severity: boolean;
      active: boolean;
      sort_order: number;
    }[];
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

  /** Units anyone may file an avvik for: active units by name, or one unit by id (a QR code's unit). */
  async filingUnits(auth: AuthContext, q: string | undefined): Promise<FilingUnitResponse[]> {
    const term = (q ?? '').trim();
    const byId = UUID.test(term);
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.name, p.name AS parent_name FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
        WHERE u.tenant_id = $1 AND (u.valid_to IS NULL OR u.valid_to > CURRENT_DATE)
          AND ${byId ? 'u.id = $2::uuid' : term ? `u.name ILIKE $2` : `u.id = (SELECT primary_org_unit_id FROM app_user WHERE id = $2::uuid)`}
        ORDER BY nlevel(u.path), u.name LIMIT 20`,
      [auth.tenantId, byId ? term : term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : auth.userId],
    )) as { id: string; name: string; parent_name: string | null }[];
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

  /** Counts per category and month (Oslo time) of the cases the caller may see as staff. */
  async stats(auth: AuthContext, query: IncidentStatsQueryDto): Promise<IncidentStatsResponse> {
    const months = monthRange(query.fromMonth, query.toMonth);
    const access = incidentAccess(auth, 4);
    const params: unknown[] = [auth.tenantId, months[0], months[months.length - 1], ...access.params];
    const where = [`i.tenant_id = $1`, access.staff, `to_char(i.reported_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') BETWEEN $2 AND $3`];
    if (query.orgUnitId) {
      params.push(query.orgUnitId);
      where.push(`u.path <@ (SELECT path FROM org_unit WHERE tenant_id = $1 AND id = $${params.length})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT c.code, c.label, c.sort_order, to_char(i.reported_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') AS month, count(*)::int AS n
         ${INCIDENT_FROM} WHERE ${where.join(' AND ')} GROUP BY c.code, c.label, c.sort_order, month ORDER BY c.sort_order, c.label`,
      params,
    )) as { code: string; label: string; month: string; n: number }[];
    const byCategory = new Map<string, { categoryCode: string; label: string; counts: number[]; total: number }>();
    for (const row of rows) {
      const entry = byCategory.get(row.code) ?? { categoryCode: row.code, counts: months.map(() => 0), label: row.label, total: 0 };
      const index = months.indexOf(row.month);
      if (index >= 0) entry.counts[index] = (entry.counts[index] ?? 0) + row.n;
      entry.total += row.n;
      byCategory.set(row.code, entry);
    }
    const result = [...byCategory.values()];
    return { months, rows: result, totals: months.map((_, index) => result.reduce((sum, row) => sum + (row.counts[index] ?? 0), 0)) };
  }

  async receipt(auth: AuthContext, code: string): Promise<ReceiptResponse> {
    const [row] = (await this.dataSource.query(
      `SELECT number, status, reported_at, closed_at, feedback_to_reporter FROM incident WHERE tenant_id = $1 AND receipt_code_hash = $2`,
      [auth.tenantId, receiptHash(code)],
    )) as { number: string; status: IncidentStatus; reported_at: Date; closed_at: Date | null; feedback_to_reporter: string | null }[];
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
      this.events(manager, id, staff),
      staff ? this.measures(manager, id) : Promise.resolve([]),
      staff ? this.attachments(manager, id) : Promise.resolve([]),
      staff ? this.injury(manager, id) : Promise.resolve(null),
      staff ? this.breach(manager, id) : Promise.resolve(null),
      staff ? this.externalNotifications(manager, id) : Promise.resolve([]),
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

  private async events(manager: EntityManager, incidentId: string, staff: boolean): Promise<IncidentEventResponse[]> {
    const rows = (await manager.query(
      `SELECT e.id, e.type, e.action, e.from_status, e.to_status, e.note, e.details, e.created_at, a.id AS actor_id, a.name AS actor_name
         FROM incident_event e LEFT JOIN app_user a ON a.id = e.actor_user_id
        WHERE e.incident_id = $1 ${staff ? '' : `AND e.type IN ('filed', 'transition', 'reporter_revealed')`} ORDER BY e.created_at, e.id`,
      [incidentId],
    )) as {
      id: string;
      type: IncidentEventResponse['type'];
      action: IncidentEventResponse['action'];
      from_status: IncidentStatus | null;
      to_status: IncidentStatus | null;
      note: string | null;
      details: Record<string, unknown>;
      created_at: Date;
      actor_id: string | null;
      actor_name: string | null;
    }[];
    return rows.map((row) => ({
      action: row.action,
      actor: staff && row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      at: row.created_at.toISOString(),
      details: staff ? row.details : {},
      fromStatus: row.from_status,
      id: row.id,
      // The reason of a break-glass reveal is for the reporter too (transparency); other notes are the handlers'.
      note: staff || row.type === 'reporter_revealed' ? row.note : null,
      toStatus: row.to_status,
      type: row.type,
    }));
  }

  async measures(manager: EntityManager, incidentId: string): Promise<MeasureResponse[]> {
    const rows = (await manager.query(
      `SELECT m.id, m.title, m.description, m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.completed_at, o.id AS owner_id, o.name AS owner_name
         FROM measure_link l JOIN measure m ON m.id = l.measure_id LEFT JOIN app_user o ON o.id = m.owner_user_id
        WHERE l.incident_id = $1 ORDER BY m.created_at, m.id`,
      [incidentId],
    )) as {
      id: string;
      title: string;
      description: string | null;
      status: MeasureResponse['status'];
      deadline: string | null;
      completed_at: Date | null;
      owner_id: string | null;
      owner_name: string | null;
    }[];
    const today = new Date().toISOString().slice(0, 10);
    return rows.map((row) => ({
      completedAt: row.completed_at?.toISOString() ?? null,
      deadline: row.deadline,
      description: row.description,
      id: row.id,
      overdue: row.deadline !== null && row.deadline < today && !['done', 'cancelled'].includes(row.status),
      owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
      status: row.status,
      title: row.title,
    }));
  }

  private async attachments(manager: EntityManager, incidentId: string): Promise<AttachmentResponse[]> {
    const rows = (await manager.query(
      `SELECT id, file_name, content_type, size_bytes, sha256, created_at FROM attachment WHERE incident_id = $1 ORDER BY created_at, id`,
      [incidentId],
    )) as { id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; created_at: Date }[];
    return rows.map((row) => ({
      contentType: row.content_type,
      fileName: row.file_name,
      id: row.id,
      sha256: row.sha256,
      sizeBytes: row.size_bytes,
      uploadedAt: row.created_at.toISOString(),
    }));
  }

  private async injury(manager: EntityManager, incidentId: string): Promise<InjuryRecordResponse | null> {
    const [row] = (await manager.query(
      `SELECT r.*, u.name AS injured_name FROM injury_record r LEFT JOIN app_user u ON u.id = r.injured_user_id WHERE r.incident_id = $1`,
      [incidentId],
    )) as Record<string, unknown>[];
    if (!row) return null;
    return {
      absence: row['absence'] as boolean,
      absenceDays: row['absence_days'] as number | null,
      courseOfEvents: row['course_of_events'] as string,
      injuredPersonText: row['injured_person_text'] as string | null,
      injuredUser: row['injured_user_id'] ? { id: row['injured_user_id'] as string, name: (row['injured_name'] as string) ?? '' } : null,
      injuryDescription: row['injury_description'] as string,
      medicalInfo: row['medical_info_consent'] ? (row['medical_info'] as string | null) : null,
      medicalInfoConsent: row['medical_info_consent'] as boolean,
      occupationalDisease: row['occupational_disease'] as boolean,
      presumedCauses: row['presumed_causes'] as string | null,
      workBeingDone: row['work_being_done'] as string,
    };
  }

  private async breach(manager: EntityManager, incidentId: string): Promise<PersonalDataBreachResponse | null> {
    const [row] = (await manager.query(`SELECT * FROM personal_data_breach WHERE incident_id = $1`, [incidentId])) as Record<
      string,
      unknown
    >[];
    if (!row) return null;
    const discoveredAt = row['discovered_at'] as Date;
    return {
      affectedCount: row['affected_count'] as number | null,
      ciaTypes: row['cia_types'] as PersonalDataBreachResponse['ciaTypes'],
      dataCategories: row['data_categories'] as string[],
      discoveredAt: discoveredAt.toISOString(),
      dpaNotificationRequired: row['risk_assessment'] !== 'unlikely',
      lateReason: row['late_reason'] as string | null,
      notificationDeadlineAt: new Date(discoveredAt.getTime() + 72 * 3_600_000).toISOString(),
      possibleConsequences: row['possible_consequences'] as string | null,
      relationToSubjects: row['relation_to_subjects'] as string | null,
      riskAssessment: row['risk_assessment'] as PersonalDataBreachResponse['riskAssessment'],
      specialCategories: row['special_categories'] as boolean,
      whereDataNow: row['where_data_now'] as string | null,
    };
  }

  private async externalNotifications(manager: EntityManager, incidentId: string): Promise<ExternalNotificationResponse[]> {
    const rows = (await manager.query(
      `SELECT n.recipient, n.legal_basis, n.deadline_at, n.sent_at, n.reference, s.id AS sent_by_id, s.name AS sent_by_name
         FROM external_notification n LEFT JOIN app_user s ON s.id = n.sent_by_user_id WHERE n.incident_id = $1 ORDER BY n.deadline_at NULLS LAST, n.recipient`,
      [incidentId],
    )) as {
      recipient: ExternalNotificationResponse['recipient'];
      legal_basis: string;
      deadline_at: Date | null;
      sent_at: Date | null;
      reference: string | null;
      sent_by_id: string | null;
      sent_by_name: string | null;
    }[];
    return rows.map((row) => ({
      deadlineAt: row.deadline_at?.toISOString() ?? null,
      legalBasis: row.legal_basis,
      recipient: row.recipient,
      reference: row.reference,
      sentAt: row.sent_at?.toISOString() ?? null,
      sentBy: row.sent_by_id ? { id: row.sent_by_id, name: row.sent_by_name ?? '' } : null,
    }));
  }
}

/** YYYY-MM months from `from` to `to` inclusive; by default the last 12 months up to this one. */
export const monthRange = (from?: string, to?: string, now: Date = new Date()): string[] => {
  const end = to ?? now.toISOString().slice(0, 7);
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  const start = from ?? new Date(Date.UTC(endYear, endMonth - 12, 1)).toISOString().slice(0, 7);
  const months: string[] = [];
  for (
    let cursor = new Date(`${start}-01T00:00:00Z`);
    cursor.toISOString().slice(0, 7) <= end && months.length < 120;
    cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  ) {
    months.push(cursor.toISOString().slice(0, 7));
  }
  return months.length > 0 ? months : [end];
};
