import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { WorkshopConsensusView, WorkshopDimension } from '@helhet/shared';

import { ackErrorMessage, ackFieldErrors, type ScaleOption } from '../workshop-labels';
import { WorkshopSocket } from '../workshop-socket.service';

let nextId = 0;

/** The facilitator's decision for one dimension: value (the median preselected), rationale, dissent. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  selector: 'hh-consensus-form',
  styles: `
    :host {
      display: block;
    }
    form {
      display: grid;
      gap: 10px;
      max-width: 640px;
    }
    label {
      font-weight: 600;
      display: block;
      margin-bottom: 4px;
    }
    select,
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
      font-size: 1.05rem;
      padding: 8px 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    select {
      min-height: 44px;
    }
    textarea {
      min-height: 72px;
      resize: vertical;
    }
    .hint {
      font-weight: 400;
      margin-left: 0.3em;
      color: var(--mat-sys-on-surface-variant);
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 4px 0 0;
      font-weight: 600;
    }
    .field-error::before {
      content: '! ';
    }
    .recorded {
      padding: 10px 14px;
      border-left: 6px solid #0b5d1e;
      background: #e5f4e8;
      color: #0b3d14;
      border-radius: 4px;
    }
    .recorded p {
      margin: 2px 0;
    }
    button {
      min-height: 44px;
    }
  `,
  template: `
    @if (recorded(); as decision) {
      <div class="recorded">
        <p><strong i18n="@@workshop.consensusRecorded">Konsensus registrert:</strong> {{ levelName(decision.value) }}</p>
        <p><span i18n="@@workshop.rationaleShort">Begrunnelse:</span> {{ decision.rationale }}</p>
        @if (decision.dissent) {
          <p><span i18n="@@workshop.dissentShort">Dissens:</span> {{ decision.dissent }}</p>
        }
      </div>
      @if (!editing()) {
        <button mat-button type="button" (click)="editing.set(true)" i18n="@@workshop.consensusChange">Endre konsensus</button>
      }
    }
    @if (!recorded() || editing()) {
      <form (submit)="$event.preventDefault(); submit()" novalidate>
        <div>
          <label [attr.for]="uid + '-value'" i18n="@@workshop.consensusValue">Konsensusverdi for {{ label() }}</label>
          <select [id]="uid + '-value'" [value]="'' + value()" (change)="value.set(+$any($event.target).value)">
            @for (level of levels(); track level.rank) {
              <option [value]="'' + level.rank" [selected]="level.rank === value()">{{ level.rank }} – {{ level.label }}</option>
            }
          </select>
        </div>
        <div>
          <label [attr.for]="uid + '-rationale'"
            ><span i18n="@@workshop.rationale">Begrunnelse</span> <span class="hint" i18n="@@workshop.required">(må fylles ut)</span></label
          >
          <textarea
            [id]="uid + '-rationale'"
            [value]="rationale()"
            (input)="rationale.set($any($event.target).value)"
            required
            [attr.aria-invalid]="rationaleError() ? true : null"
            [attr.aria-describedby]="rationaleError() ? uid + '-rationale-error' : null"
          ></textarea>
          @if (rationaleError(); as message) {
            <p class="field-error" [id]="uid + '-rationale-error'">{{ message }}</p>
          }
        </div>
        <div>
          <label [attr.for]="uid + '-dissent'"
            ><span i18n="@@workshop.dissent">Dissens</span> <span class="hint" i18n="@@workshop.optional">(valgfritt)</span></label
          >
          <textarea [id]="uid + '-dissent'" [value]="dissent()" (input)="dissent.set($any($event.target).value)"></textarea>
        </div>
        <div role="alert">
          @if (error(); as message) {
            <p class="field-error">{{ message }}</p>
          }
        </div>
        <div>
          <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@workshop.recordConsensus">
            Registrer konsensus for {{ label() }}
          </button>
        </div>
      </form>
    }
  `,
})
export class ConsensusFormComponent {
  private readonly socket = inject(WorkshopSocket);
  readonly dimension = input.required<WorkshopDimension>();
  readonly label = input.required<string>();
  readonly levels = input.required<ScaleOption[]>();
  readonly median = input<number | null>(null);
  readonly recorded = input<WorkshopConsensusView | null>(null);

  protected readonly uid = `consensus-${nextId++}`;
  protected readonly value = signal(1);
  protected readonly rationale = signal('');
  protected readonly dissent = signal('');
  protected readonly busy = signal(false);
  protected readonly editing = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldProblem = signal<string | null>(null);
  private readonly submitted = signal(false);

  protected readonly rationaleError = computed(() => {
    if (this.fieldProblem()) return this.fieldProblem();
    return this.submitted() && !this.rationale().trim() ? $localize`:@@workshop.rationaleRequired:Skriv en begrunnelse for verdien.` : null;
  });

  constructor() {
    // Preselect the recorded value, else the median (rounded to a rank when it falls between two).
    effect(() => {
      const recorded = this.recorded();
      const median = this.median();
      untracked(() => {
        if (recorded) {
          this.value.set(recorded.value);
          this.rationale.set(recorded.rationale);
          this.dissent.set(recorded.dissent ?? '');
        } else if (median !== null) {
          this.value.set(Math.round(median));
        }
      });
    });
  }

  protected levelName(rank: number): string {
    const level = this.levels().find((option) => option.rank === rank);
    return level ? `${rank} – ${level.label}` : String(rank);
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.fieldProblem.set(null);
    this.error.set(null);
    if (!this.rationale().trim()) return;
    this.busy.set(true);
    const ack = await this.socket.recordConsensus({
      dimension: this.dimension(),
      dissent: this.dissent().trim() || null,
      rationale: this.rationale().trim(),
      value: this.value(),
    });
    this.busy.set(false);
    if (ack.ok) {
      this.editing.set(false);
      this.submitted.set(false);
      return;
    }
    const fields = ackFieldErrors(ack);
    if (fields['rationale']) this.fieldProblem.set($localize`:@@workshop.rationaleRequired:Skriv en begrunnelse for verdien.`);
    this.error.set(ackErrorMessage(ack));
  }
}
