import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ScaleSet } from '@helhet/domain';
import {
  type ApiError,
  type FieldError,
  RISK_IMPORT_LIMITS,
  type RiskAnalysisResponse,
  type RiskImportPreview,
  type RiskImportProblem,
  type RiskImportRow,
} from '@helhet/shared';

import { errorMessage, isApiError } from '../../core/http-error';
import { latestLoad } from '../../core/list/latest-load';
import { ROUTES } from '../../core/route-paths';
import { RiskApi } from '../risk.api';
import { RiskTransferApi } from './risk-transfer.api';

const MB = 1024 * 1024;

/** Where a problem shows in the preview table: its own cell, or only in the row's error list. */
type PreviewCell = 'title' | 'likelihood' | 'consequences' | 'other';

const cellOf = (problem: RiskImportProblem): PreviewCell => {
  if (problem.field === 'title') return 'title';
  if (problem.field === 'likelihoodRank') return 'likelihood';
  if (problem.field.startsWith('consequences')) return 'consequences';
  return 'other';
};

/** A problem in Norwegian, naming the column as the file spells it. */
export const problemText = (problem: RiskImportProblem): string => {
  const column = problem.column ?? $localize`:@@scenarioImport.theRow:Raden`;
  switch (problem.code) {
    case 'required':
      return $localize`:@@scenarioImport.problemRequired:«${column}:column:» må fylles ut.`;
    case 'too_long':
      return $localize`:@@scenarioImport.problemTooLong:«${column}:column:» har for mye tekst.`;
    case 'not_whole_number':
      return $localize`:@@scenarioImport.problemNotWhole:«${column}:column:» må være et helt tall eller navnet på et nivå.`;
    case 'unknown_level':
      return $localize`:@@scenarioImport.problemUnknownLevel:«${column}:column:» er ikke et nivå på analysens skala. Skriv tallet eller nivåets navn (se arket «Skala» i Excel-malen).`;
    case 'out_of_scale':
      return $localize`:@@scenarioImport.problemOutOfScale:«${column}:column:» er utenfor analysens skala.`;
    case 'unknown_choice':
      return $localize`:@@scenarioImport.problemUnknownChoice:«${column}:column:» har en verdi som ikke er et av valgene (for eksempel Ja/Nei, Lav/Middels/Høy eller Fare/Trussel).`;
    case 'rationale_without_rank':
      return $localize`:@@scenarioImport.problemRationaleWithoutRank:«${column}:column:» har en begrunnelse, men konsekvensen mangler nivå.`;
    default:
      return $localize`:@@scenarioImport.problemInvalid:«${column}:column:» er ikke gyldig.`;
  }
};

/** Moves focus to the heading of the part that replaced the one the user acted in (after it renders). */
const focusSoon = (id: string): void => void setTimeout(() => document.getElementById(id)?.focus());

const tooLarge = () => $localize`:@@scenarioImport.fileTooLarge:Fila er større enn ${RISK_IMPORT_LIMITS.maxBytes / MB}:maxMb: MB.`;

/** Why the API refused the file (400 naming `file`), in Norwegian. */
const fileRefusal = (error: unknown): string | null => {
  if (!(error instanceof HttpErrorResponse) || !isApiError(error.error)) return null;
  const body: ApiError = error.error;
  const reasons = Array.isArray(body.details)
    ? (body.details as FieldError[]).filter((d) => d.field === RISK_IMPORT_LIMITS.field).flatMap((d) => d.reasons)
    : [];
  if (reasons.length === 0) return null;
  const reason = reasons.join(' ');
  if (/missing: /.test(reason))
    return $localize`:@@scenarioImport.fileNoHeadings:Fant ikke kolonnen «Tittel» i første rad. Første rad må ha overskriftene fra malen.`;
  if (/larger than/.test(reason)) return tooLarge();
  if (/\.xls\)/.test(reason))
    return $localize`:@@scenarioImport.fileOldExcel:Fila er i det gamle Excel-formatet (.xls). Lagre den som .xlsx eller .csv og prøv igjen.`;
  if (/no rows|no scenarios|empty/.test(reason)) return $localize`:@@scenarioImport.fileEmpty:Fila har ingen scenarier.`;
  if (/at most/.test(reason))
    return $localize`:@@scenarioImport.fileTooManyRows:Fila har flere enn ${RISK_IMPORT_LIMITS.maxRows}:maxRows: scenarier. Del den opp.`;
  return $localize`:@@scenarioImport.fileUnreadable:Fila kunne ikke leses. Bruk en Excel-fil (.xlsx) eller CSV-fil (.csv).`;
};

/**
 * Import scenarios from a spreadsheet: choose or drop a file, see every row with its errors, then create
 * the scenarios (all, or only the rows without errors) or cancel. Nothing is written before "Importer".
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatProgressBarModule, RouterLink],
  selector: 'hh-scenario-import',
  styleUrl: './scenario-import.component.scss',
  templateUrl: './scenario-import.component.html',
})
export class ScenarioImportComponent {
  private readonly riskApi = inject(RiskApi);
  private readonly api = inject(RiskTransferApi);
  private readonly router = inject(Router);

  /** Route parameter (bound by the router). */
  readonly id = input.required<string>();

  protected readonly analysis = signal<RiskAnalysisResponse | null>(null);
  protected readonly scale = signal<ScaleSet | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly dragging = signal(false);
  protected readonly busy = signal(false);
  protected readonly preview = signal<RiskImportPreview | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly skipInvalid = signal(false);

  protected readonly analysisPath = computed(() => `/${ROUTES.risk}/analyses/${this.id()}`);
  protected readonly maxMb = RISK_IMPORT_LIMITS.maxBytes / MB;
  protected readonly accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
  protected readonly importCount = computed(() => {
    const preview = this.preview();
    if (!preview) return 0;
    return preview.counts.invalid === 0 || this.skipInvalid() ? preview.counts.valid : 0;
  });
  protected readonly summary = computed(() => {
    const counts = this.preview()?.counts;
    if (!counts) return '';
    const ready =
      counts.valid === 1
        ? $localize`:@@scenarioImport.oneReady:1 rad klar`
        : $localize`:@@scenarioImport.readyCount:${counts.valid}:count: rader klare`;
    if (counts.invalid === 0) return ready;
    const invalid =
      counts.invalid === 1
        ? $localize`:@@scenarioImport.oneInvalid:1 med feil`
        : $localize`:@@scenarioImport.invalidCount:${counts.invalid}:count: med feil`;
    return `${ready}, ${invalid}`;
  });
  protected readonly applyLabel = computed(() => {
    const count = this.preview()?.counts.valid ?? 0;
    return count === 1
      ? $localize`:@@scenarioImport.applyOne:Importer 1 scenario`
      : $localize`:@@scenarioImport.applyMany:Importer ${count}:count: scenarier`;
  });

  /** The analysis and its scale; only the newest request's answer is shown. */
  private readonly load = latestLoad((id: string) => this.riskApi.analysisWithScale(id), {
    error: this.loadError,
    loading: this.loading,
    next: ({ analysis, scale }) => {
      this.analysis.set(analysis);
      this.scale.set(scale);
    },
  });

  constructor() {
    this.load(this.id);
  }

  protected choose(input: HTMLInputElement): void {
    const chosen = input.files?.[0] ?? null;
    input.value = '';
    this.setFile(chosen);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.setFile(event.dataTransfer?.files?.[0] ?? null);
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.fileError.set(null);
    this.actionError.set(null);
    try {
      this.preview.set(await this.api.upload(this.id(), file));
      this.skipInvalid.set(false);
      focusSoon('preview-title');
    } catch (error) {
      this.fileError.set(fileRefusal(error) ?? errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async apply(): Promise<void> {
    const preview = this.preview();
    if (!preview || this.busy() || this.importCount() === 0) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      this.preview.set(await this.api.apply(this.id(), preview.id, this.skipInvalid()));
      focusSoon('result-title');
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Cancels the pending import (nothing is applied) and goes back to the analysis. */
  protected async cancel(): Promise<void> {
    const preview = this.preview();
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      if (preview?.status === 'pending') await this.api.cancel(this.id(), preview.id);
      await this.router.navigateByUrl(this.analysisPath());
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Start again with another file (the current pending import is cancelled first). */
  protected async another(): Promise<void> {
    const preview = this.preview();
    if (preview?.status === 'pending') {
      try {
        await this.api.cancel(this.id(), preview.id);
      } catch {
        // expired or already gone: nothing was applied either way
      }
    }
    this.preview.set(null);
    this.file.set(null);
    this.actionError.set(null);
  }

  protected problemsIn(row: RiskImportRow, cell: PreviewCell): RiskImportProblem[] {
    return row.problems.filter((problem) => cellOf(problem) === cell);
  }

  protected readonly problemText = problemText;

  protected likelihoodText(row: RiskImportRow): string {
    const rank = row.values.likelihoodRank;
    if (rank === null || rank === undefined) return '–';
    const label = this.scale()?.likelihoodLevels.find((level) => level.rank === rank)?.labelNb;
    return label ? `${rank} – ${label}` : String(rank);
  }

  protected consequencesText(row: RiskImportRow): string[] {
    const scale = this.scale();
    return (row.values.consequences ?? []).map((item) => {
      const type = scale?.consequenceTypes.find((candidate) => candidate.code === item.typeCode);
      const level = type?.levels.find((candidate) => candidate.rank === item.rank)?.labelNb;
      return `${type?.labelNb ?? item.typeCode}: ${item.rank}${level ? ` – ${level}` : ''}`;
    });
  }

  protected size(file: File): string {
    const locale = $localize.locale === 'en' ? 'en-GB' : 'nb-NO';
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return file.size >= MB ? `${format.format(file.size / MB)} MB` : `${format.format(Math.max(1, Math.round(file.size / 1024)))} kB`;
  }

  protected retry(): void {
    this.load(this.id());
  }

  private setFile(file: File | null): void {
    this.fileError.set(null);
    if (!file) return;
    const name = file.name;
    if (!/\.(xlsx|csv)$/i.test(name)) {
      this.file.set(null);
      this.fileError.set($localize`:@@scenarioImport.fileType:«${name}:fileName:» er ikke en Excel-fil (.xlsx) eller CSV-fil (.csv).`);
      return;
    }
    if (file.size > RISK_IMPORT_LIMITS.maxBytes) {
      this.file.set(null);
      this.fileError.set(tooLarge());
      return;
    }
    this.file.set(file);
  }
}
