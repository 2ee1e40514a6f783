import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { RISK_ANALYSIS_STATUS_STEPS, type RiskAnalysisStatus, type RiskAnalysisType, type ScaleSet } from '@helhet/domain';
import type { RiskAnalysisResponse, RiskScenarioResponse, UpdateRiskAnalysisRequest } from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../core/http-error';
import { formatDate } from '../../core/i18n/labels';
import { latestLoad } from '../../core/list/latest-load';
import { ROUTES } from '../../core/route-paths';
import { HmsItemsComponent } from '../hms-items/hms-items.component';
import { RiskReportPanelComponent } from '../report-panel/risk-report-panel.component';
import { RiskApi } from '../risk.api';
import { fieldReasonText, RISK_STATUS_LABELS, RISK_TYPE_LABELS, STATUS_ACTION_LABELS, threeLevel } from '../risk-labels';
import { RiskMatrixComponent } from '../risk-matrix/risk-matrix.component';
import { riskPicture } from '../risk-matrix/risk-matrix.model';
import { ScenarioExportComponent } from '../scenario-export/scenario-export.component';
import { ScenarioLinksComponent } from '../scenario-links/scenario-links.component';

interface MetadataDraft {
  title: string;
  mandate: string;
  nextRevisionAt: string;
  councilDecisionDate: string;
  councilCaseNumber: string;
}

/** One risk analysis: facts, metadata and status changes (when the user may edit), scenarios and the risk picture. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    HmsItemsComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RiskMatrixComponent,
    RiskReportPanelComponent,
    RouterLink,
    ScenarioExportComponent,
    ScenarioLinksComponent,
  ],
  selector: 'hh-analysis-detail',
  styleUrl: './analysis-detail.component.scss',
  templateUrl: './analysis-detail.component.html',
})
export class AnalysisDetailComponent {
  private readonly api = inject(RiskApi);

  /** Route parameter (bound by the router). */
  readonly id = input.required<string>();

  protected readonly analysis = signal<RiskAnalysisResponse | null>(null);
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly registerPath = `/${ROUTES.risk}`;
  protected readonly listPath = `/${ROUTES.risk}/analyses`;
  protected readonly newPath = `/${ROUTES.risk}/analyses/new`;
  /** The scenario whose measures and evidence avvik are shown (the first one until the user picks another). */
  protected readonly linksScenarioId = signal('');
  protected readonly linksScenario = computed(() => {
    const scenarios = this.analysis()?.scenarios ?? [];
    return scenarios.find((s) => s.id === this.linksScenarioId()) ?? scenarios[0] ?? null;
  });
  protected readonly analysisPath = (id: string) => `/${ROUTES.risk}/analyses/${id}`;
  protected readonly isHolistic = computed(() => this.analysis()?.type === 'holistic_ros');
  protected readonly canEdit = computed(() => !!this.analysis()?.canEdit);
  protected readonly basePath = computed(() => `/${ROUTES.risk}/analyses/${this.id()}`);

  protected readonly editing = signal(false);
  protected readonly draft = signal<MetadataDraft | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly serverErrors = signal<Record<string, string[]>>({});
  protected readonly confirmStatus = signal<RiskAnalysisStatus | null>(null);
  protected readonly statusMessage = signal<string | null>(null);

  protected readonly steps = computed(() => {
    const analysis = this.analysis();
    return analysis?.canEdit
      ? RISK_ANALYSIS_STATUS_STEPS[analysis.status].map((status) => ({ label: STATUS_ACTION_LABELS[status](), status }))
      : [];
  });
  protected readonly picture = computed(() => {
    const scale = this.scale();
    const analysis = this.analysis();
    return scale && analysis ? riskPicture(scale, analysis.scenarios, $localize`:@@riskAnalysis.overallMatrix:Samlet risiko`) : [];
  });
  protected readonly problems = computed(() => {
    const server = this.serverErrors();
    return Object.fromEntries(Object.entries(server).map(([field, reasons]) => [field, fieldReasonText(reasons)])) as Record<
      string,
      string | null
    >;
  });

  protected readonly typeLabel = (type: RiskAnalysisType) => RISK_TYPE_LABELS[type]();
  protected readonly statusLabel = (status: RiskAnalysisStatus) => RISK_STATUS_LABELS[status]();
  protected readonly date = (value: string | null) => formatDate(value) || '–';
  protected readonly level = threeLevel;
  protected readonly scenarioPath = (scenario: RiskScenarioResponse) => `${this.basePath()}/scenarios/${scenario.id}`;

  /** The analysis and its scale; only the newest request's answer is shown. */
  private readonly load = latestLoad((id: string) => this.api.analysisWithScale(id), {
    error: this.error,
    loading: this.loading,
    next: ({ analysis, scale }) => {
      this.analysis.set(analysis);
      this.scale.set(scale);
    },
  });

  constructor() {
    this.load(this.id);
  }

  protected likelihoodLabel(scenario: RiskScenarioResponse): string {
    const rank = scenario.likelihoodRank;
    if (!rank) return '–';
    return this.scale()?.likelihoodLevels.find((level) => level.rank === rank)?.labelNb ?? String(rank);
  }

  /** "Dødsfall: Store" for the consequence type that decides the band, or a dash. */
  protected worstConsequence(scenario: RiskScenarioResponse): string {
    const risk = scenario.risk;
    if (!risk) return '–';
    const scale = this.scale();
    const type = scale?.consequenceTypes.find((t) => t.code === risk.typeCode);
    const level =
      type?.levels.find((l) => l.rank === risk.consequenceRank)?.labelNb ??
      scale?.consequenceLevels.find((l) => l.rank === risk.consequenceRank)?.labelNb ??
      String(risk.consequenceRank);
    return `${type?.labelNb ?? risk.typeCode}: ${level}`;
  }

  protected yesNo(value: boolean | null): string {
    if (value === null || value === undefined) return $localize`:@@riskAnalysis.unanswered:Ikke besvart`;
    return value ? $localize`:@@riskAnalysis.yes:Ja` : $localize`:@@riskAnalysis.no:Nei`;
  }

  protected startEdit(): void {
    const a = this.analysis();
    if (!a) return;
    this.draft.set({
      councilCaseNumber: a.councilCaseNumber ?? '',
      councilDecisionDate: a.councilDecisionDate ?? '',
      mandate: a.mandate ?? '',
      nextRevisionAt: a.nextRevisionAt?.slice(0, 10) ?? '',
      title: a.title,
    });
    this.serverErrors.set({});
    this.saveError.set(null);
    this.editing.set(true);
  }

  protected patchDraft(key: keyof MetadataDraft, value: string): void {
    this.draft.update((draft) => (draft ? { ...draft, [key]: value } : draft));
  }

  protected cancelEdit(): void {
    this.editing.set(false);
  }

  protected async saveMetadata(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    if (!draft.title.trim()) {
      this.serverErrors.set({ title: ['title should not be empty'] });
      return;
    }
    const body: UpdateRiskAnalysisRequest = {
      mandate: draft.mandate.trim() || null,
      nextRevisionAt: draft.nextRevisionAt || null,
      title: draft.title.trim(),
      ...(this.isHolistic()
        ? { councilCaseNumber: draft.councilCaseNumber.trim() || null, councilDecisionDate: draft.councilDecisionDate || null }
        : {}),
    };
    if (await this.update(body)) {
      this.editing.set(false);
      this.statusMessage.set($localize`:@@riskAnalysis.saved:Endringene er lagret.`);
    }
  }

  protected askStatus(status: RiskAnalysisStatus): void {
    if (status === 'approved') this.confirmStatus.set(status);
    else void this.changeStatus(status);
  }

  protected async changeStatus(status: RiskAnalysisStatus): Promise<void> {
    this.confirmStatus.set(null);
    if (await this.update({ status })) {
      const label = RISK_STATUS_LABELS[status]();
      this.statusMessage.set($localize`:@@riskAnalysis.statusChanged:Status er endret til ${label}:STATUS:.`);
    }
  }

  protected retry(): void {
    this.load(this.id());
  }

  private async update(body: UpdateRiskAnalysisRequest): Promise<boolean> {
    this.saving.set(true);
    this.saveError.set(null);
    this.serverErrors.set({});
    this.statusMessage.set(null);
    try {
      this.analysis.set(await this.api.update(this.id(), body));
      return true;
    } catch (error) {
      this.serverErrors.set(fieldErrors(error));
      this.saveError.set(errorMessage(error));
      return false;
    } finally {
      this.saving.set(false);
    }
  }
}
