import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';

import { SearchPickerComponent, type SearchPickerOption } from '../../../shared/ui/search-picker.component';
import { UsersApi } from '../users.api';

/** Type part of a person's name or e-mail and pick them; suggestions come from the users in scope. Value: the user id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchPickerComponent],
  selector: 'hh-user-picker',
  styles: ':host { display: contents; }',
  template: `
    <hh-search-picker
      [label]="label()"
      [inputId]="inputId()"
      [required]="required()"
      [options]="options()"
      [(value)]="value"
      (searchChange)="search($event)"
    />
  `,
})
export class UserPickerComponent {
  private readonly api = inject(UsersApi);
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Filters and optional fields pass false: no asterisk, no required state. */
  readonly required = input(true);
  readonly value = model<string>('');
  protected readonly options = signal<SearchPickerOption[]>([]);

  protected async search(q: string): Promise<void> {
    if (q.trim().length < 2) return this.options.set([]);
    const users = (await this.api.list({ pageSize: 20, q: q.trim() })).items;
    this.options.set(users.map((user) => ({ id: user.id, label: user.name, meta: user.primaryOrgUnit?.name ?? '' })));
  }
}
