import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { RISK_ANALYSIS_STATUSES, RISK_ANALYSIS_TYPES, type RiskAnalysisStatus, type RiskAnalysisType } from '@helhet/domain';
import { PERMISSIONS } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { formatDate } from '../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { RISK_STATUS_LABELS, RISK_TYPE_LABELS } from '../risk-labels';
import { type AnalysisFilterKey, AnalysisListStore, toListRiskAnalysesQuery } from './analysis-list.store';

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
  providers: [AnalysisListStore, LOCALIZED_PAGINATOR],
  selector: 'hh-analysis-list',
  styleUrl: './analysis-list.component.scss',
  templateUrl: './analysis-list.component.html',
})
export class AnalysisListComponent {
  private readonly auth = inject(AuthService);
  private readonly organisation = inject(OrganisationApi);
  private readonly store = inject(AnalysisListStore);

  /** The filters in the URL (bound by the store). */
  protected readonly filters = this.store.filters;
  protected readonly result = this.store.result;
  protected readonly items = this.store.items;
  protected readonly loading = this.store.loading;
  protected readonly error = this.store.error;

  protected readonly canCreate = [PERMISSIONS.riskEdit, PERMISSIONS.riskEditHolistic].some((p) => this.auth.hasPermission(p));
  protected readonly types = RISK_ANALYSIS_TYPES.map((id) => ({ id, label: RISK_TYPE_LABELS[id]() }));
  protected readonly statuses = RISK_ANALYSIS_STATUSES.map((id) => ({ id, label: RISK_STATUS_LABELS[id]() }));
  protected readonly unitName = signal<string | null>(null);
  protected readonly pickerKey = signal(0);
  protected readonly unitLabel = $localize`:@@riskAnalyses.unitFilter:Enhet (med underenheter)`;
  protected readonly registerPath = `/${ROUTES.risk}`;
  protected readonly newPath = `/${ROUTES.risk}/analyses/new`;
  protected readonly analysisPath = (id: string) => `/${ROUTES.risk}/analyses/${id}`;
  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();
  protected readonly statusLabel = (status: RiskAnalysisStatus) => RISK_STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value) || '–';

  protected readonly query = computed(() => toListRiskAnalysesQuery(this.store.request()));
  protected readonly overdueOnly = computed(() => this.filters().overdue === 'true');
  protected readonly filtered = computed(() => {
    const { orgUnitId, status, type } = this.query();
    return this.overdueOnly() || [orgUnitId, status, type].some((value) => value !== undefined);
  });

  constructor() {
    effect(() => void this.loadUnitName(this.filters().unit));
  }

  protected setFilter(key: AnalysisFilterKey, value: string | boolean | null): void {
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
    this.store.clearFilters();
  }

  protected changePage(event: PageEvent): void {
    this.store.setPage(event.pageIndex);
  }

  protected retry(): void {
    this.store.reload();
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
