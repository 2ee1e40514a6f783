import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  MEASURE_STATUSES,
  type MeasureStatus,
  NOTIFICATION_RECIPIENTS,
  type NotificationRecipient,
  type ReporterVisibility,
} from '@helhet/domain';
import type { IncidentEventResponse } from '@helhet/shared';

import { ACTION_LABELS, MEASURE_STATUS_LABELS, RECIPIENT_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';

const detail = (event: IncidentEventResponse, key: string): string | null => {
  const value = event.details?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

/** What happened to the case, oldest first: who, when, what. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-incident-timeline',
  styleUrl: './incident-panels.scss',
  template: `
    <section class="block" aria-labelledby="history-title">
      <h2 id="history-title" i18n="@@incidentDetail.historyTitle">Historikk</h2>
      @if (items().length === 0) {
        <p class="meta" i18n="@@incidentDetail.historyEmpty">Ingen hendelser ennå.</p>
      } @else {
        <ol class="timeline" data-testid="incident-timeline">
          @for (item of items(); track item.id) {
            <li>
              <p class="what">
                <strong>{{ item.what }}</strong>
              </p>
              <p class="meta">
                <time [attr.datetime]="item.at">{{ item.when }}</time> · {{ item.who }}
              </p>
              @if (item.note) {
                <p class="text note">{{ item.note }}</p>
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
})
export class IncidentTimelineComponent {
  readonly events = input.required<IncidentEventResponse[]>();
  readonly reporterVisibility = input.required<ReporterVisibility>();
  readonly viewerIsReporter = input(false);

  protected readonly items = computed(() =>
    [...this.events()]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((event) => ({
        at: event.at,
        id: event.id,
        note: event.note,
        what: this.what(event),
        when: formatDate(event.at, true),
        who: this.who(event),
      })),
  );

  private who(event: IncidentEventResponse): string {
    if (event.actor) return event.actor.name;
    // Deadlines and notifications are the system's doing; other unnamed steps are a handler's, hidden from the reporter.
    if (event.type === 'escalated' || event.type === 'notified') return $localize`:@@incidentDetail.actorSystem:System`;
    if (event.type === 'reporter_revealed') return $localize`:@@incidentDetail.actorDpo:Personvernombudet`;
    if (event.type !== 'filed') return $localize`:@@incidentDetail.actorHandler:Behandler`;
    if (this.viewerIsReporter()) return $localize`:@@incidentDetail.actorYou:Du`;
    return this.reporterVisibility() === 'hidden_from_handler'
      ? $localize`:@@incidentDetail.actorHidden:Melder (skjult for behandler)`
      : $localize`:@@incidentDetail.actorAnonymous:Anonym melder`;
  }

  private what(event: IncidentEventResponse): string {
    switch (event.type) {
      case 'filed':
        return $localize`:@@incidentDetail.eventFiled:Saken ble meldt`;
      case 'transition': {
        const action = event.action ? ACTION_LABELS[event.action]() : $localize`:@@incidentDetail.eventChanged:Saken ble endret`;
        if (event.toStatus && event.toStatus !== event.fromStatus) {
          const status = STATUS_LABELS[event.toStatus]();
          return $localize`:@@incidentDetail.eventTransition:${action}:ACTION: – status: ${status}:STATUS:`;
        }
        return action;
      }
      case 'comment':
        return $localize`:@@incidentDetail.eventComment:Kommentar`;
      case 'escalated': {
        const level = detail(event, 'level');
        return level
          ? $localize`:@@incidentDetail.eventEscalatedLevel:Fristen gikk ut – saken ble eskalert til nivå ${level}:LEVEL:`
          : $localize`:@@incidentDetail.eventEscalated:Fristen gikk ut – saken ble eskalert`;
      }
      case 'notified':
        return $localize`:@@incidentDetail.eventNotified:Varsel sendt til ledere`;
      case 'measure': {
        const title = detail(event, 'title') ?? '';
        const to = detail(event, 'to');
        if (to && (MEASURE_STATUSES as readonly string[]).includes(to)) {
          const status = MEASURE_STATUS_LABELS[to as MeasureStatus]();
          return $localize`:@@incidentDetail.eventMeasureStatus:Tiltaket «${title}:TITLE:» fikk status ${status}:STATUS:`;
        }
        return $localize`:@@incidentDetail.eventMeasureAdded:Tiltak lagt til: ${title}:TITLE:`;
      }
      case 'external_notification': {
        const recipient = detail(event, 'recipient');
        if (recipient && (NOTIFICATION_RECIPIENTS as readonly string[]).includes(recipient)) {
          const label = RECIPIENT_LABELS[recipient as NotificationRecipient]();
          return $localize`:@@incidentDetail.eventExternalTo:Varsling til ${label}:RECIPIENT: registrert sendt`;
        }
        return $localize`:@@incidentDetail.eventExternal:Ekstern varsling registrert`;
      }
      case 'attachment': {
        const fileName = detail(event, 'fileName');
        return fileName
          ? $localize`:@@incidentDetail.eventAttachmentName:Vedlegg lagt til: ${fileName}:FILE:`
          : $localize`:@@incidentDetail.eventAttachment:Vedlegg lagt til`;
      }
      case 'reporter_revealed':
        return $localize`:@@incidentDetail.eventReporterRevealed:Personvernombudet fikk innsyn i hvem som meldte saken`;
      default:
        return event.type;
    }
  }
}
