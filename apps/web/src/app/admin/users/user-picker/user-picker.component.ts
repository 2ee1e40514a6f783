import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import {
  SEARCH_PICKER_HOST_TEMPLATE,
  SearchPickerComponent,
  SearchPickerHost,
  type SearchPickerOption,
} from '../../../shared/ui/search-picker.component';
import { UsersApi } from '../users.api';

/** Type part of a person's name or e-mail and pick them; suggestions come from the users in scope. Value: the user id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchPickerComponent],
  selector: 'hh-user-picker',
  styles: ':host { display: contents; }',
  template: SEARCH_PICKER_HOST_TEMPLATE,
})
export class UserPickerComponent extends SearchPickerHost {
  private readonly api = inject(UsersApi);

  protected async find(q: string): Promise<SearchPickerOption[]> {
    const users = (await this.api.list({ pageSize: 20, q })).items;
    return users.map((user) => ({ id: user.id, label: user.name, meta: user.primaryOrgUnit?.name ?? '' }));
  }
}
