import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { IncidentStatus, Severity } from '@helhet/domain';
import type { RiskEvidenceIncident } from '@helhet/shared';

import { focusById, matchersFor } from '../../core/forms/field-errors';
import { SEVERITY_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { normaliseIncidentNumber } from '../../shared/incident-number';
import { ScenarioLinksStore } from './scenario-links.store';

/**
 * The evidence part of ScenarioLinksComponent: the avvik linked to the scenario, and a form to link one by its
 * number (editors). Shows only number, date, category, severity, status and the link's note: never an avvik's free text.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  selector: 'hh-scenario-evidence',
  styleUrl: './scenario-links.component.scss',
  templateUrl: './scenario-evidence.component.html',
})
export class ScenarioEvidenceComponent {
  protected readonly store = inject(ScenarioLinksStore);

  readonly scenarioId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly matchers = matchersFor(this.store.errors, ['incident'] as const);
  protected readonly incidentNumber = signal('');
  protected readonly note = signal('');

  protected readonly incidentsPath = ROUTES.incidents;
  protected readonly date = (value: string) => formatDate(value);
  protected readonly severityLabel = (severity: Severity) => SEVERITY_LABELS[severity]();
  protected readonly incidentStatusLabel = (status: IncidentStatus) => STATUS_LABELS[status]();
  protected readonly unlinkIncidentLabel = (item: RiskEvidenceIncident) =>
    $localize`:@@scenarioLinks.unlinkIncidentLabel:Koble avvik ${item.number}:NUMBER: fra scenarioet`;

  protected async linkIncident(): Promise<void> {
    const number = normaliseIncidentNumber(this.incidentNumber(), new Date().getFullYear());
    if (!number) {
      this.store.errors.set({ incident: $localize`:@@scenarioLinks.errNumber:Skriv et avviksnummer, for eksempel 2027-000042.` });
      focusById(`evidence-number-${this.scenarioId()}`);
      return;
    }
    const ok = await this.store.run(
      (api) => api.linkIncident(this.scenarioId(), { incidentNumber: number, note: this.note().trim() || null }),
      $localize`:@@scenarioLinks.incidentLinked:Avvik ${number}:NUMBER: er koblet til scenarioet.`,
    );
    if (ok) {
      this.incidentNumber.set('');
      this.note.set('');
    }
  }

  protected unlinkIncident(item: RiskEvidenceIncident): Promise<boolean> {
    return this.store.run(
      (api) => api.unlinkIncident(this.scenarioId(), item.incidentId),
      $localize`:@@scenarioLinks.incidentUnlinked:Avviket er koblet fra scenarioet.`,
    );
  }
}
