import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus, SEVERITIES } from '@helhet/domain';
import type { IncidentCategoryResponse, IncidentSummary } from '@helhet/shared';
import { map } from 'rxjs';

import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { IncidentsApi } from '../incidents.api';
import { type IncidentFilterKey, IncidentListStore, toListIncidentsQuery } from './incident-list.store';

/** Avvik the user may see, filtered through the URL (so a filtered list can be bookmarked and shared). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    UnitPickerComponent,
  ],
  providers: [IncidentListStore, LOCALIZED_PAGINATOR],
  selector: 'hh-incident-list',
  styleUrl: './incident-list.component.scss',
  templateUrl: './incident-list.component.html',
})
export class IncidentListComponent {
  private readonly api = inject(IncidentsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly store = inject(IncidentListStore);

  /** The filters in the URL (bound by the store). */
  protected readonly filters = this.store.filters;
  protected readonly result = this.store.result;
  protected readonly loading = this.store.loading;
  protected readonly error = this.store.error;

  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly kinds = INCIDENT_KINDS.map((id) => ({ id, label: KIND_LABELS[id]() }));
  protected readonly statuses = INCIDENT_STATUSES.map((id) => ({ id, label: STATUS_LABELS[id]() }));
  protected readonly severities = SEVERITIES.map((id) => ({ id, label: SEVERITY_LABELS[id]() }));
  protected readonly categories = signal<IncidentCategoryResponse[]>([]);
  protected readonly unitName = signal<string | null>(null);
  /** Bumped to give the unit picker a fresh, empty input after the unit filter is removed. */
  protected readonly pickerKey = signal(0);
  protected readonly unitLabel = $localize`:@@incidentList.unitFilter:Enhet (med underenheter)`;
  protected readonly notAssigned = $localize`:@@incidentList.notAssigned:Ikke tildelt`;
  protected readonly statsPath = `/${ROUTES.incidents}/stats`;
  protected readonly newPath = `/${ROUTES.incidents}/new`;
  protected readonly casePath = (id: string) => `/${ROUTES.incidents}/${id}`;

  protected readonly query = computed(() => toListIncidentsQuery(this.store.request()));
  protected readonly filtered = computed(() => {
    const { page: _page, pageSize: _pageSize, ...filters } = this.query();
    return Object.values(filters).some((value) => value !== undefined);
  });
  protected readonly exportHref = computed(() => this.api.exportUrl(this.query()));

  protected readonly kindLabel = (kind: IncidentKind) => KIND_LABELS[kind]();
  protected readonly statusLabel = (status: IncidentStatus) => STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly dateTime = (value: string | null) => formatDate(value, true);

  constructor() {
    void this.loadCategories();
    effect(() => void this.loadUnitName(this.filters().unit));
  }

  /** "Høy (potensielt Kritisk)", "Potensielt Høy", or a dash. */
  protected severityText(item: IncidentSummary): string {
    const actual = item.severityActual ? SEVERITY_LABELS[item.severityActual]() : null;
    const potential = item.severityPotential ? SEVERITY_LABELS[item.severityPotential]() : null;
    if (actual && potential && potential !== actual)
      return $localize`:@@incidentList.severityBoth:${actual}:ACTUAL: (potensielt ${potential}:POTENTIAL:)`;
    if (actual) return actual;
    if (potential) return $localize`:@@incidentList.severityPotential:Potensielt ${potential}:POTENTIAL:`;
    return '–';
  }

  protected setFilter(key: IncidentFilterKey, value: string | boolean | null): void {
    this.store.setFilter(key, value);
  }

  protected pickUnit(id: string): void {
    // The picker empties its value while the user types; only a chosen unit changes the filter.
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
    this.store.setPage(event.pageIndex, event.pageSize);
  }

  protected retry(): void {
    this.store.reload();
  }

  private async loadCategories(): Promise<void> {
    try {
      this.categories.set(await this.api.categories());
    } catch {
      // The category filter just stays empty; the list itself reports errors.
    }
  }

  private async loadUnitName(id: string | undefined): Promise<void> {
    this.unitName.set(null);
    if (!id) return;
    try {
      this.unitName.set((await this.organisation.get(id)).name);
    } catch {
      this.unitName.set($localize`:@@incidentList.unknownUnit:Ukjent enhet`);
    }
  }
}
