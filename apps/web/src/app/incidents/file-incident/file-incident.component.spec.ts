import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FileIncidentRequest, FilingUnitResponse, IncidentCategoryResponse, IncidentSeverityOption } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';
import { IncidentsApi } from '../incidents.api';
import { FileIncidentComponent } from './file-incident.component';

const unit: FilingUnitResponse = { id: '0b5d7c1e-1111-4a5b-8c9d-000000000001', name: 'Liavegen sykehjem', parentName: 'Helse og omsorg' };
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
  {
    active: true,
    code: 'personal_injury',
    hasSeverity: true,
    id: 'c-injury',
    label: 'Personskade',
    restriction: 'injury',
    sortOrder: 2,
    subcategories: [],
  },
  {
    active: true,
    code: 'information_security',
    hasSeverity: true,
    id: 'c-infosec',
    label: 'Informasjonssikkerhet',
    restriction: 'infosec',
    sortOrder: 6,
    subcategories: [],
  },
];

const shippedScale: IncidentSeverityOption[] = [
  { active: true, code: 'low', description: 'Ingen eller ubetydelig følge.', label: 'Lav' },
  { active: true, code: 'medium', description: 'Mindre skade eller ulempe som kan rettes på stedet.', label: 'Middels' },
  { active: true, code: 'high', description: 'Alvorlig skade eller brudd som må følges opp over enheten.', label: 'Høy' },
  {
    active: true,
    code: 'critical',
    description: 'Død, alvorlig personskade, hendelse som skal meldes til myndighetene, eller alvorlig brudd på lov eller sikkerhet.',
    label: 'Kritisk',
  },
];

describe('FileIncidentComponent', () => {
  let api: { categories: jest.Mock; filingUnits: jest.Mock; file: jest.Mock; severities: jest.Mock };

  beforeAll(() => {
    Element.prototype.scrollIntoView = jest.fn(); // jsdom has no layout
  });

  const render = async (
    scale: IncidentSeverityOption[] | HttpErrorResponse = shippedScale,
  ): Promise<{ fixture: ComponentFixture<FileIncidentComponent>; element: HTMLElement }> => {
    api = {
      categories: jest.fn().mockResolvedValue(categories),
      file: jest.fn().mockResolvedValue({ id: 'i1', number: '2026-000042', receiptCode: null }),
      filingUnits: jest.fn().mockResolvedValue([unit]),
      severities: Array.isArray(scale) ? jest.fn().mockResolvedValue(scale) : jest.fn().mockRejectedValue(scale),
    };
    await TestBed.configureTestingModule({
      imports: [FileIncidentComponent],
      providers: [
        provideRouter([]),
        { provide: IncidentsApi, useValue: api },
        { provide: AuthService, useValue: { me: signal({ id: 'me' }) } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(FileIncidentComponent);
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, fixture };
  };

  const type = async (fixture: ComponentFixture<unknown>, selector: string, value: string) => {
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  const component = (fixture: ComponentFixture<FileIncidentComponent>) =>
    fixture.componentInstance as unknown as { form: { patchValue: (value: object) => void }; submit: () => Promise<void> };

  it('should preselect the reporter’s own unit and list the categories', async () => {
    const { element } = await render();
    expect(api.filingUnits).toHaveBeenCalledWith('');
    expect(element.querySelector<HTMLInputElement>('#incident-unit')!.value).toBe('Liavegen sykehjem');
    expect(element.querySelector('h1')!.textContent).toContain('Meld avvik');
  });

  it('should warn, without blocking, when the description holds a national identity number', async () => {
    const { element, fixture } = await render();
    await type(fixture, '#incident-description', 'Journal for 01010112345 lå fremme');
    // 01010112345 is not a valid number (control digits), so no warning yet
    expect(element.querySelector('#pii-description')!.textContent!.trim()).toBe('');
    await type(fixture, '#incident-description', 'Journal for 01017012343 lå fremme');
    expect(element.querySelector('#pii-description')!.textContent).toContain('fødselsnummer');
  });

  it('should hide the actual severity for a near miss', async () => {
    const { element, fixture } = await render();
    expect(element.querySelector('#severity-actual-label')).not.toBeNull();
    component(fixture).form.patchValue({ kind: 'near_miss' });
    await fixture.whenStable();
    expect(element.querySelector('#severity-actual-label')).toBeNull();
    expect(element.querySelector('#severity-potential-label')).not.toBeNull();
  });

  it('should offer the shipped severity scale with its guidance', async () => {
    const { element } = await render();
    const labels = Array.from(element.querySelectorAll('[aria-labelledby="severity-actual-label"] mat-radio-button')).map((radio) =>
      radio.textContent!.trim(),
    );
    expect(labels).toEqual(['Lav', 'Middels', 'Høy', 'Kritisk']);
    expect(element.querySelector('#severity-help')!.textContent).toContain('Kritisk: Død, alvorlig personskade');
  });

  it('should offer only the tenant’s active levels, with the tenant’s names and guidance', async () => {
    const scale = shippedScale.map((option) =>
      option.code === 'low'
        ? { ...option, active: false }
        : option.code === 'high'
          ? { ...option, description: 'Må følges opp av kommunalsjefen.', label: 'Alvorlig' }
          : option,
    );
    const { element, fixture } = await render(scale);
    const radios = (group: string) =>
      Array.from(element.querySelectorAll(`[aria-labelledby="${group}"] mat-radio-button`)).map((radio) => radio.textContent!.trim());
    expect(radios('severity-actual-label')).toEqual(['Middels', 'Alvorlig', 'Kritisk']);
    expect(radios('severity-potential-label')).toEqual(['Middels', 'Alvorlig', 'Kritisk']);
    const help = element.querySelector('#severity-help')!.textContent!;
    expect(help).toContain('Alvorlig: Må følges opp av kommunalsjefen.');
    expect(help).not.toContain('Lav');
    component(fixture).form.patchValue({ categoryId: 'c-hms', description: 'Glatt gulv', severityActual: 'high' });
    await component(fixture).submit();
    expect((api.file.mock.calls[0][0] as FileIncidentRequest).severityActual).toBe('high');
  });

  it('should keep the shipped scale when the tenant’s cannot be loaded', async () => {
    const { element } = await render(new HttpErrorResponse({ status: 500 }));
    const labels = Array.from(element.querySelectorAll('[aria-labelledby="severity-actual-label"] mat-radio-button')).map((radio) =>
      radio.textContent!.trim(),
    );
    expect(labels).toEqual(['Lav', 'Middels', 'Høy', 'Kritisk']);
    expect(element.querySelector('[role="alert"]')!.textContent!.trim()).toBe('');
  });

  it('should show the injury register only for injury categories and the breach section for infosec', async () => {
    const { element, fixture } = await render();
    component(fixture).form.patchValue({ categoryId: 'c-injury' });
    await fixture.whenStable();
    expect(element.querySelector('hh-injury-section')).not.toBeNull();
    expect(element.querySelector('hh-breach-section')).toBeNull();
    component(fixture).form.patchValue({ categoryId: 'c-infosec' });
    await fixture.whenStable();
    expect(element.querySelector('hh-breach-section')).not.toBeNull();
    expect(element.textContent).toContain('72 timer');
  });

  it('should not send an incomplete form, and should send a complete one and show the case number', async () => {
    const { element, fixture } = await render();
    await component(fixture).submit();
    await fixture.whenStable();
    expect(api.file).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Beskriv hva som skjedde.');
    component(fixture).form.patchValue({ categoryId: 'c-hms', description: 'Glatt gulv i gangen', severityActual: 'low' });
    await component(fixture).submit();
    await fixture.whenStable();
    const request = api.file.mock.calls[0][0] as FileIncidentRequest;
    expect(request).toMatchObject({
      affectedPartyType: 'employee',
      categoryId: 'c-hms',
      kind: 'deviation',
      orgUnitId: unit.id,
      reporterVisibility: 'named',
      severityActual: 'low',
    });
    expect(request.injury).toBeNull();
    expect(element.querySelector('[data-testid="case-number"]')!.textContent).toBe('2026-000042');
    expect(element.textContent).toContain('Mine saker');
  });

  it('should show the API’s field errors on the fields in Norwegian', async () => {
    const { element, fixture } = await render();
    api.file.mockRejectedValue(
      new HttpErrorResponse({
        error: {
          code: 'VALIDATION_FAILED',
          details: [{ field: 'occurredAt', reasons: ['must not be in the future'] }],
          message: 'x',
          statusCode: 400,
        },
        status: 400,
      }),
    );
    component(fixture).form.patchValue({ categoryId: 'c-hms', description: 'Glatt gulv', severityActual: 'low' });
    await component(fixture).submit();
    await fixture.whenStable();
    expect(element.textContent).toContain('Noen felt er ikke riktig fylt ut.');
    expect(element.textContent).toContain('Sjekk tidspunktet.');
  });

  it('should send one Idempotency-Key per form, the same on a retry and a new one for the next report', async () => {
    const { fixture } = await render();
    api.file.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
    component(fixture).form.patchValue({ categoryId: 'c-hms', description: 'Glatt gulv', severityActual: 'low' });
    await component(fixture).submit();
    await component(fixture).submit();
    const [first, retry] = api.file.mock.calls.map((call) => call[2] as string);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    (component(fixture) as unknown as { another: () => void }).another();
    component(fixture).form.patchValue({ categoryId: 'c-hms', description: 'Våt trapp', severityActual: 'low' });
    await component(fixture).submit();
    expect(api.file.mock.calls[2]![2]).not.toBe(first);
  });

  it('should show the receipt code once for an anonymous report', async () => {
    const { element, fixture } = await render();
    api.file.mockResolvedValue({ id: null, number: '2026-000043', receiptCode: '7K2M-Q9XD-4HNP-T3VA' });
    component(fixture).form.patchValue({
      categoryId: 'c-hms',
      description: 'Glatt gulv',
      reporterVisibility: 'anonymous',
      severityActual: 'low',
    });
    await fixture.whenStable();
    expect(element.textContent).toContain('I små enheter');
    await component(fixture).submit();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="receipt-code"]')!.textContent).toBe('7K2M-Q9XD-4HNP-T3VA');
    expect(element.querySelector('a[href="/incidents/receipt"]')).not.toBeNull();
  });
});
