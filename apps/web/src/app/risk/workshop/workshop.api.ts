import { DOCUMENT } from '@angular/common';
import { HttpBackend, HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AUTH_COOKIES,
  type CreateWorkshopRequest,
  CSRF_HEADER,
  type JoinWorkshopRequest,
  type Page,
  type WorkshopSummary,
  type WorkshopTicket,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** REST side of the live workshop (WorkshopTicket in, socket after). Mirrors apps/api/src/workshops. */
@Injectable({ providedIn: 'root' })
export class WorkshopApi {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  /**
   * Joining is public: guests have no session, so a failed call must not start the app's
   * refresh-then-sign-in dance. This client skips the interceptors; the CSRF header is added by hand
   * when a signed-in user has the cookie.
   */
  private readonly publicHttp = new HttpClient(inject(HttpBackend));

  create(request: CreateWorkshopRequest): Promise<WorkshopTicket> {
    return firstValueFrom(this.http.post<WorkshopTicket>('/api/workshops', request));
  }

  facilitatorTicket(workshopId: string): Promise<WorkshopTicket> {
    return firstValueFrom(this.http.post<WorkshopTicket>(`/api/workshops/${encodeURIComponent(workshopId)}/facilitator-ticket`, {}));
  }

  /** Workshops of an analysis, newest first (an array or a page, whichever the API gives). */
  async forAnalysis(analysisId: string): Promise<WorkshopSummary[]> {
    const result = await firstValueFrom(
      this.http.get<WorkshopSummary[] | Page<WorkshopSummary>>('/api/workshops', { params: { analysisId } }),
    );
    return Array.isArray(result) ? result : result.items;
  }

  join(request: JoinWorkshopRequest): Promise<WorkshopTicket> {
    const csrf = this.cookie(AUTH_COOKIES.csrf);
    const headers = new HttpHeaders(csrf ? { [CSRF_HEADER]: csrf } : {});
    return firstValueFrom(this.publicHttp.post<WorkshopTicket>('/api/workshops/join', request, { headers, withCredentials: true }));
  }

  private cookie(name: string): string | null {
    const entry = this.document.cookie.split('; ').find((cookie) => cookie.startsWith(`${name}=`));
    return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
  }
}
