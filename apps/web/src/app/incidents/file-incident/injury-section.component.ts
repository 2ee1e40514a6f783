import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, effect, input, model, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { InjuryForm } from './filing-form';
import { TEXT_MAX } from './filing-form';
import { PiiWarningComponent } from './pii-warning.component';

/**
 * The optional injury-register record (aml § 5-1) of an injury or violence report. It is sent when the
 * reporter has filled in anything; medical text only with the injured person's consent.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    PiiWarningComponent,
    ReactiveFormsModule,
    TextFieldModule,
  ],
  selector: 'hh-injury-section',
  styleUrl: './filing-form.scss',
  templateUrl: './injury-section.component.html',
})
export class InjurySectionComponent {
  readonly form = input.required<InjuryForm>();
  /** An anonymous reporter cannot be the named injured person. */
  readonly anonymous = input(false);
  readonly expanded = model(false);
  /** Submit attempts: a new one re-checks this OnPush view, so errors marked by the parent show. */
  readonly attempts = input(0);
  protected readonly textMax = TEXT_MAX;
  protected readonly requiredWork = $localize`:@@incidentFile.workRequired:Beskriv arbeidet som ble utført.`;
  protected readonly requiredCourse = $localize`:@@incidentFile.courseRequired:Beskriv hendelsesforløpet.`;
  protected readonly requiredInjury = $localize`:@@incidentFile.injuryRequired:Beskriv skaden eller sykdommen.`;

  constructor() {
    effect(() => {
      const anonymous = this.anonymous();
      const me = untracked(() => this.form().controls.injuredIsMe);
      if (anonymous) me.reset({ disabled: true, value: false });
      else me.enable();
    });
  }

  protected serverError(name: keyof InjuryForm['controls']): string | null {
    const error: unknown = this.form().controls[name].getError('server');
    return typeof error === 'string' ? error : null;
  }

  protected clear(): void {
    this.form().reset();
    this.expanded.set(false);
  }
}
