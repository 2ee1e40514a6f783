import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { CONNECTION_LABELS } from './workshop-labels';
import type { WorkshopConnection } from './workshop-socket.service';

/** The live connection in words (announced politely), with a shape as well as a colour. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'hh-workshop-connection',
  styles: `
    :host {
      display: block;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-height: 32px;
      padding: 2px 12px;
      border-radius: 16px;
      font-weight: 600;
      border: 2px solid currentColor;
    }
    .status svg {
      flex: none;
    }
    .connected {
      color: #0b5d1e;
      background: #e5f4e8;
    }
    .pending {
      color: #7a4100;
      background: #fff4e0;
    }
    .lost {
      color: #8c1d18;
      background: #fdecea;
    }
  `,
  template: `
    <div role="status" aria-live="polite" aria-atomic="true">
      <span class="status" [class]="'status ' + tone()">
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
          @switch (tone()) {
            @case ('connected') {
              <circle cx="7" cy="7" r="6" fill="currentColor" />
            }
            @case ('pending') {
              <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3" />
            }
            @default {
              <path d="M2 2 12 12M12 2 2 12" stroke="currentColor" stroke-width="2.5" />
            }
          }
        </svg>
        {{ label() }}
      </span>
    </div>
  `,
})
export class ConnectionStatusComponent {
  readonly connection = input.required<WorkshopConnection>();
  protected readonly label = computed(() => CONNECTION_LABELS[this.connection()]());
  protected readonly tone = computed(() => {
    const connection = this.connection();
    if (connection === 'connected') return 'connected';
    return connection === 'connecting' || connection === 'reconnecting' ? 'pending' : 'lost';
  });
}
