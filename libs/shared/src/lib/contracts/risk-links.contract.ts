import type { IncidentStatus, MeasureStatus, RiskAnalysisStatus, RiskAnalysisType, Severity } from '@helhet/domain';

import type { MeasureResponse } from './incidents.contract';
import type { UserRef } from './org-units.contract';
import type { RiskPosition } from './risk.contract';

/**
 * ROS ↔ measures and avvik as evidence (Helhet issue 5). A scenario links to measures (the same `measure`
 * record the avvik workflow uses) and to avvik that are evidence of it.
 */

/** POST /api/risk/analyses/:id/scenarios/:scenarioId/measures. `orgUnitId` defaults to the analysis's scope unit. */
export interface RiskMeasureRequest {
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  orgUnitId?: string | null;
  deadline?: string | null;
  status?: MeasureStatus;
}

/** A measure as seen from a scenario; `incidentCount` says how many avvik it also addresses (no avvik details). */
export interface RiskMeasureResponse extends MeasureResponse {
  orgUnit: UserRef;
  incidentCount: number;
}

/** POST /api/risk/scenarios/:scenarioId/incidents: by id or by avvik number (e.g. "2027-0042"). */
export interface LinkIncidentRequest {
  incidentId?: string;
  incidentNumber?: string;
  note?: string | null;
}

/** An avvik as evidence on the risk side: never its free text, only what classifies it. */
export interface RiskEvidenceIncident {
  incidentId: string;
  number: string;
  occurredAt: string;
  category: { code: string; label: string };
  severity: Severity | null;
  status: IncidentStatus;
  linkedAt: string;
  note: string | null;
}

export interface ScenarioLinksResponse {
  scenarioId: string;
  measures: RiskMeasureResponse[];
  /** Only the avvik the caller may read. */
  evidence: RiskEvidenceIncident[];
  evidenceCount: number;
}

/** GET /api/risk/analyses/:id/links: per scenario (in the analysis's order), its measures and evidence. */
export interface AnalysisLinksResponse {
  analysisId: string;
  scenarios: ScenarioLinksResponse[];
}

/** GET /api/incidents/:id/risks: the scenarios this avvik is evidence of (only those the caller may read). */
export interface IncidentRiskLinkResponse {
  scenarioId: string;
  scenarioTitle: string;
  analysis: { id: string; title: string; type: RiskAnalysisType; status: RiskAnalysisStatus };
  risk: RiskPosition | null;
  residualRisk: RiskPosition | null;
  linkedAt: string;
  linkedBy: UserRef | null;
  note: string | null;
  /** The caller may unlink it (edits the analysis). */
  canUnlink: boolean;
}

/** GET /api/risk/linkable-scenarios?q=: scenarios in analyses the caller may edit (the avvik-side picker). */
export interface LinkableScenario {
  scenarioId: string;
  scenarioTitle: string;
  analysisId: string;
  analysisTitle: string;
  risk: RiskPosition | null;
}
