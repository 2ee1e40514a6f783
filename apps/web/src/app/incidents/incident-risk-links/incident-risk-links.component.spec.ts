import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IncidentRiskLinkResponse } from '@helhet/shared';

import { IncidentRiskLinksApi } from './incident-risk-links.api';
import { IncidentRiskLinksComponent } from './incident-risk-links.component';

const linked: IncidentRiskLinkResponse = {
  analysis: { id: 'a1', status: 'in_progress', title: 'ROS Liavegen', type: 'service_ros' },
  canUnlink: true,
  linkedAt: '2027-01-02T10:00:00Z',
  linkedBy: { id: 'u1', name: 'Åse Lunde' },
  note: null,
  residualRisk: null,
  risk: {
    bandCode: 'high',
    bandLabel: 'Høy',
    colour: '#c01c28',
    consequenceRank: 4,
    likelihoodRank: 4,
    textColour: '#ffffff',
    typeCode: 'deaths',
  },
  scenarioId: 's1',
  scenarioTitle: 'For lav bemanning',
};

describe('IncidentRiskLinksComponent', () => {
  const api = { link: jest.fn(), linkable: jest.fn(), risks: jest.fn(), unlink: jest.fn() };

  const render = async (canEdit: boolean) => {
    await TestBed.configureTestingModule({
      imports: [IncidentRiskLinksComponent],
      providers: [provideRouter([]), { provide: IncidentRiskLinksApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(IncidentRiskLinksComponent);
    fixture.componentRef.setInput('incidentId', 'i1');
    fixture.componentRef.setInput('canEdit', canEdit);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, fixture };
  };

  beforeEach(() => {
    jest.resetAllMocks();
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('should show linked scenarios with their band as text, and no picker for readers', async () => {
    api.risks.mockResolvedValue([linked]);
    const { element } = await render(false);
    expect(element.textContent).toContain('For lav bemanning');
    expect(element.textContent).toContain('ROS Liavegen');
    expect(element.textContent).toContain('Risiko: Høy');
    expect(element.querySelector('#incident-risk-search')).toBeNull();
  });

  it('should search after typing, disable already linked scenarios, and hide the picker when the API forbids it', async () => {
    api.risks.mockResolvedValue([linked]);
    api.linkable.mockResolvedValue([
      { analysisId: 'a1', analysisTitle: 'ROS Liavegen', risk: null, scenarioId: 's1', scenarioTitle: 'For lav bemanning' },
      { analysisId: 'a1', analysisTitle: 'ROS Liavegen', risk: null, scenarioId: 's2', scenarioTitle: 'Brann på kjøkken' },
    ]);
    const { element, fixture } = await render(true);
    const input = element.querySelector<HTMLInputElement>('#incident-risk-search')!;
    input.value = 'b';
    input.dispatchEvent(new Event('input'));
    await jest.advanceTimersByTimeAsync(300);
    expect(api.linkable).not.toHaveBeenCalled();

    input.value = 'bemanning';
    input.dispatchEvent(new Event('input'));
    await jest.advanceTimersByTimeAsync(300);
    fixture.detectChanges();
    expect(api.linkable).toHaveBeenCalledTimes(1);
    expect(api.linkable).toHaveBeenCalledWith('bemanning');
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('.picker button')];
    expect(buttons.map((b) => b.disabled)).toEqual([true, false]);

    api.linkable.mockRejectedValue(new HttpErrorResponse({ status: 403 }));
    input.value = 'brann';
    input.dispatchEvent(new Event('input'));
    await jest.advanceTimersByTimeAsync(300);
    fixture.detectChanges();
    expect(element.querySelector('#incident-risk-search')).toBeNull();
  });
});
