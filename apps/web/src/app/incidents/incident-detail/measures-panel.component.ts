import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { isFinishedMeasure, MEASURE_STATUSES, type MeasureStatus } from '@helhet/domain';
import type { IncidentResponse, MeasureResponse } from '@helhet/shared';

import { UserPickerComponent } from '../../admin/users/user-picker/user-picker.component';
import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { minuteClock } from '../../core/i18n/countdown';
import { MEASURE_STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { IncidentsApi } from '../incidents.api';

/** How an open measure's deadline stands today, in words (never by colour alone). */
interface MeasureDue {
  overdue: boolean;
  text: string;
}

const DAY_MS = 86_400_000;

/** The local calendar date of `now` as `YYYY-MM-DD`. */
const localDate = (now: number): string => {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** "Forfalt", "Forfaller i dag", "Forfaller i morgen", "Forfaller om 5 dager"; null when finished or without a deadline. */
const measureDue = (measure: MeasureResponse, now: number): MeasureDue | null => {
  if (!measure.deadline || isFinishedMeasure(measure.status)) return null;
  const days = Math.round((Date.parse(`${measure.deadline}T00:00:00Z`) - Date.parse(`${localDate(now)}T00:00:00Z`)) / DAY_MS);
  if (days < 0) return { overdue: true, text: $localize`:@@incidentList.overdue:Forfalt` };
  if (days === 0) return { overdue: false, text: $localize`:@@incidentDetail.measureDueToday:Forfaller i dag` };
  if (days === 1) return { overdue: false, text: $localize`:@@incidentDetail.measureDueTomorrow:Forfaller i morgen` };
  return { overdue: false, text: $localize`:@@incidentDetail.measureDueInDays:Forfaller om ${days}:COUNT: dager` };
};

/** Corrective and preventive measures (tiltak) of the case: list (with how each deadline stands), add, change status. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, UserPickerComponent],
  selector: 'hh-measures-panel',
  styleUrl: './incident-panels.scss',
  styles: `
    .due {
      margin-left: 4px;
      font-weight: 600;
    }
  `,
  templateUrl: './measures-panel.component.html',
})
export class MeasuresPanelComponent {
  private readonly api = inject(IncidentsApi);
  readonly incident = input.required<IncidentResponse>();
  readonly editable = input(false);
  readonly changed = output<IncidentResponse>();

  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly matchers = matchersFor(this.errors, ['title', 'deadline'] as const);

  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly ownerUserId = signal('');
  protected readonly deadline = signal('');

  private readonly now = minuteClock();
  /** Per measure id: how its deadline stands today (recomputed every minute, so it turns at midnight). */
  protected readonly due = computed(() => {
    const now = this.now();
    return new Map(this.incident().measures.map((measure) => [measure.id, measureDue(measure, now)]));
  });

  protected readonly statuses = MEASURE_STATUSES.map((id) => ({ id, label: MEASURE_STATUS_LABELS[id]() }));
  protected readonly statusLabel = (status: MeasureStatus) => MEASURE_STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly ownerLabel = $localize`:@@incidentDetail.measureOwner:Ansvarlig for tiltaket`;

  protected open(): void {
    this.title.set('');
    this.description.set('');
    this.ownerUserId.set('');
    this.deadline.set('');
    this.errors.set({});
    this.error.set(null);
    this.message.set(null);
    this.adding.set(true);
    focusById('measure-title');
  }

  protected cancel(): void {
    this.adding.set(false);
    this.errors.set({});
    this.error.set(null);
    focusById('measure-add');
  }

  protected async add(): Promise<void> {
    if (this.title().trim() === '') {
      this.errors.set({ title: $localize`:@@incidentDetail.errMeasureTitle:Skriv hva tiltaket går ut på.` });
      focusById('measure-title');
      return;
    }
    this.errors.set({});
    const saved = await this.run(
      () =>
        this.api.addMeasure(this.incident().id, {
          deadline: this.deadline() || null,
          description: this.description().trim() || null,
          ownerUserId: this.ownerUserId() || null,
          title: this.title().trim(),
        }),
      $localize`:@@incidentDetail.measureAdded:Tiltaket er lagt til.`,
    );
    if (saved) {
      this.adding.set(false);
      focusById('measure-result');
    }
  }

  protected async setStatus(measure: MeasureResponse, status: MeasureStatus): Promise<void> {
    const label = this.statusLabel(status);
    const title = measure.title;
    // Focus stays on the select: the result is announced through the status region.
    await this.run(
      () => this.api.updateMeasure(this.incident().id, measure.id, { status }),
      $localize`:@@incidentDetail.measureStatusChanged:«${title}:TITLE:» har nå status ${label}:STATUS:.`,
    );
  }

  private async run(action: () => Promise<IncidentResponse>, success: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      this.changed.emit(await action());
      this.message.set(success);
      return true;
    } catch (error) {
      const fields = fieldErrors(error);
      const messages: Record<string, string> = {};
      if ('title' in fields) messages['title'] = $localize`:@@incidentDetail.errMeasureTitleServer:Tittelen mangler eller er for lang.`;
      if ('deadline' in fields) messages['deadline'] = $localize`:@@incidentDetail.errMeasureDeadline:Fristen er ikke en gyldig dato.`;
      this.errors.set(messages);
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
