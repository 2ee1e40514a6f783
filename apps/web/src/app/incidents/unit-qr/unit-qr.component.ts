import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, ViewEncapsulation } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { OrgUnitResponse } from '@helhet/shared';
import { toString as renderQrSvg } from 'qrcode';

import { errorMessage } from '../../core/http-error';
import { OrganisationApi } from '../../organisation/organisation.api';

/** The address a unit's QR code opens: the filing form with the unit chosen, in the current language. */
export const filingUrl = (origin: string, locale: string | undefined, unitId: string): string =>
  `${origin}/${locale ?? 'nb'}/incidents/new?unit=${encodeURIComponent(unitId)}`;

/**
 * A printable poster for a unit: scan the QR code to report an avvik from here. Unencapsulated styles,
 * all scoped to this page, hide the app's toolbar and menu when printing.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  selector: 'hh-unit-qr',
  styleUrl: './unit-qr.component.scss',
  templateUrl: './unit-qr.component.html',
})
export class UnitQrComponent {
  private readonly api = inject(OrganisationApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly document = inject(DOCUMENT);
  readonly unitId = input.required<string>();
  protected readonly unit = signal<OrgUnitResponse | null>(null);
  protected readonly svg = signal<SafeHtml | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly url = computed(() => filingUrl(this.document.location.origin, $localize.locale, this.unitId()));
  protected readonly qrLabel = computed(
    () => $localize`:@@unitQr.imageLabel:QR-kode som åpner avviksskjemaet for ${this.unit()?.name ?? ''}:unitName:`,
  );

  constructor() {
    effect(() => {
      const id = this.unitId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    this.error.set(null);
    this.unit.set(null);
    this.svg.set(null);
    try {
      const [unit, svg] = await Promise.all([
        this.api.get(id),
        renderQrSvg(this.url(), { errorCorrectionLevel: 'M', margin: 2, type: 'svg' }),
      ]);
      this.unit.set(unit);
      // The library's own SVG markup (paths only, from a URL we built): safe to insert as is.
      this.svg.set(this.sanitizer.bypassSecurityTrustHtml(svg));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
