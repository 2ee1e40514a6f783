import { ChangeDetectionStrategy, Component, Directive, input, linkedSignal, model, output, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** One suggestion: what is picked (`id`), what the field then shows (`label`) and a grey detail (`meta`). */
export interface SearchPickerOption {
  readonly id: string;
  readonly label: string;
  readonly meta: string;
}

/**
 * Type part of a name and pick it from the suggestions. Value: the picked id.
 * Presentational: the caller answers `search` with `options` (e.g. `hh-unit-picker`, `hh-user-picker`).
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-search-picker',
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
        (input)="type($any($event.target).value)"
        [attr.aria-describedby]="hint() ? inputId() + '-hint' : null"
        [required]="required()"
      />
      @if (hint(); as hintText) {
        <mat-hint [id]="inputId() + '-hint'">{{ hintText }}</mat-hint>
      }
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event)">
        @for (option of options(); track option.id) {
          <mat-option [value]="option"
            >{{ option.label }} <span class="meta">{{ option.meta }}</span></mat-option
          >
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class SearchPickerComponent {
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Filters and optional fields pass false: no asterisk, no required state. */
  readonly required = input(true);
  readonly hint = input('');
  readonly value = model<string>('');
  /** Label of an option preselected through `value` (shown until the user searches). */
  readonly valueLabel = input('');
  /** The suggestions for the latest `searchChange`. */
  readonly options = input<readonly SearchPickerOption[]>([]);
  /** What the user typed (the value is emptied until an option is picked). */
  readonly searchChange = output<string>();
  protected readonly text = linkedSignal(() => this.valueLabel());

  protected type(q: string): void {
    this.text.set(q);
    this.value.set('');
    this.searchChange.emit(q);
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const option = event.option.value as SearchPickerOption;
    this.text.set(option.label);
    this.value.set(option.id);
  }
}

/**
 * The common part of a feature picker that wraps `hh-search-picker` (e.g. `hh-unit-picker`, `hh-user-picker`):
 * its inputs, its value and the suggestions. The subclass says how to `find` options for a query of two or
 * more characters (already trimmed).
 */
/** The template of a `SearchPickerHost` subclass: the search picker bound to the host's inputs and suggestions. */
export const SEARCH_PICKER_HOST_TEMPLATE = `
  <hh-search-picker
    [label]="label()"
    [inputId]="inputId()"
    [required]="required()"
    [hint]="hint"
    [valueLabel]="valueLabel()"
    [options]="options()"
    [(value)]="value"
    (searchChange)="search($event)"
  />
`;

@Directive()
export abstract class SearchPickerHost {
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Filters and optional fields pass false: no asterisk, no required state. */
  readonly required = input(true);
  readonly value = model<string>('');
  protected readonly options = signal<SearchPickerOption[]>([]);
  /** A help line under the field; none by default. */
  protected readonly hint: string = '';

  /** Label of an option preselected through `value`; none by default. */
  protected valueLabel(): string {
    return '';
  }

  protected abstract find(q: string): Promise<SearchPickerOption[]>;

  protected async search(q: string): Promise<void> {
    if (q.trim().length < 2) return this.options.set([]);
    this.options.set(await this.find(q.trim()));
  }
}
