import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { IncidentRiskLinkResponse, LinkableScenario } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { ROUTES } from '../../core/route-paths';
import { IncidentRiskLinksApi } from './incident-risk-links.api';

/**
 * "Gjelder risiko" on the avvik detail page: the ROS scenarios this avvik is evidence of (their analysis and
 * risk band, shown as text as well as colour), and a picker to link one the caller may edit.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  selector: 'hh-incident-risk-links',
  styles: `
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      border-bottom: 1px solid var(--mat-sys-outline-variant, #ccc);
      padding: 8px 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
    }
    .title {
      font-weight: 500;
      flex: 1 1 200px;
    }
    .meta,
    .empty,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
      margin: 4px 0;
    }
    .band {
      border-radius: 4px;
      padding: 2px 8px;
      font-size: 0.875rem;
      border: 1px solid rgba(0, 0, 0, 0.3);
    }
    .picker {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 520px;
      margin-top: 8px;
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
    <section aria-labelledby="incident-risks-heading">
      <h2 id="incident-risks-heading" class="mat-title-medium" i18n="@@incidentRisks.heading">Gjelder risiko</h2>
      @if (risks(); as list) {
        @if (list.length === 0) {
          <p class="empty" i18n="@@incidentRisks.empty">Avviket er ikke koblet til noen risiko i en ROS-analyse du har tilgang til.</p>
        } @else {
          <ul>
            @for (link of list; track link.scenarioId) {
              <li>
                <span class="title">
                  {{ link.scenarioTitle }}
                  <span class="meta">
                    – <a [routerLink]="['/', riskPath, 'analyses', link.analysis.id]">{{ link.analysis.title }}</a>
                  </span>
                </span>
                @if (link.risk; as risk) {
                  <span class="band" [style.background]="risk.colour" [style.color]="risk.textColour" i18n="@@incidentRisks.band"
                    >Risiko: {{ risk.bandLabel }}</span
                  >
                } @else {
                  <span class="meta" i18n="@@incidentRisks.notAssessed">Ikke vurdert</span>
                }
                <span class="meta" i18n="@@incidentRisks.linkedAt">Koblet {{ date(link.linkedAt) }}</span>
                @if (link.canUnlink && canEdit()) {
                  <button
                    mat-button
                    type="button"
                    (click)="unlink(link)"
                    [disabled]="busy()"
                    [attr.aria-label]="unlinkLabel(link)"
                    i18n="@@incidentRisks.unlink"
                  >
                    Koble fra
                  </button>
                }
              </li>
            }
          </ul>
        }
      } @else if (!error()) {
        <p class="hint" i18n="@@incidentRisks.loading">Henter koblede risikoer …</p>
      }

      @if (canEdit() && pickerAllowed()) {
        <div class="picker">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@incidentRisks.search">Søk etter scenario eller analyse</mat-label>
            <input
              matInput
              id="incident-risk-search"
              type="search"
              autocomplete="off"
              [ngModel]="query()"
              (ngModelChange)="search($event)"
            />
            <mat-hint i18n="@@incidentRisks.searchHint">Bare analyser du kan redigere vises.</mat-hint>
          </mat-form-field>
          @if (candidates().length > 0) {
            <ul aria-labelledby="incident-risks-heading">
              @for (candidate of candidates(); track candidate.scenarioId) {
                <li>
                  <span class="title"
                    >{{ candidate.scenarioTitle }} <span class="meta">– {{ candidate.analysisTitle }}</span></span
                  >
                  @if (candidate.risk; as risk) {
                    <span class="band" [style.background]="risk.colour" [style.color]="risk.textColour">{{ risk.bandLabel }}</span>
                  }
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="link(candidate)"
                    [disabled]="busy() || isLinked(candidate)"
                    [attr.aria-label]="linkLabel(candidate)"
                    i18n="@@incidentRisks.link"
                  >
                    Koble
                  </button>
                </li>
              }
            </ul>
          } @else if (query().trim().length >= 2 && searched()) {
            <p class="empty" i18n="@@incidentRisks.noCandidates">Fant ingen scenarioer du kan koble til.</p>
          }
        </div>
      }
      <p aria-live="polite" class="hint">{{ message() }}</p>
      <div role="alert">
        @if (error(); as text) {
          <p class="error">{{ text }}</p>
        }
      </div>
    </section>
  `,
})
export class IncidentRiskLinksComponent {
  private readonly api = inject(IncidentRiskLinksApi);
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  readonly incidentId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly risks = signal<IncidentRiskLinkResponse[] | null>(null);
  protected readonly candidates = signal<LinkableScenario[]>([]);
  protected readonly query = signal('');
  protected readonly searched = signal(false);
  /** False once the API says the caller may not use the picker (no risk.read). */
  protected readonly pickerAllowed = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal('');

  protected readonly riskPath = ROUTES.risk;
  protected readonly date = (value: string) => formatDate(value);
  protected readonly unlinkLabel = (link: IncidentRiskLinkResponse) =>
    $localize`:@@incidentRisks.unlinkLabel:Koble avviket fra «${link.scenarioTitle}:TITLE:»`;
  protected readonly linkLabel = (candidate: LinkableScenario) =>
    $localize`:@@incidentRisks.linkLabel:Koble avviket til «${candidate.scenarioTitle}:TITLE:»`;
  protected readonly isLinked = (candidate: LinkableScenario) => (this.risks() ?? []).some((r) => r.scenarioId === candidate.scenarioId);

  constructor() {
    effect(() => {
      const id = this.incidentId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.risks.set(await this.api.risks(id));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected search(value: string): void {
    this.query.set(value);
    this.searched.set(false);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (value.trim().length < 2) {
      this.candidates.set([]);
      return;
    }
    this.searchTimer = setTimeout(() => void this.runSearch(value.trim()), 250);
  }

  private async runSearch(q: string): Promise<void> {
    try {
      const found = await this.api.linkable(q);
      if (this.query().trim() === q) {
        this.candidates.set(found);
        this.searched.set(true);
      }
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 403) this.pickerAllowed.set(false);
      else this.error.set(errorMessage(error));
    }
  }

  protected async link(candidate: LinkableScenario): Promise<void> {
    const title = candidate.scenarioTitle;
    await this.run(
      () => this.api.link(candidate.scenarioId, this.incidentId()),
      $localize`:@@incidentRisks.linked:Avviket er koblet til «${title}:TITLE:».`,
    );
  }

  protected async unlink(link: IncidentRiskLinkResponse): Promise<void> {
    const title = link.scenarioTitle;
    await this.run(
      () => this.api.unlink(link.scenarioId, this.incidentId()),
      $localize`:@@incidentRisks.unlinked:Avviket er koblet fra «${title}:TITLE:».`,
    );
  }

  private async run(action: () => Promise<unknown>, success: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set('');
    try {
      await action();
      this.risks.set(await this.api.risks(this.incidentId()));
      this.message.set(success);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
