import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { IncidentKind, IncidentStatus } from '@helhet/domain';
import { type IncidentSummary, MAX_PAGE_SIZE, PERMISSIONS } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage } from '../../core/http-error';
import { countdown, minuteClock } from '../../core/i18n/countdown';
import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { IncidentsApi } from '../incidents.api';

interface Section {
  items: IncidentSummary[] | null;
  total: number;
  error: string | null;
}

const EMPTY: Section = { error: null, items: null, total: 0 };

/** Cases by earliest deadline; cases without a deadline (closed, rejected) last. */
const byDueDate = (a: IncidentSummary, b: IncidentSummary): number =>
  (a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY) - (b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY);

/** "Mine saker": what I must handle (by deadline, with a live countdown) and what I have reported. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  selector: 'hh-my-cases',
  styleUrl: './my-cases.component.scss',
  templateUrl: './my-cases.component.html',
})
export class MyCasesComponent {
  private readonly api = inject(IncidentsApi);
  private readonly canHandle = inject(AuthService).hasPermission(PERMISSIONS.incidentsHandle);
  protected readonly now = minuteClock();
  protected readonly handling = signal<Section>(EMPTY);
  protected readonly reported = signal<Section>(EMPTY);
  /** Handlers always see the section; others only when something was escalated or assigned to them. */
  protected readonly showHandling = computed(() => this.canHandle || (this.handling().items?.length ?? 0) > 0);
  protected readonly newPath = `/${ROUTES.incidents}/new`;
  protected readonly casePath = (id: string) => `/${ROUTES.incidents}/${id}`;
  protected readonly notAssigned = $localize`:@@myCases.notAssigned:Ikke tildelt`;

  protected readonly kindLabel = (kind: IncidentKind) => KIND_LABELS[kind]();
  protected readonly statusLabel = (status: IncidentStatus) => STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly dateTime = (value: string | null) => formatDate(value, true);
  protected readonly due = (item: IncidentSummary) => (item.dueAt ? countdown(item.dueAt, this.now()) : null);

  constructor() {
    void this.load();
  }

  protected severityText(item: IncidentSummary): string | null {
    const severity = item.severityActual ?? item.severityPotential;
    return severity ? SEVERITY_LABELS[severity]() : null;
  }

  protected async load(): Promise<void> {
    await Promise.all([this.loadSection('handling', this.handling), this.loadSection('reported', this.reported)]);
  }

  private async loadSection(mine: 'handling' | 'reported', target: typeof this.handling): Promise<void> {
    target.set(EMPTY);
    try {
      const page = await this.api.list({ mine, pageSize: MAX_PAGE_SIZE });
      const items = mine === 'handling' ? [...page.items].sort(byDueDate) : page.items;
      target.set({ error: null, items, total: page.total });
    } catch (error) {
      target.set({ error: errorMessage(error), items: [], total: 0 });
    }
  }
}
