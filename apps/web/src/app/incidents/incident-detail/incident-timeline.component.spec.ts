import { TestBed } from '@angular/core/testing';
import type { IncidentEventResponse } from '@helhet/shared';

import { IncidentTimelineComponent } from './incident-timeline.component';

const event = (over: Partial<IncidentEventResponse>): IncidentEventResponse => ({
  action: null,
  actor: null,
  at: '2026-03-10T10:00:00Z',
  details: {},
  fromStatus: null,
  id: Math.random().toString(36),
  note: null,
  toStatus: null,
  type: 'filed',
  ...over,
});

describe('IncidentTimelineComponent', () => {
  const render = async (events: IncidentEventResponse[], inputs: Record<string, unknown> = {}) => {
    await TestBed.configureTestingModule({ imports: [IncidentTimelineComponent] }).compileComponents();
    const fixture = TestBed.createComponent(IncidentTimelineComponent);
    fixture.componentRef.setInput('events', events);
    fixture.componentRef.setInput('reporterVisibility', 'named');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
  };

  it('should list the events oldest first, saying who did what', async () => {
    const items = await render([
      event({
        action: 'close',
        actor: { id: 'u1', name: 'Åse Lunde' },
        at: '2026-03-12T10:00:00Z',
        fromStatus: 'measures',
        toStatus: 'closed',
        type: 'transition',
      }),
      event({ actor: { id: 'u2', name: 'Sofie Hansen' } }),
      event({ at: '2026-03-11T10:00:00Z', details: { from: 'planned', title: 'Merk rømningsvei', to: 'done' }, type: 'measure' }),
    ]);
    expect(items[0]).toContain('Saken ble meldt');
    expect(items[0]).toContain('Sofie Hansen');
    expect(items[1]).toContain('Tiltaket «Merk rømningsvei» fikk status Utført');
    expect(items[2]).toContain('Lukk saken – status: Lukket');
    expect(items[2]).toContain('Åse Lunde');
  });

  it('should name an anonymous reporter, the system and an unnamed handler for what they are', async () => {
    const items = await render(
      [
        event({}),
        event({ at: '2026-03-10T11:00:00Z', details: { level: 1 }, type: 'escalated' }),
        event({
          action: 'reject',
          at: '2026-03-10T12:00:00Z',
          fromStatus: 'registered',
          note: 'Duplikat av 2026-000041',
          toStatus: 'rejected',
          type: 'transition',
        }),
      ],
      { reporterVisibility: 'anonymous' },
    );
    expect(items[0]).toContain('Anonym melder');
    expect(items[1]).toContain('eskalert til nivå 1');
    expect(items[1]).toContain('System');
    expect(items[2]).toContain('Behandler');
    expect(items[2]).toContain('Duplikat av 2026-000041');
  });

  it('should call the reporter "Du" on their own hidden report', async () => {
    const items = await render([event({})], { reporterVisibility: 'hidden_from_handler', viewerIsReporter: true });
    expect(items[0]).toContain('Du');
  });
});
