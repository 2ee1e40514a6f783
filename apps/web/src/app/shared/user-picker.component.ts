import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { UserSummary } from '@helhet/shared';

import { UsersApi } from '../admin/users/users.api';

/** Type part of a person's name or e-mail and pick them. Value: the user id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-user-picker',
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
        [required]="required()"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event)">
        @for (user of options(); track user.id) {
          <mat-option [value]="user"
            >{{ user.name }} <span class="meta">{{ user.primaryOrgUnit?.name }}</span></mat-option
          >
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class UserPickerComponent {
  private readonly api = inject(UsersApi);
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Filters and optional fields pass false: no asterisk, no required state. */
  readonly required = input(true);
  readonly value = model<string>('');
  protected readonly text = signal('');
  protected readonly options = signal<UserSummary[]>([]);

  protected async search(q: string): Promise<void> {
    this.text.set(q);
    this.value.set('');
    if (q.trim().length < 2) return this.options.set([]);
    this.options.set((await this.api.list({ pageSize: 20, q: q.trim() })).items);
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const user = event.option.value as UserSummary;
    this.text.set(user.name);
    this.value.set(user.id);
  }
}
