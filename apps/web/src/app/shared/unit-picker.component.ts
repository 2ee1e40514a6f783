import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, model, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { OrgUnitSummary } from '@helhet/shared';

import { LEVEL_LABELS } from '../core/i18n/labels';
import { OrganisationApi } from '../organisation/organisation.api';

/** Type part of a unit's name or code and pick it from the suggestions. Value: the unit id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-unit-picker',
  styles: ':host { display: contents; } .meta { color: var(--mat-sys-on-surface-variant); font-size: 0.85rem; }',
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [id]="inputId()"
        type="text"
        autocomplete="off"
        [value]="text()"
        [matAutocomplete]="auto"
        (input)="search($any($event.target).value)"
        [attr.aria-describedby]="inputId() + '-hint'"
        [required]="required()"
      />
      <mat-hint [id]="inputId() + '-hint'" i18n="@@unitPicker.hint">Skriv minst to tegn av navnet eller ansvarsnummeret</mat-hint>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event)">
        @for (unit of options(); track unit.id) {
          <mat-option [value]="unit"
            >{{ unit.name }} <span class="meta">{{ level(unit) }} · {{ unit.code }}</span></mat-option
          >
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class UnitPickerComponent {
  private readonly api = inject(OrganisationApi);
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Filters and optional fields pass false: no asterisk, no required state. */
  readonly required = input(true);
  readonly value = model<string>('');
  /** Name of a unit preselected through `value` (shown until the user searches). */
  readonly valueName = input('');
  protected readonly text = linkedSignal(() => this.valueName());
  protected readonly options = signal<OrgUnitSummary[]>([]);
  protected readonly level = (unit: OrgUnitSummary) => LEVEL_LABELS[unit.levelType]();

  protected async search(q: string): Promise<void> {
    this.text.set(q);
    this.value.set('');
    if (q.trim().length < 2) return this.options.set([]);
    this.options.set((await this.api.list({ pageSize: 30, q: q.trim() })).items);
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const unit = event.option.value as OrgUnitSummary;
    this.text.set(unit.name);
    this.value.set(unit.id);
  }
}
