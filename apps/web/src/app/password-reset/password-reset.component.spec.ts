import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { PasswordResetConfirmComponent } from './password-reset-confirm.component';
import { PasswordResetRequestComponent } from './password-reset-request.component';

const setup = async <T>(component: Type<T>) => {
  await TestBed.configureTestingModule({
    imports: [component],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  }).compileComponents();
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = () => element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return { element, fixture, http: TestBed.inject(HttpTestingController), submit, type };
};

const settle = async (fixture: ComponentFixture<unknown>) => {
  await fixture.whenStable();
  fixture.detectChanges();
};

describe('PasswordResetRequestComponent', () => {
  it('should send the address and then say the same thing whatever the answer holds', async () => {
    const { element, fixture, http, submit, type } = await setup(PasswordResetRequestComponent);
    type('#reset-email', 'hms@fjordvik.kommune.no');
    submit();
    const request = http.expectOne('/api/auth/password-reset');
    expect(request.request.body).toEqual({ email: 'hms@fjordvik.kommune.no' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await settle(fixture);
    expect(element.querySelector('[role=status]')!.textContent).toContain('Hvis adressen hører til en konto hos oss');
  });

  it('should not call the API with an invalid address', async () => {
    const { fixture, http, submit, type } = await setup(PasswordResetRequestComponent);
    type('#reset-email', 'ikke-en-adresse');
    submit();
    await settle(fixture);
    http.expectNone('/api/auth/password-reset');
  });
});

describe('PasswordResetConfirmComponent', () => {
  it('should send the token with the new password and confirm the change', async () => {
    const { element, fixture, http, submit, type } = await setup(PasswordResetConfirmComponent);
    fixture.componentRef.setInput('token', 'a'.repeat(43));
    type('#new-password', 'et-langt-nytt-passord');
    submit();
    const request = http.expectOne('/api/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ password: 'et-langt-nytt-passord', token: 'a'.repeat(43) });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(element.querySelector('[role=status]')!.textContent).toContain('Passordet er endret');
  });

  it('should explain a used or expired link in Norwegian', async () => {
    const { element, fixture, http, submit, type } = await setup(PasswordResetConfirmComponent);
    fixture.componentRef.setInput('token', 'b'.repeat(43));
    type('#new-password', 'et-langt-nytt-passord');
    submit();
    http
      .expectOne('/api/auth/password-reset/confirm')
      .flush({ code: 'AUTH_PASSWORD_RESET_INVALID', message: 'x', statusCode: 400 }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(element.querySelector('[role=alert]')!.textContent).toContain('Lenken for nytt passord er ugyldig, brukt eller utløpt');
  });

  it('should refuse a password shorter than 12 characters without calling the API', async () => {
    const { element, fixture, http, submit, type } = await setup(PasswordResetConfirmComponent);
    type('#new-password', 'kort');
    submit();
    await settle(fixture);
    http.expectNone('/api/auth/password-reset/confirm');
    expect(element.textContent).toContain('Passordet må ha minst 12 tegn.');
  });
});
