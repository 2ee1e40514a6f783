import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { SsoSettingsRequest, SsoSettingsResponse } from '@helhet/shared';

import { parseDomains, SsoSettingsComponent } from './sso-settings.component';

const STORED: SsoSettingsResponse = {
  clientId: 'app-id',
  clientSecretSet: true,
  emailDomains: ['fjordvik.kommune.no'],
  enabled: true,
  issuerUrl: 'https://login.microsoftonline.com/tid/v2.0',
  localPasswordsDisabled: false,
  matchBy: 'email',
  matchClaim: 'email',
  provider: 'microsoft',
  redirectUri: 'https://helhet.example/api/auth/oidc/callback',
  scopes: 'openid email profile',
};

describe('SsoSettingsComponent', () => {
  const setup = async () => {
    await TestBed.configureTestingModule({
      imports: [SsoSettingsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    }).compileComponents();
    const fixture = TestBed.createComponent(SsoSettingsComponent);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/sso-settings').flush(STORED);
    await fixture.whenStable();
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, fixture, http };
  };

  it('should split the domain list', () => {
    expect(parseDomains(' Kommune.no, @skole.kommune.no;\nx.no ')).toEqual(['kommune.no', 'skole.kommune.no', 'x.no']);
  });

  it('should show the stored settings and the redirect URI, but never a secret', async () => {
    const { element } = await setup();
    expect(element.querySelector<HTMLInputElement>('#sso-client-id')?.value).toBe('app-id');
    expect(element.querySelector<HTMLInputElement>('#sso-client-secret')?.value).toBe('');
    expect(element.textContent).toContain('https://helhet.example/api/auth/oidc/callback');
    expect(element.textContent).toContain('En hemmelighet er lagret');
  });

  it('should keep the stored secret when the field is left empty, and send a new one when typed', async () => {
    const { element, fixture, http } = await setup();
    const submit = () => element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    submit();
    const keep = http.expectOne((request) => request.method === 'PUT' && request.url === '/api/sso-settings');
    expect(keep.request.body as SsoSettingsRequest).not.toHaveProperty('clientSecret');
    expect((keep.request.body as SsoSettingsRequest).emailDomains).toEqual(['fjordvik.kommune.no']);
    keep.flush(STORED);
    await fixture.whenStable();

    const secret = element.querySelector<HTMLInputElement>('#sso-client-secret');
    if (!secret) throw new Error('no secret field');
    secret.value = 'new-secret';
    secret.dispatchEvent(new Event('input'));
    submit();
    const change = http.expectOne((request) => request.method === 'PUT');
    expect((change.request.body as SsoSettingsRequest).clientSecret).toBe('new-secret');
    change.flush(STORED);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.textContent).toContain('Innstillingene er lagret.');
  });

  it('should name the refused fields in Norwegian', async () => {
    const { element, fixture, http } = await setup();
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const details = [{ field: 'issuerUrl', reasons: ['issuerUrl must be an https URL'] }];
    http
      .expectOne((request) => request.method === 'PUT')
      .flush({ code: 'VALIDATION_FAILED', details, message: 'x', statusCode: 400 }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    fixture.detectChanges();
    const alert = element.querySelector('[role=alert]')?.textContent ?? '';
    expect(alert).toContain('Sjekk: Utsteder (issuer URL)');
    expect(alert).not.toContain('must be');
  });
});
