import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { REPORTER_VISIBILITIES, type ReporterVisibility } from '@helhet/domain';

import { VISIBILITY_LABELS } from '../../core/i18n/incident-labels';
import type { FilingForm } from './filing-form';

const VISIBILITY_HELP: Record<ReporterVisibility, () => string> = {
  anonymous: () =>
    $localize`:@@incidentFile.visibilityAnonymousHelp:Ingenting om hvem du er, lagres. Du får en kvitteringskode som er den eneste måten å følge saken på.`,
  hidden_from_handler: () =>
    $localize`:@@incidentFile.visibilityHiddenHelp:Navnet ditt lagres kryptert og vises ikke for behandleren eller lederne. Du kan følge saken under «Mine saker».`,
  named: () =>
    $localize`:@@incidentFile.visibilityNamedHelp:Behandleren ser hvem du er og kan spørre deg om mer. Du kan følge saken under «Mine saker».`,
};

/** The last step of filing an avvik: who gets to know who reported it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatRadioModule, ReactiveFormsModule],
  selector: 'hh-filing-visibility',
  styles: ':host { display: contents; }',
  styleUrls: ['./filing-form.scss', './filing-sections.scss'],
  templateUrl: './filing-visibility.component.html',
  // The controls belong to the page's <form [formGroup]>.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
})
export class FilingVisibilityComponent {
  readonly form = input.required<FilingForm>();
  /** The visibility chosen so far (drives the small-unit warning). */
  readonly visibility = input.required<ReporterVisibility>();

  protected readonly visibilities = REPORTER_VISIBILITIES.map((id) => ({
    help: VISIBILITY_HELP[id](),
    id,
    label: VISIBILITY_LABELS[id](),
  }));
}
