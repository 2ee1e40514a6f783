import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';

import { ScenarioEvidenceComponent } from './scenario-evidence.component';
import { ScenarioLinksStore } from './scenario-links.store';
import { ScenarioMeasuresComponent } from './scenario-measures.component';

/**
 * A scenario's measures (the same tiltak records the avvik use) and the avvik that are evidence of it.
 * Evidence shows only number, date, category, severity and status: never an avvik's free text.
 * The two parts share one ScenarioLinksStore; the live message and the alert are here, below both.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ScenarioEvidenceComponent, ScenarioMeasuresComponent],
  providers: [ScenarioLinksStore],
  selector: 'hh-scenario-links',
  styleUrl: './scenario-links.component.scss',
  template: `
    <hh-scenario-measures [analysisId]="analysisId()" [scenarioId]="scenario().id" [canEdit]="canEdit()" />
    <hh-scenario-evidence [scenarioId]="scenario().id" [canEdit]="canEdit()" />

    <p aria-live="polite" class="hint">{{ store.message() }}</p>
    <div role="alert">
      @if (store.error(); as text) {
        <p class="error">{{ text }}</p>
      }
    </div>
  `,
})
export class ScenarioLinksComponent {
  protected readonly store = inject(ScenarioLinksStore);

  readonly analysisId = input.required<string>();
  readonly scenario = input.required<{ id: string; title: string }>();
  readonly canEdit = input(false);

  constructor() {
    effect(() => {
      const analysisId = this.analysisId();
      const scenarioId = this.scenario().id;
      untracked(() => void this.store.load(analysisId, scenarioId));
    });
  }
}
