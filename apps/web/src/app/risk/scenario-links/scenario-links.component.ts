import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { IncidentStatus, MeasureStatus, Severity } from '@helhet/domain';
import type { RiskEvidenceIncident, RiskMeasureResponse, ScenarioLinksResponse } from '@helhet/shared';

import { UserPickerComponent } from '../../admin/users/user-picker/user-picker.component';
import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { MEASURE_STATUS_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { normaliseIncidentNumber } from '../../shared/incident-number';
import { ScenarioLinksApi } from './scenario-links.api';

/**
 * A scenario's measures (the same tiltak records the avvik use) and the avvik that are evidence of it.
 * Evidence shows only number, date, category, severity and status: never an avvik's free text.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, UserPickerComponent],
  selector: 'hh-scenario-links',
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 16px 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li.item {
      border-bottom: 1px solid var(--mat-sys-outline-variant, #ccc);
      padding: 8px 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
    }
    .title {
      font-weight: 500;
      flex: 1 1 200px;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .overdue {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .empty,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 480px;
      margin: 8px 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button,
    a.mat-mdc-button-base {
      min-height: 44px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
  `,
  template: `
    <section aria-labelledby="links-measures-{{ scenario().id }}">
      <h3 id="links-measures-{{ scenario().id }}" class="mat-title-small" i18n="@@scenarioLinks.measuresHeading">Tiltak</h3>
      @if (links(); as data) {
        @if (data.measures.length === 0) {
          <p class="empty" i18n="@@scenarioLinks.noMeasures">Ingen tiltak er knyttet til scenarioet ennå.</p>
        } @else {
          <ul>
            @for (measure of data.measures; track measure.id) {
              <li class="item">
                <span class="title">{{ measure.title }}</span>
                <span class="meta">{{ statusLabel(measure.status) }}</span>
                <span class="meta">
                  @if (measure.owner) {
                    <span i18n="@@scenarioLinks.owner">Ansvarlig: {{ measure.owner.name }}</span>
                  } @else {
                    <span i18n="@@scenarioLinks.noOwner">Ingen ansvarlig</span>
                  }
                </span>
                @if (measure.deadline) {
                  <span class="meta" [class.overdue]="measure.overdue">
                    <span i18n="@@scenarioLinks.deadline">Frist {{ date(measure.deadline) }}</span>
                    @if (measure.overdue) {
                      <span i18n="@@scenarioLinks.overdue"> (forfalt)</span>
                    }
                  </span>
                }
                @if (measure.incidentCount > 0) {
                  <span class="meta" i18n="@@scenarioLinks.alsoOnAvvik">Også tiltak på {{ measure.incidentCount }} avvik</span>
                }
                @if (canEdit()) {
                  <button
                    mat-button
                    type="button"
                    (click)="unlinkMeasure(measure)"
                    [disabled]="busy()"
                    [attr.aria-label]="unlinkMeasureLabel(measure)"
                    i18n="@@scenarioLinks.unlinkMeasure"
                  >
                    Fjern
                  </button>
                }
              </li>
            }
          </ul>
        }
      } @else if (!error()) {
        <p class="hint" i18n="@@scenarioLinks.loading">Henter tiltak og avvik …</p>
      }

      @if (canEdit()) {
        @if (adding()) {
          <form (ngSubmit)="createMeasure()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@scenarioLinks.measureTitle">Hva skal gjøres?</mat-label>
              <input
                matInput
                [id]="'measure-title-' + scenario().id"
                name="title"
                [ngModel]="title()"
                (ngModelChange)="title.set($event)"
                required
                maxlength="300"
                autocomplete="off"
                [errorStateMatcher]="matchers.title"
              />
              @if (errors()['title']) {
                <mat-error>{{ errors()['title'] }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@scenarioLinks.measureDescription">Beskrivelse (valgfritt)</mat-label>
              <textarea matInput name="description" rows="2" [ngModel]="description()" (ngModelChange)="description.set($event)"></textarea>
            </mat-form-field>
            <hh-user-picker [label]="ownerLabel" [inputId]="'measure-owner-' + scenario().id" [required]="false" [(value)]="ownerUserId" />
            @if (errors()['ownerUserId']) {
              <p class="error">{{ errors()['ownerUserId'] }}</p>
            }
            <mat-form-field appearance="outline">
              <mat-label i18n="@@scenarioLinks.measureDeadline">Frist (valgfritt)</mat-label>
              <input
                matInput
                type="date"
                name="deadline"
                [ngModel]="deadline()"
                (ngModelChange)="deadline.set($event)"
                [errorStateMatcher]="matchers.deadline"
              />
              @if (errors()['deadline']) {
                <mat-error>{{ errors()['deadline'] }}</mat-error>
              }
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@scenarioLinks.saveMeasure">Lagre tiltak</button>
              <button mat-button type="button" (click)="adding.set(false)" i18n="@@scenarioLinks.cancel">Avbryt</button>
            </div>
          </form>
        } @else {
          <button mat-stroked-button type="button" (click)="openMeasure()" i18n="@@scenarioLinks.newMeasure">Nytt tiltak</button>
        }
      }
    </section>

    <section aria-labelledby="links-evidence-{{ scenario().id }}">
      <h3 id="links-evidence-{{ scenario().id }}" class="mat-title-small" i18n="@@scenarioLinks.evidenceHeading">
        Avvik som gjelder risikoen
      </h3>
      @if (links(); as data) {
        @if (data.evidence.length === 0) {
          <p class="empty" i18n="@@scenarioLinks.noEvidence">Ingen avvik er koblet til scenarioet (eller du har ikke tilgang til dem).</p>
        } @else {
          <ul>
            @for (item of data.evidence; track item.incidentId) {
              <li class="item">
                <a class="title" [routerLink]="['/', incidentsPath, item.incidentId]">{{ item.number }}</a>
                <span class="meta">{{ date(item.occurredAt) }}</span>
                <span class="meta">{{ item.category.label }}</span>
                @if (item.severity) {
                  <span class="meta" i18n="@@scenarioLinks.severity">Alvorlighet: {{ severityLabel(item.severity) }}</span>
                }
                <span class="meta">{{ incidentStatusLabel(item.status) }}</span>
                @if (item.note) {
                  <span class="meta">«{{ item.note }}»</span>
                }
                @if (canEdit()) {
                  <button
                    mat-button
                    type="button"
                    (click)="unlinkIncident(item)"
                    [disabled]="busy()"
                    [attr.aria-label]="unlinkIncidentLabel(item)"
                    i18n="@@scenarioLinks.unlinkIncident"
                  >
                    Koble fra
                  </button>
                }
              </li>
            }
          </ul>
        }
      }
      @if (canEdit()) {
        <form (ngSubmit)="linkIncident()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@scenarioLinks.incidentNumber">Avviksnummer</mat-label>
            <input
              matInput
              [id]="'evidence-number-' + scenario().id"
              name="number"
              [ngModel]="incidentNumber()"
              (ngModelChange)="incidentNumber.set($event)"
              placeholder="2027-000042"
              autocomplete="off"
              [errorStateMatcher]="matchers.incident"
            />
            <mat-hint i18n="@@scenarioLinks.incidentNumberHint">For eksempel 2027-42, eller bare 42 for i år</mat-hint>
            @if (errors()['incident']) {
              <mat-error>{{ errors()['incident'] }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@scenarioLinks.note">Merknad (valgfritt)</mat-label>
            <input matInput name="note" [ngModel]="note()" (ngModelChange)="note.set($event)" maxlength="1000" />
          </mat-form-field>
          <div class="actions">
            <button mat-stroked-button type="submit" [disabled]="busy()" i18n="@@scenarioLinks.linkIncident">Koble avvik</button>
          </div>
        </form>
      }
    </section>

    <p aria-live="polite" class="hint">{{ message() }}</p>
    <div role="alert">
      @if (error(); as text) {
        <p class="error">{{ text }}</p>
      }
    </div>
  `,
})
export class ScenarioLinksComponent {
  private readonly api = inject(ScenarioLinksApi);

  readonly analysisId = input.required<string>();
  readonly scenario = input.required<{ id: string; title: string }>();
  readonly canEdit = input(false);

  protected readonly links = signal<ScenarioLinksResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal('');
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly matchers = matchersFor(this.errors, ['title', 'deadline', 'incident'] as const);
  protected readonly adding = signal(false);
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly ownerUserId = signal('');
  protected readonly deadline = signal('');
  protected readonly incidentNumber = signal('');
  protected readonly note = signal('');

  protected readonly incidentsPath = ROUTES.incidents;
  protected readonly ownerLabel = $localize`:@@scenarioLinks.ownerLabel:Ansvarlig (valgfritt)`;
  protected readonly date = (value: string | null) => formatDate(value);
  protected readonly statusLabel = (status: MeasureStatus) => MEASURE_STATUS_LABELS[status]();
  protected readonly severityLabel = (severity: Severity) => SEVERITY_LABELS[severity]();
  protected readonly incidentStatusLabel = (status: IncidentStatus) => STATUS_LABELS[status]();
  protected readonly unlinkMeasureLabel = (measure: RiskMeasureResponse) =>
    $localize`:@@scenarioLinks.unlinkMeasureLabel:Fjern tiltaket «${measure.title}:TITLE:» fra scenarioet`;
  protected readonly unlinkIncidentLabel = (item: RiskEvidenceIncident) =>
    $localize`:@@scenarioLinks.unlinkIncidentLabel:Koble avvik ${item.number}:NUMBER: fra scenarioet`;

  constructor() {
    effect(() => {
      const analysisId = this.analysisId();
      const scenarioId = this.scenario().id;
      untracked(() => void this.load(analysisId, scenarioId));
    });
  }

  private async load(analysisId: string, scenarioId: string): Promise<void> {
    try {
      this.links.set(await this.api.get(analysisId, scenarioId));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected openMeasure(): void {
    this.title.set('');
    this.description.set('');
    this.ownerUserId.set('');
    this.deadline.set('');
    this.errors.set({});
    this.adding.set(true);
    focusById(`measure-title-${this.scenario().id}`);
  }

  protected async createMeasure(): Promise<void> {
    if (this.title().trim() === '') {
      this.errors.set({ title: $localize`:@@scenarioLinks.errTitle:Skriv hva tiltaket går ut på.` });
      focusById(`measure-title-${this.scenario().id}`);
      return;
    }
    const ok = await this.run(
      () =>
        this.api.createMeasure(this.analysisId(), this.scenario().id, {
          deadline: this.deadline() || null,
          description: this.description().trim() || null,
          ownerUserId: this.ownerUserId() || null,
          title: this.title().trim(),
        }),
      $localize`:@@scenarioLinks.measureCreated:Tiltaket er lagt til.`,
    );
    if (ok) this.adding.set(false);
  }

  protected unlinkMeasure(measure: RiskMeasureResponse): Promise<boolean> {
    return this.run(
      () => this.api.unlinkMeasure(this.analysisId(), this.scenario().id, measure.id),
      $localize`:@@scenarioLinks.measureRemoved:Tiltaket er fjernet fra scenarioet.`,
    );
  }

  protected async linkIncident(): Promise<void> {
    const number = normaliseIncidentNumber(this.incidentNumber(), new Date().getFullYear());
    if (!number) {
      this.errors.set({ incident: $localize`:@@scenarioLinks.errNumber:Skriv et avviksnummer, for eksempel 2027-000042.` });
      focusById(`evidence-number-${this.scenario().id}`);
      return;
    }
    const ok = await this.run(
      () => this.api.linkIncident(this.scenario().id, { incidentNumber: number, note: this.note().trim() || null }),
      $localize`:@@scenarioLinks.incidentLinked:Avvik ${number}:NUMBER: er koblet til scenarioet.`,
    );
    if (ok) {
      this.incidentNumber.set('');
      this.note.set('');
    }
  }

  protected unlinkIncident(item: RiskEvidenceIncident): Promise<boolean> {
    return this.run(
      () => this.api.unlinkIncident(this.scenario().id, item.incidentId),
      $localize`:@@scenarioLinks.incidentUnlinked:Avviket er koblet fra scenarioet.`,
    );
  }

  private async run(action: () => Promise<ScenarioLinksResponse>, success: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set('');
    this.errors.set({});
    try {
      this.links.set(await action());
      this.message.set(success);
      return true;
    } catch (error) {
      const fields = fieldErrors(error);
      const messages: Record<string, string> = {};
      if ('title' in fields) messages['title'] = $localize`:@@scenarioLinks.errTitleServer:Tittelen mangler eller er for lang.`;
      if ('deadline' in fields) messages['deadline'] = $localize`:@@scenarioLinks.errDeadline:Fristen er ikke en gyldig dato.`;
      if ('ownerUserId' in fields)
        messages['ownerUserId'] = $localize`:@@scenarioLinks.errOwner:Fant ikke personen, eller brukeren er deaktivert.`;
      if ('incidentNumber' in fields || 'incidentId' in fields)
        messages['incident'] = $localize`:@@scenarioLinks.errIncident:Fant ikke avviket, eller du har ikke tilgang til det.`;
      this.errors.set(messages);
      this.error.set(Object.values(messages)[0] ?? errorMessage(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
