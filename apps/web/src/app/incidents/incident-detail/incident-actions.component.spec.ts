import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IncidentResponse } from '@helhet/shared';

import { IncidentsApi } from '../incidents.api';
import { IncidentActionsComponent } from './incident-actions.component';

const incident = (over: Partial<IncidentResponse> = {}): IncidentResponse => ({
  acknowledgeDueAt: '2026-03-12T12:00:00Z',
  acknowledgedAt: '2026-03-10T12:00:00Z',
  affectedPartyType: 'none',
  attachments: [],
  availableActions: ['assign_handler', 'forward', 'reject', 'plan_measures', 'close'],
  breach: null,
  category: { code: 'work_environment', id: 'c1', label: 'Arbeidsmiljø (HMS)' },
  causeCategory: null,
  closeDueAt: '2026-04-10T12:00:00Z',
  closedAt: null,
  closureSummary: null,
  description: 'Nødutgangen var sperret.',
  dueAt: '2026-04-10T12:00:00Z',
  escalationLevel: 0,
  events: [],
  externalNotifications: [],
  feedbackToReporter: null,
  handler: { id: 'u1', name: 'Åse Lunde' },
  id: 'i1',
  immediateActions: null,
  injury: null,
  isReporter: false,
  kind: 'deviation',
  location: null,
  measures: [],
  noMeasureReason: null,
  number: '2026-0042',
  occurredAt: '2026-03-10T10:00:00Z',
  orgUnit: { id: 'o1', name: 'Liavegen sykehjem' },
  overdue: false,
  reportedAt: '2026-03-10T11:00:00Z',
  reporter: null,
  reporterVisibility: 'named',
  responsible: null,
  restricted: false,
  severityActual: 'low',
  severityPotential: 'medium',
  status: 'in_progress',
  subcategory: null,
  ...over,
});

describe('IncidentActionsComponent', () => {
  const transition = jest.fn();

  const render = async (value: IncidentResponse) => {
    transition.mockReset();
    await TestBed.configureTestingModule({
      imports: [IncidentActionsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: IncidentsApi, useValue: { transition } }],
    }).compileComponents();
    const fixture = TestBed.createComponent(IncidentActionsComponent);
    fixture.componentRef.setInput('incident', value);
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    return { changed, element: fixture.nativeElement as HTMLElement, fixture };
  };

  const buttons = (element: HTMLElement) => [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());

  it('should offer exactly the actions the API allows, with their Norwegian labels', async () => {
    const { element } = await render(incident({ availableActions: ['acknowledge', 'reject'], status: 'registered' }));
    expect(buttons(element)).toEqual(['Ta saken', 'Avvis']);
  });

  it('should offer nothing when the API allows nothing', async () => {
    const { element } = await render(incident({ availableActions: [], isReporter: true }));
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('should refuse to send a close without cause, summary, feedback and measures, and say why on each field', async () => {
    const { element, fixture } = await render(incident());
    element.querySelector<HTMLButtonElement>('#action-btn-close')!.click();
    await fixture.whenStable();
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(transition).not.toHaveBeenCalled();
    const text = element.textContent ?? '';
    expect(text).toContain('Velg hva som var årsaken.');
    expect(text).toContain('Skriv en kort oppsummering av behandlingen.');
    expect(text).toContain('Skriv en tilbakemelding til den som meldte saken.');
    expect(text).toContain('Legg inn minst ett tiltak, eller forklar hvorfor det ikke trengs tiltak.');
    const summary = element.querySelector('#close-summary')!;
    expect(summary.closest('mat-form-field')!.classList).toContain('mat-form-field-invalid');
    const describedBy = summary.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => element.querySelector(`[id="${id}"]`)?.textContent?.trim())).toContain(
      'Skriv en kort oppsummering av behandlingen.',
    );
  });

  it('should tell the handler to finish the measures before closing', async () => {
    const { element, fixture } = await render(
      incident({
        measures: [
          {
            completedAt: null,
            deadline: null,
            description: null,
            id: 'm1',
            overdue: false,
            owner: null,
            status: 'planned',
            title: 'Merk rømningsvei',
          },
        ],
      }),
    );
    element.querySelector<HTMLButtonElement>('#action-btn-close')!.click();
    await fixture.whenStable();
    expect(element.textContent).toContain('1 tiltak er ikke utført eller avbrutt.');
    expect(element.querySelector('#close-no-measure')).toBeNull();
  });

  it('should take the case at once, report the new status and hand the updated case to the page', async () => {
    const updated = incident({ availableActions: ['close'], status: 'in_progress' });
    const { changed, element, fixture } = await render(incident({ availableActions: ['acknowledge'], status: 'registered' }));
    transition.mockResolvedValue(updated);
    element.querySelector<HTMLButtonElement>('#action-btn-acknowledge')!.click();
    await fixture.whenStable();
    expect(transition).toHaveBeenCalledWith('i1', { action: 'acknowledge' });
    expect(changed).toHaveBeenCalledWith(updated);
    expect(element.querySelector('#action-result')!.textContent).toBe('Du har tatt saken. Status: Under behandling.');
  });
});
