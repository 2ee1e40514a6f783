import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { HmsRiskItemInput, RiskAnalysisResponse, RiskFactorResponse, ScaleSetResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

const analysisPath = (analysisId: string) => `/api/risk/analyses/${encodeURIComponent(analysisId)}/hms-items`;

/** HTTP calls of the HMS risk items panel. Mirrors the hms-items and factors routes of apps/api/src/risk/risk.controller.ts. */
@Injectable({ providedIn: 'root' })
export class HmsItemsApi {
  private readonly http = inject(HttpClient);

  factors(): Promise<RiskFactorResponse[]> {
    return firstValueFrom(this.http.get<RiskFactorResponse[]>('/api/risk/factors'));
  }

  scaleSets(): Promise<ScaleSetResponse[]> {
    return firstValueFrom(this.http.get<ScaleSetResponse[]>('/api/risk/scale-sets'));
  }

  add(analysisId: string, input: HmsRiskItemInput): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.post<RiskAnalysisResponse>(analysisPath(analysisId), input));
  }

  update(analysisId: string, itemId: string, input: HmsRiskItemInput): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.patch<RiskAnalysisResponse>(`${analysisPath(analysisId)}/${encodeURIComponent(itemId)}`, input));
  }

  remove(analysisId: string, itemId: string): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.delete<RiskAnalysisResponse>(`${analysisPath(analysisId)}/${encodeURIComponent(itemId)}`));
  }
}
