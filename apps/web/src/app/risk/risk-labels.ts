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

/** Button text for moving an analysis to `status`. */
export const STATUS_ACTION_LABELS: Record<RiskAnalysisStatus, () => string> = {
  approved: () => $localize`:@@riskLabels.actionApprove:Godkjenn analysen`,
  in_progress: () => $localize`:@@riskLabels.actionStart:Sett til «Pågår»`,
  in_review: () => $localize`:@@riskLabels.actionReview:Send til godkjenning`,
  planned: () => $localize`:@@riskLabels.actionPlanned:Sett til «Planlagt»`,
  superseded: () => $localize`:@@riskLabels.actionSuperseded:Marker som erstattet`,
};

/**
 * Norwegian text for the reasons the API gives for one field (400 `details[].reasons`, English). Known reasons
 * get a specific text; anything else the generic one, so an English message never reaches the user.
 */
export const fieldReasonText = (reasons: readonly string[] | undefined): string | null => {
  if (!reasons || reasons.length === 0) return null;
  const texts = reasons.map((reason) => {
    const range = /must be 1–(\d+)/.exec(reason);
    if (range) {
      const max = range[1];
      return $localize`:@@riskLabels.reasonRange:Velg et nivå mellom 1 og ${max}:MAX: på denne skalaen.`;
    }
    if (reason === 'unknown unit') return $localize`:@@riskLabels.reasonUnit:Velg en enhet du har tilgang til.`;
    if (reason.startsWith('helhetlig ROS covers'))
      return $localize`:@@riskLabels.reasonHolisticUnit:Helhetlig ROS gjelder hele kommunen. Velg kommunen øverst i organisasjonen.`;
    if (reason === 'unknown scale set') return $localize`:@@riskLabels.reasonScale:Skalaen finnes ikke.`;
    if (reason === 'unknown template' || reason.startsWith('the template is for'))
      return $localize`:@@riskLabels.reasonTemplate:Malen passer ikke til denne analysetypen.`;
    if (reason === 'unknown analysis' || reason.startsWith('the previous version is of'))
      return $localize`:@@riskLabels.reasonCopy:Velg en tidligere analyse av samme type som du har tilgang til.`;
    if (reason.startsWith('start from a template'))
      return $localize`:@@riskLabels.reasonTemplateOrCopy:Velg enten en mal eller en tidligere analyse, ikke begge.`;
    if (/should not be empty|must be longer|must not be empty|required/i.test(reason))
      return $localize`:@@riskLabels.reasonRequired:Feltet må fylles ut.`;
    if (/must be shorter|must not be longer/i.test(reason)) return $localize`:@@riskLabels.reasonTooLong:Teksten er for lang.`;
    return $localize`:@@riskLabels.reasonInvalid:Verdien er ikke gyldig.`;
  });
  return [...new Set(texts)].join(' ');
};
