import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MeasureStatus } from '@helhet/domain';
import type { RiskMeasureResponse } from '@helhet/shared';

import { UserPickerComponent } from '../../admin/users/user-picker/user-picker.component';
import { focusById, matchersFor } from '../../core/forms/field-errors';
import { MEASURE_STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { ScenarioLinksStore } from './scenario-links.store';

/** The measures part of ScenarioLinksComponent: the scenario's tiltak, and a form to add one (editors). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, UserPickerComponent],
  selector: 'hh-scenario-measures',
  styleUrl: './scenario-links.component.scss',
  templateUrl: './scenario-measures.component.html',
})
export class ScenarioMeasuresComponent {
  protected readonly store = inject(ScenarioLinksStore);

  readonly analysisId = input.required<string>();
  readonly scenarioId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly matchers = matchersFor(this.store.errors, ['title', 'deadline'] as const);
  protected readonly adding = signal(false);
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly ownerUserId = signal('');
  protected readonly deadline = signal('');

  protected readonly ownerLabel = $localize`:@@scenarioLinks.ownerLabel:Ansvarlig (valgfritt)`;
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly statusLabel = (status: MeasureStatus) => MEASURE_STATUS_LABELS[status]();
  protected readonly unlinkMeasureLabel = (measure: RiskMeasureResponse) =>
    $localize`:@@scenarioLinks.unlinkMeasureLabel:Fjern tiltaket «${measure.title}:TITLE:» fra scenarioet`;

  protected openMeasure(): void {
    this.title.set('');
    this.description.set('');
    this.ownerUserId.set('');
    this.deadline.set('');
    this.store.errors.set({});
    this.adding.set(true);
    focusById(`measure-title-${this.scenarioId()}`);
  }

  protected async createMeasure(): Promise<void> {
    if (this.title().trim() === '') {
      this.store.errors.set({ title: $localize`:@@scenarioLinks.errTitle:Skriv hva tiltaket går ut på.` });
      focusById(`measure-title-${this.scenarioId()}`);
      return;
    }
    const ok = await this.store.run(
      (api) =>
        api.createMeasure(this.analysisId(), this.scenarioId(), {
          deadline: this.deadline() || null,
          description: this.description().trim() || null,
          ownerUserId: this.ownerUserId() || null,
          title: this.title().trim(),
        }),
      $localize`:@@scenarioLinks.measureCreated:Tiltaket er lagt til.`,
    );
    if (ok) this.adding.set(false);
  }

  protected unlinkMeasure(measure: RiskMeasureResponse): Promise<boolean> {
    return this.store.run(
      (api) => api.unlinkMeasure(this.analysisId(), this.scenarioId(), measure.id),
      $localize`:@@scenarioLinks.measureRemoved:Tiltaket er fjernet fra scenarioet.`,
    );
  }
}
