import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { RISK_ANALYSIS_STATUSES, RISK_ANALYSIS_TYPES, type RiskAnalysisStatus, type RiskAnalysisType } from '@helhet/domain';
import { type Page, PERMISSIONS, type RiskAnalysisSummary } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../shared/unit-picker.component';
import { type ListRiskAnalysesQuery, RiskApi } from '../risk.api';
import { RISK_STATUS_LABELS, RISK_TYPE_LABELS } from '../risk-labels';

type FilterKey = 'overdue' | 'status' | 'type' | 'unit';
const PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
const positive = (value: string | undefined, fallback: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

/** The risk analyses the user can read, with filters; "Ny analyse" for those who may create one. */
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
    RouterLink,
    UnitPickerComponent,
  ],
  providers: [LOCALIZED_PAGINATOR],
  selector: 'hh-analysis-list',
  styleUrl: './analysis-list.component.scss',
  templateUrl: './analysis-list.component.html',
})
export class AnalysisListComponent {
  private readonly api = inject(RiskApi);
  private readonly auth = inject(AuthService);
  private readonly organisation = inject(OrganisationApi);
  private readonly router = inject(Router);

  readonly unit = input<string>();
  readonly type = input<string>();
  readonly status = input<string>();
  readonly overdue = input<string>();
  readonly page = input<string>();

  protected readonly canCreate = [PERMISSIONS.riskEdit, PERMISSIONS.riskEditHolistic].some((p) => this.auth.hasPermission(p));
  protected readonly types = RISK_ANALYSIS_TYPES.map((id) => ({ id, label: RISK_TYPE_LABELS[id]() }));
  protected readonly statuses = RISK_ANALYSIS_STATUSES.map((id) => ({ id, label: RISK_STATUS_LABELS[id]() }));
  protected readonly result = signal<Page<RiskAnalysisSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly unitName = signal<string | null>(null);
  protected readonly pickerKey = signal(0);
  protected readonly unitLabel = $localize`:@@riskAnalyses.unitFilter:Enhet (med underenheter)`;
  protected readonly registerPath = `/${ROUTES.risk}`;
  protected readonly newPath = `/${ROUTES.risk}/analyses/new`;
  protected readonly analysisPath = (id: string) => `/${ROUTES.risk}/analyses/${id}`;
  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();
  protected readonly statusLabel = (status: RiskAnalysisStatus) => RISK_STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value) || '–';

  protected readonly query = computed<ListRiskAnalysesQuery>(() => ({
    orgUnitId: this.unit() || undefined,
    page: positive(this.page(), 1),
    pageSize: PAGE_SIZE,
    status: oneOf<RiskAnalysisStatus>(RISK_ANALYSIS_STATUSES, this.status()),
    type: oneOf<RiskAnalysisType>(RISK_ANALYSIS_TYPES, this.type()),
    revisionOverdue: this.overdue() === 'true' || undefined,
  }));
  protected readonly overdueOnly = computed(() => this.overdue() === 'true');
  protected readonly filtered = computed(() => {
    const { orgUnitId, status, type } = this.query();
    return this.overdueOnly() || [orgUnitId, status, type].some((value) => value !== undefined);
  });
  protected readonly items = computed(() => this.result()?.items ?? []);

  private requestNumber = 0;

  constructor() {
    effect(() => void this.load(this.query()));
    effect(() => void this.loadUnitName(this.unit()));
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
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex + 1 }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    void this.load(this.query());
  }

  private async load(query: ListRiskAnalysesQuery): Promise<void> {
    const request = ++this.requestNumber;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.analyses(query);
      if (request === this.requestNumber) this.result.set(page);
    } catch (error) {
      if (request === this.requestNumber) this.error.set(errorMessage(error));
    } finally {
      if (request === this.requestNumber) this.loading.set(false);
    }
  }

  private async loadUnitName(id: string | undefined): Promise<void> {
    this.unitName.set(null);
    if (!id) return;
    try {
      this.unitName.set((await this.organisation.get(id)).name);
    } catch {
      this.unitName.set($localize`:@@riskAnalyses.unknownUnit:Ukjent enhet`);
    }
  }
}
