import type { HazardSource, RiskAnalysisStatus, RiskAnalysisType, ScaleSet, ThreeLevel } from '@helhet/domain';

import type { PageQuery } from '../page';
import type { UserRef } from './org-units.contract';

export interface ScaleSetResponse {
  id: string;
  code: string;
  version: number;
  definition: ScaleSet;
}

export interface RiskAnalysisSummary {
  id: string;
  type: RiskAnalysisType;
  title: string;
  status: RiskAnalysisStatus;
  scopeOrgUnit: { id: string; name: string };
  owner: UserRef | null;
  scaleSet: { id: string; code: string; version: number };
  nextRevisionAt: string | null;
  revisionOverdue: boolean;
  scenarioCount: number;
  canEdit: boolean;
}

export interface ConsequenceAssessmentInput {
  typeCode: string;
  rank: number;
  rationale?: string | null;
}

export interface RiskScenarioInput {
  title: string;
  hazardSource?: HazardSource;
  description?: string | null;
  causes?: string | null;
  existingBarriers?: string | null;
  likelihoodRank?: number | null;
  likelihoodRationale?: string | null;
  consequences?: ConsequenceAssessmentInput[];
  vulnerability?: ThreeLevel | null;
  vulnerabilityText?: string | null;
  uncertainty?: ThreeLevel | null;
  knowledgeBase?: string | null;
  needsWarning?: boolean | null;
  needsEvacuation?: boolean | null;
  warningEvacuationText?: string | null;
  residualLikelihoodRank?: number | null;
  residualConsequences?: ConsequenceAssessmentInput[];
}

/** A scenario's position and band on its analysis's scale (null until likelihood and a consequence are set). */
export interface RiskPosition {
  likelihoodRank: number;
  consequenceRank: number;
  bandCode: string;
  bandLabel: string;
  colour: string;
  textColour: string;
  /** The consequence type that decides the overall band (the worst one). */
  typeCode: string;
}

export interface RiskScenarioResponse extends Required<Omit<RiskScenarioInput, 'consequences' | 'residualConsequences'>> {
  id: string;
  sortOrder: number;
  consequences: Required<ConsequenceAssessmentInput>[];
  residualConsequences: Required<ConsequenceAssessmentInput>[];
  risk: RiskPosition | null;
  residualRisk: RiskPosition | null;
}

export interface RiskAnalysisResponse extends RiskAnalysisSummary {
  mandate: string | null;
  councilDecisionDate: string | null;
  councilCaseNumber: string | null;
  approvedAt: string | null;
  scenarios: RiskScenarioResponse[];
}

export interface CreateRiskAnalysisRequest {
  type: RiskAnalysisType;
  title: string;
  mandate?: string | null;
  scopeOrgUnitId: string;
  /** Latest version of this scale set; by default DSB's societal scale, HMS scale for hms_ros. */
  scaleSetCode?: string;
  nextRevisionAt?: string | null;
  /** Start from a template (GET /api/risk/templates), e.g. the HMS assessment of a nursing home. */
  templateCode?: string;
  /** Start as the next version of this analysis: its content is copied, it becomes `superseded` once this one is approved, and stays readable. */
  copyOfAnalysisId?: string;
}

/** A starting point for a new analysis: prefilled scenarios or HMS risk items. */
export interface RiskAnalysisTemplate {
  code: string;
  type: RiskAnalysisType;
  title: string;
  description: string;
  /** Municipal service type the template is for, e.g. `nursing_home`; null for general templates. */
  serviceType: string | null;
  itemCount: number;
}

export interface UpdateRiskAnalysisRequest {
  title?: string;
  mandate?: string | null;
  status?: RiskAnalysisStatus;
  nextRevisionAt?: string | null;
  councilDecisionDate?: string | null;
  councilCaseNumber?: string | null;
}

export interface RiskRegisterQuery extends PageQuery {
  /** Scale set code: the register and heat map show one scale at a time. Default `dsb_societal`. */
  scaleSetCode?: string;
  orgUnitId?: string;
  type?: RiskAnalysisType;
  /** Band code on the scale, e.g. `red`. */
  band?: string;
  consequenceType?: string;
  revisionOverdue?: boolean;
}

export interface RiskRegisterItem {
  scenarioId: string;
  title: string;
  analysis: { id: string; title: string; type: RiskAnalysisType };
  scopeOrgUnit: { id: string; name: string };
  risk: RiskPosition;
  residualRisk: RiskPosition | null;
  uncertainty: ThreeLevel | null;
}

export interface RiskHeatMapResponse {
  scaleSetCode: string;
  /** counts[likelihoodRank - 1][consequenceRank - 1] */
  counts: number[][];
  total: number;
}
