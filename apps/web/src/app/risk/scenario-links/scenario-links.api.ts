import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LinkIncidentRequest, RiskMeasureRequest, ScenarioLinksResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** HTTP calls of a scenario's measures and evidence avvik. Mirrors apps/api/src/risk-links/risk-links.controller.ts. */
@Injectable({ providedIn: 'root' })
export class ScenarioLinksApi {
  private readonly http = inject(HttpClient);

  private base(analysisId: string, scenarioId: string): string {
    return `/api/risk/analyses/${analysisId}/scenarios/${scenarioId}/measures`;
  }

  get(analysisId: string, scenarioId: string): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.get<ScenarioLinksResponse>(this.base(analysisId, scenarioId)));
  }

  createMeasure(analysisId: string, scenarioId: string, body: RiskMeasureRequest): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.post<ScenarioLinksResponse>(this.base(analysisId, scenarioId), body));
  }

  unlinkMeasure(analysisId: string, scenarioId: string, measureId: string): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.delete<ScenarioLinksResponse>(`${this.base(analysisId, scenarioId)}/${measureId}/link`));
  }

  linkIncident(scenarioId: string, body: LinkIncidentRequest): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.post<ScenarioLinksResponse>(`/api/risk/scenarios/${scenarioId}/incidents`, body));
  }

  unlinkIncident(scenarioId: string, incidentId: string): Promise<ScenarioLinksResponse> {
    return firstValueFrom(this.http.delete<ScenarioLinksResponse>(`/api/risk/scenarios/${scenarioId}/incidents/${incidentId}`));
  }
}
