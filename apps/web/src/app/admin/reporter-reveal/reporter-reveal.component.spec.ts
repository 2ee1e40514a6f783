import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { ReporterRevealApi } from './reporter-reveal.api';
import { ReporterRevealComponent } from './reporter-reveal.component';

describe('ReporterRevealComponent', () => {
  const api = { reveal: jest.fn() };

  const render = async () => {
    api.reveal.mockReset();
    await TestBed.configureTestingModule({
      imports: [ReporterRevealComponent],
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ReporterRevealApi, useValue: api },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(ReporterRevealComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { element, fixture, submit, type };
  };

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** The open confirmation (Material renders dialogs in an overlay container under body). */
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const answer = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }, yes: boolean) => {
    const buttons = [...dialog()!.querySelectorAll<HTMLButtonElement>('button')];
    buttons.find((b) => text(b) === (yes ? 'Ja, vis melderen' : 'Avbryt'))!.click();
    for (let i = 0; i < 5; i++) {
      await settle();
      await fixture.whenStable();
    }
    fixture.detectChanges();
  };

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((node) => node.remove()));

  it('should name each missing field at the field, without asking or calling the API', async () => {
    const { element, submit, type } = await render();
    await submit();
    expect(text(element.querySelector('#reveal-number')!.closest('mat-form-field'))).toContain(
      'Skriv saksnummeret, for eksempel 2026-000123.',
    );
    expect(text(element.querySelector('#reveal-reason')!.closest('mat-form-field'))).toContain('Skriv en begrunnelse på minst 10 tegn.');
    // The message is tied to its input for screen readers.
    const describedBy = element.querySelector('#reveal-number')!.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => text(element.querySelector(`[id="${id}"]`)))).toContain(
      'Skriv saksnummeret, for eksempel 2026-000123.',
    );
    type('#reveal-number', '2026-123');
    type('#reveal-reason', '  for kort ');
    await submit();
    expect(text(element.querySelector('#reveal-number')!.closest('mat-form-field'))).not.toContain('Skriv saksnummeret');
    expect(text(element.querySelector('#reveal-reason')!.closest('mat-form-field'))).toContain('minst 10 tegn');
    expect(dialog()).toBeNull();
    expect(api.reveal).not.toHaveBeenCalled();
  });

  it('should explain what the reveal leaves behind, do nothing when cancelled, and show the name when confirmed', async () => {
    const { element, fixture, submit, type } = await render();
    type('#reveal-number', ' 2026-123 ');
    type('#reveal-reason', '  Pålegg fra politiet i straffesak 24-1234.  ');
    await submit();
    expect(text(dialog())).toContain('Vise hvem som meldte sak 2026-000123?');
    expect(text(dialog())).toContain('blir innsynet logget med ditt navn, tidspunkt og begrunnelsen');
    expect(text(dialog())).toContain('får melderen beskjed');
    expect(dialog()!.getAttribute('role')).toBe('alertdialog');
    await answer(fixture, false);
    expect(api.reveal).not.toHaveBeenCalled();

    api.reveal.mockResolvedValueOnce({
      incidentId: 'i1',
      number: '2026-000123',
      reporter: { id: 'u1', name: 'Kari Nordmann' },
      revealedAt: '2026-11-28T10:00:00Z',
    });
    await submit();
    await answer(fixture, true);
    expect(api.reveal).toHaveBeenCalledWith('2026-000123', { reason: 'Pålegg fra politiet i straffesak 24-1234.' });
    expect(text(element.querySelector('[role=status] h2'))).toBe('Sak 2026-000123 ble meldt av Kari Nordmann');
    expect(text(element.querySelector('[role=status]'))).toContain('melderen har fått beskjed');
    expect(element.querySelector<HTMLInputElement>('#reveal-number')!.value).toBe('');
  });

  it('should put the API’s answer at the field it concerns', async () => {
    const { element, fixture, submit, type } = await render();
    type('#reveal-number', '2026-000045');
    type('#reveal-reason', 'Tilsynet ber om opplysninger om saken.');
    api.reveal.mockRejectedValueOnce(
      new HttpErrorResponse({
        error: { code: 'INCIDENT_REPORTER_NOT_HIDDEN', details: { reporterVisibility: 'anonymous' }, message: 'x', statusCode: 409 },
        status: 409,
      }),
    );
    await submit();
    await answer(fixture, true);
    expect(text(element.querySelector('#reveal-number')!.closest('mat-form-field'))).toContain('Saken er ikke meldt med skjult melder.');
    expect(element.querySelector('[role=status] h2')).toBeNull();

    api.reveal.mockRejectedValueOnce(new HttpErrorResponse({ error: { code: 'FORBIDDEN', message: 'x', statusCode: 403 }, status: 403 }));
    await submit();
    await answer(fixture, true);
    expect(text(element.querySelector('[role=alert]'))).toContain('Du har ikke tilgang til dette.');
  });
});
