import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AFFECTED_PARTY_TYPES } from '@helhet/domain';

import { AFFECTED_LABELS } from '../../core/i18n/incident-labels';
import { type FilingForm, TEXT_MAX } from './filing-form';
import { serverErrorOf } from './filing-server-error';
import { PiiWarningComponent } from './pii-warning.component';

/** The "measures and affected" step of filing an avvik: what was done at once, and which group was affected. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, PiiWarningComponent, ReactiveFormsModule, TextFieldModule],
  selector: 'hh-filing-more',
  styles: ':host { display: contents; }',
  styleUrls: ['./filing-form.scss', './filing-sections.scss'],
  templateUrl: './filing-more.component.html',
  // The controls belong to the page's <form [formGroup]>.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
})
export class FilingMoreComponent {
  readonly form = input.required<FilingForm>();

  protected readonly affected = AFFECTED_PARTY_TYPES.map((id) => ({ id, label: AFFECTED_LABELS[id]() }));
  protected readonly textMax = TEXT_MAX;

  protected serverError(name: keyof FilingForm['controls']): string | null {
    return serverErrorOf(this.form(), name);
  }
}
