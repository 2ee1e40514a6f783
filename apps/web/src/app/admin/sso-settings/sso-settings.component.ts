import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { SsoMatchBy, SsoProvider, SsoSettingsRequest, SsoSettingsResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage, fieldErrors } from '../../core/http-error';

/** "kommune.no, skole.kommune.no" → ["kommune.no", "skole.kommune.no"]. */
export const parseDomains = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter((domain) => domain !== '');

const FIELD_LABELS: Record<string, () => string> = {
  clientId: () => $localize`:@@ssoSettings.clientId:Klient-ID (application ID)`,
  clientSecret: () => $localize`:@@ssoSettings.clientSecret:Klienthemmelighet`,
  emailDomains: () => $localize`:@@ssoSettings.emailDomains:E-postdomener som får knappen`,
  issuerUrl: () => $localize`:@@ssoSettings.issuerUrl:Utsteder (issuer URL)`,
  localPasswordsDisabled: () => $localize`:@@ssoSettings.localPasswordsDisabled:Slå av passord i Helhet for kommunens brukere`,
  matchClaim: () => $localize`:@@ssoSettings.matchClaim:Claim i ID-tokenet`,
  scopes: () => $localize`:@@ssoSettings.scopes:Omfang (scopes)`,
};

/**
 * The tenant admin's single sign-on settings (ADR 0016): the municipality's OpenID Connect provider, which claim
 * matches users, which e-mail domains see the button, and whether Helhet passwords are turned off. The client secret
 * is write-only: the page says whether one is stored, never what it is.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  selector: 'hh-sso-settings',
  styleUrl: './sso-settings.component.scss',
  templateUrl: './sso-settings.component.html',
})
export class SsoSettingsComponent implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly problems = signal<Record<string, string[]>>({});
  protected readonly current = signal<SsoSettingsResponse | null>(null);
  /** The fields the API refused, by their Norwegian labels. */
  protected readonly problemLabels = computed(() => Object.keys(this.problems()).map((field) => FIELD_LABELS[field]?.() ?? field));
  protected readonly form = inject(NonNullableFormBuilder).group({
    clientId: ['', Validators.required],
    clientSecret: [''],
    emailDomains: [''],
    enabled: [false],
    issuerUrl: ['', Validators.required],
    localPasswordsDisabled: [false],
    matchBy: ['email' as SsoMatchBy],
    matchClaim: ['email', Validators.required],
    provider: ['microsoft' as SsoProvider],
    scopes: ['openid email profile', Validators.required],
  });

  async ngOnInit(): Promise<void> {
    try {
      this.apply(await firstValueFrom(this.http.get<SsoSettingsResponse>('/api/sso-settings')));
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: SsoSettingsRequest = {
      clientId: value.clientId,
      emailDomains: parseDomains(value.emailDomains),
      enabled: value.enabled,
      issuerUrl: value.issuerUrl,
      localPasswordsDisabled: value.localPasswordsDisabled,
      matchBy: value.matchBy,
      matchClaim: value.matchClaim,
      provider: value.provider,
      scopes: value.scopes,
      ...(value.clientSecret ? { clientSecret: value.clientSecret } : {}),
    };
    this.saving.set(true);
    this.saved.set(false);
    this.error.set(null);
    this.problems.set({});
    try {
      this.apply(await firstValueFrom(this.http.put<SsoSettingsResponse>('/api/sso-settings', request)));
      this.saved.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
      this.problems.set(fieldErrors(error));
    } finally {
      this.saving.set(false);
    }
  }

  private apply(settings: SsoSettingsResponse): void {
    this.current.set(settings);
    this.form.reset({ ...settings, clientSecret: '', emailDomains: settings.emailDomains.join(', ') });
  }
}
