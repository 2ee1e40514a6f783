import type { RiskAnalysisStatus } from './risk.types';

/**
 * The status changes an analysis allows (domain.md §7.1 life cycle): forward one step, or back from review to
 * work. An approved analysis is revised as a new version ("Lag ny versjon"), whose approval supersedes it; nobody
 * sets `superseded` by hand. The web offers exactly these steps and the API refuses any other.
 */
export const RISK_ANALYSIS_STATUS_STEPS: Readonly<Record<RiskAnalysisStatus, readonly RiskAnalysisStatus[]>> = {
  approved: [],
  in_progress: ['in_review'],
  in_review: ['approved', 'in_progress'],
  planned: ['in_progress'],
  superseded: [],
};

/** True when an analysis in `from` may be set to `to` (staying in the same status is always allowed). */
export const canChangeAnalysisStatus = (from: RiskAnalysisStatus, to: RiskAnalysisStatus): boolean =>
  from === to || RISK_ANALYSIS_STATUS_STEPS[from].includes(to);
