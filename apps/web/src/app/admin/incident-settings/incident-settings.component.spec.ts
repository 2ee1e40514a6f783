import { TestBed } from '@angular/core/testing';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_SEVERITY_POLICY } from '@helhet/domain';
import type {
  CategoryRestrictionChangeResponse,
  IncidentCategoryResponse,
  IncidentSettingsRequest,
  IncidentSettingsResponse,
} from '@helhet/shared';

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
  const render = async (pending: CategoryRestrictionChangeResponse[] = []) => {
    const settings: IncidentSettingsResponse = { deadlines: DEFAULT_DEADLINE_POLICY, severities: DEFAULT_SEVERITY_POLICY };
    const api = {
      categories: jest.fn().mockResolvedValue(categories),
      restrictionChanges: jest.fn().mockResolvedValue(pending),
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

  it('should show that a loosened restriction waits for the DPO', async () => {
    const { api, element } = await render([
      {
        approverRole: 'dpo',
        canDecide: false,
        category: { code: 'work_environment', id: 'c-hms', label: 'Arbeidsmiljø (HMS)' },
        decidedAt: null,
        decidedBy: null,
        fromRestriction: 'infosec',
        id: 'rc-1',
        proposedAt: new Date().toISOString(),
        proposedBy: { id: 'u-1', name: 'Kari Kvalitet' },
        status: 'pending',
        toRestriction: 'none',
      },
    ]);
    expect(api.restrictionChanges).toHaveBeenCalledWith('pending');
    expect(element.querySelector('[data-pending="rc-1"]')!.textContent).toContain('Venter på godkjenning fra personvernombudet');
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
