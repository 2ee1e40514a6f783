import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { LEVEL_LABELS } from '../../core/i18n/labels';
import {
  SEARCH_PICKER_HOST_TEMPLATE,
  SearchPickerComponent,
  SearchPickerHost,
  type SearchPickerOption,
} from '../../shared/ui/search-picker.component';
import { OrganisationApi } from '../organisation.api';

/** Type part of a unit's name or code and pick it; suggestions come from the organisation. Value: the unit id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchPickerComponent],
  selector: 'hh-unit-picker',
  styles: ':host { display: contents; }',
  template: SEARCH_PICKER_HOST_TEMPLATE,
})
export class UnitPickerComponent extends SearchPickerHost {
  private readonly api = inject(OrganisationApi);
  /** Name of a unit preselected through `value` (shown until the user searches). */
  readonly valueName = input('');
  protected override readonly hint = $localize`:@@unitPicker.hint:Skriv minst to tegn av navnet eller ansvarsnummeret`;

  protected override valueLabel(): string {
    return this.valueName();
  }

  protected async find(q: string): Promise<SearchPickerOption[]> {
    const units = (await this.api.list({ pageSize: 30, q })).items;
    return units.map((unit) => ({ id: unit.id, label: unit.name, meta: `${LEVEL_LABELS[unit.levelType]()} · ${unit.code}` }));
  }
}
