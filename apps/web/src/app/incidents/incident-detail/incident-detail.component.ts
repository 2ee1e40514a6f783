import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type CauseCategory, isOpenStatus, type Severity } from '@helhet/domain';
import { type IncidentResponse, PERMISSIONS } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { errorMessage } from '../../core/http-error';
import { countdown, minuteClock } from '../../core/i18n/countdown';
import {
  AFFECTED_LABELS,
  CAUSE_LABELS,
  KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  VISIBILITY_LABELS,
} from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { IncidentRiskLinksComponent } from '../incident-risk-links/incident-risk-links.component';
import { IncidentsApi } from '../incidents.api';
import { AttachmentsPanelComponent } from './attachments-panel.component';
import { CommentFormComponent } from './comment-form.component';
import { ExternalNotificationsPanelComponent } from './external-notifications-panel.component';
import { IncidentActionsComponent } from './incident-actions.component';
import { IncidentRecordsComponent } from './incident-records.component';
import { IncidentTimelineComponent } from './incident-timeline.component';
import { MeasuresPanelComponent } from './measures-panel.component';

/** One avvik: the report, the deadlines, the actions the API allows, measures, notifications and history. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AttachmentsPanelComponent,
    CommentFormComponent,
    ExternalNotificationsPanelComponent,
    IncidentActionsComponent,
    IncidentRecordsComponent,
    IncidentTimelineComponent,
    MatButtonModule,
    MatProgressBarModule,
    IncidentRiskLinksComponent,
    MeasuresPanelComponent,
    RouterLink,
  ],
  selector: 'hh-incident-detail',
  styleUrl: './incident-detail.component.scss',
  templateUrl: './incident-detail.component.html',
})
export class IncidentDetailComponent {
  private readonly api = inject(IncidentsApi);
  private readonly auth = inject(AuthService);
  readonly id = input.required<string>();

  protected readonly incident = signal<IncidentResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly now = minuteClock();
  protected readonly listPath = `/${ROUTES.incidents}`;
  protected readonly minePath = `/${ROUTES.incidents}/mine`;
  protected readonly canReadList = [PERMISSIONS.incidentsRead, PERMISSIONS.incidentsHandle].some((p) => this.auth.hasPermission(p));

  protected readonly canInfosec = this.auth.hasPermission(PERMISSIONS.incidentsInfosec);
  protected readonly canReadRisk = this.auth.hasPermission(PERMISSIONS.riskRead);
  /** Those who may act on the case; the API decides, through `availableActions`. */
  protected readonly canHandle = computed(() => (this.incident()?.availableActions.length ?? 0) > 0);
  /** The reporter looking at their own case: status and feedback come first. */
  protected readonly reporterView = computed(() => {
    const incident = this.incident();
    return incident !== null && incident.isReporter && incident.availableActions.length === 0;
  });
  protected readonly open = computed(() => {
    const incident = this.incident();
    return incident !== null && isOpenStatus(incident.status);
  });
  protected readonly deadlines = computed(() => {
    const incident = this.incident();
    if (!incident || !isOpenStatus(incident.status)) return [];
    const now = this.now();
    const list = [];
    if (incident.status === 'registered' && !incident.acknowledgedAt) {
      list.push({
        at: incident.acknowledgeDueAt,
        label: $localize`:@@incidentDetail.ackDue:Frist for å ta imot saken`,
        ...countdown(incident.acknowledgeDueAt, now),
      });
    }
    list.push({
      at: incident.closeDueAt,
      label: $localize`:@@incidentDetail.closeDue:Frist for å lukke saken`,
      ...countdown(incident.closeDueAt, now),
    });
    return list;
  });

  protected readonly kindLabel = computed(() => {
    const incident = this.incident();
    return incident ? KIND_LABELS[incident.kind]() : '';
  });
  protected readonly statusLabel = computed(() => {
    const incident = this.incident();
    return incident ? STATUS_LABELS[incident.status]() : '';
  });
  protected readonly severity = (value: Severity | null) => (value ? SEVERITY_LABELS[value]() : '–');
  protected readonly cause = (value: CauseCategory | null) => (value ? CAUSE_LABELS[value]() : '–');
  protected readonly affected = (incident: IncidentResponse) => AFFECTED_LABELS[incident.affectedPartyType]();
  protected readonly dateTime = (value: string | null) => formatDate(value, true);
  protected readonly notAssigned = $localize`:@@incidentDetail.notAssigned:Ikke tildelt`;

  constructor() {
    effect(() => void this.load(this.id()));
  }

  /** Who reported, as far as this viewer may know. */
  protected reporterText(incident: IncidentResponse): string {
    if (incident.reporter) return incident.reporter.name;
    if (incident.reporterVisibility === 'named') return $localize`:@@incidentDetail.reporterUnknown:Ikke oppgitt`;
    return VISIBILITY_LABELS[incident.reporterVisibility]();
  }

  protected update(incident: IncidentResponse): void {
    this.incident.set(incident);
  }

  protected async load(id: string): Promise<void> {
    this.error.set(null);
    try {
      this.incident.set(await this.api.get(id));
    } catch (error) {
      this.incident.set(null);
      this.error.set(errorMessage(error));
    }
  }
}
