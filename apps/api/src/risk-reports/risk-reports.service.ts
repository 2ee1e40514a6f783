import type { RiskReportLatestResponse, RiskReportResponse, RiskReportStage, RiskReportStatus } from '@helhet/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { DomainException } from '../core/http/domain.exception';
import { RiskQuery } from '../risk/risk.query';
import { riskAccess } from '../risk/risk-access';
import { RiskReportProducer } from './risk-report.producer';

interface ReportRow {
  id: string;
  analysis_id: string;
  status: RiskReportStatus;
  progress: number;
  stage: RiskReportStage;
  scenario_index: number | null;
  scenario_count: number | null;
  error: string | null;
  file_name: string | null;
  byte_size: number | null;
  page_count: number | null;
  sha256: string | null;
  requested_by_user_id: string;
  requested_by_name: string;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS = `r.id, r.analysis_id, r.status, r.progress, r.stage, r.scenario_index, r.scenario_count, r.error, r.file_name, r.byte_size, r.page_count, r.sha256,
  r.requested_by_user_id, ru.name AS requested_by_name, r.created_at, r.finished_at`;
const FROM = `FROM risk_report r JOIN risk_analysis a ON a.id = r.analysis_id JOIN org_unit u ON u.id = a.scope_org_unit_id JOIN app_user ru ON ru.id = r.requested_by_user_id`;

const toResponse = (row: ReportRow): RiskReportResponse => ({
  analysisId: row.analysis_id,
  byteSize: row.byte_size,
  createdAt: row.created_at.toISOString(),
  error: row.error,
  fileName: row.file_name,
  finishedAt: row.finished_at?.toISOString() ?? null,
  id: row.id,
  pageCount: row.page_count,
  progress: row.progress,
  requestedBy: { id: row.requested_by_user_id, name: row.requested_by_name },
  scenarioCount: row.scenario_count,
  scenarioIndex: row.scenario_index,
  sha256: row.sha256,
  stage: row.stage,
  status: row.status,
});

/**
 * PDF reports of risk analyses: request (one at a time per analysis), progress and download. Who may read
 * the analysis (riskAccess) may request and download its report; the worker builds it with the requester's rights.
 */
@Injectable()
export class RiskReportsService {
  private readonly logger = new Logger(RiskReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly riskQuery: RiskQuery,
    private readonly audit: AuditLogService,
    private readonly producer: RiskReportProducer,
  ) {}

  /** Starts a report, or answers with the one already queued or running for the analysis. */
  async request(auth: AuthContext, analysisId: string): Promise<RiskReportResponse> {
    await this.riskQuery.get(auth, analysisId);
    const created = await this.dataSource.transaction(async (manager) => {
      const [inserted] = (await manager.query(
        `INSERT INTO risk_report (tenant_id, analysis_id, requested_by_user_id) VALUES ($1, $2, $3)
         ON CONFLICT (analysis_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
        [auth.tenantId, analysisId, auth.userId],
      )) as { id: string }[];
      if (!inserted) return null;
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { analysisId, status: 'queued' },
        entityId: inserted.id,
        entityType: 'risk_report',
        tenantId: auth.tenantId,
      });
      return inserted.id;
    });
    if (created) {
      try {
        await this.producer.enqueue({
          reportId: created,
          tenantId: auth.tenantId,
        });
      } catch (error) {
        // Without the queue nothing would ever build it: fail it now, so a new request can start over.
        this.logger.warn({
          err: error instanceof Error ? error.message : String(error),
          msg: 'report enqueue failed',
          reportId: created,
        });
        await this.dataSource.query(
          `UPDATE risk_report SET status = 'failed', error = 'could not be queued', finished_at = now(), updated_at = now() WHERE id = $1`,
          [created],
        );
      }
      return this.status(auth, created);
    }
    const [active] = (await this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} WHERE r.tenant_id = $1 AND r.analysis_id = $2 AND r.status IN ('queued', 'running')`,
      [auth.tenantId, analysisId],
    )) as ReportRow[];
    // The running one finished between the insert and this read: start a fresh one.
    return active ? toResponse(active) : this.request(auth, analysisId);
  }

  /** Status and progress: for the requester and for whoever may read the analysis. */
  async status(auth: AuthContext, id: string): Promise<RiskReportResponse> {
    const access = riskAccess(auth, 4, { edit: false });
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND (r.requested_by_user_id = $3 OR ${access.visible})`,
      [auth.tenantId, id, auth.userId, ...access.params],
    )) as ReportRow[];
    if (!row) throw new DomainException('RISK_REPORT_NOT_FOUND', 'Risk report not found');
    return toResponse(row);
  }

  /** The report in the works and the newest finished one of an analysis the caller may read. */
  async latest(auth: AuthContext, analysisId: string): Promise<RiskReportLatestResponse> {
    const access = riskAccess(auth, 3, { edit: false });
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         (SELECT ${COLUMNS} ${FROM} WHERE r.tenant_id = $1 AND r.analysis_id = $2 AND ${access.visible} AND r.status IN ('queued', 'running') ORDER BY r.created_at DESC LIMIT 1)
         UNION ALL
         (SELECT ${COLUMNS} ${FROM} WHERE r.tenant_id = $1 AND r.analysis_id = $2 AND ${access.visible} AND r.status = 'done' ORDER BY r.finished_at DESC, r.id LIMIT 1)
       ) latest`,
      [auth.tenantId, analysisId, ...access.params],
    )) as ReportRow[];
    if (rows.length === 0) await this.riskQuery.get(auth, analysisId);
    const active = rows.find((row) => row.status !== 'done');
    const done = rows.find((row) => row.status === 'done');
    return {
      active: active ? toResponse(active) : null,
      lastDone: done ? toResponse(done) : null,
    };
  }

  /** The PDF. Access is checked again: only readers of the analysis now. */
  async file(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<{ fileName: string; body: Buffer }> {
    const access = riskAccess(auth, 3, { edit: false });
    const [row] = (await manager.query(
      `SELECT r.status, r.file_name, r.file ${FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND ${access.visible}`,
      [auth.tenantId, id, ...access.params],
    )) as {
      status: RiskReportStatus;
      file_name: string | null;
      file: Buffer | null;
    }[];
    if (!row) throw new DomainException('RISK_REPORT_NOT_FOUND', 'Risk report not found');
    if (row.status !== 'done' || !row.file)
      throw new DomainException('RISK_REPORT_NOT_READY', 'The report is not finished', { status: row.status });
    return { body: row.file, fileName: row.file_name ?? 'ROS-rapport.pdf' };
  }
}
