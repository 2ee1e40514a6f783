import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RevealReporterRequest, RevealReporterResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** Break-glass reveal of a hidden reporter (apps/api/src/incidents/reporter-identity/reporter-identity.controller.ts). */
@Injectable({ providedIn: 'root' })
export class ReporterRevealApi {
  private readonly http = inject(HttpClient);

  /** `idOrNumber`: the case number (`2026-000123`) or id. */
  reveal(idOrNumber: string, request: RevealReporterRequest): Promise<RevealReporterResponse> {
    return firstValueFrom(
      this.http.post<RevealReporterResponse>(`/api/incidents/${encodeURIComponent(idOrNumber)}/reporter-identity`, request),
    );
  }
}
