import type { ScenarioTableProblemCode } from '@helhet/domain';

import type { RiskPosition, RiskScenarioInput } from './risk.contract';

/** Scenario table export (`GET /api/risk/analyses/:id/scenarios/export?format=`): Excel or semicolon CSV. */
export const RISK_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type RiskExportFormat = (typeof RISK_EXPORT_FORMATS)[number];

export interface RiskExportQuery {
  format?: RiskExportFormat;
}

/** An uploaded spreadsheet waits as `pending` until its creator applies or cancels it (or it expires). */
export const RISK_IMPORT_STATUSES = ['pending', 'applied', 'cancelled'] as const;
export type RiskImportStatus = (typeof RISK_IMPORT_STATUSES)[number];

/** Upload limits of a scenario import (the API enforces them; the web checks the size before sending). */
export const RISK_IMPORT_LIMITS = {
  /** Field name of the file in the multipart body. */
  field: 'file',
  maxBytes: 5 * 1024 * 1024,
  maxRows: 500,
  /** A pending import can be applied for this long. */
  ttlHours: 24,
  extensions: ['.xlsx', '.csv'],
} as const;

export type RiskImportProblemCode = ScenarioTableProblemCode;

/** One reason a row cannot be imported, naming the row and the column as the file spells it. */
export interface RiskImportProblem {
  rowNumber: number;
  /** The column heading in the file, or null when the problem concerns the row as a whole. */
  column: string | null;
  /** The scenario field, as the scenario API names it (`likelihoodRank`, `consequences.0.rank`). */
  field: string;
  code: RiskImportProblemCode;
  /** Developer text (English); the web words `code` in Norwegian. */
  message: string;
}

export interface RiskImportRow {
  rowNumber: number;
  title: string;
  /** The scenario this row becomes (what POST …/scenarios would receive). */
  values: RiskScenarioInput;
  problems: RiskImportProblem[];
  /** The band the scenario would get, when the row is valid and assessed. */
  risk: RiskPosition | null;
}

/** The preview of an uploaded file: nothing is written to the analysis until it is applied. */
export interface RiskImportPreview {
  id: string;
  analysisId: string;
  fileName: string;
  status: RiskImportStatus;
  createdAt: string;
  expiresAt: string;
  appliedAt: string | null;
  /** Scenarios created when it was applied. */
  appliedCount: number | null;
  /** Headings in the file the table does not know; their cells were ignored. */
  ignoredColumns: string[];
  counts: { total: number; valid: number; invalid: number };
  rows: RiskImportRow[];
}

export interface ApplyRiskImportRequest {
  /** Import the valid rows and leave out the ones with errors (otherwise any error refuses the whole file). */
  skipInvalidRows?: boolean;
}
