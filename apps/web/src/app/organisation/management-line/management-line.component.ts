import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ManagementLineEntryResponse } from '@helhet/shared';

import { formatDate, LEVEL_LABELS, LINE_SOURCE_LABELS } from '../../core/i18n/labels';

/** The chain of responsibility from the unit up to the kommunedirektør, with stand-ins marked. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  selector: 'hh-management-line',
  styleUrl: './management-line.component.scss',
  templateUrl: './management-line.component.html',
})
export class ManagementLineComponent {
  readonly line = input.required<ManagementLineEntryResponse[]>();
  protected readonly level = (entry: ManagementLineEntryResponse) => LEVEL_LABELS[entry.levelType]();
  protected readonly source = (entry: ManagementLineEntryResponse) => LINE_SOURCE_LABELS[entry.source]();
  protected readonly date = (value: string | null) => formatDate(value);
}
