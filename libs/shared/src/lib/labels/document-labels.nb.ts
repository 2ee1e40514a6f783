import type { MeasureStatus, RiskAnalysisStatus, RiskAnalysisType } from '@helhet/domain';

import type { OrgLevelType } from '../enums';

/**
 * Bokmål labels for documents the server renders (the ROS report PDF; later reports and e-mails), in one place.
 * The web shows the same values through `$localize` (apps/web .../risk-labels.ts, core/i18n/labels.ts), because
 * its texts are translated (nn, en) and extracted by the Angular i18n tooling; a document is bokmål only.
 * Choice words of the scenario table (Lav/Middels/Høy, Ja/Nei) are `SCENARIO_TABLE_WORDS` in `@helhet/domain`.
 */
export const RISK_ANALYSIS_TYPE_NB: Readonly<Record<RiskAnalysisType, string>> = {
  fire_ros: 'Brann-ROS',
  hms_ros: 'HMS-risikovurdering',
  holistic_ros: 'Helhetlig risiko- og sårbarhetsanalyse',
  infosec_ros: 'ROS-analyse for informasjonssikkerhet',
  land_use_ros: 'Areal-ROS',
  project_ros: 'Prosjekt-ROS',
  service_ros: 'Tjeneste-ROS',
};

export const RISK_ANALYSIS_STATUS_NB: Readonly<Record<RiskAnalysisStatus, string>> = {
  approved: 'Godkjent',
  in_progress: 'Under arbeid',
  in_review: 'Til godkjenning',
  planned: 'Planlagt',
  superseded: 'Erstattet av nyere versjon',
};

export const MEASURE_STATUS_NB: Readonly<Record<MeasureStatus, string>> = {
  cancelled: 'Avbrutt',
  done: 'Utført',
  in_progress: 'Under arbeid',
  planned: 'Planlagt',
  postponed: 'Utsatt',
};

export const ORG_LEVEL_TYPE_NB: Readonly<Record<OrgLevelType, string>> = {
  agency: 'Etat',
  department: 'Avdeling',
  district: 'Distrikt',
  municipality: 'Kommune',
  sector: 'Kommunalområde',
  team: 'Team',
  unit: 'Enhet',
};
