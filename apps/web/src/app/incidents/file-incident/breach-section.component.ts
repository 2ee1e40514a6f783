import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { BREACH_RISK_LEVELS, CIA_TYPES, type CiaType } from '@helhet/domain';

import { BREACH_RISK_LABELS, CIA_LABELS } from '../../core/i18n/incident-labels';
import type { BreachForm } from './filing-form';
import { breachIsLate, localDateTime, TEXT_MAX } from './filing-form';
import { PiiWarningComponent } from './pii-warning.component';

const CIA_HELP: Record<CiaType, () => string> = {
  availability: () => $localize`:@@incidentFile.ciaAvailabilityHelp:Opplysninger ble utilgjengelige eller gikk tapt.`,
  confidentiality: () => $localize`:@@incidentFile.ciaConfidentialityHelp:Uvedkommende fikk eller kunne få tilgang.`,
  integrity: () => $localize`:@@incidentFile.ciaIntegrityHelp:Opplysninger ble endret eller ødelagt.`,
};

/** The optional personal-data-breach record (GDPR art. 33; the fields Datatilsynet's form asks for). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    PiiWarningComponent,
    ReactiveFormsModule,
    TextFieldModule,
  ],
  selector: 'hh-breach-section',
  styleUrl: './filing-form.scss',
  templateUrl: './breach-section.component.html',
})
export class BreachSectionComponent {
  readonly form = input.required<BreachForm>();
  readonly expanded = model(false);
  /** Submit attempts: the risk radios have no mat-error, so their error shows after the first one. */
  readonly attempts = input(0);
  protected readonly textMax = TEXT_MAX;
  protected readonly cia = CIA_TYPES.map((id) => ({ help: CIA_HELP[id](), id, label: CIA_LABELS[id]() }));
  protected readonly risks = BREACH_RISK_LEVELS.map((id) => ({ id, label: BREACH_RISK_LABELS[id]() }));
  protected readonly max = (() => {
    const { date, time } = localDateTime(new Date());
    return `${date}T${time}`;
  })();

  protected late(): boolean {
    return breachIsLate(this.form().controls.discoveredAt.value, new Date());
  }

  protected riskInvalid(): boolean {
    const control = this.form().controls.riskAssessment;
    return control.invalid && (control.touched || (this.attempts() > 0 && this.form().dirty));
  }

  protected serverError(name: keyof BreachForm['controls']): string | null {
    const error: unknown = this.form().controls[name].getError('server');
    return typeof error === 'string' ? error : null;
  }

  protected clear(): void {
    this.form().reset();
    this.expanded.set(false);
  }
}
