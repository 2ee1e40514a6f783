import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { NotificationRecipient } from '@helhet/domain';
import type { ExternalNotificationResponse, IncidentResponse } from '@helhet/shared';

import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { countdown, minuteClock, toLocalInputValue } from '../../core/i18n/countdown';
import { RECIPIENT_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { IncidentsApi } from '../incidents.api';

/** The checklist of notifications the law requires outside the kommune (domain.md §3.7), with deadlines. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-external-notifications-panel',
  styleUrl: './incident-panels.scss',
  template: `
    <section class="block" aria-labelledby="external-title">
      <h2 id="external-title" i18n="@@incidentDetail.externalTitle">Varsling til myndigheter og andre</h2>
      <p class="meta" i18n="@@incidentDetail.externalLead">
        Varslingene loven krever for denne saken. Send dem i de vanlige kanalene og registrer her når det er gjort.
      </p>
      <div role="status" class="result-region">
        @if (message(); as m) {
          <p id="external-result" class="ok" tabindex="-1">{{ m }}</p>
        }
      </div>
      <ul class="checklist">
        @for (n of incident().externalNotifications; track n.recipient) {
          <li class="check" [class.done]="n.sentAt">
            <h3 class="measure-title">
              <span class="mark" aria-hidden="true">{{ n.sentAt ? '✓' : '○' }}</span>
              {{ recipient(n.recipient) }}
            </h3>
            <p class="meta">{{ n.legalBasis }}</p>
            @if (n.sentAt) {
              @if (n.sentBy; as by) {
                <p i18n="@@incidentDetail.externalSentBy">Sendt {{ dateTime(n.sentAt) }} av {{ by.name }}.</p>
              } @else {
                <p i18n="@@incidentDetail.externalSent">Sendt {{ dateTime(n.sentAt) }}.</p>
              }
              @if (n.reference) {
                <p i18n="@@incidentDetail.externalReference">Referanse: {{ n.reference }}</p>
              }
            } @else {
              <p>
                <span class="pending" i18n="@@incidentDetail.externalNotSent">Ikke registrert sendt.</span>
                @if (n.deadlineAt) {
                  @let d = due(n.deadlineAt);
                  <span i18n="@@incidentDetail.externalDeadline">Frist {{ dateTime(n.deadlineAt) }}</span> –
                  <span class="countdown" [class.overdue]="d.overdue">{{ d.text }}</span>
                } @else {
                  <strong i18n="@@incidentDetail.externalAsap">Frist: snarest</strong>
                }
              </p>
              @if (canRecord(n)) {
                @if (open() === n.recipient) {
                  <form class="panel" (ngSubmit)="record(n)" novalidate [attr.aria-label]="recordLabel(n)">
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label i18n="@@incidentDetail.externalSentAt">Sendt tidspunkt</mat-label>
                      <input
                        matInput
                        id="external-sent-at"
                        name="sentAt"
                        type="datetime-local"
                        required
                        [ngModel]="sentAt()"
                        (ngModelChange)="sentAt.set($event)"
                        [errorStateMatcher]="matchers.sentAt"
                      />
                      <mat-error>{{ errors()['sentAt'] }}</mat-error>
                    </mat-form-field>
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label i18n="@@incidentDetail.externalReferenceInput">Referanse (saksnummer, Altinn-kvittering e.l.)</mat-label>
                      <input
                        matInput
                        id="external-reference"
                        name="reference"
                        maxlength="200"
                        autocomplete="off"
                        [ngModel]="reference()"
                        (ngModelChange)="reference.set($event)"
                      />
                    </mat-form-field>
                    <div role="alert" class="alert-region">
                      @if (error(); as e) {
                        <p class="error">{{ e }}</p>
                      }
                    </div>
                    <div class="panel-buttons">
                      <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@incidentDetail.externalSave">Lagre</button>
                      <button mat-button type="button" (click)="cancel(n)" i18n="@@incidentDetail.cancel">Avbryt</button>
                    </div>
                  </form>
                } @else {
                  <button mat-stroked-button type="button" [id]="'external-btn-' + n.recipient" (click)="start(n)">
                    <ng-container i18n="@@incidentDetail.externalRecord">Registrer sendt</ng-container
                    ><span class="visually-hidden">: {{ recipient(n.recipient) }}</span>
                  </button>
                }
              }
            }
          </li>
        }
      </ul>
    </section>
  `,
})
export class ExternalNotificationsPanelComponent {
  private readonly api = inject(IncidentsApi);
  readonly incident = input.required<IncidentResponse>();
  /** Handlers record every item; the DPO and the information-security lead the personal-data ones. */
  readonly editable = input(false);
  readonly infosec = input(false);
  readonly changed = output<IncidentResponse>();

  private readonly now = minuteClock();
  protected readonly open = signal<NotificationRecipient | null>(null);
  protected readonly sentAt = signal('');
  protected readonly reference = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly matchers = matchersFor(this.errors, ['sentAt'] as const);

  protected readonly recipient = (recipient: NotificationRecipient) => RECIPIENT_LABELS[recipient]();
  protected readonly dateTime = (value: string) => formatDate(value, true);
  protected readonly due = (deadline: string) => countdown(deadline, this.now());
  protected readonly recordLabel = (n: ExternalNotificationResponse) =>
    $localize`:@@incidentDetail.externalFormLabel:Registrer varsling til ${RECIPIENT_LABELS[n.recipient]()}:RECIPIENT:`;

  protected canRecord(n: ExternalNotificationResponse): boolean {
    return this.editable() || (this.infosec() && (n.recipient === 'datatilsynet' || n.recipient === 'data_subjects'));
  }

  protected start(n: ExternalNotificationResponse): void {
    this.sentAt.set(toLocalInputValue(new Date()));
    this.reference.set('');
    this.errors.set({});
    this.error.set(null);
    this.message.set(null);
    this.open.set(n.recipient);
    focusById('external-sent-at');
  }

  protected cancel(n: ExternalNotificationResponse): void {
    this.open.set(null);
    focusById(`external-btn-${n.recipient}`);
  }

  protected async record(n: ExternalNotificationResponse): Promise<void> {
    const when = new Date(this.sentAt());
    if (!this.sentAt() || Number.isNaN(when.getTime()) || when.getTime() > Date.now() + 10 * 60_000) {
      this.errors.set({ sentAt: $localize`:@@incidentDetail.errSentAt:Oppgi når varslingen ble sendt (ikke fram i tid).` });
      focusById('external-sent-at');
      return;
    }
    this.busy.set(true);
    this.errors.set({});
    this.error.set(null);
    try {
      const incident = await this.api.recordExternalNotification(this.incident().id, n.recipient, {
        reference: this.reference().trim() || null,
        sentAt: when.toISOString(),
      });
      this.open.set(null);
      this.message.set(
        $localize`:@@incidentDetail.externalSaved:Varslingen til ${this.recipient(n.recipient)}:RECIPIENT: er registrert som sendt.`,
      );
      this.changed.emit(incident);
      focusById('external-result');
    } catch (error) {
      if ('sentAt' in fieldErrors(error))
        this.errors.set({ sentAt: $localize`:@@incidentDetail.errSentAt:Oppgi når varslingen ble sendt (ikke fram i tid).` });
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
