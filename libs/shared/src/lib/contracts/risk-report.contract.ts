/**
 * PDF reports of a risk analysis (DSB-like layout), built by the worker. POST
 * /api/risk/analyses/:id/reports starts one (or answers with the one already queued/running),
 * GET /api/risk/reports/:id tells its progress, GET /api/risk/reports/:id/file downloads the PDF.
 */
export const RISK_REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RiskReportStatus = (typeof RISK_REPORT_STATUSES)[number];

/**
 * What the worker is doing, in report order; the web shows it as text next to the progress bar:
 * `queued` I kø · `loading` Henter analysen · `cover` Forside · `method` Mandat og metode ·
 * `participants` Deltakere · `description` Beskrivelse · `risk_picture` Risikobilde ·
 * `scenarios` Scenarioskjema · `measures` Tiltak og oppfølgingsplan · `finishing` Setter sammen PDF · `done` Ferdig.
 */
export const RISK_REPORT_STAGES = [
  'queued',
  'loading',
  'cover',
  'method',
  'participants',
  'description',
  'risk_picture',
  'scenarios',
  'measures',
  'finishing',
  'done',
] as const;
export type RiskReportStage = (typeof RISK_REPORT_STAGES)[number];

export interface RiskReportResponse {
  id: string;
  analysisId: string;
  status: RiskReportStatus;
  /** 0–100. */
  progress: number;
  stage: RiskReportStage;
  /** While `stage` is `scenarios`: the scenario being written and how many there are. */
  scenarioIndex: number | null;
  scenarioCount: number | null;
  /** Why a failed report failed (English, for support); the web shows a Norwegian message. */
  error: string | null;
  /** Set once done. */
  fileName: string | null;
  byteSize: number | null;
  pageCount: number | null;
  sha256: string | null;
  requestedBy: { id: string; name: string };
  createdAt: string;
  finishedAt: string | null;
}

/** GET /api/risk/analyses/:id/reports/latest: the report in the works (if any) and the newest finished one. */
export interface RiskReportLatestResponse {
  active: RiskReportResponse | null;
  lastDone: RiskReportResponse | null;
}
