import { parseScenarioTable, type ScaleSet, type ScenarioTableProblemCode } from '@helhet/domain';
import {
  RISK_IMPORT_LIMITS,
  type RiskImportPreview,
  type RiskImportProblem,
  type RiskImportRow,
  type RiskImportStatus,
  type RiskScenarioInput,
} from '@helhet/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuthContext } from '../auth/auth-context';
import { firstRow } from '../core/database/first-row.util';
import { DomainException, fieldProblems, invalidField } from '../core/http/domain.exception';
import { RiskScenarioDto } from '../risk/dto/risk.dto';
import { RiskQuery } from '../risk/risk.query';
import { RiskAnalysesService, scaleProblems } from '../risk/risk-analyses.service';
import { riskPosition } from '../risk/risk-position';
import type { RiskImportRowValue } from './risk-import.entity';
import { readSpreadsheet, type UploadedSpreadsheet } from './spreadsheet-file.util';

interface ImportRecord {
  id: string;
  analysis_id: string;
  created_by_user_id: string;
  file_name: string;
  rows: RiskImportRowValue[];
  problems: RiskImportProblem[];
  ignored_columns: string[];
  status: RiskImportStatus;
  created_at: Date;
  expires_at: Date;
  applied_at: Date | null;
  applied_count: number | null;
}

/** class-validator constraint → the problem code the web words in Norwegian. */
const CONSTRAINT_CODES: Record<string, ScenarioTableProblemCode> = {
  arrayMaxSize: 'invalid',
  isBoolean: 'unknown_choice',
  isIn: 'unknown_choice',
  isInt: 'not_whole_number',
  isNotEmpty: 'required',
  isString: 'invalid',
  max: 'out_of_scale',
  maxLength: 'too_long',
  min: 'out_of_scale',
};

const flatten = (errors: readonly ValidationError[], prefix = ''): { field: string; constraint: string; message: string }[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ constraint, field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** The column a field path belongs to: the path itself or its nearest parent the table knows. */
const columnFor = (columnOf: Readonly<Record<string, string>>, field: string): string | null => {
  for (let path = field; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
    const column = columnOf[path];
    if (column) return column;
  }
  return null;
};

/**
 * Spreadsheet import of scenarios: upload → a pending import with every row validated exactly like
 * POST …/scenarios (the same DTO and scale check) → apply (all rows in one transaction, or the valid
 * ones) or cancel. Nothing reaches risk_scenario before apply.
 */
@Injectable()
export class ScenarioImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analyses: RiskAnalysesService,
    private readonly audit: AuditLogService,
    private readonly query: RiskQuery,
  ) {}

  async upload(auth: AuthContext, analysisId: string, file: UploadedSpreadsheet | undefined): Promise<RiskImportPreview> {
    const id = await this.dataSource.transaction(async (manager) => {
      const analysis = await this.analyses.lockEditable(manager, auth, analysisId);
      const sheet = await readSpreadsheet(file);
      const table = parseScenarioTable(analysis.definition, sheet);
      if (table.missingHeadings.length > 0) {
        throw invalidField(
          RISK_IMPORT_LIMITS.field,
          `the first row must hold the column headings; missing: ${table.missingHeadings.join(', ')}`,
        );
      }
      if (table.rows.length === 0) throw invalidField(RISK_IMPORT_LIMITS.field, 'the file has headings but no scenarios');
      const rows: RiskImportRowValue[] = [];
      const problems: RiskImportProblem[] = [];
      for (const row of table.rows) {
        rows.push({ rowNumber: row.rowNumber, values: row.values as RiskScenarioInput });
        problems.push(
          ...row.problems,
          ...(await this.validationProblems(analysis.definition, row.rowNumber, row.values as RiskScenarioInput, row.columnOf)),
        );
      }
      const invalid = new Set(problems.map((problem) => problem.rowNumber)).size;
      const fileName = (file?.originalname ?? 'regneark')
        .normalize('NFC')
        .replace(/[\p{Cc}]/gu, '')
        .slice(-200);
      const record = firstRow(
        (await manager.query(
          `INSERT INTO risk_import (tenant_id, analysis_id, created_by_user_id, file_name, rows, problems, ignored_columns, expires_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, now() + make_interval(hours => $8)) RETURNING id`,
          [
            auth.tenantId,
            analysisId,
            auth.userId,
            fileName,
            JSON.stringify(rows),
            JSON.stringify(problems),
            JSON.stringify(table.ignoredHeadings),
            RISK_IMPORT_LIMITS.ttlHours,
          ],
        )) as { id: string }[],
        'risk_import',
      );
      await this.audit.record(manager, {
        action: 'create',
        actorUserId: auth.userId,
        after: { analysisId, fileName, invalidRows: invalid, rows: rows.length, status: 'pending' },
        entityId: record.id,
        entityType: 'risk_import',
        tenantId: auth.tenantId,
      });
      return record.id;
    });
    return this.preview(auth, analysisId, id);
  }

  /** The preview of a pending (or finished) import; only its creator sees it. */
  async preview(
    auth: AuthContext,
    analysisId: string,
    importId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RiskImportPreview> {
    const analysis = await this.query.get(auth, analysisId, manager);
    const record = await this.find(manager, auth, analysisId, importId, false);
    const [scale] = (await manager.query(`SELECT definition FROM scale_set WHERE tenant_id = $1 AND id = $2`, [
      auth.tenantId,
      analysis.scaleSet.id,
    ])) as { definition: ScaleSet }[];
    const byRow = new Map<number, RiskImportProblem[]>();
    for (const problem of record.problems) byRow.set(problem.rowNumber, [...(byRow.get(problem.rowNumber) ?? []), problem]);
    const rows = record.rows.map((row): RiskImportRow => {
      const problems = byRow.get(row.rowNumber) ?? [];
      const valid = problems.length === 0 && scale;
      return {
        problems,
        risk: valid
          ? riskPosition(
              scale.definition,
              row.values.likelihoodRank ?? null,
              (row.values.consequences ?? []).map((c) => ({ rank: c.rank, rationale: c.rationale ?? null, typeCode: c.typeCode })),
            )
          : null,
        rowNumber: row.rowNumber,
        title: row.values.title,
        values: row.values,
      };
    });
    const invalid = rows.filter((row) => row.problems.length > 0).length;
    return {
      analysisId: record.analysis_id,
      appliedAt: record.applied_at?.toISOString() ?? null,
      appliedCount: record.applied_count,
      counts: { invalid, total: rows.length, valid: rows.length - invalid },
      createdAt: record.created_at.toISOString(),
      expiresAt: record.expires_at.toISOString(),
      fileName: record.file_name,
      id: record.id,
      ignoredColumns: record.ignored_columns,
      rows,
      status: record.status,
    };
  }

  /** Creates the scenarios of every row (or of the valid ones with `skipInvalidRows`) in one transaction: all or nothing. */
  async apply(auth: AuthContext, analysisId: string, importId: string, skipInvalidRows: boolean): Promise<RiskImportPreview> {
    await this.dataSource.transaction(async (manager) => {
      const analysis = await this.analyses.lockEditable(manager, auth, analysisId);
      const record = await this.find(manager, auth, analysisId, importId, true);
      this.assertPending(record);
      const invalidRows = new Set(record.problems.map((problem) => problem.rowNumber));
      if (invalidRows.size > 0 && !skipInvalidRows) {
        throw fieldProblems(
          [...invalidRows].map((rowNumber) => ({
            field: `rows.${rowNumber}`,
            reasons: record.problems.filter((p) => p.rowNumber === rowNumber).map((p) => `${p.column ?? p.field}: ${p.message}`),
          })),
        );
      }
      const valid = record.rows.filter((row) => !invalidRows.has(row.rowNumber));
      if (valid.length === 0) throw invalidField('rows', 'no row without errors to import');
      for (const row of valid) {
        await this.analyses.insertScenario(manager, auth, analysisId, analysis.definition, plainToInstance(RiskScenarioDto, row.values));
      }
      await manager.query(
        `UPDATE risk_import SET status = 'applied', applied_at = now(), applied_count = $2, updated_at = now() WHERE id = $1`,
        [importId, valid.length],
      );
      await this.audit.record<{ appliedCount: number | null; skippedRows: number | null; status: string }>(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { appliedCount: valid.length, skippedRows: record.rows.length - valid.length, status: 'applied' },
        before: { appliedCount: null, skippedRows: null, status: 'pending' },
        entityId: importId,
        entityType: 'risk_import',
        tenantId: auth.tenantId,
      });
    });
    return this.preview(auth, analysisId, importId);
  }

  /** Drops a pending import: nothing is applied, and it cannot be applied afterwards. */
  async cancel(auth: AuthContext, analysisId: string, importId: string): Promise<RiskImportPreview> {
    await this.dataSource.transaction(async (manager) => {
      await this.analyses.lockEditable(manager, auth, analysisId);
      const record = await this.find(manager, auth, analysisId, importId, true);
      if (record.status !== 'pending') throw new DomainException('RISK_IMPORT_NOT_PENDING', `The import is already ${record.status}`);
      await manager.query(`UPDATE risk_import SET status = 'cancelled', updated_at = now() WHERE id = $1`, [importId]);
      await this.audit.record(manager, {
        action: 'update',
        actorUserId: auth.userId,
        after: { status: 'cancelled' },
        before: { status: 'pending' },
        entityId: importId,
        entityType: 'risk_import',
        tenantId: auth.tenantId,
      });
    });
    return this.preview(auth, analysisId, importId);
  }

  /** Problems of the scenario validation (RiskScenarioDto + scaleProblems), named by row and the file's column. */
  private async validationProblems(
    scale: ScaleSet,
    rowNumber: number,
    values: RiskScenarioInput,
    columnOf: Readonly<Record<string, string>>,
  ): Promise<RiskImportProblem[]> {
    const dto = plainToInstance(RiskScenarioDto, values);
    const errors = flatten(await validate(dto, { forbidNonWhitelisted: true, whitelist: true }));
    const problems: RiskImportProblem[] = errors.map((error) => ({
      code: CONSTRAINT_CODES[error.constraint] ?? 'invalid',
      column: columnFor(columnOf, error.field),
      field: error.field,
      message: error.message,
      rowNumber,
    }));
    if (problems.length === 0) {
      for (const problem of scaleProblems(scale, dto)) {
        problems.push({
          code: problem.field.endsWith('typeCode') ? 'invalid' : 'out_of_scale',
          column: columnFor(columnOf, problem.field),
          field: problem.field,
          message: problem.reasons.join('; '),
          rowNumber,
        });
      }
    }
    return problems;
  }

  private async find(
    manager: EntityManager,
    auth: AuthContext,
    analysisId: string,
    importId: string,
    lock: boolean,
  ): Promise<ImportRecord> {
    const [record] = (await manager.query(
      `SELECT id, analysis_id, created_by_user_id, file_name, rows, problems, ignored_columns, status, created_at, expires_at, applied_at, applied_count
         FROM risk_import WHERE tenant_id = $1 AND analysis_id = $2 AND id = $3 ${lock ? 'FOR UPDATE' : ''}`,
      [auth.tenantId, analysisId, importId],
    )) as ImportRecord[];
    if (!record) throw new DomainException('NOT_FOUND', 'Import not found');
    // An import is its creator's draft until applied: others who may read the analysis are refused.
    if (record.created_by_user_id !== auth.userId)
      throw new DomainException('FORBIDDEN', 'Only the person who uploaded the file may see, apply or cancel this import');
    return record;
  }

  private assertPending(record: ImportRecord): void {
    if (record.status !== 'pending') throw new DomainException('RISK_IMPORT_NOT_PENDING', `The import is already ${record.status}`);
    if (record.expires_at.getTime() < Date.now())
      throw new DomainException('RISK_IMPORT_NOT_PENDING', 'The import has expired; upload the file again');
  }
}
