import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { formatReceiptCode } from '@helhet/domain';
import type { ReceiptResponse } from '@helhet/shared';

import { errorMessage, isApiError } from '../../core/http-error';
import { STATUS_LABELS } from '../../core/i18n/incident-labels';
import { formatDate } from '../../core/i18n/labels';
import { IncidentsApi } from '../incidents.api';

/** Follow an anonymous report with its receipt code: status and the handler's feedback, nothing else. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule, RouterLink],
  selector: 'hh-receipt',
  styles: `
    :host {
      display: block;
      max-width: 640px;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: flex-start;
    }
    mat-form-field {
      flex: 1 1 240px;
    }
    form button {
      min-height: 48px;
      margin-top: 4px;
    }
    h2:focus {
      outline: none;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .feedback {
      white-space: pre-line;
    }
    @media (max-width: 599px) {
      dl {
        grid-template-columns: 1fr;
        gap: 0;
      }
      dd {
        margin-bottom: 10px;
      }
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  templateUrl: './receipt.component.html',
})
export class ReceiptComponent {
  private readonly api = inject(IncidentsApi);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  /** `?code=` */
  readonly code = input<string | undefined>();
  protected readonly form = new FormGroup({ code: new FormControl('', { nonNullable: true, validators: Validators.required }) });
  private readonly codeControl = this.form.controls.code;
  protected readonly result = signal<ReceiptResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly statusLabel = (receipt: ReceiptResponse) => STATUS_LABELS[receipt.status]();
  protected readonly date = (value: string | null) => formatDate(value, true);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  constructor() {
    effect(() => {
      const code = this.code();
      untracked(() => {
        if (!code) return;
        this.codeControl.setValue(code);
        // The code is a secret: keep it out of the browser history once read.
        void this.router.navigate([], { queryParams: { code: null }, queryParamsHandling: 'merge', replaceUrl: true });
        void this.lookUp();
      });
    });
  }

  protected async lookUp(): Promise<void> {
    if (this.codeControl.invalid) {
      this.codeControl.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      this.result.set(await this.api.receipt(formatReceiptCode(this.codeControl.value)));
      afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      const notFound =
        error instanceof HttpErrorResponse &&
        (error.status === 404 || (isApiError(error.error) && error.error.code === 'INCIDENT_NOT_FOUND'));
      this.error.set(
        notFound
          ? $localize`:@@incidentReceipt.notFound:Fant ingen melding med denne koden. Sjekk at du har skrevet den riktig, med alle 16 tegn.`
          : errorMessage(error),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
