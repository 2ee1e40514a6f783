import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { RISK_ANALYSIS_TYPES, type RiskAnalysisType, type ScaleSet } from '@helhet/domain';
import type { Page, RiskHeatMapResponse, RiskRegisterItem, RiskRegisterQuery } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../shared/unit-picker.component';
import { RiskApi } from '../risk.api';
import { RISK_TYPE_LABELS, threeLevel } from '../risk-labels';
import { RiskMatrixComponent } from '../risk-matrix/risk-matrix.component';
import type { CellPosition } from '../risk-matrix/risk-matrix.model';

type FilterKey = 'band' | 'overdue' | 'type' | 'unit';

const SCALE_CODE = 'dsb_societal';
const PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
const positive = (value: string | undefined, fallback: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

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
  providers: [LOCALIZED_PAGINATOR],
  selector: 'hh-risk-register',
  styleUrl: './risk-register.component.scss',
  templateUrl: './risk-register.component.html',
})
export class RiskRegisterComponent {
  private readonly api = inject(RiskApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly router = inject(Router);

  // Query parameters (bound by the router).
  readonly unit = input<string>();
  readonly type = input<string>();
  readonly band = input<string>();
  readonly overdue = input<string>();
  readonly page = input<string>();

  protected readonly types = RISK_ANALYSIS_TYPES.map((id) => ({ id, label: RISK_TYPE_LABELS[id]() }));
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly bands = computed(() => this.scale()?.matrix.bands ?? []);
  protected readonly unitName = signal<string | null>(null);
  protected readonly pickerKey = signal(0);
  protected readonly result = signal<Page<RiskRegisterItem> | null>(null);
  protected readonly heatMap = signal<RiskHeatMapResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The heat-map cell the list is narrowed to (client-side, on the current page). */
  protected readonly cell = signal<{ likelihoodRank: number; consequenceRank: number } | null>(null);
  protected readonly unitLabel = $localize`:@@riskRegister.unitFilter:Enhet (med underenheter)`;
  protected readonly analysesPath = `/${ROUTES.risk}/analyses`;
  protected readonly heatCaption = $localize`:@@riskRegister.heatCaption:Antall risikoer etter sannsynlighet (rader) og konsekvens (kolonner)`;
  protected readonly analysisPath = (id: string) => `/${ROUTES.risk}/analyses/${id}`;
  protected readonly uncertainty = threeLevel;
  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();

  protected readonly query = computed<RiskRegisterQuery>(() => ({
    band: this.band() || undefined,
    orgUnitId: this.unit() || undefined,
    page: positive(this.page(), 1),
    pageSize: PAGE_SIZE,
    revisionOverdue: this.overdue() === 'true' ? true : undefined,
    scaleSetCode: SCALE_CODE,
    type: oneOf<RiskAnalysisType>(RISK_ANALYSIS_TYPES, this.type()),
  }));
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

  private requestNumber = 0;

  constructor() {
    void this.loadScale();
    effect(() => void this.load(this.query()));
    effect(() => void this.loadUnitName(this.unit()));
  }

  protected selectCell(cell: CellPosition): void {
    const selected = this.cell();
    const same = !!selected && selected.likelihoodRank === cell.likelihoodRank && selected.consequenceRank === cell.consequenceRank;
    this.cell.set(same ? null : cell);
  }

  protected clearCell(): void {
    this.cell.set(null);
  }

  protected setFilter(key: FilterKey, value: string | boolean | null): void {
    const text = value === true ? 'true' : value || null;
    void this.router.navigate([], { queryParams: { [key]: text, page: null }, queryParamsHandling: 'merge', replaceUrl: true });
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
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex + 1 }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    void this.loadScale();
    void this.load(this.query());
  }

  private async load(query: RiskRegisterQuery): Promise<void> {
    const request = ++this.requestNumber;
    this.loading.set(true);
    this.error.set(null);
    try {
      const [page, heatMap] = await Promise.all([this.api.register(query), this.api.heatMap(query)]);
      if (request === this.requestNumber) {
        this.result.set(page);
        this.heatMap.set(heatMap);
      }
    } catch (error) {
      if (request === this.requestNumber) this.error.set(errorMessage(error));
    } finally {
      if (request === this.requestNumber) this.loading.set(false);
    }
  }

  private async loadScale(): Promise<void> {
    try {
      const sets = (await this.api.scaleSets()).filter((set) => set.code === SCALE_CODE).sort((a, b) => b.version - a.version);
      this.scale.set(sets[0]?.definition ?? null);
    } catch (error) {
      this.error.set(errorMessage(error));
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
