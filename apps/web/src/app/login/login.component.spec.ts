import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { AuthService } from '../core/auth/auth.service';
import { LoginComponent } from './login.component';

describe('LoginComponent', () => {
  const setup = async (login: () => Promise<unknown>) => {
    await TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { login } }],
    }).compileComponents();
    const fixture = TestBed.createComponent(LoginComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    return { element, fixture, type };
  };

  it('should show the Norwegian message when the password is wrong', async () => {
    const { element, fixture, type } = await setup(() =>
      Promise.reject(new HttpErrorResponse({ error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', statusCode: 401 }, status: 401 })),
    );
    type('#email', 'hms@fjordvik.kommune.no');
    type('#password', 'feil');
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[role=alert]')!.textContent).toContain('Feil e-post eller passord.');
  });

  it('should not call the API when the form is empty', async () => {
    const login = jest.fn();
    const { element, fixture } = await setup(login);
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
    expect(login).not.toHaveBeenCalled();
  });

  it('should go to the start page after signing in', async () => {
    const { element, fixture, type } = await setup(() => Promise.resolve({}));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('#email', 'hms@fjordvik.kommune.no');
    type('#password', 'Helhet-demo-2026!');
    element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
