import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IncidentRiskLinkResponse, LinkableScenario, ScenarioLinksResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** HTTP calls of "Gjelder risiko" on an avvik. Mirrors apps/api/src/risk-links/risk-links.controller.ts. */
@Injectable({ providedIn: 'root' })
export class IncidentRiskLinksApi {
  private readonly http = inject(HttpClient);

  risks(incidentId: string): Promise<IncidentRiskLinkResponse[]> {
    return firstValueFrom(this.http.get<IncidentRiskLinkResponse[]>(`/api/incidents/${incidentId}/risks`));
  }

  linkable(q: string): Promise<LinkableScenario[]> {
    return firstValueFrom(this.http.get<LinkableScenario[]>('/api/risk/linkable-scenarios', { params: q ? { q } : {} }));
  }

  link(scenarioId: string, incidentId: string): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.post<ScenarioLinksResponse>(`/api/risk/scenarios/${scenarioId}/incidents`, { incidentId }));
  }

  unlink(scenarioId: string, incidentId: string): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.delete<ScenarioLinksResponse>(`/api/risk/scenarios/${scenarioId}/incidents/${incidentId}`));
  }
}
