import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { detectPii } from '@helhet/domain';

/**
 * A gentle, non-blocking warning while someone types personal data into free text (domain.md §7.4).
 * The live region is always in the page, so screen readers hear the warning when it appears.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-live': 'polite', class: 'pii', '[id]': 'warningId()', role: 'status' },
  selector: 'hh-pii-warning',
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 12px;
      padding: 6px 10px;
      border-left: 4px solid #8a5300;
      background: #fff4e0;
      color: #4a2c00;
      font-size: 0.9rem;
    }
  `,
  template: `
    @if (message(); as text) {
      <p>{{ text }}</p>
    }
  `,
})
export class PiiWarningComponent {
  readonly text = input<string | null | undefined>('');
  /** Referenced by the field's aria-describedby. */
  readonly warningId = input.required<string>();

  protected readonly message = computed(() => {
    const kinds = new Set(detectPii(this.text() ?? '').map((finding) => finding.kind));
    if (kinds.has('national_id') && kinds.has('name')) {
      return $localize`:@@incidentFile.piiBoth:Teksten ser ut til å inneholde et fødselsnummer og et navn. Meld om saken, ikke personen.`;
    }
    if (kinds.has('national_id'))
      return $localize`:@@incidentFile.piiNationalId:Teksten ser ut til å inneholde et fødselsnummer. Meld om saken, ikke personen.`;
    if (kinds.has('name')) return $localize`:@@incidentFile.piiName:Teksten ser ut til å inneholde et navn. Meld om saken, ikke personen.`;
    return null;
  });
}
