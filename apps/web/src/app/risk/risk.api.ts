import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RiskAnalysisStatus, RiskAnalysisType } from '@helhet/domain';
import type { Page, PageQuery, RiskAnalysisResponse, RiskAnalysisSummary, RiskHeatMapResponse, RiskRegisterItem, RiskRegisterQuery, ScaleSetResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { toHttpParams } from '../core/http-params';

export interface ListRiskAnalysesQuery extends PageQuery {
  orgUnitId?: string;
  type?: RiskAnalysisType;
  status?: RiskAnalysisStatus;
}

/** HTTP calls of the ROS feature (read side). Mirrors apps/api/src/risk/risk.controller.ts. */
@Injectable({ providedIn: 'root' })
export class RiskApi {
  private readonly http = inject(HttpClient);

  scaleSets(): Promise<ScaleSetResponse[]> {
    return firstValueFrom(this.http.get<ScaleSetResponse[]>('/api/risk/scale-sets'));
  }

  analyses(query: ListRiskAnalysesQuery = {}): Promise<Page<RiskAnalysisSummary>> {
    return firstValueFrom(this.http.get<Page<RiskAnalysisSummary>>('/api/risk/analyses', { params: toHttpParams(query) }));
  }

  analysis(id: string): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.get<RiskAnalysisResponse>(`/api/risk/analyses/${encodeURIComponent(id)}`));
  }

  register(query: RiskRegisterQuery = {}): Promise<Page<RiskRegisterItem>> {
    return firstValueFrom(this.http.get<Page<RiskRegisterItem>>('/api/risk/register', { params: toHttpParams(query) }));
  }

  /** Counts per cell for the same filters as `register` (page and pageSize are ignored). */
  heatMap(query: RiskRegisterQuery = {}): Promise<RiskHeatMapResponse> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return firstValueFrom(this.http.get<RiskHeatMapResponse>('/api/risk/register/heat-map', { params: toHttpParams(filters) }));
  }
}
