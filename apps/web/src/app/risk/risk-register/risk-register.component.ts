import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { RISK_ANALYSIS_TYPES, type RiskAnalysisType, type ScaleSet } from '@helhet/domain';

import { errorMessage } from '../../core/http-error';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { RiskApi } from '../risk.api';
import { RISK_TYPE_LABELS, threeLevel } from '../risk-labels';
import { RiskMatrixComponent } from '../risk-matrix/risk-matrix.component';
import type { CellPosition } from '../risk-matrix/risk-matrix.model';
import { REGISTER_SCALE_CODE, type RiskRegisterFilterKey, RiskRegisterStore, toRiskRegisterQuery } from './risk-register.store';

/** Risk register on DSB's societal scale: a 5×5 heat map (counts from the API) above the list of scenarios. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    RiskMatrixComponent,
    RouterLink,
    UnitPickerComponent,
  ],
  providers: [LOCALIZED_PAGINATOR, RiskRegisterStore],
  selector: 'hh-risk-register',
  styleUrl: './risk-register.component.scss',
  templateUrl: './risk-register.component.html',
})
export class RiskRegisterComponent {
  private readonly api = inject(RiskApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly store = inject(RiskRegisterStore);

  /** The filters in the URL (bound by the store). */
  protected readonly filters = this.store.filters;
  protected readonly result = this.store.result;
  protected readonly heatMap = computed(() => this.store.result()?.heatMap ?? null);
  protected readonly loading = this.store.loading;
  /** The list's error, else the scale's. */
  protected readonly error = computed(() => this.store.error() ?? this.scaleError());
  private readonly scaleError = signal<string | null>(null);

  protected readonly types = RISK_ANALYSIS_TYPES.map((id) => ({ id, label: RISK_TYPE_LABELS[id]() }));
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly bands = computed(() => this.scale()?.matrix.bands ?? []);
  protected readonly unitName = signal<string | null>(null);
  protected readonly pickerKey = signal(0);
  /** The heat-map cell the list is narrowed to (client-side, on the current page). */
  protected readonly cell = signal<{ likelihoodRank: number; consequenceRank: number } | null>(null);
  protected readonly unitLabel = $localize`:@@riskRegister.unitFilter:Enhet (med underenheter)`;
  protected readonly analysesPath = `/${ROUTES.risk}/analyses`;
  protected readonly heatCaption = $localize`:@@riskRegister.heatCaption:Antall risikoer etter sannsynlighet (rader) og konsekvens (kolonner)`;
  protected readonly analysisPath = (id: string) => `/${ROUTES.risk}/analyses/${id}`;
  protected readonly uncertainty = threeLevel;
  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();

  protected readonly query = computed(() => toRiskRegisterQuery(this.store.request()));
  protected readonly filtered = computed(() => {
    const { band, orgUnitId, revisionOverdue, type } = this.query();
    return [band, orgUnitId, revisionOverdue, type].some((value) => value !== undefined);
  });

  protected readonly cellText = computed(() => {
    const cell = this.cell();
    const scale = this.scale();
    if (!cell || !scale) return '';
    const likelihood = scale.likelihoodLevels.find((level) => level.rank === cell.likelihoodRank)?.labelNb ?? String(cell.likelihoodRank);
    const consequence =
      scale.consequenceLevels.find((level) => level.rank === cell.consequenceRank)?.labelNb ?? String(cell.consequenceRank);
    return $localize`:@@riskRegister.cellChip:Viser celle sannsynlighet ${likelihood}:LIKELIHOOD:, konsekvens ${consequence}:CONSEQUENCE:`;
  });

  protected readonly items = computed(() => {
    const items = this.result()?.items ?? [];
    const cell = this.cell();
    return cell
      ? items.filter((item) => item.risk.likelihoodRank === cell.likelihoodRank && item.risk.consequenceRank === cell.consequenceRank)
      : items;
  });

  constructor() {
    void this.loadScale();
    effect(() => void this.loadUnitName(this.filters().unit));
  }

  protected selectCell(cell: CellPosition): void {
    const selected = this.cell();
    const same = !!selected && selected.likelihoodRank === cell.likelihoodRank && selected.consequenceRank === cell.consequenceRank;
    this.cell.set(same ? null : cell);
  }

  protected clearCell(): void {
    this.cell.set(null);
  }

  protected setFilter(key: RiskRegisterFilterKey, value: string | boolean | null): void {
    this.store.setFilter(key, value);
  }

  protected pickUnit(id: string): void {
    if (id) this.setFilter('unit', id);
  }

  protected clearUnit(): void {
    this.pickerKey.update((key) => key + 1);
    this.setFilter('unit', null);
  }

  protected clearAll(): void {
    this.pickerKey.update((key) => key + 1);
    this.cell.set(null);
    this.store.clearFilters();
  }

  protected changePage(event: PageEvent): void {
    this.store.setPage(event.pageIndex);
  }

  protected retry(): void {
    void this.loadScale();
    this.store.reload();
  }

  private async loadScale(): Promise<void> {
    try {
      const sets = (await this.api.scaleSets()).filter((set) => set.code === REGISTER_SCALE_CODE).sort((a, b) => b.version - a.version);
      this.scale.set(sets[0]?.definition ?? null);
      this.scaleError.set(null);
    } catch (error) {
      this.scaleError.set(errorMessage(error));
    }
  }

  private async loadUnitName(id: string | undefined): Promise<void> {
    this.unitName.set(null);
    if (!id) return;
    try {
      this.unitName.set((await this.organisation.get(id)).name);
    } catch {
      this.unitName.set($localize`:@@riskRegister.unknownUnit:Ukjent enhet`);
    }
  }
}
