import type { HazardSource, RiskAnalysisStatus, RiskAnalysisType, RiskFactorGroup, ScaleSet, ThreeLevel } from '@helhet/domain';

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
  /** Number of HMS risk items (domain.md §2.9). */
  hmsItemCount?: number;
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
  /** Assessed work-environment factors (domain.md §2.9); any type may have them, hms_ros uses them instead of scenarios. */
  hmsItems: HmsRiskItemResponse[];
  /** The version this analysis revises (it becomes `superseded` when this one is approved). */
  previousVersion: RiskAnalysisVersionRef | null;
  /** The newest revision started from this analysis, if any. */
  nextVersion: RiskAnalysisVersionRef | null;
}

export interface RiskAnalysisVersionRef {
  id: string;
  title: string;
  status: RiskAnalysisStatus;
}

/** GET /api/risk/factors: the tenant's work-environment factor catalogue (domain.md §2.9, §7.1 RiskFactor). */
export interface RiskFactorResponse {
  id: string;
  code: string;
  group: RiskFactorGroup;
  labelNb: string;
  labelEn: string;
  /** Service types (org unit `serviceType`) where the factor is typical. */
  serviceTypes: string[];
  sourceUrl: string | null;
}

/** POST/PATCH /api/risk/analyses/:id/hms-items[/:itemId]. Ranks are on the analysis's scale (consequence: the matrix axis). */
export interface HmsRiskItemInput {
  riskFactorId: string;
  /** Arbeidsoppgave eller sted. */
  taskOrLocation: string;
  exposedGroup?: string | null;
  exposedCount?: number | null;
  likelihoodRank?: number | null;
  consequenceRank?: number | null;
  existingMeasures?: string | null;
  rationale?: string | null;
  uncertainty?: ThreeLevel | null;
  proposedMeasures?: string | null;
  residualLikelihoodRank?: number | null;
  residualConsequenceRank?: number | null;
}

export interface HmsRiskItemResponse extends Required<Omit<HmsRiskItemInput, 'riskFactorId'>> {
  id: string;
  sortOrder: number;
  factor: { id: string; code: string; group: RiskFactorGroup; labelNb: string; labelEn: string; sourceUrl: string | null };
  /** From `riskLevel` on the analysis's scale; null until likelihood and consequence are set. */
  risk: RiskPosition | null;
  residualRisk: RiskPosition | null;
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
  /** Only HMS items of this factor group (scenarios have no factor group and are left out). */
  factorGroup?: RiskFactorGroup;
  /** Only items of analyses owned by this user. */
  ownerUserId?: string;
}

export type RiskRegisterItemSource = 'scenario' | 'hms_item';

export interface RiskRegisterItem {
  /** Whether the item is an undesired event (scenario) or an assessed work-environment factor (HMS item). */
  source: RiskRegisterItemSource;
  /** Id of the scenario or the HMS item (see `source`). */
  scenarioId: string;
  /** HMS items: the factor's group; null for scenarios. */
  factorGroup: RiskFactorGroup | null;
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
