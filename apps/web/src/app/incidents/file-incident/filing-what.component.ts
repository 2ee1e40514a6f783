import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { INCIDENT_KINDS, type IncidentKind } from '@helhet/domain';
import type { IncidentCategoryResponse, IncidentSeverityOption } from '@helhet/shared';

import { KIND_LABELS, severityText } from '../../core/i18n/incident-labels';
import { type FilingForm, type severityFields, TEXT_MAX } from './filing-form';
import { serverErrorOf } from './filing-server-error';
import { PiiWarningComponent } from './pii-warning.component';

const KIND_HELP: Record<IncidentKind, () => string> = {
  adverse_event: () => $localize`:@@incidentFile.kindAdverseHelp:Noe skjedde som førte til skade, tap eller ulempe.`,
  deviation: () => $localize`:@@incidentFile.kindDeviationHelp:Noe er ikke som det skal: krav, rutine eller lov er ikke fulgt.`,
  improvement: () => $localize`:@@incidentFile.kindImprovementHelp:En idé til hvordan noe kan bli bedre.`,
  near_miss: () => $localize`:@@incidentFile.kindNearMissHelp:Det kunne gått galt, men gikk bra.`,
};

/** The first two steps of filing an avvik: what kind of report, and what happened (category and severity). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    PiiWarningComponent,
    ReactiveFormsModule,
    TextFieldModule,
  ],
  selector: 'hh-filing-what',
  styles: ':host { display: contents; }',
  styleUrls: ['./filing-form.scss', './filing-sections.scss'],
  templateUrl: './filing-what.component.html',
  // The controls belong to the page's <form [formGroup]>.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
})
export class FilingWhatComponent {
  readonly form = input.required<FilingForm>();
  /** Active categories in display order; null while they load. */
  readonly categories = input.required<readonly IncidentCategoryResponse[] | null>();
  readonly loadError = input<string | null>(null);
  readonly subcategories = input.required<readonly IncidentCategoryResponse['subcategories'][number][]>();
  /** Which severity questions the chosen kind and category ask. */
  readonly severity = input.required<ReturnType<typeof severityFields>>();
  /** The tenant's scale (labels and guidance). */
  readonly severityOptions = input.required<readonly IncidentSeverityOption[]>();
  /** Submit attempts so far (a radio group shows its error after the first). */
  readonly attempts = input(0);

  protected readonly kinds = INCIDENT_KINDS.map((id) => ({ help: KIND_HELP[id](), id, label: KIND_LABELS[id]() }));
  /** Only the levels the tenant uses are offered. */
  protected readonly severities = computed(() =>
    this.severityOptions()
      .filter((option) => option.active)
      .map((option) => ({ id: option.code, ...severityText(option) })),
  );
  protected readonly textMax = TEXT_MAX;
  protected readonly descriptionRequired = $localize`:@@incidentFile.descriptionRequired:Beskriv hva som skjedde.`;
  protected readonly categoryRequired = $localize`:@@incidentFile.categoryRequired:Velg en kategori.`;
  protected readonly severityActualRequired = $localize`:@@incidentFile.severityActualRequired:Velg hvor alvorlig det ble.`;
  protected readonly severityPotentialRequired = $localize`:@@incidentFile.severityPotentialRequired:Velg hvor alvorlig det kunne blitt.`;

  protected radioInvalid(name: 'severityActual' | 'severityPotential'): boolean {
    const control = this.form().controls[name];
    return control.invalid && (control.touched || this.attempts() > 0);
  }

  protected serverError(name: keyof FilingForm['controls']): string | null {
    return serverErrorOf(this.form(), name);
  }
}
