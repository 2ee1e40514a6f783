import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { RiskReportResponse, RiskReportStage } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { RiskReportApi } from './risk-report.api';

/** How often the panel asks for progress while the worker builds the report. */
export const REPORT_POLL_MS = 1_000;

const stageLabel = (stage: RiskReportStage): string => {
  switch (stage) {
    case 'queued':
      return $localize`:@@riskReport.stage.queued:Venter på tur …`;
    case 'loading':
      return $localize`:@@riskReport.stage.loading:Henter analysen …`;
    case 'cover':
      return $localize`:@@riskReport.stage.cover:Lager forsiden …`;
    case 'method':
      return $localize`:@@riskReport.stage.method:Skriver mandat og metode …`;
    case 'participants':
      return $localize`:@@riskReport.stage.participants:Skriver deltakere …`;
    case 'description':
      return $localize`:@@riskReport.stage.description:Skriver beskrivelsen av enheten …`;
    case 'risk_picture':
      return $localize`:@@riskReport.stage.riskPicture:Tegner risikomatrisene …`;
    case 'scenarios':
      return $localize`:@@riskReport.stage.scenarios:Skriver scenarioskjemaene …`;
    case 'measures':
      return $localize`:@@riskReport.stage.measures:Skriver tiltak og oppfølgingsplan …`;
    case 'finishing':
      return $localize`:@@riskReport.stage.finishing:Setter sammen PDF-en …`;
    case 'done':
      return $localize`:@@riskReport.stage.done:Rapporten er klar.`;
  }
};

/**
 * "Lag PDF-rapport" for one analysis: starts the report in the worker, shows its real progress (stage and
 * percentage, polled), then offers the download. The newest finished report is offered again on return.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  selector: 'hh-risk-report-panel',
  styles: `
    :host {
      display: block;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .actions button {
      min-height: 44px;
    }
    .track {
      position: relative;
      height: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-highest, #e0e0e0);
      overflow: hidden;
      max-width: 480px;
    }
    .bar {
      height: 100%;
      background: var(--mat-sys-primary, #1a5fb4);
      transition: width 0.3s ease;
    }
    .progress {
      margin: 8px 0;
    }
    .progress p {
      margin: 4px 0;
    }
    .percent {
      font-variant-numeric: tabular-nums;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
      margin: 4px 0;
      max-width: 70ch;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
    @media (prefers-reduced-motion: reduce) {
      .bar {
        transition: none;
      }
    }
  `,
  template: `
    <section class="panel" aria-labelledby="risk-report-heading">
      <h2 id="risk-report-heading" class="mat-title-medium" i18n="@@riskReport.heading">PDF-rapport</h2>
      <p class="hint" i18n="@@riskReport.hint">
        Rapporten følger DSBs oppsett: mandat og metode, deltakere, beskrivelse, risikomatriser per samfunnsverdi, scenarioskjema og tiltak.
      </p>
      <div class="actions">
        <button mat-flat-button type="button" (click)="start()" [disabled]="working() || starting()" i18n="@@riskReport.create">
          Lag PDF-rapport
        </button>
      </div>

      @if (active(); as report) {
        <div class="progress">
          <p id="risk-report-progress-label" i18n="@@riskReport.progressLabel">Lager rapporten</p>
          <div
            class="track"
            role="progressbar"
            aria-labelledby="risk-report-progress-label"
            aria-valuemin="0"
            aria-valuemax="100"
            [attr.aria-valuenow]="report.progress"
            [attr.aria-valuetext]="progressText()"
          >
            <div class="bar" [style.width.%]="report.progress"></div>
          </div>
          <p>
            <span class="percent">{{ report.progress }} %</span> –
            {{ stageText() }}
            @if (report.stage === 'scenarios' && report.scenarioCount) {
              <span i18n="@@riskReport.scenarioCounter">(scenario {{ report.scenarioIndex ?? 0 }} av {{ report.scenarioCount }})</span>
            }
          </p>
        </div>
      }
      <div aria-live="polite" class="hint">{{ announcement() }}</div>

      @if (lastDone(); as report) {
        <div class="actions">
          <button mat-stroked-button type="button" (click)="download(report)" [disabled]="downloading()" i18n="@@riskReport.download">
            Last ned PDF
          </button>
          <span class="hint" i18n="@@riskReport.doneInfo"
            >Laget {{ when(report) }} av {{ report.requestedBy.name }} · {{ report.pageCount }} sider · {{ size(report) }}</span
          >
        </div>
      }

      <div role="alert">
        @if (error(); as message) {
          <p class="error">{{ message }}</p>
        }
      </div>
    </section>
  `,
})
export class RiskReportPanelComponent {
  private readonly api = inject(RiskReportApi);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  readonly analysisId = input.required<string>();

  protected readonly active = signal<RiskReportResponse | null>(null);
  protected readonly lastDone = signal<RiskReportResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly starting = signal(false);
  protected readonly downloading = signal(false);
  /** Spoken politely: only stage changes and the end, not every percent. */
  protected readonly announcement = signal('');
  protected readonly working = computed(() => this.active() !== null);
  protected readonly stageText = computed(() => {
    const report = this.active();
    return report ? stageLabel(report.stage) : '';
  });
  protected readonly progressText = computed(() => `${this.active()?.progress ?? 0} % – ${this.stageText()}`);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stopPolling();
    });
    effect(() => {
      const analysisId = this.analysisId();
      untracked(() => void this.load(analysisId));
    });
  }

  protected when = (report: RiskReportResponse): string => formatDate(report.finishedAt ?? report.createdAt, true);
  protected size = (report: RiskReportResponse): string => `${Math.max(1, Math.round((report.byteSize ?? 0) / 1024))} kB`;

  private async load(analysisId: string): Promise<void> {
    this.stopPolling();
    this.active.set(null);
    this.lastDone.set(null);
    this.error.set(null);
    try {
      const latest = await this.api.latest(analysisId);
      if (analysisId !== this.analysisId()) return;
      this.lastDone.set(latest.lastDone);
      if (latest.active) this.track(latest.active);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected async start(): Promise<void> {
    this.starting.set(true);
    this.error.set(null);
    try {
      this.track(await this.api.request(this.analysisId()));
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.starting.set(false);
    }
  }

  private track(report: RiskReportResponse): void {
    const previous = this.active();
    if (report.status === 'done') {
      this.active.set(null);
      this.lastDone.set(report);
      this.announcement.set($localize`:@@riskReport.ready:Rapporten er klar. Du kan laste den ned.`);
      return;
    }
    if (report.status === 'failed') {
      this.active.set(null);
      this.announcement.set('');
      this.error.set(
        $localize`:@@riskReport.failed:Rapporten kunne ikke lages. Prøv igjen, eller kontakt brukerstøtte om feilen gjentar seg.`,
      );
      return;
    }
    this.active.set(report);
    if (previous?.stage !== report.stage) this.announcement.set(stageLabel(report.stage));
    this.schedule(report.id);
  }

  private schedule(reportId: string): void {
    this.stopPolling();
    if (this.destroyed) return;
    this.timer = setTimeout(() => void this.poll(reportId), REPORT_POLL_MS);
  }

  private async poll(reportId: string): Promise<void> {
    this.timer = null;
    try {
      this.track(await this.api.status(reportId));
    } catch (error) {
      this.active.set(null);
      this.error.set(errorMessage(error));
    }
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  protected async download(report: RiskReportResponse): Promise<void> {
    this.downloading.set(true);
    this.error.set(null);
    try {
      const blob = await this.api.file(report.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = report.fileName ?? 'ROS-rapport.pdf';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
