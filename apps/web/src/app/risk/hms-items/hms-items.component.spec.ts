import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { HMS_SCALE, riskLevel } from '@helhet/domain';
import type { HmsRiskItemResponse, RiskAnalysisResponse, RiskFactorResponse } from '@helhet/shared';

import { HmsItemsApi } from './hms-items.api';
import { HmsItemsComponent } from './hms-items.component';

const FACTORS: RiskFactorResponse[] = [
  {
    code: 'violence_users',
    group: 'violence_threats',
    id: 'f-violence',
    labelEn: 'Violence',
    labelNb: 'Vold fra brukere, pasienter eller elever',
    serviceTypes: ['nursing_home'],
    sourceUrl: 'https://www.arbeidstilsynet.no/tema/vold-og-trusler/',
  },
  {
    code: 'patient_handling',
    group: 'ergonomic',
    id: 'f-lift',
    labelEn: 'Patient handling',
    labelNb: 'Tunge løft og forflytning av pasienter',
    serviceTypes: ['nursing_home'],
    sourceUrl: null,
  },
];

const position = (l: number, c: number) => {
  const level = riskLevel(HMS_SCALE, l, c);
  return {
    bandCode: level.code,
    bandLabel: level.labelNb,
    colour: level.colour,
    consequenceRank: c,
    likelihoodRank: l,
    textColour: level.textColour,
    typeCode: 'health_harm',
  };
};

const item = (factor: RiskFactorResponse, over: Partial<HmsRiskItemResponse> = {}): HmsRiskItemResponse => ({
  consequenceRank: null,
  existingMeasures: null,
  exposedCount: null,
  exposedGroup: null,
  factor: {
    code: factor.code,
    group: factor.group,
    id: factor.id,
    labelEn: factor.labelEn,
    labelNb: factor.labelNb,
    sourceUrl: factor.sourceUrl,
  },
  id: `item-${factor.code}`,
  likelihoodRank: null,
  proposedMeasures: null,
  rationale: null,
  residualConsequenceRank: null,
  residualLikelihoodRank: null,
  residualRisk: null,
  risk: null,
  sortOrder: 1,
  taskOrLocation: 'Stell av beboere',
  uncertainty: null,
  ...over,
});

const analysis = (over: Partial<RiskAnalysisResponse> = {}): RiskAnalysisResponse => ({
  approvedAt: null,
  canEdit: true,
  councilCaseNumber: null,
  councilDecisionDate: null,
  hmsItems: [],
  id: 'a1',
  mandate: null,
  nextRevisionAt: null,
  nextVersion: null,
  owner: null,
  previousVersion: null,
  revisionOverdue: false,
  scaleSet: { code: 'hms_default', id: 's-hms', version: 1 },
  scenarioCount: 0,
  scenarios: [],
  scopeOrgUnit: { id: 'o1', name: 'Liavegen sykehjem' },
  status: 'in_progress',
  title: 'HMS-risikovurdering',
  type: 'hms_ros',
  ...over,
});

describe('HmsItemsComponent', () => {
  const api = { add: jest.fn(), factors: jest.fn(), remove: jest.fn(), scaleSets: jest.fn(), update: jest.fn() };

  const render = async (value: RiskAnalysisResponse) => {
    Object.values(api).forEach((fn) => fn.mockReset());
    api.factors.mockResolvedValue(FACTORS);
    api.scaleSets.mockResolvedValue([{ code: 'hms_default', definition: HMS_SCALE, id: 's-hms', version: 1 }]);
    await TestBed.configureTestingModule({
      imports: [HmsItemsComponent],
      providers: [{ provide: HmsItemsApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(HmsItemsComponent);
    fixture.componentRef.setInput('analysis', value);
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    fixture.detectChanges();
    return { changed, element: fixture.nativeElement as HTMLElement, fixture };
  };

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('should group items by factor group with the band in text and colour', async () => {
    const { element } = await render(
      analysis({
        hmsItems: [
          item(FACTORS[1]!, { consequenceRank: 2, likelihoodRank: 2, risk: position(2, 2) }),
          item(FACTORS[0]!, {
            consequenceRank: 3,
            exposedCount: 35,
            exposedGroup: 'Helsefagarbeidere',
            likelihoodRank: 5,
            risk: position(5, 3),
            residualRisk: position(3, 3),
            residualLikelihoodRank: 3,
            residualConsequenceRank: 3,
          }),
        ],
      }),
    );
    // Catalogue group order: violence before ergonomic, whatever the item order.
    expect([...element.querySelectorAll('h3.group-title')].map(text)).toEqual([
      'Vold og trusler (1)',
      'Mekaniske og ergonomiske faktorer (1)',
    ]);
    const violence = element.querySelectorAll('li.item')[0]!;
    const band = violence.querySelector<HTMLElement>('.item-head .band')!;
    expect(text(band)).toBe(`Risiko: ${riskLevel(HMS_SCALE, 5, 3).labelNb}`);
    expect(band.style.backgroundColor).not.toBe('');
    expect(text(violence)).toContain('5 – Svært sannsynlig');
    expect(text(violence)).toContain('(35 personer)');
    expect(text(element)).toContain('2 faktorer, 2 av dem vurdert.');
  });

  it('should show an empty state and no edit controls on a read-only analysis', async () => {
    const { element } = await render(analysis({ canEdit: false }));
    expect(text(element.querySelector('.empty'))).toContain('Ingen arbeidsmiljøfaktorer er vurdert ennå.');
    expect(element.querySelectorAll('button')).toHaveLength(0);
  });

  it('should refuse a form without factor and task locally, and show the API’s field problems next to the fields', async () => {
    const { changed, element, fixture } = await render(analysis());
    element.querySelector<HTMLButtonElement>('#hms-add')!.click();
    fixture.detectChanges();
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(api.add).not.toHaveBeenCalled();
    expect(text(element.querySelector('form'))).toContain('Velg en arbeidsmiljøfaktor.');
    expect(text(element.querySelector('form'))).toContain('Skriv hvilken arbeidsoppgave eller hvilket sted det gjelder.');

    const component = fixture.componentInstance as unknown as {
      riskFactorId: { set(v: string): void };
      taskOrLocation: { set(v: string): void };
      likelihoodRank: { set(v: number): void };
    };
    component.riskFactorId.set('f-violence');
    component.taskOrLocation.set('Nattevakt');
    component.likelihoodRank.set(5);
    api.add.mockRejectedValueOnce(
      new HttpErrorResponse({
        error: {
          code: 'VALIDATION_FAILED',
          details: [{ field: 'likelihoodRank', reasons: ['must be 1–5 on this scale'] }],
          message: 'x',
          statusCode: 400,
        },
        status: 400,
      }),
    );
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(api.add).toHaveBeenCalledWith(
      'a1',
      expect.objectContaining({ likelihoodRank: 5, riskFactorId: 'f-violence', taskOrLocation: 'Nattevakt' }),
    );
    expect(text(element.querySelector('[role=alert]'))).toContain('Noen felt er ikke riktig fylt ut.');
    expect(text(element.querySelector('form'))).toContain('Velg et nivå fra skalaen.');
    expect(changed).not.toHaveBeenCalled();

    const saved = analysis({ hmsItems: [item(FACTORS[0]!, { taskOrLocation: 'Nattevakt' })] });
    api.add.mockResolvedValueOnce(saved);
    element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(changed).toHaveBeenCalledWith(saved);
    expect(element.querySelector('form')).toBeNull();
    expect(text(element.querySelector('[role=status]'))).toBe('Faktoren er lagt til i vurderingen.');
  });

  it('should delete only after confirmation', async () => {
    const existing = item(FACTORS[0]!);
    const { changed, element, fixture } = await render(analysis({ hmsItems: [existing] }));
    element.querySelector<HTMLButtonElement>(`#hms-delete-${existing.id}`)!.click();
    fixture.detectChanges();
    expect(api.remove).not.toHaveBeenCalled();
    expect(text(element.querySelector('.item-head .band'))).toBe('Ikke vurdert');
    expect(text(element.querySelector('.confirm'))).toContain('Vil du slette «Vold fra brukere, pasienter eller elever» fra vurderingen?');
    api.remove.mockResolvedValueOnce(analysis());
    element.querySelector<HTMLButtonElement>(`#hms-confirm-${existing.id}`)!.click();
    await fixture.whenStable();
    expect(api.remove).toHaveBeenCalledWith('a1', existing.id);
    expect(changed).toHaveBeenCalled();
  });
});
