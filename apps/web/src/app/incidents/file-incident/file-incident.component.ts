import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { FileIncidentResponse, IncidentCategoryResponse, IncidentSeverityOption } from '@helhet/shared';
import { merge } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { DEFAULT_SEVERITY_OPTIONS } from '../../core/i18n/incident-labels';
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
  localDateTime,
  markServerError,
  serverFieldMessage,
  severityFields,
  toBreachInput,
  toFileRequest,
  toInjuryInput,
} from './filing-form';
import { FilingMoreComponent } from './filing-more.component';
import { filingUnitLookup } from './filing-unit-lookup';
import { FilingVisibilityComponent } from './filing-visibility.component';
import { FilingWhatComponent } from './filing-what.component';
import { FilingWhereComponent } from './filing-where.component';
import { InjurySectionComponent } from './injury-section.component';

/** A random key; `randomUUID` needs a secure context, so plain HTTP (an intranet address) falls back to hex. */
const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

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
    FilingMoreComponent,
    FilingVisibilityComponent,
    FilingWhatComponent,
    FilingWhereComponent,
    InjurySectionComponent,
    MatButtonModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  selector: 'hh-file-incident',
  styleUrls: ['./filing-form.scss', './filing-sections.scss', './file-incident.component.scss'],
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
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempts = signal(0);
  protected readonly result = signal<FileIncidentResponse | null>(null);
  /**
   * One `Idempotency-Key` per form, made when it opens and kept across retries: a resubmit after a lost answer
   * (socket error, timeout) gets the first filing's answer instead of filing a second avvik. A fresh form gets a new one.
   */
  private idempotencyKey = newIdempotencyKey();

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  private readonly categoryId = toSignal(this.form.controls.categoryId.valueChanges, { initialValue: '' });
  protected readonly visibility = toSignal(this.form.controls.reporterVisibility.valueChanges, {
    initialValue: this.form.controls.reporterVisibility.value,
  });
  protected readonly category = computed(() => this.categories()?.find((c) => c.id === this.categoryId()) ?? null);
  protected readonly subcategories = computed(() => this.category()?.subcategories.filter((s) => s.active) ?? []);
  protected readonly severity = computed(() => severityFields(this.kind(), this.category()));
  protected readonly restriction = computed(() => this.category()?.restriction ?? 'none');
  /** The tenant's scale (labels and guidance); the shipped one until it has loaded. */
  protected readonly severityOptions = signal<readonly IncidentSeverityOption[]>(DEFAULT_SEVERITY_OPTIONS);
  /** The unit field's suggestions and its preselection from `?unit=` or the reporter's own unit. */
  protected readonly units = filingUnitLookup(this.form.controls.unit, this.unit);

  constructor() {
    void this.loadCategories();
    void this.loadSeverities();
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
      this.result.set(await this.api.file(request, this.files(), this.idempotencyKey));
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
    this.idempotencyKey = newIdempotencyKey();
  }
}
