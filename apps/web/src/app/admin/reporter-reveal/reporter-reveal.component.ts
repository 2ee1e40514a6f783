import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { REVEAL_REASON_MAX_LENGTH, REVEAL_REASON_MIN_LENGTH, type RevealReporterResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors, isApiError } from '../../core/http-error';
import { normaliseIncidentNumber } from '../../shared/incident-number';
import { ReporterRevealApi } from './reporter-reveal.api';
import { ReporterRevealConfirmComponent, type ReporterRevealConfirmData } from './reporter-reveal-confirm.component';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Field = 'number' | 'reason';

/**
 * "Innsyn i skjult melder" (break-glass, the DPO): who filed a report hidden from the handler. The case number and
 * a reason, a confirmation that says what the reveal leaves behind, then the name. Errors sit at their field.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-reporter-reveal',
  styleUrl: './reporter-reveal.component.scss',
  templateUrl: './reporter-reveal.component.html',
})
export class ReporterRevealComponent {
  private readonly api = inject(ReporterRevealApi);
  private readonly dialog = inject(MatDialog);

  protected readonly reasonMax = REVEAL_REASON_MAX_LENGTH;
  protected readonly number = signal('');
  protected readonly reason = signal('');
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly matchers = matchersFor(this.errors, ['number', 'reason'] as const);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly result = signal<RevealReporterResponse | null>(null);

  protected async submit(): Promise<void> {
    this.error.set(null);
    const trimmed = this.number().trim();
    const key = UUID.test(trimmed) ? trimmed.toLowerCase() : normaliseIncidentNumber(trimmed, new Date().getFullYear());
    const reason = this.reason().trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!key) errors.number = $localize`:@@reporterReveal.numberError:Skriv saksnummeret, for eksempel 2026-000123.`;
    if (reason.length < REVEAL_REASON_MIN_LENGTH)
      errors.reason = $localize`:@@reporterReveal.reasonError:Skriv en begrunnelse på minst 10 tegn.`;
    this.errors.set(errors);
    if (!key || errors.reason) {
      focusById(errors.number ? 'reveal-number' : 'reveal-reason');
      return;
    }
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ReporterRevealConfirmComponent, ReporterRevealConfirmData, boolean>(ReporterRevealConfirmComponent, {
          ariaDescribedBy: 'reveal-confirm-text',
          ariaLabelledBy: 'reveal-confirm-title',
          autoFocus: 'first-heading',
          data: { number: key },
          maxWidth: '560px',
          role: 'alertdialog',
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    this.busy.set(true);
    this.result.set(null);
    try {
      this.result.set(await this.api.reveal(key, { reason }));
      this.number.set('');
      this.reason.set('');
      focusById('reveal-result');
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** The API's problem at the field it concerns: no such case / not hidden → the number, a refused reason → the reason. */
  private showProblem(error: unknown): void {
    const code = error instanceof HttpErrorResponse && isApiError(error.error) ? error.error.code : null;
    if (code === 'INCIDENT_NOT_FOUND' || code === 'INCIDENT_REPORTER_NOT_HIDDEN') {
      this.errors.set({ number: errorMessage(error) });
      focusById('reveal-number');
      return;
    }
    if ('reason' in fieldErrors(error)) {
      this.errors.set({ reason: $localize`:@@reporterReveal.reasonError:Skriv en begrunnelse på minst 10 tegn.` });
      focusById('reveal-reason');
      return;
    }
    this.error.set(errorMessage(error));
  }
}
