import { afterNextRender, ChangeDetectionStrategy, Component, type ElementRef, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { FileIncidentResponse } from '@helhet/shared';

/** What the reporter sees after filing: the case number and, for an anonymous report, the one-time receipt code. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  selector: 'hh-filing-confirmation',
  styleUrl: './filing-form.scss',
  styles: `
    h1:focus {
      outline: none;
    }
    .number {
      font-size: 1.25rem;
    }
    .code {
      display: block;
      margin: 8px 0;
      padding: 12px;
      font:
        600 1.5rem/1.3 ui-monospace,
        'Cascadia Mono',
        'DejaVu Sans Mono',
        monospace;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
      user-select: all;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
  `,
  template: `
    <h1 #heading tabindex="-1" i18n="@@incidentFile.doneTitle">Takk! Meldingen er sendt</h1>
    <p class="number">
      <span i18n="@@incidentFile.caseNumber">Saksnummer:</span>&nbsp;<strong data-testid="case-number">{{ result().number }}</strong>
    </p>
    @if (result().receiptCode; as code) {
      <section aria-labelledby="receipt-title" class="notice">
        <h2 id="receipt-title" i18n="@@incidentFile.receiptTitle">Kvitteringskoden din</h2>
        <p i18n="@@incidentFile.receiptKeep">
          Ta vare på koden. Den vises bare nå, og Helhet vet ikke hvem du er. Uten koden kan du ikke følge meldingen.
        </p>
        <code class="code" data-testid="receipt-code">{{ code }}</code>
        <div class="actions">
          <button mat-flat-button type="button" (click)="copy(code)" i18n="@@incidentFile.copyCode">Kopier koden</button>
        </div>
        <p role="status">{{ copyStatus() }}</p>
        <p><a routerLink="/incidents/receipt" i18n="@@incidentFile.followAnonymous">Følg en anonym melding med kvitteringskoden</a></p>
      </section>
    } @else {
      <p i18n="@@incidentFile.doneNamed">Lederen for enheten får beskjed og behandler saken. Du kan følge den under «Mine saker».</p>
      <p><a routerLink="/incidents/mine" i18n="@@incidentFile.toMyCases">Mine saker</a></p>
    }
    <div class="actions">
      <button mat-stroked-button type="button" (click)="another.emit()" i18n="@@incidentFile.fileAnother">Meld en ny sak</button>
    </div>
  `,
})
export class FilingConfirmationComponent {
  readonly result = input.required<FileIncidentResponse>();
  readonly another = output();
  protected readonly copyStatus = signal('');
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    // The form is gone: move focus to the news, so screen readers and keyboards start here.
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected async copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.copyStatus.set($localize`:@@incidentFile.copied:Koden er kopiert. Lim den inn et trygt sted.`);
    } catch {
      this.copyStatus.set($localize`:@@incidentFile.copyFailed:Kunne ikke kopiere. Merk koden og kopier den selv, eller skriv den ned.`);
    }
  }
}
