import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { SsoFailureReason, SsoOption } from '@helhet/shared';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';

/** The e-mail domain once the address looks complete ("kari@kommune.no" → "kommune.no"), else null. */
export const emailDomain = (email: string): string | null => {
  const match = /^[^\s@]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i.exec(email.trim());
  return match?.[1]?.toLowerCase() ?? null;
};

const FAILURES: Record<SsoFailureReason, () => string> = {
  cancelled: () => $localize`:@@sso.failure.cancelled:Innloggingen fra kommunen ble avbrutt.`,
  expired: () => $localize`:@@sso.failure.expired:Innloggingen tok for lang tid eller ble startet i en annen fane. Prøv igjen.`,
  failed: () =>
    $localize`:@@sso.failure.failed:Innloggingen fra kommunen mislyktes. Prøv igjen, eller kontakt administratoren i kommunen din.`,
  not_configured: () => $localize`:@@sso.failure.notConfigured:Innlogging fra kommunen er ikke satt opp for denne kommunen.`,
  unknown_user: () =>
    $localize`:@@sso.failure.unknownUser:Vi fant ingen aktiv bruker i Helhet for kontoen du logget inn med. Kontakt administratoren i kommunen din.`,
};

/** Norwegian text for the `?sso=` reason the API puts on the login page when single sign-on failed. */
export const ssoFailureMessage = (reason: string | undefined): string | null =>
  reason ? (FAILURES[reason as SsoFailureReason] ?? FAILURES.failed)() : null;

/**
 * Single sign-on on the login page (ADR 0016): once the typed e-mail address has a domain whose municipality signs in
 * through its own provider, a button starts that sign-in (a full-page navigation to the API).
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  selector: 'hh-sso-sign-in',
  styles: `
    :host {
      display: block;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 16px;
    }
    .or {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .or::before,
    .or::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    a[mat-stroked-button] {
      height: auto;
      min-height: 48px;
      padding: 10px 20px;
      font-size: 1rem;
      line-height: 1.35;
      white-space: normal;
      text-align: center;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    @if (options().length > 0) {
      <div class="options">
        <p class="or" i18n="@@sso.or">eller</p>
        @for (option of options(); track option.municipalityNumber) {
          <a mat-stroked-button [href]="hrefOf(option)" data-testid="sso-button">
            @if (option.provider === 'microsoft') {
              <ng-container i18n="@@sso.buttonMicrosoft">Logg inn med kommunens konto (Microsoft)</ng-container>
            } @else {
              <ng-container i18n="@@sso.buttonGeneric">Logg inn med innlogging fra kommunen</ng-container>
            }
            @if (options().length > 1) {
              – {{ option.tenantName }}
            }
          </a>
          @if (option.localPasswordsDisabled) {
            <p class="hint" i18n="@@sso.localPasswordsOff">
              {{ option.tenantName }} bruker bare innlogging fra kommunen, ikke passord i Helhet.
            </p>
          }
        }
      </div>
    }
  `,
})
export class SsoSignInComponent {
  private readonly http = inject(HttpClient);
  /** The API sends the browser back to this locale's app after signing in. */
  private readonly locale = inject(LOCALE_ID).toLowerCase().startsWith('en') ? 'en' : 'nb';
  /** The address typed into the login form. */
  readonly email = input('');
  protected readonly options = toSignal(
    toObservable(computed(() => emailDomain(this.email()))).pipe(
      distinctUntilChanged(),
      debounceTime(250),
      // Only the domain leaves the browser before sign-in.
      switchMap((domain) =>
        domain
          ? this.http.get<SsoOption[]>('/api/auth/oidc/options', { params: { domain } }).pipe(catchError(() => of([] as SsoOption[])))
          : of([] as SsoOption[]),
      ),
      map((options) => options.filter((option) => option.startUrl.startsWith('/api/auth/oidc/'))),
    ),
    { initialValue: [] as SsoOption[] },
  );

  protected hrefOf(option: SsoOption): string {
    return `${option.startUrl}?locale=${this.locale}&login_hint=${encodeURIComponent(this.email().trim())}`;
  }
}

/** Why the last single sign-on failed, when the API sent the browser back to the login page with `?sso=`. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-sso-failure',
  styles: `
    p {
      color: var(--mat-sys-error);
      margin: 0 0 16px;
      font-weight: 500;
    }
  `,
  template: `
    @if (message(); as text) {
      <p role="alert">{{ text }}</p>
    }
  `,
})
export class SsoFailureComponent {
  /** The `?sso=` reason from the URL. */
  readonly reason = input<string>();
  protected readonly message = computed(() => ssoFailureMessage(this.reason()));
}
