import {
  type AffectedPartyType,
  type BreachRiskLevel,
  type CauseCategory,
  type CiaType,
  DEFAULT_SEVERITY_POLICY,
  type IncidentAction,
  type IncidentKind,
  type IncidentStatus,
  type MeasureStatus,
  type NotificationRecipient,
  type ReporterVisibility,
  SEVERITIES,
  type Severity,
  type SeverityNotify,
} from '@helhet/domain';
import type { IncidentSeverityOption } from '@helhet/shared';

/** Norwegian labels of the avvik value lists (domain.md §7.2), translated through i18n. */
export const KIND_LABELS: Record<IncidentKind, () => string> = {
  adverse_event: () => $localize`:@@incidentKind.adverseEvent:Uønsket hendelse`,
  deviation: () => $localize`:@@incidentKind.deviation:Avvik`,
  improvement: () => $localize`:@@incidentKind.improvement:Forbedringsforslag`,
  near_miss: () => $localize`:@@incidentKind.nearMiss:Nestenulykke`,
};

export const STATUS_LABELS: Record<IncidentStatus, () => string> = {
  closed: () => $localize`:@@incidentStatus.closed:Lukket`,
  in_progress: () => $localize`:@@incidentStatus.inProgress:Under behandling`,
  measures: () => $localize`:@@incidentStatus.measures:Tiltak`,
  registered: () => $localize`:@@incidentStatus.registered:Registrert`,
  rejected: () => $localize`:@@incidentStatus.rejected:Avvist`,
};

export const SEVERITY_LABELS: Record<Severity, () => string> = {
  critical: () => $localize`:@@severity.critical:Kritisk`,
  high: () => $localize`:@@severity.high:Høy`,
  low: () => $localize`:@@severity.low:Lav`,
  medium: () => $localize`:@@severity.medium:Middels`,
};

/** The shipped guidance per level (domain.md §3.3), translated; a tenant may replace it. */
export const SEVERITY_DESCRIPTIONS: Record<Severity, () => string> = {
  critical: () =>
    $localize`:@@severity.criticalHelp:Død, alvorlig personskade, hendelse som skal meldes til myndighetene, eller alvorlig brudd på lov eller sikkerhet.`,
  high: () => $localize`:@@severity.highHelp:Alvorlig skade eller brudd som må følges opp over enheten.`,
  low: () => $localize`:@@severity.lowHelp:Ingen eller ubetydelig følge.`,
  medium: () => $localize`:@@severity.mediumHelp:Mindre skade eller ulempe som kan rettes på stedet.`,
};

/**
 * A tenant's severity level as shown: the tenant's own words, except that the shipped default label and
 * guidance are shown translated (the tenant's text is bokmål only).
 */
export const severityText = (
  option: Pick<IncidentSeverityOption, 'code' | 'description' | 'label'>,
): { label: string; description: string } => {
  const shipped = DEFAULT_SEVERITY_POLICY[option.code];
  return {
    description: option.description === shipped.description ? SEVERITY_DESCRIPTIONS[option.code]() : option.description,
    label: option.label === shipped.label ? SEVERITY_LABELS[option.code]() : option.label,
  };
};

/** The shipped scale as filing options: used until (or if) the tenant's scale cannot be loaded. */
export const DEFAULT_SEVERITY_OPTIONS: readonly IncidentSeverityOption[] = SEVERITIES.map((code) => ({
  active: DEFAULT_SEVERITY_POLICY[code].active,
  code,
  description: DEFAULT_SEVERITY_POLICY[code].description,
  label: DEFAULT_SEVERITY_POLICY[code].label,
}));

/** Who hears about a new case at once, per severity level (admin settings). */
export const SEVERITY_NOTIFY_LABELS: Record<SeverityNotify, () => string> = {
  handler: () => $localize`:@@severityNotify.handler:Bare behandleren`,
  next_level: () => $localize`:@@severityNotify.nextLevel:Behandleren og nivået over`,
  sector_and_top: () => $localize`:@@severityNotify.sectorAndTop:Behandleren, kommunalsjefen og kommunedirektøren`,
};

export const VISIBILITY_LABELS: Record<ReporterVisibility, () => string> = {
  anonymous: () => $localize`:@@visibility.anonymous:Anonym`,
  hidden_from_handler: () => $localize`:@@visibility.hidden:Skjult for behandler`,
  named: () => $localize`:@@visibility.named:Med navn`,
};

export const AFFECTED_LABELS: Record<AffectedPartyType, () => string> = {
  employee: () => $localize`:@@affected.employee:Ansatt`,
  none: () => $localize`:@@affected.none:Ingen personer`,
  pupil_child: () => $localize`:@@affected.pupilChild:Elev/barn`,
  relative: () => $localize`:@@affected.relative:Pårørende`,
  third_party: () => $localize`:@@affected.thirdParty:Tredjeperson`,
  user_patient: () => $localize`:@@affected.userPatient:Bruker/pasient`,
};

export const CAUSE_LABELS: Record<CauseCategory, () => string> = {
  external: () => $localize`:@@cause.external:Ytre forhold`,
  human: () => $localize`:@@cause.human:Menneskelig/individuell`,
  organisational: () => $localize`:@@cause.organisational:Organisatorisk (bemanning, opplæring, arbeidsdeling)`,
  routine_missing: () => $localize`:@@cause.routineMissing:Rutine mangler/er uklar`,
  routine_not_followed: () => $localize`:@@cause.routineNotFollowed:Rutine ikke fulgt`,
  technical: () => $localize`:@@cause.technical:Teknisk/utstyr`,
};

export const ACTION_LABELS: Record<IncidentAction, () => string> = {
  acknowledge: () => $localize`:@@incidentAction.acknowledge:Ta saken`,
  assign_handler: () => $localize`:@@incidentAction.assignHandler:Gi til behandler`,
  close: () => $localize`:@@incidentAction.close:Lukk saken`,
  forward: () => $localize`:@@incidentAction.forward:Send til annen enhet`,
  plan_measures: () => $localize`:@@incidentAction.planMeasures:Gå til tiltak`,
  reject: () => $localize`:@@incidentAction.reject:Avvis`,
  reopen: () => $localize`:@@incidentAction.reopen:Gjenåpne`,
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, () => string> = {
  cancelled: () => $localize`:@@measureStatus.cancelled:Avbrutt`,
  done: () => $localize`:@@measureStatus.done:Utført`,
  in_progress: () => $localize`:@@measureStatus.inProgress:Pågår`,
  planned: () => $localize`:@@measureStatus.planned:Planlagt`,
  postponed: () => $localize`:@@measureStatus.postponed:Utsatt`,
};

export const RECIPIENT_LABELS: Record<NotificationRecipient, () => string> = {
  arbeidstilsynet_police: () => $localize`:@@recipient.arbeidstilsynetPolice:Arbeidstilsynet og politiet`,
  data_subjects: () => $localize`:@@recipient.dataSubjects:De registrerte`,
  datatilsynet: () => $localize`:@@recipient.datatilsynet:Datatilsynet (Altinn)`,
  emergency_110: () => $localize`:@@recipient.emergency110:Brannvesenet (110)`,
  helsetilsynet: () => $localize`:@@recipient.helsetilsynet:Statens helsetilsyn`,
  insurer: () => $localize`:@@recipient.insurer:Yrkesskadeforsikring (forsikringsselskap)`,
  nav_injury: () => $localize`:@@recipient.navInjury:NAV – skademelding`,
};

export const CIA_LABELS: Record<CiaType, () => string> = {
  availability: () => $localize`:@@cia.availability:Tilgjengelighet`,
  confidentiality: () => $localize`:@@cia.confidentiality:Konfidensialitet`,
  integrity: () => $localize`:@@cia.integrity:Integritet`,
};

export const BREACH_RISK_LABELS: Record<BreachRiskLevel, () => string> = {
  high_risk: () => $localize`:@@breachRisk.high:Høy risiko for de registrerte`,
  risk: () => $localize`:@@breachRisk.risk:Risiko for de registrerte`,
  unlikely: () => $localize`:@@breachRisk.unlikely:Lite sannsynlig at det medfører risiko`,
};
