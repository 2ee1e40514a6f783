import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { FilingUnitResponse } from '@helhet/shared';

import { type FilingForm, GroupErrorMatcher, localDateTime } from './filing-form';
import { serverErrorOf } from './filing-server-error';
import { PiiWarningComponent } from './pii-warning.component';

/** The "where and when" step of filing an avvik: the unit (searched), the place, the date and the time. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule, PiiWarningComponent, ReactiveFormsModule],
  selector: 'hh-filing-where',
  styles: ':host { display: contents; }',
  styleUrls: ['./filing-form.scss', './filing-sections.scss'],
  templateUrl: './filing-where.component.html',
  // The controls belong to the page's <form [formGroup]>.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
})
export class FilingWhereComponent {
  readonly form = input.required<FilingForm>();
  /** Suggestions for what the reporter typed in the unit field. */
  readonly unitOptions = input<readonly FilingUnitResponse[]>([]);
  /** Why the unit was not preselected (a QR code naming no active unit). */
  readonly unitNotice = input<string | null>(null);

  protected readonly today = localDateTime(new Date()).date;
  protected readonly timeMatcher = new GroupErrorMatcher(['future', 'tooOld']);
  protected readonly unitName = (unit: FilingUnitResponse | string | null): string =>
    typeof unit === 'string' ? unit : (unit?.name ?? '');

  protected serverError(name: keyof FilingForm['controls']): string | null {
    return serverErrorOf(this.form(), name);
  }
}
