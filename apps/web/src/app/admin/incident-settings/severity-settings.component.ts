import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ALWAYS_ACTIVE_SEVERITIES,
  type IncidentDeadlinePolicy,
  SEVERITIES,
  type Severity,
  SEVERITY_DESCRIPTION_MAX,
  SEVERITY_LABEL_MAX,
  SEVERITY_NOTIFY,
  type SeverityPolicy,
  validateSeverityPolicy,
} from '@helhet/domain';
import type { IncidentSettingsResponse } from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../core/http-error';
import { SEVERITY_NOTIFY_LABELS } from '../../core/i18n/incident-labels';
import { IncidentSettingsApi } from './incident-settings.api';

/** Norwegian text for a refused field (`severities.<code>.<setting>` or `severities`); the API's reasons are developer English. */
export const severityFieldMessage = (field: string): string => {
  const setting = field.split('.')[2];
  switch (setting) {
    case 'label':
      return $localize`:@@severitySettings.labelError:Skriv et navn på høyst ${SEVERITY_LABEL_MAX}:max: tegn som ingen annen grad har.`;
    case 'description':
      return $localize`:@@severitySettings.descriptionError:Veiledningen kan ha høyst ${SEVERITY_DESCRIPTION_MAX}:max: tegn.`;
    case 'active':
      return $localize`:@@severitySettings.activeError:Denne graden kan ikke tas ut av bruk.`;
    case 'notify':
      return $localize`:@@severitySettings.notifyError:Velg hvem som skal varsles.`;
    case undefined:
      return $localize`:@@severitySettings.tooFewError:Minst to alvorlighetsgrader må være i bruk.`;
    default:
      return $localize`:@@severitySettings.fieldError:Feltet er ikke riktig fylt ut.`;
  }
};

const legend = (code: Severity, rank: number): string => {
  if (code === 'low') return $localize`:@@severitySettings.levelLowest:Nivå ${rank}:rank: (lavest)`;
  if (code === 'critical') return $localize`:@@severitySettings.levelHighest:Nivå ${rank}:rank: (høyest)`;
  return $localize`:@@severitySettings.level:Nivå ${rank}:rank:`;
};

/**
 * The severity scale of avvik (domain.md §3.3): per level the name and guidance reporters see, whether it
 * is offered, who hears about a new case at once and whether it must be acknowledged the same day. The
 * four levels themselves are fixed; the legal-notification rules are anchored to them.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  selector: 'hh-severity-settings',
  styleUrl: './severity-settings.component.scss',
  templateUrl: './severity-settings.component.html',
})
export class SeveritySettingsComponent {
  private readonly api = inject(IncidentSettingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The saved scale. */
  readonly policy = input.required<SeverityPolicy>();
  /** The saved deadlines: sent along unchanged (the API saves both in one request). */
  readonly deadlines = input.required<IncidentDeadlinePolicy>();
  readonly saved = output<IncidentSettingsResponse>();

  /** The edited copy; reset whenever a new saved scale comes in. */
  protected readonly draft = linkedSignal(() => {
    const policy = this.policy();
    return Object.fromEntries(SEVERITIES.map((code) => [code, { ...policy[code] }])) as Record<Severity, SeverityPolicy[Severity]>;
  });
  protected readonly status = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly levels = SEVERITIES.map((code, index) => ({
    alwaysActive: ALWAYS_ACTIVE_SEVERITIES.includes(code),
    code,
    legend: legend(code, index + 1),
  }));
  protected readonly notifyOptions = SEVERITY_NOTIFY.map((id) => ({ id, label: SEVERITY_NOTIFY_LABELS[id]() }));
  protected readonly labelMax = SEVERITY_LABEL_MAX;
  protected readonly descriptionMax = SEVERITY_DESCRIPTION_MAX;

  /** The message for one setting of one level, or for the scale as a whole (`setting` omitted). */
  protected fieldError(code?: Severity, setting?: string): string | null {
    return this.errors()[code ? `severities.${code}.${setting}` : 'severities'] ?? null;
  }

  protected async save(): Promise<void> {
    this.status.set(null);
    this.error.set(null);
    const severities = this.draft();
    // The same rules the API applies (libs/domain), checked here first so the answer is immediate.
    const problems = validateSeverityPolicy(severities);
    if (problems.length > 0) {
      this.showErrors(problems.map((problem) => (problem.field ? `severities.${problem.field}` : 'severities')));
      return;
    }
    try {
      const response = await this.api.saveSettings({ deadlines: this.deadlines(), severities });
      this.errors.set({});
      this.saved.emit(response);
      this.status.set(
        $localize`:@@severitySettings.saved:Alvorlighetsgradene er lagret. Navn og veiledning gjelder straks; varsling og frister gjelder nye saker.`,
      );
    } catch (error) {
      this.showErrors(Object.keys(fieldErrors(error)));
      this.error.set(errorMessage(error));
    }
  }

  private showErrors(fields: readonly string[]): void {
    this.errors.set(Object.fromEntries(fields.map((field) => [field, severityFieldMessage(field)])));
    this.error.set($localize`:@@severitySettings.fixErrors:Noen felt er ikke riktig fylt ut. Se markeringene.`);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"], #severities-error')?.focus(), {
      injector: this.injector,
    });
  }
}
