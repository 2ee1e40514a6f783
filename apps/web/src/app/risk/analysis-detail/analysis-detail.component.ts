import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { RiskAnalysisStatus, RiskAnalysisType, ScaleSet } from '@helhet/domain';
import type { RiskAnalysisResponse, RiskScenarioResponse } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { RISK_STATUS_LABELS, RISK_TYPE_LABELS, threeLevel } from '../risk-labels';
import { RiskApi } from '../risk.api';

/** One risk analysis with its scenarios, read-only. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  selector: 'hh-analysis-detail',
  styles: `
    .back { display: inline-flex; align-items: center; min-height: 44px; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 16px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .mandate { white-space: pre-line; max-width: 70ch; }
    .overdue { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 6px; font-weight: 600; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .overdue::before { content: '! '; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    .data { width: 100%; border-collapse: collapse; }
    .data th, .data td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    .data th { font-weight: 600; }
    .band { display: inline-flex; align-items: center; gap: 6px; }
    .swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid var(--mat-sys-outline); flex: none; }
    .meta { color: var(--mat-sys-on-surface-variant); font-size: 0.85rem; }
    .empty { padding: 24px 16px; border: 1px dashed var(--mat-sys-outline); border-radius: 12px; text-align: center; }
    .error-box { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 8px 16px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
  templateUrl: './analysis-detail.component.html',
})
export class AnalysisDetailComponent {
  private readonly api = inject(RiskApi);

  /** Route parameter (bound by the router). */
  readonly id = input.required<string>();

  protected readonly analysis = signal<RiskAnalysisResponse | null>(null);
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly registerPath = `/${ROUTES.risk}`;
  protected readonly isHolistic = computed(() => this.analysis()?.type === 'holistic_ros');

  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();
  protected readonly statusLabel = (status: RiskAnalysisStatus) => RISK_STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value) || '–';
  protected readonly level = threeLevel;

  private requestNumber = 0;

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected likelihoodLabel(scenario: RiskScenarioResponse): string {
    const rank = scenario.likelihoodRank;
    if (!rank) return '–';
    return this.scale()?.likelihoodLevels.find((level) => level.rank === rank)?.labelNb ?? String(rank);
  }

  /** "Dødsfall: Store" for the consequence type that decides the band, or a dash. */
  protected worstConsequence(scenario: RiskScenarioResponse): string {
    const risk = scenario.risk;
    if (!risk) return '–';
    const scale = this.scale();
    const type = scale?.consequenceTypes.find((t) => t.code === risk.typeCode);
    const level = type?.levels.find((l) => l.rank === risk.consequenceRank)?.labelNb ?? scale?.consequenceLevels.find((l) => l.rank === risk.consequenceRank)?.labelNb ?? String(risk.consequenceRank);
    return `${type?.labelNb ?? risk.typeCode}: ${level}`;
  }

  protected yesNo(value: boolean | null): string {
    if (value === null || value === undefined) return '–';
    return value ? $localize`:@@riskAnalysis.yes:Ja` : $localize`:@@riskAnalysis.no:Nei`;
  }

  protected retry(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    const request = ++this.requestNumber;
    this.loading.set(true);
    this.error.set(null);
    try {
      const [analysis, sets] = await Promise.all([this.api.analysis(id), this.api.scaleSets()]);
      if (request !== this.requestNumber) return;
      this.analysis.set(analysis);
      this.scale.set(sets.find((set) => set.id === analysis.scaleSet.id)?.definition ?? null);
    } catch (error) {
      if (request === this.requestNumber) this.error.set(errorMessage(error));
    } finally {
      if (request === this.requestNumber) this.loading.set(false);
    }
  }
}
