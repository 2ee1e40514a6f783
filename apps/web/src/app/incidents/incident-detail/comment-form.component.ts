import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { IncidentResponse } from '@helhet/shared';

import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage } from '../../core/http-error';
import { IncidentsApi } from '../incidents.api';

/** A comment on the case; it becomes part of the history. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  selector: 'hh-comment-form',
  styleUrl: './incident-panels.scss',
  template: `
    <form class="comment" (ngSubmit)="send()" novalidate aria-labelledby="comment-title">
      <h2 id="comment-title" i18n="@@incidentDetail.commentTitle">Legg til kommentar</h2>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label i18n="@@incidentDetail.comment">Kommentar</mat-label>
        <textarea
          matInput
          id="comment-text"
          name="note"
          rows="3"
          maxlength="4000"
          required
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
          [errorStateMatcher]="matchers.note"
        ></textarea>
        <mat-hint i18n="@@incidentDetail.commentHint"
          >Alle med tilgang til saken ser kommentaren. Ikke skriv helseopplysninger eller navn på brukere og pasienter.</mat-hint
        >
        <mat-error>{{ errors()['note'] }}</mat-error>
      </mat-form-field>
      <div role="alert" class="alert-region">
        @if (error(); as e) {
          <p class="error">{{ e }}</p>
        }
      </div>
      <div role="status" class="result-region">
        @if (message(); as m) {
          <p id="comment-result" class="ok" tabindex="-1">{{ m }}</p>
        }
      </div>
      <button mat-stroked-button type="submit" [disabled]="busy()" i18n="@@incidentDetail.commentSend">Lagre kommentar</button>
    </form>
  `,
})
export class CommentFormComponent {
  private readonly api = inject(IncidentsApi);
  readonly incident = input.required<IncidentResponse>();
  readonly changed = output<IncidentResponse>();
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly matchers = matchersFor(this.errors, ['note'] as const);

  protected async send(): Promise<void> {
    this.message.set(null);
    if (this.note().trim() === '') {
      this.errors.set({ note: $localize`:@@incidentDetail.errComment:Skriv kommentaren først.` });
      focusById('comment-text');
      return;
    }
    this.busy.set(true);
    this.errors.set({});
    this.error.set(null);
    try {
      this.changed.emit(await this.api.comment(this.incident().id, { note: this.note().trim() }));
      this.note.set('');
      this.message.set($localize`:@@incidentDetail.commentSaved:Kommentaren er lagret og vises i historikken.`);
      focusById('comment-result');
    } catch (error) {
      this.error.set(errorMessage(error));
      focusById('comment-text');
    } finally {
      this.busy.set(false);
    }
  }
}
