import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IncidentResponse, MeasureResponse } from '@helhet/shared';

import { IncidentsApi } from '../incidents.api';
import { MeasuresPanelComponent } from './measures-panel.component';

const measure = (id: string, over: Partial<MeasureResponse>): MeasureResponse => ({
  completedAt: null,
  deadline: null,
  description: null,
  id,
  overdue: false,
  owner: null,
  status: 'planned',
  title: `Tiltak ${id}`,
  ...over,
});

describe('MeasuresPanelComponent', () => {
  afterEach(() => jest.restoreAllMocks());

  const render = async (measures: MeasureResponse[]) => {
    // Tuesday 10 March 2026, noon, local time.
    jest.spyOn(Date, 'now').mockReturnValue(new Date(2026, 2, 10, 12, 0).getTime());
    await TestBed.configureTestingModule({
      imports: [MeasuresPanelComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: IncidentsApi, useValue: {} }],
    }).compileComponents();
    const fixture = TestBed.createComponent(MeasuresPanelComponent);
    // The panel reads only the case id and its measures.
    fixture.componentRef.setInput('incident', { id: 'i1', measures } as Pick<IncidentResponse, 'id' | 'measures'> as IncidentResponse);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  const deadlineText = (element: HTMLElement, title: string) => {
    const item = [...element.querySelectorAll('li.measure')].find((li) => li.querySelector('h3')?.textContent === title)!;
    const facts = [...item.querySelectorAll('dt')];
    const deadline = facts.find((dt) => dt.textContent === 'Frist')!.nextElementSibling!;
    return { item, text: deadline.textContent?.replace(/\s+/g, ' ').trim() };
  };

  it('should say in words how each open deadline stands, counted in calendar days from today', async () => {
    const element = await render([
      measure('a', { deadline: '2026-03-08' }),
      measure('b', { deadline: '2026-03-10' }),
      measure('c', { deadline: '2026-03-11', status: 'in_progress' }),
      measure('d', { deadline: '2026-03-15', status: 'postponed' }),
    ]);
    expect(deadlineText(element, 'Tiltak a').text).toBe('8. mars 2026 Forfalt');
    expect(deadlineText(element, 'Tiltak b').text).toBe('10. mars 2026 Forfaller i dag');
    expect(deadlineText(element, 'Tiltak c').text).toBe('11. mars 2026 Forfaller i morgen');
    expect(deadlineText(element, 'Tiltak d').text).toBe('15. mars 2026 Forfaller om 5 dager');
  });

  it('should mark only the overdue measure as overdue', async () => {
    const element = await render([measure('a', { deadline: '2026-03-09' }), measure('b', { deadline: '2026-03-12' })]);
    expect(deadlineText(element, 'Tiltak a').item.classList).toContain('is-overdue');
    expect(deadlineText(element, 'Tiltak b').item.classList).not.toContain('is-overdue');
  });

  it('should say nothing about the deadline of a finished measure or one without a deadline', async () => {
    const element = await render([
      measure('a', { completedAt: '2026-03-01T10:00:00Z', deadline: '2026-03-02', status: 'done' }),
      measure('b', { deadline: '2026-03-01', status: 'cancelled' }),
      measure('c', {}),
    ]);
    expect(deadlineText(element, 'Tiltak a').text).toBe('2. mars 2026');
    expect(deadlineText(element, 'Tiltak b').text).toBe('1. mars 2026');
    expect(deadlineText(element, 'Tiltak c').text).toBe('–');
    expect(element.querySelector('.is-overdue')).toBeNull();
  });
});
