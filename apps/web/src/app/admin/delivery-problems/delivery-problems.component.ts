import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DeliveryFailureResponse, InboxNotificationKind } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';

const KIND_LABELS: Record<InboxNotificationKind, () => string> = {
  category_restriction_pending: () => $localize`:@@deliveries.kindRestrictionPending:Endring av tilgangsbegrensning til godkjenning`,
  content_role_granted: () => $localize`:@@deliveries.kindContentRoleGranted:Rolle med tilgang til avvikssaker gitt`,
  incident_assigned: () => $localize`:@@deliveries.kindAssigned:Ny sak til behandling`,
  incident_escalated: () => $localize`:@@deliveries.kindEscalated:Sak sendt videre (frist passert)`,
  incident_filed_critical: () => $localize`:@@deliveries.kindCritical:Kritisk avvik meldt`,
  incident_filed_high: () => $localize`:@@deliveries.kindHigh:Alvorlig avvik meldt`,
  incident_forwarded: () => $localize`:@@deliveries.kindForwarded:Sak sendt til enheten`,
  measure_due_soon: () => $localize`:@@deliveries.kindMeasureDueSoon:Påminnelse om frist for tiltak`,
  measure_escalated: () => $localize`:@@deliveries.kindMeasureEscalated:Tiltak sendt videre (frist passert)`,
  measure_overdue: () => $localize`:@@deliveries.kindMeasureOverdue:Frist for tiltak passert`,
  reporter_identity_revealed: () => $localize`:@@deliveries.kindReporterRevealed:Skjult melder informert om innsyn`,
};

/**
 * E-mails that did not reach their recipient: `failed` after every retry, or `uncertain` because a worker
 * stopped while sending (Helhet never sends twice, so an administrator checks with the recipient).
 * The in-app inbox still has these notifications.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule],
  selector: 'hh-delivery-problems',
  styles: `
    .lead {
      color: var(--mat-sys-on-surface-variant);
      max-width: 70ch;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .empty {
      padding: 16px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  template: `
    <h1 i18n="@@deliveries.title">Varsler som ikke kom frem</h1>
    <p class="lead" i18n="@@deliveries.lead">
      E-poster fra Helhet som mislyktes etter alle forsøk, eller der det er usikkert om de ble sendt fordi tjenesten stoppet underveis.
      Helhet sender aldri samme varsel to ganger: sjekk med mottakeren. Varselet ligger uansett i mottakerens innboks i Helhet.
    </p>
    <div role="alert">
      @if (error(); as e) {
        <p class="error">{{ e }}</p>
      }
    </div>
    @if (items(); as list) {
      @if (list.length === 0) {
        <p class="empty" i18n="@@deliveries.empty">Alle varsler er levert.</p>
      } @else {
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden" i18n="@@deliveries.caption">
              Varsler som ikke kom frem, nyeste først
            </caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@deliveries.colWhen">Tidspunkt</th>
                <th scope="col" i18n="@@deliveries.colRecipient">Mottaker</th>
                <th scope="col" i18n="@@deliveries.colKind">Varsel</th>
                <th scope="col" i18n="@@deliveries.colStatus">Status</th>
                <th scope="col" i18n="@@deliveries.colAttempts">Forsøk</th>
              </tr>
            </thead>
            <tbody>
              @for (item of list; track item.id) {
                <tr>
                  <td>{{ when(item.updatedAt) }}</td>
                  <td>{{ item.recipient.name }}</td>
                  <td>{{ kind(item) }}</td>
                  <td>
                    @if (item.status === 'failed') {
                      <ng-container i18n="@@deliveries.failed">Mislyktes</ng-container>
                    } @else {
                      <ng-container i18n="@@deliveries.uncertain">Usikkert om sendt</ng-container>
                    }
                  </td>
                  <td>{{ item.attempts }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <button mat-stroked-button type="button" (click)="load()" i18n="@@deliveries.refresh">Oppdater</button>
    } @else if (!error()) {
      <mat-progress-bar mode="indeterminate" i18n-aria-label="@@common.loading" aria-label="Laster" />
    }
  `,
})
export class DeliveryProblemsComponent {
  private readonly http = inject(HttpClient);
  protected readonly items = signal<DeliveryFailureResponse[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly when = (value: string) => formatDate(value, true);
  protected readonly kind = (item: DeliveryFailureResponse) => KIND_LABELS[item.notificationKind]();

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.error.set(null);
    try {
      this.items.set(await firstValueFrom(this.http.get<DeliveryFailureResponse[]>('/api/notification-deliveries/problems')));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
