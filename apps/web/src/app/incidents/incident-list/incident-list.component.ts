import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus, SEVERITIES, type Severity } from '@helhet/domain';
import { DEFAULT_PAGE_SIZE, type IncidentCategoryResponse, type IncidentSummary, type ListIncidentsQuery, type Page } from '@helhet/shared';
import { map } from 'rxjs';

import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { LOCALIZED_PAGINATOR } from '../../core/i18n/paginator-intl';
import { ROUTES } from '../../core/route-paths';
import { OrganisationApi } from '../../organisation/organisation.api';
import { UnitPickerComponent } from '../../shared/unit-picker.component';
import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../incident-labels';
import { IncidentsApi } from '../incidents.api';

type FilterKey = 'category' | 'from' | 'kind' | 'overdue' | 'severity' | 'status' | 'to' | 'unit';

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;
const positive = (value: string | undefined, fallback: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};

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
  providers: [LOCALIZED_PAGINATOR],
  selector: 'hh-incident-list',
  styleUrl: './incident-list.component.scss',
  templateUrl: './incident-list.component.html',
})
export class IncidentListComponent {
  private readonly api = inject(IncidentsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly router = inject(Router);

  // Query parameters (bound by the router).
  readonly unit = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly kind = input<string>();
  readonly category = input<string>();
  readonly severity = input<string>();
  readonly status = input<string>();
  readonly overdue = input<string>();
  readonly page = input<string>();
  readonly size = input<string>();

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
  protected readonly result = signal<Page<IncidentSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly unitLabel = $localize`:@@incidentList.unitFilter:Enhet (med underenheter)`;
  protected readonly notAssigned = $localize`:@@incidentList.notAssigned:Ikke tildelt`;
  protected readonly statsPath = `/${ROUTES.incidents}/stats`;
  protected readonly newPath = `/${ROUTES.incidents}/new`;
  protected readonly casePath = (id: string) => `/${ROUTES.incidents}/${id}`;

  protected readonly query = computed<ListIncidentsQuery>(() => ({
    categoryId: this.category() || undefined,
    from: this.from() || undefined,
    kind: oneOf<IncidentKind>(INCIDENT_KINDS, this.kind()),
    orgUnitId: this.unit() || undefined,
    overdue: this.overdue() === 'true' ? true : undefined,
    page: positive(this.page(), 1),
    pageSize: positive(this.size(), DEFAULT_PAGE_SIZE),
    severity: oneOf<Severity>(SEVERITIES, this.severity()),
    status: oneOf<IncidentStatus>(INCIDENT_STATUSES, this.status()),
    to: this.to() || undefined,
  }));
  protected readonly filtered = computed(() => {
    const { page: _page, pageSize: _pageSize, ...filters } = this.query();
    return Object.values(filters).some((value) => value !== undefined);
  });
  protected readonly exportHref = computed(() => this.api.exportUrl(this.query()));

  protected readonly kindLabel = (kind: IncidentKind) => KIND_LABELS[kind]();
  protected readonly statusLabel = (status: IncidentStatus) => STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly dateTime = (value: string | null) => formatDate(value, true);

  private requestNumber = 0;

  constructor() {
    void this.loadCategories();
    effect(() => void this.load(this.query()));
    effect(() => void this.loadUnitName(this.unit()));
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

  protected setFilter(key: FilterKey, value: string | boolean | null): void {
    const text = value === true ? 'true' : value || null;
    void this.router.navigate([], { queryParams: { [key]: text, page: null }, queryParamsHandling: 'merge', replaceUrl: true });
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
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex + 1, size: event.pageSize }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    void this.load(this.query());
  }

  private async load(query: ListIncidentsQuery): Promise<void> {
    const request = ++this.requestNumber;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(query);
      if (request === this.requestNumber) this.result.set(page);
    } catch (error) {
      if (request === this.requestNumber) this.error.set(errorMessage(error));
    } finally {
      if (request === this.requestNumber) this.loading.set(false);
    }
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
