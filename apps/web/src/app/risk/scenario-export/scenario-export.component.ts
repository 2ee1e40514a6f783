import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { RiskExportFormat } from '@helhet/shared';

import { errorMessage } from '../../core/http-error';
import { ROUTES } from '../../core/route-paths';
import { RiskTransferApi } from '../scenario-import/risk-transfer.api';

/**
 * Download the analysis's scenario table as Excel or CSV (the same file is the import template), and a
 * link to import scenarios from a spreadsheet for those who may edit the analysis.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  selector: 'hh-scenario-export',
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
    .actions button,
    .actions a {
      min-height: 44px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
      margin: 0;
      max-width: 70ch;
    }
  `,
  template: `
    <div class="actions" role="group" i18n-aria-label="@@scenarioExport.group" aria-label="Eksport og import av uønskede hendelser">
      <button mat-stroked-button type="button" (click)="download('xlsx')" [disabled]="busy() !== null" i18n="@@scenarioExport.excel">
        Last ned Excel
      </button>
      <button mat-stroked-button type="button" (click)="download('csv')" [disabled]="busy() !== null" i18n="@@scenarioExport.csv">
        Last ned CSV
      </button>
      @if (canImport()) {
        <a mat-stroked-button [routerLink]="importPath()" i18n="@@scenarioExport.import">Importer fra regneark</a>
      }
    </div>
    @if (canImport()) {
      <p class="hint" i18n="@@scenarioExport.hint">Excel-fila kan brukes som mal: fyll inn nye rader og importer den igjen.</p>
    }
    <div role="status" class="status">
      @if (busy()) {
        <span i18n="@@scenarioExport.preparing">Lager fila …</span>
      }
    </div>
    <div role="alert">
      @if (error(); as message) {
        <p class="error">{{ message }}</p>
      }
    </div>
  `,
})
export class ScenarioExportComponent {
  private readonly api = inject(RiskTransferApi);

  readonly analysisId = input.required<string>();
  /** Show the import link (pass the analysis's `canEdit`); the API refuses imports without edit rights either way. */
  readonly canImport = input(true);

  protected readonly busy = signal<RiskExportFormat | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly importPath = () => `/${ROUTES.risk}/analyses/${this.analysisId()}/import`;

  protected async download(format: RiskExportFormat): Promise<void> {
    this.busy.set(format);
    this.error.set(null);
    try {
      const file = await this.api.exportFile(this.analysisId(), format);
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(null);
    }
  }
}
