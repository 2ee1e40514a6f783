import { createHash } from 'node:crypto';

import type { ScaleSet } from '@helhet/domain';
import type { RiskReportStage } from '@helhet/shared';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';

import { GrantsService } from '../auth/grants.service';
import { DomainException } from '../core/http/domain.exception';
import { JobName, QueueName } from '../core/queue/queue-names';
import { workerOptions } from '../core/queue/worker-options';
import { RiskQuery } from '../risk/risk.query';
import type { RiskReportJobData } from './risk-report.producer';
import { reportFileName, reportProgress } from './risk-report-layout';
import { buildRiskReportPdf, type RiskReportData } from './risk-report-pdf';

/**
 * Builds a requested PDF report. The analysis is read through RiskQuery with the requester's current rights
 * (GrantsService), so a report never shows more than its requester may see; losing access fails the report.
 * Progress goes to the job (BullMQ progress events) and to the row (what the web polls).
 */
@Processor(QueueName.riskReports, workerOptions())
export class RiskReportProcessor extends WorkerHost {
  private readonly logger = new Logger(RiskReportProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: GrantsService,
    private readonly riskQuery: RiskQuery,
  ) {
    super();
  }

  async process(job: Job<RiskReportJobData>): Promise<'built' | 'skipped'> {
    if (job.name !== JobName.buildRiskReport) throw new Error(`Unknown job ${job.name} on ${QueueName.riskReports}`);
    const { reportId, tenantId } = job.data;
    const [report] = (await this.dataSource.query(
      `SELECT analysis_id, requested_by_user_id, status FROM risk_report WHERE id = $1 AND tenant_id = $2`,
      [reportId, tenantId],
    )) as {
      analysis_id: string;
      requested_by_user_id: string;
      status: string;
    }[];
    if (!report || report.status === 'done' || report.status === 'failed') return 'skipped';
    let last = -1;
    const progress = async (stage: RiskReportStage, done = 0, total = 0): Promise<void> => {
      const value = reportProgress(stage, done, total);
      // Per scenario only when the percentage moves; every stage change is written.
      if (value === last && stage === 'scenarios' && done > 0) return;
      const moved = value > last;
      last = Math.max(last, value);
      await this.dataSource.query(
        `UPDATE risk_report SET status = 'running', stage = $2, progress = $3, scenario_index = $4, scenario_count = $5, updated_at = now() WHERE id = $1`,
        [reportId, stage, value, stage === 'scenarios' ? done : null, stage === 'scenarios' ? total : null],
      );
      if (moved) await job.updateProgress(value);
    };
    try {
      await progress('loading');
      const data = await this.load(tenantId, report.requested_by_user_id, report.analysis_id);
      const { pageCount, pdf } = await buildRiskReportPdf(data, progress);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await this.dataSource.query(
        `UPDATE risk_report SET status = 'done', stage = 'done', progress = 100, scenario_index = NULL, scenario_count = NULL, error = NULL,
                file = $2, byte_size = $3, sha256 = $4, page_count = $5, file_name = $6, finished_at = now(), updated_at = now() WHERE id = $1`,
        [reportId, pdf, pdf.length, sha256, pageCount, reportFileName(data.analysis.title, data.generatedAt)],
      );
      await job.updateProgress(100);
      this.logger.log({
        bytes: pdf.length,
        msg: 'risk report built',
        pageCount,
        reportId,
      });
      return 'built';
    } catch (error) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.dataSource.query(
        `UPDATE risk_report SET status = $2, stage = 'queued', error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END, updated_at = now() WHERE id = $1`,
        [reportId, final ? 'failed' : 'queued', message],
      );
      this.logger.warn({
        err: message,
        final,
        msg: 'risk report failed',
        reportId,
      });
      throw error;
    }
  }

  /** Everything the report shows, read with the requester's rights. */
  private async load(tenantId: string, userId: string, analysisId: string): Promise<RiskReportData> {
    const auth = await this.grants.contextFor(userId, tenantId);
    if (!auth) throw new UnrecoverableError('the requester is no longer active');
    const analysis = await this.riskQuery.get(auth, analysisId).catch((error: unknown) => {
      if (error instanceof DomainException) throw new UnrecoverableError('the requester can no longer read the analysis');
      throw error;
    });
    const [scale] = (await this.dataSource.query(`SELECT definition FROM scale_set WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      analysis.scaleSet.id,
    ])) as { definition: ScaleSet }[];
    const [tenant] = (await this.dataSource.query(`SELECT name FROM tenant WHERE id = $1`, [tenantId])) as { name: string }[];
    const [unit] = (await this.dataSource.query(
      `SELECT u.name, u.level_type, u.headcount,
              (SELECT count(*)::int FROM org_unit d WHERE d.tenant_id = u.tenant_id AND d.path <@ u.path AND d.id <> u.id AND (d.valid_to IS NULL OR d.valid_to >= CURRENT_DATE)) AS sub_units,
              (SELECT coalesce(array_agg(p.name ORDER BY nlevel(p.path)), '{}') FROM org_unit p WHERE p.tenant_id = u.tenant_id AND p.path @> u.path AND p.id <> u.id) AS ancestors
         FROM org_unit u WHERE u.tenant_id = $1 AND u.id = $2`,
      [tenantId, analysis.scopeOrgUnit.id],
    )) as {
      name: string;
      level_type: string;
      headcount: number | null;
      sub_units: number;
      ancestors: string[];
    }[];
    if (!scale || !tenant || !unit) throw new UnrecoverableError('analysis data incomplete');
    return {
      analysis,
      generatedAt: new Date(),
      measures: await this.measures(
        tenantId,
        analysis.scenarios.map((scenario) => scenario.id),
      ),
      participants: await this.participants(tenantId, analysisId),
      scale: scale.definition,
      tenantName: tenant.name,
      unit: {
        ancestors: unit.ancestors,
        headcount: unit.headcount,
        levelType: unit.level_type,
        name: unit.name,
        subUnitCount: unit.sub_units,
      },
    };
  }

  /** Measures linked to the scenarios (measure_link.risk_scenario_id): the follow-up plan. */
  private async measures(tenantId: string, scenarioIds: string[]): Promise<RiskReportData['measures']> {
    if (scenarioIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT m.title, m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, o.name AS owner_name, ml.risk_scenario_id
         FROM measure_link ml JOIN measure m ON m.id = ml.measure_id AND m.tenant_id = ml.tenant_id LEFT JOIN app_user o ON o.id = m.owner_user_id
        WHERE ml.tenant_id = $1 AND ml.risk_scenario_id = ANY($2::uuid[])
        ORDER BY m.deadline NULLS LAST, m.title, m.id`,
      [tenantId, scenarioIds],
    )) as { title: string; status: string; deadline: string | null; owner_name: string | null; risk_scenario_id: string }[];
    return rows.map((row) => ({
      deadline: row.deadline,
      ownerName: row.owner_name,
      scenarioId: row.risk_scenario_id,
      status: row.status,
      title: row.title,
    }));
  }

  /** Everyone who took part in a workshop on the analysis, once per name and organisation. */
  private async participants(tenantId: string, analysisId: string): Promise<RiskReportData['participants']> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (lower(p.display_name), COALESCE(p.organisation, '')) p.display_name, p.organisation, p.role
         FROM workshop_participant p JOIN workshop w ON w.id = p.workshop_id
        WHERE p.tenant_id = $1 AND w.analysis_id = $2
        ORDER BY lower(p.display_name), COALESCE(p.organisation, ''), (p.role = 'facilitator') DESC`,
      [tenantId, analysisId],
    )) as { display_name: string; organisation: string | null; role: string }[];
    return rows
      .map((row) => ({ name: row.display_name, organisation: row.organisation, role: PARTICIPANT_ROLES[row.role] ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  }
}

const PARTICIPANT_ROLES: Readonly<Record<string, string>> = {
  facilitator: 'Fasilitator',
  observer: 'Observatør',
  participant: 'Deltaker',
};
