import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SsoOption } from '@helhet/shared';

import { emailDomain, SsoFailureComponent, SsoSignInComponent } from './sso-sign-in.component';

const OPTION: SsoOption = {
  localPasswordsDisabled: false,
  municipalityNumber: '3199',
  provider: 'microsoft',
  startUrl: '/api/auth/oidc/3199/start',
  tenantName: 'Fjordvik kommune',
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('SsoSignInComponent', () => {
  const setup = async () => {
    await TestBed.configureTestingModule({
      imports: [SsoSignInComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LOCALE_ID, useValue: 'nb' }],
    }).compileComponents();
    const fixture = TestBed.createComponent(SsoSignInComponent);
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, fixture, http: TestBed.inject(HttpTestingController) };
  };

  it('should read the domain only once the address looks complete', () => {
    expect(emailDomain('kari@fjordvik.kommune.no')).toBe('fjordvik.kommune.no');
    expect(emailDomain(' Kari@Fjordvik.Kommune.NO ')).toBe('fjordvik.kommune.no');
    expect(emailDomain('kari@fjordvik')).toBeNull();
    expect(emailDomain('kari')).toBeNull();
  });

  it('should ask for the domain only and offer the Microsoft button with the address as login hint', async () => {
    const { element, fixture, http } = await setup();
    fixture.componentRef.setInput('email', 'kari@fjordvik.kommune.no');
    fixture.detectChanges();
    await settle();
    const request = http.expectOne((r) => r.url === '/api/auth/oidc/options');
    expect(request.request.params.get('domain')).toBe('fjordvik.kommune.no');
    expect(request.request.params.keys()).toEqual(['domain']);
    request.flush([OPTION]);
    fixture.detectChanges();
    const button = element.querySelector<HTMLAnchorElement>('[data-testid=sso-button]');
    expect(button?.textContent?.trim()).toBe('Logg inn med kommunens konto (Microsoft)');
    expect(button?.getAttribute('href')).toBe('/api/auth/oidc/3199/start?locale=nb&login_hint=kari%40fjordvik.kommune.no');
  });

  it('should use the generic wording for other providers and show nothing for a domain without SSO', async () => {
    const { element, fixture, http } = await setup();
    fixture.componentRef.setInput('email', 'ola@kommune.no');
    fixture.detectChanges();
    await settle();
    http.expectOne((r) => r.url === '/api/auth/oidc/options').flush([{ ...OPTION, localPasswordsDisabled: true, provider: 'generic' }]);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=sso-button]')?.textContent?.trim()).toBe('Logg inn med innlogging fra kommunen');
    expect(element.textContent).toContain('Fjordvik kommune bruker bare innlogging fra kommunen');

    fixture.componentRef.setInput('email', 'ola@example.org');
    fixture.detectChanges();
    await settle();
    http.expectOne((r) => r.url === '/api/auth/oidc/options').flush([]);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=sso-button]')).toBeNull();
  });

  it('should say in Norwegian why single sign-on failed', async () => {
    await TestBed.configureTestingModule({ imports: [SsoFailureComponent] }).compileComponents();
    const fixture = TestBed.createComponent(SsoFailureComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role=alert]')).toBeNull();
    fixture.componentRef.setInput('reason', 'unknown_user');
    fixture.detectChanges();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Vi fant ingen aktiv bruker i Helhet');
    fixture.componentRef.setInput('reason', 'something-else');
    fixture.detectChanges();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Innloggingen fra kommunen mislyktes');
  });
});
