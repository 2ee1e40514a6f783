import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InboxNotificationResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** HTTP calls of the inbox (the toolbar bell). Mirrors apps/api/src/notifications/notifications.controller.ts. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  inbox(): Promise<InboxNotificationResponse[]> {
    return firstValueFrom(this.http.get<InboxNotificationResponse[]>('/api/notifications'));
  }

  markRead(notificationId: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/notifications/${notificationId}/read`, {}));
  }
}
