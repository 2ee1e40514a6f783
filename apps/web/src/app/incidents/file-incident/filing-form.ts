import type { AbstractControl, FormGroupDirective, NgForm, NonNullableFormBuilder, ValidationErrors, ValidatorFn } from '@angular/forms';
import { Validators } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import {
  ABSENCE_DAYS_MAX,
  type AffectedPartyType,
  BREACH_DATA_CATEGORIES_MAX,
  BREACH_DATA_CATEGORY_MAX,
  breachNotificationDeadline,
  type BreachRiskLevel,
  type CiaType,
  INCIDENT_SHORT_TEXT_MAX,
  INCIDENT_TEXT_MAX,
  type IncidentKind,
  occurredAtProblem,
  type ReporterVisibility,
  type Severity,
  type SeverityFields,
  severityFields as severityFieldsOf,
} from '@helhet/domain';
import type {
  FileIncidentRequest,
  FilingUnitResponse,
  IncidentCategoryResponse,
  InjuryRecordInput,
  PersonalDataBreachInput,
} from '@helhet/shared';

/** Longest free text the API takes: the limit of libs/domain (incident-limits.ts), under the name the sections use. */
export const TEXT_MAX = INCIDENT_TEXT_MAX;

const pad = (n: number) => String(n).padStart(2, '0');

/** The browser's wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) of `instant`, as date and time inputs take them. */
export const localDateTime = (instant: Date): { date: string; time: string } => ({
  date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
  time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
});

/** The instant a local date and time stand for, or null while either is incomplete. */
export const toInstant = (date: string, time: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const value = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}`);
  return Number.isNaN(value.getTime()) ? null : value;
};

/** `future` beyond the clock-skew tolerance, `tooOld` beyond ten years back: the API's own rule (libs/domain). */
export const timeProblem = (instant: Date | null, now: Date): 'future' | 'tooOld' | null =>
  instant ? occurredAtProblem(instant, now) : null;

/** On the form: `occurredDate` + `occurredTime` must not lie in the future. */
export const occurredAtValidator =
  (now: () => Date = () => new Date()): ValidatorFn =>
  (group: AbstractControl): ValidationErrors | null => {
    const problem = timeProblem(toInstant(group.get('occurredDate')?.value ?? '', group.get('occurredTime')?.value ?? ''), now());
    return problem ? { [problem]: true } : null;
  };

/** A `datetime-local` value that must not lie in the future (breach discovery). */
export const notInFutureValidator =
  (now: () => Date = () => new Date()): ValidatorFn =>
  (control: AbstractControl<string>): ValidationErrors | null => {
    const [date = '', time = ''] = (control.value ?? '').split('T');
    return timeProblem(toInstant(date, time), now()) === 'future' ? { future: true } : null;
  };

/** The unit field holds the picked unit; typed text that was not picked from the list is an error. */
export const unitPickedValidator: ValidatorFn = (control: AbstractControl<FilingUnitResponse | string>): ValidationErrors | null => {
  const value = control.value;
  if (typeof value === 'object' && value !== null) return null;
  return value.trim() ? { pickFromList: true } : { required: true };
};

/** Comma-separated data categories as the API takes them: at most 30, each at most 100 characters. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

export const listValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const parts = splitList(control.value ?? '');
  return parts.length > BREACH_DATA_CATEGORIES_MAX || parts.some((part) => part.length > BREACH_DATA_CATEGORY_MAX) ? { list: true } : null;
};

/**
 * Shows a field's error when it, or the listed errors of its parent group, is invalid — after a touch or
 * a submit, like Material's default. The date and time pair shares one "not in the future" rule.
 */
export class GroupErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly groupErrors: readonly string[]) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control || !(control.touched || form?.submitted)) return false;
    return control.invalid || this.groupErrors.some((error) => control.parent?.hasError(error));
  }
}

/** Which severities the form asks for: the API's rule (libs/domain incident-filing-rules.ts) for the chosen category. */
export const severityFields = (kind: IncidentKind, category: IncidentCategoryResponse | null): SeverityFields =>
  severityFieldsOf(kind, category?.hasSeverity ?? null);

/** A sensible first guess of who was affected, from the category's shipped code (the reporter can change it). */
export const defaultAffectedParty = (categoryCode: string | undefined): AffectedPartyType => {
  switch (categoryCode) {
    case 'violence_threats':
    case 'personal_injury':
    case 'work_environment':
      return 'employee';
    case 'user_safety':
      return 'user_patient';
    case 'pupil_environment':
      return 'pupil_child';
    default:
      return 'none';
  }
};

export const createFilingForm = (fb: NonNullableFormBuilder, now: Date) => {
  const { date, time } = localDateTime(now);
  return fb.group(
    {
      affectedPartyType: ['none' as AffectedPartyType, Validators.required],
      categoryId: ['', Validators.required],
      description: ['', [Validators.required, Validators.maxLength(TEXT_MAX)]],
      immediateActions: ['', Validators.maxLength(TEXT_MAX)],
      kind: ['deviation' as IncidentKind, Validators.required],
      location: ['', Validators.maxLength(INCIDENT_SHORT_TEXT_MAX)],
      occurredDate: [date, Validators.required],
      occurredTime: [time, Validators.required],
      reporterVisibility: ['named' as ReporterVisibility, Validators.required],
      severityActual: [null as Severity | null, Validators.required],
      severityPotential: [null as Severity | null],
      subcategoryId: [''],
      unit: fb.control<FilingUnitResponse | string>('', unitPickedValidator),
    },
    { validators: occurredAtValidator() },
  );
};
export type FilingForm = ReturnType<typeof createFilingForm>;

export const createInjuryForm = (fb: NonNullableFormBuilder) => {
  const group = fb.group({
    absence: [false],
    absenceDays: [{ disabled: true, value: null as number | null }, [Validators.min(0), Validators.max(ABSENCE_DAYS_MAX)]],
    courseOfEvents: ['', [Validators.required, Validators.maxLength(TEXT_MAX)]],
    injuredIsMe: [false],
    injuredPersonText: ['', Validators.maxLength(INCIDENT_SHORT_TEXT_MAX)],
    injuryDescription: ['', [Validators.required, Validators.maxLength(TEXT_MAX)]],
    medicalInfo: [{ disabled: true, value: '' }, Validators.maxLength(TEXT_MAX)],
    medicalInfoConsent: [false],
    occupationalDisease: [false],
    presumedCauses: ['', Validators.maxLength(TEXT_MAX)],
    workBeingDone: ['', [Validators.required, Validators.maxLength(TEXT_MAX)]],
  });
  const { absence, absenceDays, medicalInfo, medicalInfoConsent } = group.controls;
  // Medical text only with the injured person's consent (aml § 5-1 (2)); withdrawn consent drops the text.
  medicalInfoConsent.valueChanges.subscribe((consent) =>
    consent ? medicalInfo.enable() : medicalInfo.reset({ disabled: true, value: '' }),
  );
  absence.valueChanges.subscribe((away) => (away ? absenceDays.enable() : absenceDays.reset({ disabled: true, value: null })));
  return group;
};
export type InjuryForm = ReturnType<typeof createInjuryForm>;

export const createBreachForm = (fb: NonNullableFormBuilder) =>
  fb.group({
    affectedCount: [null as number | null, [Validators.min(0), Validators.pattern(/^\d+$/)]],
    cia: fb.group({ availability: [false], confidentiality: [false], integrity: [false] }),
    dataCategories: ['', listValidator],
    discoveredAt: ['', [Validators.required, notInFutureValidator()]],
    lateReason: ['', Validators.maxLength(TEXT_MAX)],
    possibleConsequences: ['', Validators.maxLength(TEXT_MAX)],
    relationToSubjects: ['', Validators.maxLength(TEXT_MAX)],
    riskAssessment: ['' as BreachRiskLevel | '', Validators.required],
    specialCategories: [false],
    whereDataNow: ['', Validators.maxLength(TEXT_MAX)],
  });
export type BreachForm = ReturnType<typeof createBreachForm>;

/** True when discovery lies more than 72 hours back: the API then wants a reason for the delay. */
export const breachIsLate = (discoveredAt: string, now: Date): boolean => {
  const [date = '', time = ''] = discoveredAt.split('T');
  const instant = toInstant(date, time);
  return instant !== null && now.getTime() > breachNotificationDeadline(instant).getTime();
};

const textOrNull = (value: string | null | undefined): string | null => value?.trim() || null;

export const toInjuryInput = (form: InjuryForm, myUserId: string | null): InjuryRecordInput => {
  const v = form.getRawValue();
  const me = v.injuredIsMe && myUserId !== null;
  return {
    absence: v.absence,
    absenceDays: v.absence ? v.absenceDays : null,
    courseOfEvents: v.courseOfEvents.trim(),
    injuredPersonText: me ? null : textOrNull(v.injuredPersonText),
    injuredUserId: me ? myUserId : null,
    injuryDescription: v.injuryDescription.trim(),
    medicalInfo: v.medicalInfoConsent ? textOrNull(v.medicalInfo) : null,
    medicalInfoConsent: v.medicalInfoConsent,
    occupationalDisease: v.occupationalDisease,
    presumedCauses: textOrNull(v.presumedCauses),
    workBeingDone: v.workBeingDone.trim(),
  };
};

export const toBreachInput = (form: BreachForm): PersonalDataBreachInput => {
  const v = form.getRawValue();
  const [date = '', time = ''] = v.discoveredAt.split('T');
  return {
    affectedCount: v.affectedCount ?? null,
    ciaTypes: (Object.keys(v.cia) as CiaType[]).filter((type) => v.cia[type]),
    dataCategories: splitList(v.dataCategories),
    discoveredAt: (toInstant(date, time) ?? new Date(Number.NaN)).toISOString(),
    lateReason: textOrNull(v.lateReason),
    possibleConsequences: textOrNull(v.possibleConsequences),
    relationToSubjects: textOrNull(v.relationToSubjects),
    riskAssessment: v.riskAssessment as BreachRiskLevel,
    specialCategories: v.specialCategories,
    whereDataNow: textOrNull(v.whereDataNow),
  };
};

/** The request the API takes, from a valid form. Hidden severities are left out, not sent stale. */
export const toFileRequest = (
  form: FilingForm,
  category: IncidentCategoryResponse | null,
  extra: { injury: InjuryRecordInput | null; breach: PersonalDataBreachInput | null },
): FileIncidentRequest => {
  const v = form.getRawValue();
  const show = severityFields(v.kind, category);
  const occurredAt = toInstant(v.occurredDate, v.occurredTime) ?? new Date();
  return {
    affectedPartyType: v.affectedPartyType,
    breach: extra.breach,
    categoryId: v.categoryId,
    description: v.description.trim(),
    immediateActions: textOrNull(v.immediateActions),
    injury: extra.injury,
    kind: v.kind,
    location: textOrNull(v.location),
    occurredAt: occurredAt.toISOString(),
    orgUnitId: typeof v.unit === 'object' ? v.unit.id : '',
    reporterVisibility: v.reporterVisibility,
    severityActual: show.actual ? v.severityActual : null,
    severityPotential: show.potential ? v.severityPotential : null,
    subcategoryId: v.subcategoryId || null,
  };
};

/** Where each API field name (FieldError.field) is shown in the form. `occurredAt` sits on the time input. */
export const CONTROL_OF_FIELD: Readonly<Record<string, string>> = {
  affectedPartyType: 'affectedPartyType',
  categoryId: 'categoryId',
  description: 'description',
  immediateActions: 'immediateActions',
  kind: 'kind',
  location: 'location',
  occurredAt: 'occurredTime',
  orgUnitId: 'unit',
  reporterVisibility: 'reporterVisibility',
  severityActual: 'severityActual',
  severityPotential: 'severityPotential',
  subcategoryId: 'subcategoryId',
};

/** Norwegian text for a field the API refused. The API's reasons are English developer text, so they are not shown. */
export const serverFieldMessage = (field: string): string => {
  switch (field) {
    case 'description':
      return $localize`:@@incidentFile.serverDescription:Beskriv hva som skjedde (høyst 4000 tegn).`;
    case 'occurredAt':
      return $localize`:@@incidentFile.serverOccurredAt:Sjekk tidspunktet. Det kan ikke være fram i tid eller mer enn ti år tilbake.`;
    case 'categoryId':
      return $localize`:@@incidentFile.serverCategory:Velg en kategori fra listen.`;
    case 'subcategoryId':
      return $localize`:@@incidentFile.serverSubcategory:Velg en underkategori som hører til kategorien.`;
    case 'orgUnitId':
      return $localize`:@@incidentFile.serverUnit:Velg en aktiv enhet fra listen.`;
    case 'severityActual':
    case 'severityPotential':
      return $localize`:@@incidentFile.serverSeverity:Sjekk alvorlighetsgraden for denne typen melding.`;
    case 'injury.injuredUserId':
      return $localize`:@@incidentFile.serverInjuredUser:Fant ikke den skadde personen som bruker. Skriv navnet i stedet.`;
    case 'injury.medicalInfo':
      return $localize`:@@incidentFile.serverMedicalInfo:Medisinske opplysninger krever samtykke fra den skadde.`;
    case 'breach.discoveredAt':
      return $localize`:@@incidentFile.serverDiscoveredAt:Sjekk når bruddet ble oppdaget. Det kan ikke være fram i tid.`;
    default:
      return $localize`:@@incidentFile.serverField:Feltet er ikke riktig fylt ut.`;
  }
};

/** Marks `control` as refused by the API, so mat-error shows `message` until the value changes. */
export const markServerError = (control: AbstractControl | null, message: string): void => {
  if (!control) return;
  control.setErrors({ ...(control.errors ?? {}), server: message });
  control.markAsTouched();
};
