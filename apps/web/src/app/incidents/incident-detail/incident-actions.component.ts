import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CAUSE_CATEGORIES, type CauseCategory, closureProblems, type IncidentAction, isFinishedMeasure } from '@helhet/domain';
import type { IncidentResponse, IncidentTransitionRequest } from '@helhet/shared';

import { UserPickerComponent } from '../../admin/users/user-picker/user-picker.component';
import { focusById, matchersFor } from '../../core/forms/field-errors';
import { errorMessage, fieldErrors } from '../../core/http-error';
import { ACTION_LABELS, CAUSE_LABELS, STATUS_LABELS } from '../../core/i18n/incident-labels';
import { UnitPickerComponent } from '../../organisation/unit-picker/unit-picker.component';
import { IncidentsApi } from '../incidents.api';

/** Norwegian text for a field the web or the API found wrong (the API's own reasons are English, for developers). */
const FIELD_MESSAGES: Record<string, () => string> = {
  causeCategory: () => $localize`:@@incidentDetail.errCause:Velg hva som var årsaken.`,
  closureSummary: () => $localize`:@@incidentDetail.errSummary:Skriv en kort oppsummering av behandlingen.`,
  feedbackToReporter: () => $localize`:@@incidentDetail.errFeedback:Skriv en tilbakemelding til den som meldte saken.`,
  handlerUserId: () => $localize`:@@incidentDetail.errHandler:Velg en behandler fra forslagslisten.`,
  measures: () => $localize`:@@incidentDetail.errMeasures:Alle tiltak må være utført eller avbrutt før saken kan lukkes.`,
  noMeasureReason: () => $localize`:@@incidentDetail.errNoMeasure:Legg inn minst ett tiltak, eller forklar hvorfor det ikke trengs tiltak.`,
  note: () => $localize`:@@incidentDetail.errNote:Skriv en begrunnelse.`,
  planMeasures: () => $localize`:@@incidentDetail.errPlanMeasures:Legg inn minst ett tiltak under «Tiltak» før saken flyttes til tiltak.`,
  toOrgUnitId: () => $localize`:@@incidentDetail.errUnit:Velg enheten saken skal sendes til fra forslagslisten.`,
};

const messageFor = (field: string): string =>
  FIELD_MESSAGES[field]?.() ?? $localize`:@@incidentDetail.errField:Feltet er ikke riktig fylt ut.`;

const DONE_MESSAGES: Record<IncidentAction, () => string> = {
  acknowledge: () => $localize`:@@incidentDetail.doneAcknowledge:Du har tatt saken.`,
  assign_handler: () => $localize`:@@incidentDetail.doneAssign:Saken er gitt til ny behandler.`,
  close: () => $localize`:@@incidentDetail.doneClose:Saken er lukket, og melderen kan se tilbakemeldingen.`,
  forward: () => $localize`:@@incidentDetail.doneForward:Saken er sendt til den andre enheten.`,
  plan_measures: () => $localize`:@@incidentDetail.donePlanMeasures:Saken er flyttet til tiltak.`,
  reject: () => $localize`:@@incidentDetail.doneReject:Saken er avvist.`,
  reopen: () => $localize`:@@incidentDetail.doneReopen:Saken er gjenåpnet.`,
};

/** The panel's submit button: different from the button that opened it, so neither is ambiguous. */
const SUBMIT_LABELS: Partial<Record<IncidentAction, () => string>> = {
  assign_handler: () => $localize`:@@incidentDetail.submitAssign:Gi saken til behandleren`,
  close: () => $localize`:@@incidentDetail.submitClose:Lukk saken nå`,
  forward: () => $localize`:@@incidentDetail.submitForward:Send saken`,
  reject: () => $localize`:@@incidentDetail.submitReject:Avvis saken`,
  reopen: () => $localize`:@@incidentDetail.submitReopen:Gjenåpne saken`,
};

/** The first field of each action's panel (actions without a panel run at once). */
const FIRST_FIELD: Partial<Record<IncidentAction, string>> = {
  assign_handler: 'assign-handler',
  close: 'close-cause',
  forward: 'forward-unit',
  reject: 'action-note',
  reopen: 'action-note',
};

const FIELDS = ['note', 'causeCategory', 'closureSummary', 'feedbackToReporter', 'noMeasureReason'] as const;

/** The buttons the API allows (`availableActions`) and the short form each of them needs. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, UnitPickerComponent, UserPickerComponent],
  selector: 'hh-incident-actions',
  styleUrl: './incident-panels.scss',
  templateUrl: './incident-actions.component.html',
})
export class IncidentActionsComponent {
  private readonly api = inject(IncidentsApi);
  readonly incident = input.required<IncidentResponse>();
  readonly changed = output<IncidentResponse>();

  protected readonly active = signal<IncidentAction | null>(null);
  protected readonly busy = signal(false);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly matchers = matchersFor(this.errors, FIELDS);

  protected readonly note = signal('');
  protected readonly handlerUserId = signal('');
  protected readonly toOrgUnitId = signal('');
  protected readonly causeCategory = signal<CauseCategory | ''>('');
  protected readonly closureSummary = signal('');
  protected readonly feedbackToReporter = signal('');
  protected readonly noMeasureReason = signal('');

  protected readonly causes = CAUSE_CATEGORIES.map((id) => ({ id, label: CAUSE_LABELS[id]() }));
  protected readonly label = (action: IncidentAction) => ACTION_LABELS[action]();
  protected readonly submitLabel = (action: IncidentAction) => (SUBMIT_LABELS[action] ?? ACTION_LABELS[action])();
  protected readonly handlerLabel = $localize`:@@incidentDetail.newHandler:Ny behandler`;
  protected readonly unitLabel = $localize`:@@incidentDetail.forwardTo:Send til enhet`;

  /** Measures that still count (a cancelled one is as if it never was). */
  protected readonly liveMeasures = computed(() => this.incident().measures.filter((measure) => measure.status !== 'cancelled'));
  protected readonly unfinishedMeasures = computed(
    () => this.incident().measures.filter((measure) => !isFinishedMeasure(measure.status)).length,
  );
  protected readonly needsCause = computed(() => this.incident().kind !== 'improvement');

  protected readonly noteLabel = computed(() => {
    switch (this.active()) {
      case 'reject':
        return $localize`:@@incidentDetail.noteReject:Hvorfor avvises saken? (f.eks. ikke et avvik, eller duplikat av en annen sak)`;
      case 'forward':
        return $localize`:@@incidentDetail.noteForward:Beskjed til enheten som får saken`;
      case 'reopen':
        return $localize`:@@incidentDetail.noteReopen:Hvorfor gjenåpnes saken?`;
      default:
        return '';
    }
  });

  protected primary(action: IncidentAction): boolean {
    return action === 'acknowledge' || action === 'close' || action === 'plan_measures';
  }

  protected choose(action: IncidentAction): void {
    this.message.set(null);
    this.error.set(null);
    this.errors.set({});
    const first = FIRST_FIELD[action];
    if (!first) {
      void this.submit(action);
      return;
    }
    this.resetFields();
    this.active.set(action);
    focusById(action === 'close' && !this.needsCause() ? 'close-summary' : first);
  }

  protected cancel(): void {
    const action = this.active();
    this.active.set(null);
    this.errors.set({});
    this.error.set(null);
    if (action) focusById(`action-btn-${action}`);
  }

  protected showMeasures(): void {
    focusById('measures-title');
  }

  protected fieldMessage(field: string): string | null {
    return this.errors()[field] ?? null;
  }

  protected async submit(action: IncidentAction): Promise<void> {
    const problems = this.check(action);
    if (problems.length > 0) {
      this.errors.set(Object.fromEntries(problems.map((field) => [field, messageFor(field)])));
      const general = problems.find((field) => field === 'measures' || field === 'planMeasures');
      this.error.set(general ? messageFor(general) : $localize`:@@incidentDetail.fixFields:Rett opp feltene som er markert.`);
      focusById(this.fieldId(problems[0] ?? ''));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.errors.set({});
    try {
      const incident = await this.api.transition(this.incident().id, this.request(action));
      this.active.set(null);
      const status = STATUS_LABELS[incident.status]();
      this.message.set(`${DONE_MESSAGES[action]()} ${$localize`:@@incidentDetail.statusNow:Status: ${status}:STATUS:.`}`);
      this.changed.emit(incident);
      focusById('action-result');
    } catch (error) {
      const fields = fieldErrors(error);
      // plan_measures says `measures` when the case has none yet: a different message than for closing.
      if (action === 'plan_measures' && 'measures' in fields) {
        fields['planMeasures'] = fields['measures'];
        delete fields['measures'];
      }
      const known = Object.keys(fields).filter((field) => field in FIELD_MESSAGES);
      this.errors.set(Object.fromEntries(known.map((field) => [field, messageFor(field)])));
      this.error.set(known.includes('planMeasures') ? messageFor('planMeasures') : errorMessage(error));
      focusById(known.length > 0 && this.active() ? this.fieldId(known[0] ?? '') : 'action-error');
    } finally {
      this.busy.set(false);
    }
  }

  /** The web's own check before sending; the API checks the same rules again. */
  private check(action: IncidentAction): string[] {
    const blank = (value: string) => value.trim() === '';
    switch (action) {
      case 'reject':
      case 'reopen':
        return blank(this.note()) ? ['note'] : [];
      case 'forward':
        return [...(this.toOrgUnitId() ? [] : ['toOrgUnitId']), ...(blank(this.note()) ? ['note'] : [])];
      case 'assign_handler':
        return this.handlerUserId() ? [] : ['handlerUserId'];
      case 'plan_measures':
        return this.liveMeasures().length === 0 ? ['planMeasures'] : [];
      case 'close':
        return closureProblems({
          causeCategory: this.causeCategory() || null,
          closureSummary: this.closureSummary(),
          feedbackToReporter: this.feedbackToReporter(),
          kind: this.incident().kind,
          measures: this.incident().measures,
          noMeasureReason: this.liveMeasures().length === 0 ? this.noMeasureReason() : null,
        }).map((problem) => problem.field);
      default:
        return [];
    }
  }

  private request(action: IncidentAction): IncidentTransitionRequest {
    const text = (value: string) => value.trim() || null;
    switch (action) {
      case 'reject':
      case 'reopen':
        return { action, note: text(this.note()) };
      case 'forward':
        return { action, note: text(this.note()), toOrgUnitId: this.toOrgUnitId() };
      case 'assign_handler':
        return { action, handlerUserId: this.handlerUserId() };
      case 'close':
        return {
          action,
          causeCategory: this.needsCause() ? this.causeCategory() || null : null,
          closureSummary: text(this.closureSummary()),
          feedbackToReporter: text(this.feedbackToReporter()),
          noMeasureReason: this.liveMeasures().length === 0 ? text(this.noMeasureReason()) : null,
        };
      default:
        return { action };
    }
  }

  private fieldId(field: string): string {
    const ids: Record<string, string> = {
      causeCategory: 'close-cause',
      closureSummary: 'close-summary',
      feedbackToReporter: 'close-feedback',
      handlerUserId: 'assign-handler',
      measures: 'action-error',
      planMeasures: 'action-error',
      noMeasureReason: 'close-no-measure',
      note: 'action-note',
      toOrgUnitId: 'forward-unit',
    };
    return ids[field] ?? 'action-error';
  }

  private resetFields(): void {
    for (const field of [
      this.note,
      this.handlerUserId,
      this.toOrgUnitId,
      this.closureSummary,
      this.feedbackToReporter,
      this.noMeasureReason,
    ])
      field.set('');
    this.causeCategory.set('');
  }
}
