import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';

import { LEVEL_LABELS } from '../../core/i18n/labels';
import { SearchPickerComponent, type SearchPickerOption } from '../../shared/ui/search-picker.component';
import { OrganisationApi } from '../organisation.api';

/** Type part of a unit's name or code and pick it; suggestions come from the organisation. Value: the unit id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchPickerComponent],
  selector: 'hh-unit-picker',
  styles: ':host { display: contents; }',
  template: `
    <hh-search-picker
      [label]="label()"
      [inputId]="inputId()"
      [required]="required()"
      [hint]="hint"
      [valueLabel]="valueName()"
      [options]="options()"
      [(value)]="value"
      (searchChange)="search($event)"
    />
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
  protected readonly hint = $localize`:@@unitPicker.hint:Skriv minst to tegn av navnet eller ansvarsnummeret`;
  protected readonly options = signal<SearchPickerOption[]>([]);

  protected async search(q: string): Promise<void> {
    if (q.trim().length < 2) return this.options.set([]);
    const units = (await this.api.list({ pageSize: 30, q: q.trim() })).items;
    this.options.set(units.map((unit) => ({ id: unit.id, label: unit.name, meta: `${LEVEL_LABELS[unit.levelType]()} · ${unit.code}` })));
  }
}
