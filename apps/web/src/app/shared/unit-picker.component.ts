import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { OrgUnitSummary } from '@helhet/shared';

import { OrganisationApi } from '../organisation/organisation.api';

/** Search a unit by name or code, then pick it. Value: the unit id. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  selector: 'hh-unit-picker',
  styles: ':host { display: contents; }',
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ searchLabel() }}</mat-label>
      <input matInput [id]="inputId() + '-search'" type="search" [ngModel]="q()" (ngModelChange)="search($event)" autocomplete="off" />
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [id]="inputId()" [ngModel]="value()" (ngModelChange)="value.set($event)" [required]="true">
        @for (unit of options(); track unit.id) {
          <mat-option [value]="unit.id">{{ unit.name }} ({{ unit.code }})</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class UnitPickerComponent {
  private readonly api = inject(OrganisationApi);
  readonly label = input.required<string>();
  readonly searchLabel = input.required<string>();
  readonly inputId = input.required<string>();
  readonly value = model<string>('');
  protected readonly q = signal('');
  protected readonly options = signal<OrgUnitSummary[]>([]);

  protected async search(q: string): Promise<void> {
    this.q.set(q);
    if (q.trim().length < 2) return;
    this.options.set((await this.api.list({ pageSize: 30, q: q.trim() })).items);
  }
}
