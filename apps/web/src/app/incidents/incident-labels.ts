import type {
  AffectedPartyType,
  BreachRiskLevel,
  CauseCategory,
  CiaType,
  IncidentAction,
  IncidentKind,
  IncidentStatus,
  MeasureStatus,
  NotificationRecipient,
  ReporterVisibility,
  Severity,
} from '@helhet/domain';

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
