import { HttpErrorResponse } from '@angular/common/http';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_SEVERITY_POLICY, type SeverityPolicy } from '@helhet/domain';
import type { IncidentSettingsRequest, IncidentSettingsResponse } from '@helhet/shared';

import { IncidentSettingsApi } from './incident-settings.api';
import { SeveritySettingsComponent } from './severity-settings.component';

describe('SeveritySettingsComponent', () => {
  let api: { saveSettings: jest.Mock };

  const render = async (): Promise<{
    fixture: ComponentFixture<SeveritySettingsComponent>;
    element: HTMLElement;
    saved: IncidentSettingsResponse[];
  }> => {
    api = {
      saveSettings: jest.fn((request: IncidentSettingsRequest) =>
        Promise.resolve({ deadlines: request.deadlines, severities: request.severities }),
      ),
    };
    await TestBed.configureTestingModule({
      imports: [SeveritySettingsComponent],
      providers: [{ provide: IncidentSettingsApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(SeveritySettingsComponent);
    fixture.componentRef.setInput('policy', DEFAULT_SEVERITY_POLICY);
    fixture.componentRef.setInput('deadlines', DEFAULT_DEADLINE_POLICY);
    const saved: IncidentSettingsResponse[] = [];
    fixture.componentInstance.saved.subscribe((value) => saved.push(value));
    await fixture.whenStable();
    return { element: fixture.nativeElement as HTMLElement, fixture, saved };
  };

  const type = async (fixture: ComponentFixture<unknown>, selector: string, value: string) => {
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  const toggle = async (fixture: ComponentFixture<unknown>, selector: string) => {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`${selector} input[type="checkbox"]`)!.click();
    await fixture.whenStable();
  };

  const submit = async (fixture: ComponentFixture<unknown>) => {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    await fixture.whenStable();
  };

  it('should show the four fixed levels with labelled settings, and keep critical always on', async () => {
    const { element } = await render();
    expect(Array.from(element.querySelectorAll('legend')).map((legend) => legend.textContent!.trim())).toEqual([
      'Nivå 1 (lavest)',
      'Nivå 2',
      'Nivå 3',
      'Nivå 4 (høyest)',
    ]);
    expect(element.querySelector<HTMLInputElement>('#severity-high-label')!.value).toBe('Høy');
    expect(element.querySelector('label[for="severity-high-label"]')?.textContent).toContain('Navn');
    expect(element.querySelector('#severity-low-active')).not.toBeNull();
    expect(element.querySelector('#severity-critical-active')).toBeNull();
    expect(element.querySelector('#severity-critical-active-hint')!.textContent).toContain('Alltid i bruk');
    expect(element.querySelector<HTMLInputElement>('#severity-critical-same-day input')!.checked).toBe(true);
  });

  it('should save a renamed level and a level switched off, with the saved deadlines', async () => {
    const { element, fixture, saved } = await render();
    await type(fixture, '#severity-high-label', 'Alvorlig');
    await toggle(fixture, '#severity-low-active');
    await toggle(fixture, '#severity-high-same-day');
    await submit(fixture);
    const request = api.saveSettings.mock.calls[0][0] as IncidentSettingsRequest;
    expect(request.deadlines).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(request.severities!.high).toEqual({ ...DEFAULT_SEVERITY_POLICY.high, label: 'Alvorlig', sameDayAcknowledge: true });
    expect(request.severities!.low.active).toBe(false);
    expect(saved).toHaveLength(1);
    expect(element.querySelector('[role="status"]')!.textContent).toContain('Alvorlighetsgradene er lagret.');
  });

  it('should refuse a blank name and too few levels before asking the API, with the errors on the fields', async () => {
    const { element, fixture } = await render();
    await type(fixture, '#severity-medium-label', '  ');
    await submit(fixture);
    expect(api.saveSettings).not.toHaveBeenCalled();
    const input = element.querySelector<HTMLInputElement>('#severity-medium-label')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toContain('Skriv et navn');
    expect(document.activeElement).toBe(input);
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('Noen felt er ikke riktig fylt ut.');

    await type(fixture, '#severity-medium-label', 'Middels');
    for (const code of ['low', 'medium', 'high']) await toggle(fixture, `#severity-${code}-active`);
    await submit(fixture);
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(element.querySelector('#severities-error')!.textContent).toContain('Minst to alvorlighetsgrader');
  });

  it('should show the API’s field errors in Norwegian', async () => {
    const { element, fixture } = await render();
    api.saveSettings.mockRejectedValue(
      new HttpErrorResponse({
        error: {
          code: 'VALIDATION_FAILED',
          details: [{ field: 'severities.low.notify', reasons: ['must be one of handler, next_level, sector_and_top'] }],
          message: 'x',
          statusCode: 400,
        },
        status: 400,
      }),
    );
    await submit(fixture);
    expect(element.querySelector('#severity-low-notify-error')!.textContent).toContain('Velg hvem som skal varsles.');
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('Noen felt er ikke riktig fylt ut.');
  });

  it('should start over from a newly saved scale', async () => {
    const { element, fixture } = await render();
    const renamed: SeverityPolicy = { ...DEFAULT_SEVERITY_POLICY, low: { ...DEFAULT_SEVERITY_POLICY.low, label: 'Ubetydelig' } };
    fixture.componentRef.setInput('policy', renamed);
    await fixture.whenStable();
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('#severity-low-label')!.value).toBe('Ubetydelig');
  });
});
