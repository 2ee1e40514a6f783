import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ReporterRevealConfirmData {
  number: string;
}

/** The last step before a break-glass reveal: what it leaves behind, and a clear way out. Closes with true to go ahead. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  selector: 'hh-reporter-reveal-confirm',
  styles: `
    ul {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    li {
      margin: 4px 0;
    }
  `,
  template: `
    <h2 mat-dialog-title id="reveal-confirm-title" i18n="@@reporterReveal.confirmTitle">Vise hvem som meldte sak {{ data.number }}?</h2>
    <mat-dialog-content id="reveal-confirm-text">
      <p i18n="@@reporterReveal.confirmLead">Melderen valgte å være skjult for behandler. Når du går videre:</p>
      <ul>
        <li i18n="@@reporterReveal.confirmLogged">
          blir innsynet logget med ditt navn, tidspunkt og begrunnelsen i tilgangsloggen og revisjonsloggen,
        </li>
        <li i18n="@@reporterReveal.confirmHistory">
          står det i sakens historikk at identiteten er vist deg, og hvorfor (ikke hvem melderen er),
        </li>
        <li i18n="@@reporterReveal.confirmInformed">får melderen beskjed i Helhet og på e-post om at du har sett hvem de er.</li>
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" i18n="@@reporterReveal.confirmNo">Avbryt</button>
      <button mat-flat-button type="button" id="reveal-confirm-yes" [mat-dialog-close]="true" i18n="@@reporterReveal.confirmYes">
        Ja, vis melderen
      </button>
    </mat-dialog-actions>
  `,
})
export class ReporterRevealConfirmComponent {
  protected readonly data = inject<ReporterRevealConfirmData>(MAT_DIALOG_DATA);
}
