import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { IncidentsApi } from '../incidents.api';
import { ReceiptComponent } from './receipt.component';

describe('ReceiptComponent', () => {
  const render = async (receipt: jest.Mock) => {
    await TestBed.configureTestingModule({
      imports: [ReceiptComponent],
      providers: [provideRouter([]), { provide: IncidentsApi, useValue: { receipt } }],
    }).compileComponents();
    const fixture = TestBed.createComponent(ReceiptComponent);
    fixture.componentRef.setInput('code', '7k2m q9xd 4hnp t3va');
    await fixture.whenStable();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  it('should look up ?code= at once and show the status', async () => {
    const receipt = jest.fn().mockResolvedValue({
      closedAt: null,
      feedbackToReporter: null,
      number: '2026-000043',
      reportedAt: '2026-11-28T10:00:00Z',
      status: 'registered',
    });
    const element = await render(receipt);
    expect(receipt).toHaveBeenCalledWith('7K2M-Q9XD-4HNP-T3VA');
    expect(element.querySelector('h2')!.textContent).toContain('2026-000043');
    expect(element.querySelector('[data-testid="receipt-status"]')!.textContent).toBe('Registrert');
    expect(element.textContent).toContain('Ingen tilbakemelding ennå');
  });

  it('should say so in Norwegian when no report has the code', async () => {
    const notFound = new HttpErrorResponse({ error: { code: 'INCIDENT_NOT_FOUND', message: 'x', statusCode: 404 }, status: 404 });
    const element = await render(jest.fn().mockRejectedValue(notFound));
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('Fant ingen melding med denne koden');
  });

  it('should look up a typed code when the form is sent', async () => {
    const receipt = jest.fn().mockResolvedValue({
      closedAt: '2026-12-01T10:00:00Z',
      feedbackToReporter: 'Rutinen er endret.',
      number: '2026-000044',
      reportedAt: '2026-11-28T10:00:00Z',
      status: 'closed',
    });
    const element = await render(receipt);
    const input = element.querySelector<HTMLInputElement>('#receipt-code')!;
    input.value = 'abcd efgh jkmn pqrs';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(receipt).toHaveBeenLastCalledWith('ABCD-EFGH-JKMN-PQRS');
  });
});
