import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ScenarioLinksResponse } from '@helhet/shared';

import { ScenarioLinksApi } from './scenario-links.api';
import { ScenarioLinksComponent } from './scenario-links.component';

const links = (overrides: Partial<ScenarioLinksResponse> = {}): ScenarioLinksResponse => ({
  evidence: [],
  evidenceCount: 0,
  measures: [],
  scenarioId: 's1',
  ...overrides,
});

describe('ScenarioLinksComponent', () => {
  const api = { createMeasure: jest.fn(), get: jest.fn(), linkIncident: jest.fn(), unlinkIncident: jest.fn(), unlinkMeasure: jest.fn() };

  const render = async (canEdit: boolean) => {
    await TestBed.configureTestingModule({
      imports: [ScenarioLinksComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: ScenarioLinksApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(ScenarioLinksComponent);
    fixture.componentRef.setInput('analysisId', 'a1');
    fixture.componentRef.setInput('scenario', { id: 's1', title: 'Strømbrudd' });
    fixture.componentRef.setInput('canEdit', canEdit);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, fixture };
  };

  beforeEach(() => jest.resetAllMocks());

  it('should list measures and evidence without editing controls for readers', async () => {
    api.get.mockResolvedValue(
      links({
        evidence: [
          {
            category: { code: 'work_environment', label: 'Arbeidsmiljø' },
            incidentId: 'i1',
            linkedAt: '2027-01-02T10:00:00Z',
            note: null,
            number: '2027-000042',
            occurredAt: '2027-01-01T10:00:00Z',
            severity: 'high',
            status: 'registered',
          },
        ],
        evidenceCount: 1,
        measures: [
          {
            completedAt: null,
            deadline: '2020-01-01',
            description: null,
            id: 'm1',
            incidentCount: 2,
            orgUnit: { id: 'u1', name: 'Liavegen' },
            overdue: true,
            owner: { id: 'p1', name: 'Åse Lunde' },
            status: 'planned',
            title: 'Aggregat',
          },
        ],
      }),
    );
    const { element } = await render(false);
    expect(api.get).toHaveBeenCalledWith('a1', 's1');
    expect(element.textContent).toContain('Aggregat');
    expect(element.textContent).toContain('Åse Lunde');
    expect(element.textContent).toContain('(forfalt)');
    expect(element.textContent).toContain('2027-000042');
    expect(element.textContent).not.toContain('Nytt tiltak');
    expect(element.textContent).not.toContain('Koble avvik');
  });

  it('should normalise a short avvik number before linking and refuse nonsense without calling the API', async () => {
    api.get.mockResolvedValue(links());
    api.linkIncident.mockResolvedValue(links({ evidenceCount: 1 }));
    const { element, fixture } = await render(true);
    const input = element.querySelector<HTMLInputElement>('#evidence-number-s1')!;
    const submit = () => element.querySelectorAll('form')[0]!.dispatchEvent(new Event('submit'));

    input.value = 'avvik';
    input.dispatchEvent(new Event('input'));
    submit();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(api.linkIncident).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    expect(element.textContent).toContain('Skriv et avviksnummer');

    input.value = '2027-42';
    input.dispatchEvent(new Event('input'));
    submit();
    await fixture.whenStable();
    expect(api.linkIncident).toHaveBeenCalledWith('s1', { incidentNumber: '2027-000042', note: null });
  });
});
