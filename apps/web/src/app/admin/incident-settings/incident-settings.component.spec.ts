import { TestBed } from '@angular/core/testing';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_SEVERITY_POLICY } from '@helhet/domain';
import type { IncidentCategoryResponse, IncidentSettingsRequest, IncidentSettingsResponse } from '@helhet/shared';

import { IncidentSettingsApi } from './incident-settings.api';
import { IncidentSettingsComponent } from './incident-settings.component';

const categories: IncidentCategoryResponse[] = [
  {
    active: true,
    code: 'work_environment',
    hasSeverity: true,
    id: 'c-hms',
    label: 'Arbeidsmiljø (HMS)',
    restriction: 'none',
    sortOrder: 3,
    subcategories: [],
  },
];

describe('IncidentSettingsComponent', () => {
  const render = async () => {
    const settings: IncidentSettingsResponse = { deadlines: DEFAULT_DEADLINE_POLICY, severities: DEFAULT_SEVERITY_POLICY };
    const api = {
      categories: jest.fn().mockResolvedValue(categories),
      saveSettings: jest.fn((request: IncidentSettingsRequest) =>
        Promise.resolve({ deadlines: request.deadlines, severities: request.severities ?? DEFAULT_SEVERITY_POLICY }),
      ),
      settings: jest.fn().mockResolvedValue(settings),
    };
    await TestBed.configureTestingModule({
      imports: [IncidentSettingsComponent],
      providers: [{ provide: IncidentSettingsApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(IncidentSettingsComponent);
    await fixture.whenStable();
    await fixture.whenStable();
    return { api, element: fixture.nativeElement as HTMLElement, fixture };
  };

  it('should show categories, deadlines and the severity levels', async () => {
    const { element } = await render();
    expect(element.textContent).toContain('Arbeidsmiljø (HMS)');
    expect(element.querySelector('#deadlines-heading')).not.toBeNull();
    expect(element.querySelector('#severities-heading')!.textContent).toBe('Alvorlighetsgrader');
    expect(element.querySelectorAll('hh-severity-settings fieldset')).toHaveLength(4);
    expect(element.querySelector('.categories button')!.getAttribute('aria-label')).toBe('Endre Arbeidsmiljø (HMS)');
  });

  it('should save the deadlines without touching the severity levels', async () => {
    const { api, element, fixture } = await render();
    const ack = element.querySelector<HTMLInputElement>('#ack-days')!;
    ack.value = '3';
    ack.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    element.querySelector<HTMLFormElement>('form.deadlines')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.saveSettings).toHaveBeenCalledWith({ deadlines: { ...DEFAULT_DEADLINE_POLICY, acknowledgeWorkingDays: 3 } });
    expect(element.textContent).toContain('Fristene er lagret.');
  });
});
