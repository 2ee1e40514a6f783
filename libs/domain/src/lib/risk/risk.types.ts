/**
 * ROS vocabulary (domain.md §2, §7.1, §7.2). Database check constraints mirror these lists. The bokmål
 * labels are given in the comments (domain.md §7.2); the UI translates the ids through i18n like every
 * other value list (ADR 7), so no label maps live here.
 *
 * Likelihood and consequence levels (§7.2 `Likelihood`, `ConsequenceLevel`) are deliberately not value
 * lists: they are data of a `ScaleSet` (scale-set.ts), because a kommune may adapt its scales (§2.3, §2.5).
 * Records store the *rank* on the scale version the analysis is pinned to.
 */

/**
 * Kinds of analysis sharing the one `RiskAnalysis` entity (domain.md §2, §7.1): `holistic_ros` Helhetlig ROS ·
 * `hms_ros` HMS-risikovurdering · `service_ros` Tjeneste-ROS · `infosec_ros` ROS informasjonssikkerhet ·
 * `fire_ros` Brann-ROS · `land_use_ros` Areal-ROS · `project_ros` Prosjekt-ROS.
 */
export const RISK_ANALYSIS_TYPES = [
  'holistic_ros',
  'hms_ros',
  'service_ros',
  'infosec_ros',
  'fire_ros',
  'land_use_ros',
  'project_ros',
] as const;
export type RiskAnalysisType = (typeof RISK_ANALYSIS_TYPES)[number];

/**
 * Life cycle of an analysis (domain.md §7.1): planned → in_progress → in_review → approved; an approved
 * analysis becomes `superseded` when its revision is approved (§2.1 forskrift § 6: updated with the plans).
 */
export const RISK_ANALYSIS_STATUSES = ['planned', 'in_progress', 'in_review', 'approved', 'superseded'] as const;
export type RiskAnalysisStatus = (typeof RISK_ANALYSIS_STATUSES)[number];

/**
 * Societal values (samfunnsverdier) that group consequence types in a societal scale (domain.md §2.4):
 * `life_health` Liv og helse · `stability` Stabilitet · `nature_culture` Natur og kulturmiljø ·
 * `material_economic` Materielle verdier · `governance` Styringsevne og tillit (optional, from NRB).
 */
export const SOCIETAL_VALUES = ['life_health', 'stability', 'nature_culture', 'material_economic', 'governance'] as const;
export type SocietalValue = (typeof SOCIETAL_VALUES)[number];

/**
 * Vulnerability (sårbarhet), uncertainty (usikkerhet) and controllability (styrbarhet) are judged on
 * this three-step scale (domain.md §2.6): `low` Lav · `medium` Middels · `high` Høy. They are recorded
 * next to the risk, never folded into it.
 */
export const THREE_LEVELS = ['low', 'medium', 'high'] as const;
export type ThreeLevel = (typeof THREE_LEVELS)[number];

/** Where an undesired event comes from (domain.md §2.2): `hazard` Fare · `threat` Trussel (intentional acts). */
export const HAZARD_SOURCES = ['hazard', 'threat'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/**
 * Work-environment factor groups of the HMS factor catalogue (domain.md §2.9): `org_psychosocial`
 * Organisatoriske og psykososiale · `violence_threats` Vold og trusler · `ergonomic` Mekaniske/ergonomiske ·
 * `physical` Fysiske · `chemical` Kjemiske · `biological` Biologiske · `accident` Ulykker/skaderisiko.
 */
export const RISK_FACTOR_GROUPS = [
  'org_psychosocial',
  'violence_threats',
  'ergonomic',
  'physical',
  'chemical',
  'biological',
  'accident',
] as const;
export type RiskFactorGroup = (typeof RISK_FACTOR_GROUPS)[number];

/**
 * What a scale set is made for (domain.md §7.1): `societal` (helhetlig ROS and other societal-safety
 * analyses), `hms` (work environment), `infosec` (information security), `custom` (a kommune's own).
 */
export const SCALE_SET_KINDS = ['societal', 'hms', 'infosec', 'custom'] as const;
export type ScaleSetKind = (typeof SCALE_SET_KINDS)[number];
