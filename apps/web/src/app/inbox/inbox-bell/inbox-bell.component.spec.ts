import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { InboxNotificationResponse } from '@helhet/shared';

import { InboxApi } from '../inbox.api';
import { InboxBellComponent } from './inbox-bell.component';

const notification = (id: string, over: Partial<InboxNotificationResponse>): InboxNotificationResponse => ({
  createdAt: new Date().toISOString(),
  id,
  incidentId: null,
  kind: 'incident_assigned',
  readAt: null,
  riskAnalysisId: null,
  subjectUserId: null,
  title: `Varsel ${id}`,
  ...over,
});

describe('InboxBellComponent', () => {
  it('should name the measure notices in Norwegian and link each to its avvik or ROS analysis', async () => {
    const items = [
      notification('a', { incidentId: 'i1', kind: 'measure_due_soon' }),
      notification('b', { incidentId: 'i1', kind: 'measure_overdue' }),
      notification('c', { kind: 'measure_escalated', riskAnalysisId: 'r1' }),
    ];
    await TestBed.configureTestingModule({
      imports: [InboxBellComponent],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: InboxApi, useValue: { inbox: jest.fn().mockResolvedValue(items), markRead: jest.fn() } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(InboxBellComponent);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button.bell')!.click();
    await fixture.whenStable();

    const links = [...document.querySelectorAll<HTMLAnchorElement>('.inbox-menu a[mat-menu-item]')].slice(0, 3);
    // The kind, after the "Ny" (unread) badge.
    const kind = (a: HTMLAnchorElement) =>
      [...a.querySelector('.kind')!.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('')
        .trim();
    expect(links.map(kind)).toEqual([
      'Tiltak: fristen nærmer seg',
      'Tiltak: fristen er passert',
      'Tiltak over fristen, sendt videre til deg',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/incidents/i1', '/incidents/i1', '/risk/analyses/r1']);
    fixture.destroy();
  });

  it('should name the button with the count the badge shows, also beyond nine (WCAG 2.5.3)', async () => {
    const items = Array.from({ length: 12 }, (_, index) => notification(`n${index}`, { incidentId: 'i1' }));
    await TestBed.configureTestingModule({
      imports: [InboxBellComponent],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: InboxApi, useValue: { inbox: jest.fn().mockResolvedValue(items), markRead: jest.fn() } },
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(InboxBellComponent);
    await fixture.whenStable();
    fixture.detectChanges();
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button.bell')!;
    expect(button.querySelector('.badge')!.textContent!.trim()).toBe('9+');
    expect(button.getAttribute('aria-label')).toBe('Varsler, 9+ uleste');
    fixture.destroy();
  });
});
