/** Avvik vocabulary (domain.md §3, §7.2). Database check constraints mirror these lists. */

export const INCIDENT_KINDS = ['deviation', 'adverse_event', 'near_miss', 'improvement'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['registered', 'in_progress', 'measures', 'closed', 'rejected'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const REPORTER_VISIBILITIES = ['named', 'hidden_from_handler', 'anonymous'] as const;
export type ReporterVisibility = (typeof REPORTER_VISIBILITIES)[number];

export const AFFECTED_PARTY_TYPES = ['employee', 'user_patient', 'pupil_child', 'relative', 'third_party', 'none'] as const;
export type AffectedPartyType = (typeof AFFECTED_PARTY_TYPES)[number];

/** Cause taxonomy for closing (domain.md §3.4). */
export const CAUSE_CATEGORIES = ['human', 'technical', 'organisational', 'routine_missing', 'routine_not_followed', 'external'] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/**
 * Who besides the management line may read a category's cases (domain.md §3.9). `injury` makes the
 * cases the aml §5-1 injury register; `infosec` opens the personal-data-breach record.
 */
export const CATEGORY_RESTRICTIONS = ['none', 'injury', 'infosec'] as const;
export type CategoryRestriction = (typeof CATEGORY_RESTRICTIONS)[number];

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const NOTIFICATION_RECIPIENTS = [
  'arbeidstilsynet_police',
  'nav_injury',
  'insurer',
  'datatilsynet',
  'data_subjects',
  'helsetilsynet',
  'emergency_110',
] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

export const CIA_TYPES = ['confidentiality', 'integrity', 'availability'] as const;
export type CiaType = (typeof CIA_TYPES)[number];

export const BREACH_RISK_LEVELS = ['unlikely', 'risk', 'high_risk'] as const;
export type BreachRiskLevel = (typeof BREACH_RISK_LEVELS)[number];
