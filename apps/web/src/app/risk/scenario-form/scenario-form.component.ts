import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { type ScaleSet, THREE_LEVELS, type ThreeLevel } from '@helhet/domain';
import type { RiskAnalysisResponse } from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../core/http-error';
import { latestLoad } from '../../core/list/latest-load';
import { ROUTES } from '../../core/route-paths';
import { RiskApi } from '../risk.api';
import { fieldReasonText, THREE_LEVEL_LABELS } from '../risk-labels';
import {
  type ConsequenceAnswer,
  mapFieldErrors,
  previewLevel,
  type ScenarioFormValue,
  toFormValue,
  toScenarioInput,
} from './scenario-form.model';

type ConsequenceList = 'consequences' | 'residualConsequences';
type TextKey =
  | 'causes'
  | 'description'
  | 'existingBarriers'
  | 'knowledgeBase'
  | 'likelihoodRationale'
  | 'title'
  | 'vulnerabilityText'
  | 'warningEvacuationText';

/** Add or edit an undesired event (domain.md §2.2): a long form in sections, with a live preview of the band. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    RouterLink,
  ],
  selector: 'hh-scenario-form',
  styleUrl: './scenario-form.component.scss',
  templateUrl: './scenario-form.component.html',
})
export class ScenarioFormComponent {
  private readonly api = inject(RiskApi);
  private readonly router = inject(Router);

  /** Route parameters (bound by the router); no scenarioId = a new scenario. */
  readonly id = input.required<string>();
  readonly scenarioId = input<string>();

  protected readonly analysis = signal<RiskAnalysisResponse | null>(null);
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly value = signal<ScenarioFormValue | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly serverErrors = signal<Record<string, string[]>>({});
  protected readonly threeLevels = THREE_LEVELS.map((id) => ({ id, label: THREE_LEVEL_LABELS[id]() }));
  protected readonly isNew = computed(() => !this.scenarioId());
  protected readonly analysisPath = computed(() => `/${ROUTES.risk}/analyses/${this.id()}`);

  /** Consequence types grouped by societal value, in the scale's order. */
  protected readonly groups = computed(() => {
    const scale = this.scale();
    if (!scale) return [];
    return scale.valueGroups
      .map((group) => ({
        code: group.code,
        label: group.labelNb,
        types: scale.consequenceTypes.filter((type) => type.valueGroup === group.code),
      }))
      .filter((group) => group.types.length > 0);
  });

  protected readonly preview = computed(() => {
    const scale = this.scale();
    const value = this.value();
    return scale && value ? previewLevel(scale, value.likelihoodRank, value.consequences) : null;
  });
  protected readonly residualPreview = computed(() => {
    const scale = this.scale();
    const value = this.value();
    return scale && value ? previewLevel(scale, value.residualLikelihoodRank, value.residualConsequences) : null;
  });

  protected readonly problems = computed(() => {
    const value = this.value();
    const result: Record<string, string | null> = {};
    for (const [field, reasons] of Object.entries(this.serverErrors())) result[field] = fieldReasonText(reasons);
    if (this.submitted() && value && !value.title.trim())
      result['title'] = $localize`:@@scenarioForm.titleRequired:Skriv hva den uønskede hendelsen er.`;
    return result;
  });

  /** The analysis, its scale and the scenario being edited; only the newest request's answer is shown. */
  private readonly load = latestLoad(
    async ({ id, scenarioId }: { id: string; scenarioId: string | undefined }) => ({
      ...(await this.api.analysisWithScale(id)),
      scenarioId,
    }),
    {
      error: this.loadError,
      loading: this.loading,
      next: ({ analysis, scale, scenarioId }) => {
        this.analysis.set(analysis);
        this.scale.set(scale);
        const scenario = scenarioId ? analysis.scenarios.find((candidate) => candidate.id === scenarioId) : undefined;
        if (scenarioId && !scenario) {
          this.loadError.set($localize`:@@scenarioForm.notFound:Fant ikke den uønskede hendelsen i denne analysen.`);
          return;
        }
        this.value.set(scale ? toFormValue(scale, scenario) : null);
      },
    },
  );
  private readonly target = computed(() => ({ id: this.id(), scenarioId: this.scenarioId() }), {
    equal: (a, b) => a.id === b.id && a.scenarioId === b.scenarioId,
  });

  constructor() {
    this.load(this.target);
  }

  protected setText(key: TextKey, text: string): void {
    this.value.update((value) => (value ? { ...value, [key]: text } : value));
  }

  protected set<K extends keyof ScenarioFormValue>(key: K, next: ScenarioFormValue[K]): void {
    this.value.update((value) => (value ? { ...value, [key]: next } : value));
  }

  protected setConsequence(list: ConsequenceList, typeCode: string, change: Partial<ConsequenceAnswer>): void {
    this.value.update((value) => {
      if (!value) return value;
      const current = value[list][typeCode] ?? { rank: null, rationale: '' };
      return { ...value, [list]: { ...value[list], [typeCode]: { ...current, ...change } } };
    });
  }

  protected answer(list: ConsequenceList, typeCode: string): ConsequenceAnswer {
    return this.value()?.[list][typeCode] ?? { rank: null, rationale: '' };
  }

  protected consequenceProblem(list: ConsequenceList, typeCode: string): string | null {
    return this.problems()[`${list}.${typeCode}`] ?? null;
  }

  protected yesNoValue(value: boolean | null): string {
    return value === null ? '' : value ? 'yes' : 'no';
  }

  protected level(value: ThreeLevel | null): string {
    return value ? THREE_LEVEL_LABELS[value]() : $localize`:@@scenarioForm.notAssessed:Ikke vurdert`;
  }

  protected async save(): Promise<void> {
    const scale = this.scale();
    const value = this.value();
    if (!scale || !value) return;
    this.submitted.set(true);
    this.serverErrors.set({});
    if (!value.title.trim()) {
      this.error.set($localize`:@@scenarioForm.fixFields:Noen felt er ikke riktig fylt ut. Se meldingene ved feltene.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body = toScenarioInput(scale, value);
      const scenarioId = this.scenarioId();
      if (scenarioId) await this.api.updateScenario(this.id(), scenarioId, body);
      else await this.api.addScenario(this.id(), body);
      await this.router.navigateByUrl(this.analysisPath());
    } catch (error) {
      this.serverErrors.set(mapFieldErrors(scale, value, fieldErrors(error)));
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected retry(): void {
    this.load(this.target());
  }
}
