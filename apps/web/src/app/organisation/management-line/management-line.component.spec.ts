import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ManagementLineEntryResponse } from '@helhet/shared';

import { ManagementLineComponent } from './management-line.component';

const entry = (over: Partial<ManagementLineEntryResponse>): ManagementLineEntryResponse => ({
  formalLeader: null,
  levelType: 'unit',
  orgUnitId: 'u1',
  orgUnitName: 'Liavegen sykehjem',
  responsible: { id: 'p1', name: 'Kari Nordmann' },
  source: 'leader',
  until: null,
  ...over,
});

describe('ManagementLineComponent', () => {
  const render = async (line: ManagementLineEntryResponse[]) => {
    await TestBed.configureTestingModule({ imports: [ManagementLineComponent], providers: [provideRouter([])] }).compileComponents();
    const fixture = TestBed.createComponent(ManagementLineComponent);
    fixture.componentRef.setInput('line', line);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  };

  it('should list the levels from the unit up to the kommunedirektør in order', async () => {
    const element = await render([
      entry({}),
      entry({ levelType: 'sector', orgUnitId: 's1', orgUnitName: 'Helse og omsorg', responsible: { id: 'p2', name: 'Bjørn Solheim' } }),
      entry({ levelType: 'municipality', orgUnitId: 'k1', orgUnitName: 'Fjordvik kommune', responsible: { id: 'p3', name: 'Anne Berg' } }),
    ]);
    const items = [...element.querySelectorAll('li')].map((li) => li.querySelector('.person')?.textContent?.trim());
    expect(items).toEqual(['Kari Nordmann', 'Bjørn Solheim', 'Anne Berg']);
  });

  it('should mark an acting leader with the end date and the formal leader', async () => {
    const element = await render([
      entry({
        formalLeader: { id: 'p9', name: 'Ola Hansen' },
        responsible: { id: 'p1', name: 'Kari Nordmann' },
        source: 'acting',
        until: '2027-01-31',
      }),
    ]);
    const item = element.querySelector('li')!;
    expect(item.classList).toContain('standin');
    expect(item.textContent).toContain('Konstituert');
    expect(item.textContent).toContain('for Ola Hansen');
    expect(item.textContent).toMatch(/31\.? jan/);
  });

  it('should say that a vacant level passes responsibility upwards', async () => {
    const element = await render([entry({ responsible: null, source: 'vacant' })]);
    expect(element.querySelector('li')!.classList).toContain('vacant');
    expect(element.textContent).toContain('Ledig');
    expect(element.querySelector('.person')).toBeNull();
  });
});
