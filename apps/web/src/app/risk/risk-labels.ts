import type { RiskAnalysisStatus, RiskAnalysisType, ThreeLevel } from '@helhet/domain';

export const RISK_TYPE_LABELS: Record<RiskAnalysisType, () => string> = {
  fire_ros: () => $localize`:@@riskLabels.typeFireRos:Brann-ROS`,
  hms_ros: () => $localize`:@@riskLabels.typeHmsRos:HMS-risikovurdering`,
  holistic_ros: () => $localize`:@@riskLabels.typeHolisticRos:Helhetlig ROS`,
  infosec_ros: () => $localize`:@@riskLabels.typeInfosecRos:ROS informasjonssikkerhet`,
  land_use_ros: () => $localize`:@@riskLabels.typeLandUseRos:Areal-ROS`,
  project_ros: () => $localize`:@@riskLabels.typeProjectRos:Prosjekt-ROS`,
  service_ros: () => $localize`:@@riskLabels.typeServiceRos:Tjeneste-ROS`,
};

export const RISK_STATUS_LABELS: Record<RiskAnalysisStatus, () => string> = {
  approved: () => $localize`:@@riskLabels.statusApproved:Godkjent`,
  in_progress: () => $localize`:@@riskLabels.statusInProgress:Pågår`,
  in_review: () => $localize`:@@riskLabels.statusInReview:Til godkjenning`,
  planned: () => $localize`:@@riskLabels.statusPlanned:Planlagt`,
  superseded: () => $localize`:@@riskLabels.statusSuperseded:Erstattet`,
};

export const THREE_LEVEL_LABELS: Record<ThreeLevel, () => string> = {
  high: () => $localize`:@@riskLabels.levelHigh:Høy`,
  low: () => $localize`:@@riskLabels.levelLow:Lav`,
  medium: () => $localize`:@@riskLabels.levelMedium:Middels`,
};

export const threeLevel = (value: ThreeLevel | null | undefined): string => (value ? THREE_LEVEL_LABELS[value]() : '–');
