import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import type { InboxNotificationKind, InboxNotificationResponse } from '@helhet/shared';

import { relativeTime } from '../../core/i18n/countdown';
import { ROUTES } from '../../core/route-paths';
import { InboxApi } from '../inbox.api';

const POLL_MS = 60_000;

const KIND_LABELS: Record<InboxNotificationKind, () => string> = {
  category_restriction_pending: () => $localize`:@@inbox.kindRestrictionPending:Venter på din godkjenning`,
  content_role_granted: () => $localize`:@@inbox.kindContentRoleGranted:Rolle med tilgang til avvikssaker gitt`,
  incident_assigned: () => $localize`:@@inbox.kindAssigned:Tildelt deg`,
  incident_escalated: () => $localize`:@@inbox.kindEscalated:Eskalert til deg`,
  incident_filed_critical: () => $localize`:@@inbox.kindCritical:Ny kritisk sak`,
  incident_filed_high: () => $localize`:@@inbox.kindHigh:Ny alvorlig sak`,
  incident_forwarded: () => $localize`:@@inbox.kindForwarded:Sendt til din enhet`,
  measure_due_soon: () => $localize`:@@inbox.kindMeasureDueSoon:Tiltak: fristen nærmer seg`,
  measure_escalated: () => $localize`:@@inbox.kindMeasureEscalated:Tiltak over fristen, sendt videre til deg`,
  measure_overdue: () => $localize`:@@inbox.kindMeasureOverdue:Tiltak: fristen er passert`,
  reporter_identity_revealed: () => $localize`:@@inbox.kindReporterRevealed:Identiteten din er vist personvernombudet`,
};

/** The toolbar bell: unread count, and the latest notifications (case number and category only). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, RouterLink],
  selector: 'hh-inbox-bell',
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
      color: inherit;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 11px;
      font-weight: 700;
      line-height: 18px;
      text-align: center;
      pointer-events: none;
    }
    .item {
      display: flex;
      flex-direction: column;
      line-height: 1.3;
      padding: 6px 0;
      white-space: normal;
    }
    .kind {
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .title {
      overflow-wrap: anywhere;
    }
    .unread .title {
      font-weight: 700;
    }
    .new {
      font-size: 0.75rem;
      font-weight: 700;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
      border-radius: 4px;
      padding: 0 4px;
      margin-right: 4px;
    }
    .when {
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      padding: 12px 16px;
      margin: 0;
      max-width: 280px;
    }
  `,
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="inbox"
      (menuOpened)="refresh()"
      [attr.aria-label]="buttonLabel()"
    >
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
        />
      </svg>
      @if (unread() > 0) {
        <span class="badge" aria-hidden="true">{{ unreadShown() }}</span>
      }
    </button>
    <mat-menu #inbox="matMenu" xPosition="before" class="inbox-menu">
      @if (items().length === 0) {
        <p class="empty" i18n="@@inbox.empty">Ingen varsler.</p>
      } @else {
        @for (n of items(); track n.id) {
          <a mat-menu-item [routerLink]="link(n)" [class.unread]="!n.readAt" (click)="markRead(n)">
            <span class="item">
              <span class="kind">
                @if (!n.readAt) {
                  <span class="new" i18n="@@inbox.new">Ny</span><span class="visually-hidden">: </span>
                }
                {{ kind(n) }}</span
              >
              <span class="title">{{ n.title }}</span>
              <span class="when">{{ when(n) }}</span>
            </span>
          </a>
        }
      }
      <a mat-menu-item [routerLink]="minePath" i18n="@@inbox.mine">Gå til Mine saker</a>
    </mat-menu>
  `,
})
export class InboxBellComponent {
  private readonly api = inject(InboxApi);
  protected readonly items = signal<InboxNotificationResponse[]>([]);
  protected readonly minePath = `/${ROUTES.incidents}/mine`;
  private readonly now = signal(Date.now());
  protected readonly unread = computed(() => this.items().filter((n) => !n.readAt).length);
  /** What the badge shows; the button's name repeats it, so what is seen is what is heard (WCAG 2.5.3). */
  protected readonly unreadShown = computed(() => (this.unread() > 9 ? '9+' : String(this.unread())));
  protected readonly buttonLabel = computed(() => {
    const count = this.unreadShown();
    return this.unread() === 0 ? $localize`:@@inbox.label:Varsler` : $localize`:@@inbox.labelUnread:Varsler, ${count}:COUNT: uleste`;
  });
  protected readonly kind = (n: InboxNotificationResponse) => KIND_LABELS[n.kind]?.() ?? '';
  protected readonly when = (n: InboxNotificationResponse) => relativeTime(n.createdAt, this.now());

  constructor() {
    void this.refresh();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void this.refresh();
    }, POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async refresh(): Promise<void> {
    this.now.set(Date.now());
    try {
      this.items.set(await this.api.inbox());
    } catch {
      // The bell stays as it was; the next poll tries again.
    }
  }

  protected link(n: InboxNotificationResponse): string {
    if (n.incidentId) return `/${ROUTES.incidents}/${n.incidentId}`;
    if (n.riskAnalysisId) return `/${ROUTES.risk}/analyses/${n.riskAnalysisId}`;
    if (n.subjectUserId) return `/${ROUTES.users}/${n.subjectUserId}`;
    if (n.kind === 'category_restriction_pending') return `/${ROUTES.restrictionApprovals}`;
    return this.minePath;
  }

  protected markRead(n: InboxNotificationResponse): void {
    if (n.readAt) return;
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((item) => (item.id === n.id ? { ...item, readAt } : item)));
    this.api.markRead(n.id).catch(() => undefined);
  }
}
