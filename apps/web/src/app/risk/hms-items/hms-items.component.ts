import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RISK_FACTOR_GROUPS, type RiskFactorGroup, riskLevel, type ScaleSet, THREE_LEVELS, type ThreeLevel } from '@helhet/domain';
import type { HmsRiskItemInput, HmsRiskItemResponse, RiskAnalysisResponse, RiskFactorResponse, RiskPosition } from '@helhet/shared';

import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { THREE_LEVEL_LABELS } from '../risk-labels';
import { HmsItemsApi } from './hms-items.api';
import { RISK_FACTOR_GROUP_LABELS } from './hms-labels';

const english = (): boolean => ($localize.locale ?? 'nb').startsWith('en');
const pick = (item: { labelNb: string; labelEn: string }): string => (english() ? item.labelEn : item.labelNb);
const FIELDS = [
  'riskFactorId',
  'taskOrLocation',
  'exposedCount',
  'likelihoodRank',
  'consequenceRank',
  'residualLikelihoodRank',
  'residualConsequenceRank',
] as const;
type Field = (typeof FIELDS)[number];

interface Option {
  rank: number;
  label: string;
}

/**
 * HMS risk items of one analysis (domain.md §2.9): grouped by work-environment factor group, each with its
 * risk band in text and colour; add, change and delete when the analysis may be edited. Mount it on the
 * analysis page: `<hh-hms-items [analysis]="analysis" (changed)="analysis.set($event)" />`.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  selector: 'hh-hms-items',
  styleUrl: './hms-items.component.scss',
  templateUrl: './hms-items.component.html',
})
export class HmsItemsComponent {
  private readonly api = inject(HmsItemsApi);

  readonly analysis = input.required<RiskAnalysisResponse>();
  /** The analysis as the API returned it after a change. */
  readonly changed = output<RiskAnalysisResponse>();

  protected readonly factors = signal<RiskFactorResponse[]>([]);
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly matchers = matchersFor(this.errors, FIELDS);

  /** null: no form; 'new': adding; otherwise the id of the item being changed. */
  protected readonly editing = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);

  protected readonly riskFactorId = signal('');
  protected readonly taskOrLocation = signal('');
  protected readonly exposedGroup = signal('');
  protected readonly exposedCount = signal<number | null>(null);
  protected readonly likelihoodRank = signal<number | null>(null);
  protected readonly consequenceRank = signal<number | null>(null);
  protected readonly existingMeasures = signal('');
  protected readonly rationale = signal('');
  protected readonly uncertainty = signal<ThreeLevel | null>(null);
  protected readonly proposedMeasures = signal('');
  protected readonly residualLikelihoodRank = signal<number | null>(null);
  protected readonly residualConsequenceRank = signal<number | null>(null);

  protected readonly editable = computed(() => this.analysis().canEdit);
  protected readonly groupLabel = (group: RiskFactorGroup) => RISK_FACTOR_GROUP_LABELS[group]();
  protected readonly label = pick;
  protected readonly uncertaintyOptions = THREE_LEVELS.map((id) => ({ id, label: THREE_LEVEL_LABELS[id]() }));

  /** Items per factor group, in the catalogue's group order; empty groups left out. */
  protected readonly groups = computed(() =>
    RISK_FACTOR_GROUPS.map((group) => ({ group, items: this.analysis().hmsItems.filter((item) => item.factor.group === group) })).filter(
      (entry) => entry.items.length > 0,
    ),
  );
  protected readonly assessedCount = computed(() => this.analysis().hmsItems.filter((item) => item.risk !== null).length);

  /** The factor picker's groups. */
  protected readonly factorGroups = computed(() =>
    RISK_FACTOR_GROUPS.map((group) => ({ factors: this.factors().filter((f) => f.group === group), group })).filter(
      (entry) => entry.factors.length > 0,
    ),
  );

  protected readonly likelihoodOptions = computed<Option[]>(() =>
    (this.scale()?.likelihoodLevels ?? []).map((level) => ({
      label: `${level.rank} – ${pick(level)} (${english() ? level.descriptionEn : level.descriptionNb})`,
      rank: level.rank,
    })),
  );
  protected readonly consequenceOptions = computed<Option[]>(() => {
    const scale = this.scale();
    if (!scale) return [];
    const type =
      scale.consequenceTypes.find((t) => t.code === 'health_harm') ??
      scale.consequenceTypes.find((t) => t.valueGroup === 'life_health') ??
      scale.consequenceTypes[0];
    return scale.consequenceLevels.map((axis) => {
      const level = type?.levels.find((l) => l.rank === axis.rank);
      const description = level ? (english() ? level.descriptionEn : level.descriptionNb) : '';
      return { label: `${axis.rank} – ${pick(axis)}${description ? ` (${description})` : ''}`, rank: axis.rank };
    });
  });

  /** The risk the form's values give, shown while the user scores (same function the API uses). */
  protected readonly preview = computed(() => this.position(this.likelihoodRank(), this.consequenceRank()));
  protected readonly residualPreview = computed(() => this.position(this.residualLikelihoodRank(), this.residualConsequenceRank()));

  private loadedScaleId: string | null = null;

  constructor() {
    effect(() => void this.loadReferenceData(this.analysis().scaleSet.id));
  }

  protected likelihoodText(rank: number | null): string {
    if (rank === null) return '–';
    const level = this.scale()?.likelihoodLevels.find((l) => l.rank === rank);
    return level ? `${rank} – ${pick(level)}` : String(rank);
  }

  protected consequenceText(rank: number | null): string {
    if (rank === null) return '–';
    const level = this.scale()?.consequenceLevels.find((l) => l.rank === rank);
    return level ? `${rank} – ${pick(level)}` : String(rank);
  }

  protected uncertaintyText(value: ThreeLevel | null): string {
    return value ? THREE_LEVEL_LABELS[value]() : '–';
  }

  protected bandText(risk: RiskPosition): string {
    const band = this.scale()?.matrix.bands.find((b) => b.code === risk.bandCode);
    return band ? pick(band) : risk.bandLabel;
  }

  protected openNew(): void {
    this.fill(null);
    this.editing.set('new');
    focusById('hms-factor');
  }

  protected openEdit(item: HmsRiskItemResponse): void {
    this.fill(item);
    this.editing.set(item.id);
    focusById('hms-factor');
  }

  protected cancel(): void {
    const id = this.editing();
    this.editing.set(null);
    this.errors.set({});
    this.error.set(null);
    focusById(id && id !== 'new' ? `hms-edit-${id}` : 'hms-add');
  }

  protected async save(): Promise<void> {
    const local: Partial<Record<Field, string>> = {};
    if (!this.riskFactorId()) local.riskFactorId = $localize`:@@hmsItems.errFactor:Velg en arbeidsmiljøfaktor.`;
    if (this.taskOrLocation().trim() === '')
      local.taskOrLocation = $localize`:@@hmsItems.errTask:Skriv hvilken arbeidsoppgave eller hvilket sted det gjelder.`;
    const count = this.exposedCount();
    if (count !== null && (!Number.isInteger(count) || count < 0))
      local.exposedCount = $localize`:@@hmsItems.errCount:Antall må være et helt tall, 0 eller mer.`;
    if (Object.keys(local).length > 0) {
      this.errors.set(local);
      focusById(FIELDS.find((field) => field in local) === 'riskFactorId' ? 'hms-factor' : local.taskOrLocation ? 'hms-task' : 'hms-count');
      return;
    }
    this.errors.set({});
    const input: HmsRiskItemInput = {
      consequenceRank: this.consequenceRank(),
      existingMeasures: this.existingMeasures().trim() || null,
      exposedCount: count,
      exposedGroup: this.exposedGroup().trim() || null,
      likelihoodRank: this.likelihoodRank(),
      proposedMeasures: this.proposedMeasures().trim() || null,
      rationale: this.rationale().trim() || null,
      residualConsequenceRank: this.residualConsequenceRank(),
      residualLikelihoodRank: this.residualLikelihoodRank(),
      riskFactorId: this.riskFactorId(),
      taskOrLocation: this.taskOrLocation().trim(),
      uncertainty: this.uncertainty(),
    };
    const editing = this.editing();
    const analysisId = this.analysis().id;
    const saved = await this.run(
      () => (editing && editing !== 'new' ? this.api.update(analysisId, editing, input) : this.api.add(analysisId, input)),
      editing && editing !== 'new'
        ? $localize`:@@hmsItems.updated:Endringen er lagret.`
        : $localize`:@@hmsItems.added:Faktoren er lagt til i vurderingen.`,
    );
    if (saved) {
      this.editing.set(null);
      focusById('hms-result');
    }
  }

  protected askDelete(item: HmsRiskItemResponse): void {
    this.confirmingDelete.set(item.id);
    focusById(`hms-confirm-${item.id}`);
  }

  protected cancelDelete(item: HmsRiskItemResponse): void {
    this.confirmingDelete.set(null);
    focusById(`hms-delete-${item.id}`);
  }

  protected async remove(item: HmsRiskItemResponse): Promise<void> {
    const name = pick(item.factor);
    const done = await this.run(
      () => this.api.remove(this.analysis().id, item.id),
      $localize`:@@hmsItems.deleted:«${name}:FACTOR:» er slettet fra vurderingen.`,
    );
    this.confirmingDelete.set(null);
    focusById(done ? 'hms-result' : `hms-delete-${item.id}`);
  }

  private position(likelihood: number | null, consequence: number | null): { label: string; colour: string; textColour: string } | null {
    const scale = this.scale();
    if (!scale || likelihood === null || consequence === null) return null;
    const level = riskLevel(scale, likelihood, consequence);
    return { colour: level.colour, label: pick(level), textColour: level.textColour };
  }

  private fill(item: HmsRiskItemResponse | null): void {
    this.riskFactorId.set(item?.factor.id ?? '');
    this.taskOrLocation.set(item?.taskOrLocation ?? '');
    this.exposedGroup.set(item?.exposedGroup ?? '');
    this.exposedCount.set(item?.exposedCount ?? null);
    this.likelihoodRank.set(item?.likelihoodRank ?? null);
    this.consequenceRank.set(item?.consequenceRank ?? null);
    this.existingMeasures.set(item?.existingMeasures ?? '');
    this.rationale.set(item?.rationale ?? '');
    this.uncertainty.set(item?.uncertainty ?? null);
    this.proposedMeasures.set(item?.proposedMeasures ?? '');
    this.residualLikelihoodRank.set(item?.residualLikelihoodRank ?? null);
    this.residualConsequenceRank.set(item?.residualConsequenceRank ?? null);
    this.errors.set({});
    this.error.set(null);
    this.message.set(null);
    this.confirmingDelete.set(null);
  }

  private async run(action: () => Promise<RiskAnalysisResponse>, success: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      this.changed.emit(await action());
      this.message.set(success);
      return true;
    } catch (error) {
      const fields = fieldErrors(error);
      const messages: Partial<Record<Field, string>> = {};
      const outOfScale = $localize`:@@hmsItems.errRank:Velg et nivå fra skalaen.`;
      if ('riskFactorId' in fields)
        messages.riskFactorId = $localize`:@@hmsItems.errFactorServer:Faktoren finnes ikke i kommunens katalog.`;
      if ('taskOrLocation' in fields)
        messages.taskOrLocation = $localize`:@@hmsItems.errTaskServer:Arbeidsoppgave eller sted mangler eller er for lang.`;
      if ('exposedCount' in fields) messages.exposedCount = $localize`:@@hmsItems.errCount:Antall må være et helt tall, 0 eller mer.`;
      for (const field of ['likelihoodRank', 'consequenceRank', 'residualLikelihoodRank', 'residualConsequenceRank'] as const)
        if (field in fields) messages[field] = outOfScale;
      this.errors.set(messages);
      this.error.set(errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private async loadReferenceData(scaleSetId: string): Promise<void> {
    if (this.loadedScaleId === scaleSetId) return;
    this.loadedScaleId = scaleSetId;
    this.loadError.set(null);
    try {
      const [factors, scales] = await Promise.all([
        this.factors().length > 0 ? Promise.resolve(this.factors()) : this.api.factors(),
        this.api.scaleSets(),
      ]);
      this.factors.set(factors);
      const code = this.analysis().scaleSet.code;
      this.scale.set((scales.find((set) => set.id === scaleSetId) ?? scales.find((set) => set.code === code))?.definition ?? null);
    } catch (error) {
      this.loadedScaleId = null;
      this.loadError.set(errorMessage(error));
    }
  }

  protected retryLoad(): void {
    void this.loadReferenceData(this.analysis().scaleSet.id);
  }
}
