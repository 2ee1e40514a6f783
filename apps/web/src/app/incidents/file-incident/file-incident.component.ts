import { TextFieldModule } from '@angular/cdk/text-field';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { AFFECTED_PARTY_TYPES, INCIDENT_KINDS, type IncidentKind, REPORTER_VISIBILITIES, type ReporterVisibility } from '@helhet/domain';
import type { FileIncidentResponse, FilingUnitResponse, IncidentCategoryResponse, IncidentSeverityOption } from '@helhet/shared';
import { catchError, debounceTime, distinctUntilChanged, from, map, merge, of, switchMap } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { AFFECTED_LABELS, DEFAULT_SEVERITY_OPTIONS, KIND_LABELS, severityText, VISIBILITY_LABELS } from '../incident-labels';
import { IncidentsApi } from '../incidents.api';
import { AttachmentPickerComponent } from './attachment-picker.component';
import { BreachSectionComponent } from './breach-section.component';
import { FilingConfirmationComponent } from './filing-confirmation.component';
import {
  CONTROL_OF_FIELD,
  createBreachForm,
  createFilingForm,
  createInjuryForm,
  defaultAffectedParty,
  type FilingForm,
  GroupErrorMatcher,
  localDateTime,
  markServerError,
  serverFieldMessage,
  severityFields,
  TEXT_MAX,
  toBreachInput,
  toFileRequest,
  toInjuryInput,
} from './filing-form';
import { InjurySectionComponent } from './injury-section.component';
import { PiiWarningComponent } from './pii-warning.component';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KIND_HELP: Record<IncidentKind, () => string> = {
  adverse_event: () => $localize`:@@incidentFile.kindAdverseHelp:Noe skjedde som førte til skade, tap eller ulempe.`,
  deviation: () => $localize`:@@incidentFile.kindDeviationHelp:Noe er ikke som det skal: krav, rutine eller lov er ikke fulgt.`,
  improvement: () => $localize`:@@incidentFile.kindImprovementHelp:En idé til hvordan noe kan bli bedre.`,
  near_miss: () => $localize`:@@incidentFile.kindNearMissHelp:Det kunne gått galt, men gikk bra.`,
};

const VISIBILITY_HELP: Record<ReporterVisibility, () => string> = {
  anonymous: () =>
    $localize`:@@incidentFile.visibilityAnonymousHelp:Ingenting om hvem du er, lagres. Du får en kvitteringskode som er den eneste måten å følge saken på.`,
  hidden_from_handler: () =>
    $localize`:@@incidentFile.visibilityHiddenHelp:Navnet ditt lagres kryptert og vises ikke for behandleren eller lederne. Du kan følge saken under «Mine saker».`,
  named: () =>
    $localize`:@@incidentFile.visibilityNamedHelp:Behandleren ser hvem du er og kan spørre deg om mer. Du kan følge saken under «Mine saker».`,
};

/**
 * File an avvik: phone first, done in a minute. `?unit=<id>` (a unit's printed QR code) preselects the
 * unit; otherwise the reporter's own unit. Injury and breach details are optional and sent with the report.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AttachmentPickerComponent,
    BreachSectionComponent,
    FilingConfirmationComponent,
    InjurySectionComponent,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    PiiWarningComponent,
    ReactiveFormsModule,
    TextFieldModule,
  ],
  selector: 'hh-file-incident',
  styleUrls: ['./filing-form.scss', './file-incident.component.scss'],
  templateUrl: './file-incident.component.html',
})
export class FileIncidentComponent {
  private readonly api = inject(IncidentsApi);
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** `?unit=` from a QR code. */
  readonly unit = input<string | undefined>();

  protected readonly form = createFilingForm(this.fb, new Date());
  protected readonly injuryForm = createInjuryForm(this.fb);
  protected readonly breachForm = createBreachForm(this.fb);
  protected readonly files = signal<readonly File[]>([]);
  protected readonly refusedFiles = signal<ReadonlySet<number>>(new Set());
  protected readonly injuryOpen = signal(false);
  protected readonly breachOpen = signal(false);

  protected readonly categories = signal<IncidentCategoryResponse[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly unitOptions = signal<FilingUnitResponse[]>([]);
  protected readonly unitNotice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempts = signal(0);
  protected readonly result = signal<FileIncidentResponse | null>(null);

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  private readonly categoryId = toSignal(this.form.controls.categoryId.valueChanges, { initialValue: '' });
  protected readonly visibility = toSignal(this.form.controls.reporterVisibility.valueChanges, {
    initialValue: this.form.controls.reporterVisibility.value,
  });
  protected readonly category = computed(() => this.categories()?.find((c) => c.id === this.categoryId()) ?? null);
  protected readonly subcategories = computed(() => this.category()?.subcategories.filter((s) => s.active) ?? []);
  protected readonly severity = computed(() => severityFields(this.kind(), this.category()));
  protected readonly restriction = computed(() => this.category()?.restriction ?? 'none');

  protected readonly kinds = INCIDENT_KINDS.map((id) => ({ help: KIND_HELP[id](), id, label: KIND_LABELS[id]() }));
  /** The tenant's scale (labels and guidance); the shipped one until it has loaded. */
  private readonly severityOptions = signal<readonly IncidentSeverityOption[]>(DEFAULT_SEVERITY_OPTIONS);
  /** Only the levels the tenant uses are offered. */
  protected readonly severities = computed(() =>
    this.severityOptions()
      .filter((option) => option.active)
      .map((option) => ({ id: option.code, ...severityText(option) })),
  );
  protected readonly affected = AFFECTED_PARTY_TYPES.map((id) => ({ id, label: AFFECTED_LABELS[id]() }));
  protected readonly visibilities = REPORTER_VISIBILITIES.map((id) => ({
    help: VISIBILITY_HELP[id](),
    id,
    label: VISIBILITY_LABELS[id](),
  }));
  protected readonly today = localDateTime(new Date()).date;
  protected readonly textMax = TEXT_MAX;
  protected readonly descriptionRequired = $localize`:@@incidentFile.descriptionRequired:Beskriv hva som skjedde.`;
  protected readonly categoryRequired = $localize`:@@incidentFile.categoryRequired:Velg en kategori.`;
  protected readonly severityActualRequired = $localize`:@@incidentFile.severityActualRequired:Velg hvor alvorlig det ble.`;
  protected readonly severityPotentialRequired = $localize`:@@incidentFile.severityPotentialRequired:Velg hvor alvorlig det kunne blitt.`;
  protected readonly timeMatcher = new GroupErrorMatcher(['future', 'tooOld']);
  protected readonly unitName = (unit: FilingUnitResponse | string | null): string =>
    typeof unit === 'string' ? unit : (unit?.name ?? '');

  constructor() {
    void this.loadCategories();
    void this.loadSeverities();
    this.searchUnits();
    effect(() => {
      const unitId = this.unit();
      untracked(() => void this.preselectUnit(unitId));
    });
    merge(this.form.controls.kind.valueChanges, this.form.controls.categoryId.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.syncDependentControls());
    this.syncDependentControls();
  }

  protected async loadCategories(): Promise<void> {
    this.loadError.set(null);
    try {
      const all = await this.api.categories();
      this.categories.set(all.filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, 'nb')));
      this.syncDependentControls();
    } catch (error) {
      this.loadError.set(errorMessage(error));
    }
  }

  /** A failure keeps the shipped scale: the API still refuses a level the tenant switched off, on the field. */
  private async loadSeverities(): Promise<void> {
    try {
      const options = await this.api.severities();
      this.severityOptions.set(options);
      // A level picked from the shipped scale before the tenant's arrived, and not offered by it, is unpicked.
      for (const control of [this.form.controls.severityActual, this.form.controls.severityPotential]) {
        if (control.value && !options.some((option) => option.code === control.value && option.active)) control.setValue(null);
      }
    } catch {
      // The shipped scale stays.
    }
  }

  /** `?unit=` when it names an active unit, else the reporter's own unit (the API's answer to an empty search). */
  private async preselectUnit(unitId: string | undefined): Promise<void> {
    const control = this.form.controls.unit;
    if (control.dirty) return;
    this.unitNotice.set(null);
    const fromQr = unitId !== undefined && unitId !== '';
    try {
      const units = fromQr && UUID.test(unitId) ? await this.api.filingUnits(unitId) : fromQr ? [] : await this.api.filingUnits('');
      const [first] = units;
      if (first && !control.dirty) {
        control.setValue(first);
        this.unitOptions.set([first]);
      } else if (fromQr) {
        this.unitNotice.set($localize`:@@incidentFile.qrUnitMissing:Fant ikke enheten fra QR-koden. Velg enheten selv.`);
      }
    } catch {
      // The reporter picks the unit by hand; the field says so.
    }
  }

  private searchUnits(): void {
    this.form.controls.unit.valueChanges
      .pipe(
        map((value) => (typeof value === 'string' ? value.trim() : null)),
        debounceTime(200),
        distinctUntilChanged(),
        switchMap((q) => (q === null ? of(null) : q.length < 2 ? of([]) : from(this.api.filingUnits(q)).pipe(catchError(() => of([]))))),
        takeUntilDestroyed(),
      )
      .subscribe((units) => {
        if (units) this.unitOptions.set(units);
      });
  }

  /**
   * Keeps the controls that depend on kind and category in step, synchronously (a submit right after a
   * change sees the right validators): hidden severities are disabled, the sub-category must belong to
   * the category, and who was affected follows the category until the reporter picks it.
   */
  private syncDependentControls(): void {
    const { affectedPartyType, categoryId, severityActual, severityPotential, subcategoryId } = this.form.controls;
    if (this.kind() === 'improvement' && !categoryId.value) {
      const suggestion = this.categories()?.find((c) => c.code === 'improvement');
      if (suggestion) {
        categoryId.setValue(suggestion.id); // comes back here through valueChanges
        return;
      }
    }
    const category = this.category();
    if (subcategoryId.value && !category?.subcategories.some((s) => s.id === subcategoryId.value)) subcategoryId.setValue('');
    if (category && affectedPartyType.pristine) affectedPartyType.setValue(defaultAffectedParty(category.code));
    const { actual, potential, potentialRequired } = this.severity();
    if (actual) severityActual.enable({ emitEvent: false });
    else severityActual.disable({ emitEvent: false });
    severityPotential.setValidators(potentialRequired ? Validators.required : null);
    if (potential) severityPotential.enable({ emitEvent: false });
    else severityPotential.disable({ emitEvent: false });
    severityPotential.updateValueAndValidity({ emitEvent: false });
  }

  /** Section data is sent when the reporter wrote anything in it, and only for the category it belongs to. */
  private injuryUsed(): boolean {
    return this.restriction() === 'injury' && this.injuryForm.dirty;
  }

  private breachUsed(): boolean {
    return this.restriction() === 'infosec' && this.breachForm.dirty;
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.attempts.update((n) => n + 1);
    this.error.set(null);
    this.clearServerErrors();
    const injuryUsed = this.injuryUsed();
    const breachUsed = this.breachUsed();
    const invalid = this.form.invalid || (injuryUsed && this.injuryForm.invalid) || (breachUsed && this.breachForm.invalid);
    if (invalid) {
      this.form.markAllAsTouched();
      if (injuryUsed && this.injuryForm.invalid) {
        this.injuryForm.markAllAsTouched();
        this.injuryOpen.set(true);
      }
      if (breachUsed && this.breachForm.invalid) {
        this.breachForm.markAllAsTouched();
        this.breachOpen.set(true);
      }
      this.error.set($localize`:@@incidentFile.fixErrors:Noen felt mangler eller er feil. Se markeringene i skjemaet.`);
      this.focusFirstInvalid();
      return;
    }
    this.busy.set(true);
    try {
      const request = toFileRequest(this.form, this.category(), {
        breach: breachUsed ? toBreachInput(this.breachForm) : null,
        injury: injuryUsed ? toInjuryInput(this.injuryForm, this.auth.me()?.id ?? null) : null,
      });
      this.result.set(await this.api.file(request, this.files()));
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** API 400 details on the fields they name; `files.<n>` on the file list. */
  private showServerErrors(error: unknown): void {
    const fields = fieldErrors(error);
    const refused = new Set<number>();
    for (const field of Object.keys(fields)) {
      const fileIndex = /^files\.(\d+)$/.exec(field);
      if (fileIndex) refused.add(Number(fileIndex[1]));
      else if (field.startsWith('injury.')) markServerError(this.injuryForm.get(field.slice(7)), serverFieldMessage(field));
      else if (field.startsWith('breach.')) markServerError(this.breachForm.get(field.slice(7)), serverFieldMessage(field));
      else markServerError(this.form.get(CONTROL_OF_FIELD[field] ?? ''), serverFieldMessage(field));
    }
    if (Object.keys(fields).some((f) => f.startsWith('injury.'))) this.injuryOpen.set(true);
    if (Object.keys(fields).some((f) => f.startsWith('breach.'))) this.breachOpen.set(true);
    this.refusedFiles.set(refused);
    const tooMany = 'files' in fields ? ` ${$localize`:@@incidentFile.serverTooManyFiles:Det er for mange vedlegg.`}` : '';
    this.error.set(errorMessage(error) + tooMany);
    if (Object.keys(fields).length > 0) this.focusFirstInvalid();
  }

  /** A new attempt re-checks everything: what the API refused last time may be fine now, and it says so again if not. */
  private clearServerErrors(): void {
    for (const group of [this.form, this.injuryForm, this.breachForm]) {
      for (const control of Object.values(group.controls)) if (control.hasError('server')) control.updateValueAndValidity();
    }
    this.refusedFiles.set(new Set());
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => {
        // Unused optional sections are invalid while empty but hidden in a closed panel: skip what cannot be seen.
        const candidates = this.host.nativeElement.querySelectorAll<HTMLElement>(
          'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, mat-radio-group.ng-invalid',
        );
        const first = Array.from(candidates).find((element) => element.checkVisibility?.({ visibilityProperty: true }) ?? true);
        const target = first?.matches('mat-radio-group') ? first.querySelector<HTMLElement>('input') : first;
        const focus = target ?? this.host.nativeElement.querySelector<HTMLElement>('#filing-error');
        // Centre it: the sticky toolbar would hide a field scrolled to the very top.
        focus?.focus({ preventScroll: true });
        focus?.scrollIntoView({ block: 'center' });
      },
      { injector: this.injector },
    );
  }

  protected onFilesChange(files: readonly File[]): void {
    this.files.set(files);
    this.refusedFiles.set(new Set());
  }

  protected radioInvalid(name: 'severityActual' | 'severityPotential'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.attempts() > 0);
  }

  protected serverError(name: keyof FilingForm['controls']): string | null {
    const error: unknown = this.form.controls[name].getError('server');
    return typeof error === 'string' ? error : null;
  }

  /** A fresh, empty form (after a report was sent). */
  protected another(): void {
    const now = localDateTime(new Date());
    const unit = this.form.controls.unit.value;
    this.form.reset();
    this.form.patchValue({ occurredDate: now.date, occurredTime: now.time, unit });
    this.syncDependentControls();
    this.injuryForm.reset();
    this.breachForm.reset();
    this.injuryOpen.set(false);
    this.breachOpen.set(false);
    this.files.set([]);
    this.attempts.set(0);
    this.error.set(null);
    this.result.set(null);
  }
}
