import { TestBed } from '@angular/core/testing';
import type { CategoryRestrictionChangeResponse } from '@helhet/shared';

import { IncidentSettingsApi } from '../incident-settings/incident-settings.api';
import { RestrictionApprovalsComponent } from './restriction-approvals.component';

const change = (over: Partial<CategoryRestrictionChangeResponse>): CategoryRestrictionChangeResponse => ({
  approverRole: 'dpo',
  canDecide: true,
  category: { code: 'information_security', id: 'c-1', label: 'Informasjonssikkerhet / personvern' },
  decidedAt: null,
  decidedBy: null,
  fromRestriction: 'infosec',
  id: 'rc-1',
  proposedAt: '2026-12-01T10:00:00.000Z',
  proposedBy: { id: 'u-1', name: 'Kari Kvalitet' },
  status: 'pending',
  toRestriction: 'none',
  ...over,
});

describe('RestrictionApprovalsComponent', () => {
  const render = async (changes: CategoryRestrictionChangeResponse[]) => {
    const api = {
      decideRestrictionChange: jest.fn().mockResolvedValue(change({ status: 'approved' })),
      restrictionChanges: jest.fn().mockResolvedValueOnce(changes).mockResolvedValue([]),
    };
    await TestBed.configureTestingModule({
      imports: [RestrictionApprovalsComponent],
      providers: [{ provide: IncidentSettingsApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(RestrictionApprovalsComponent);
    await fixture.whenStable();
    fixture.detectChanges();
    return { api, element: fixture.nativeElement as HTMLElement, fixture };
  };

  it('should let the approver approve a pending change', async () => {
    const { api, element, fixture } = await render([change({})]);
    const item = element.querySelector('[data-change="rc-1"]')!;
    expect(item.textContent).toContain('Kari Kvalitet');
    const approve = [...item.querySelectorAll('button')].find((button) => button.textContent?.includes('Godkjenn'))!;
    approve.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(api.decideRestrictionChange).toHaveBeenCalledWith('rc-1', 'approve');
    expect(element.textContent).toContain('er godkjent og gjelder nå');
    expect(element.textContent).toContain('Ingen endringer venter på godkjenning.');
  });

  it('should offer no buttons to someone who cannot decide (the proposer)', async () => {
    const { element } = await render([change({ canDecide: false })]);
    expect(element.querySelectorAll('[data-change] button')).toHaveLength(0);
    expect(element.textContent).toContain('Du kan ikke godkjenne denne endringen.');
  });
});
