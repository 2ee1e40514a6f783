import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RiskAnalysisStatus, RiskAnalysisType, ScaleSet } from '@helhet/domain';
import type {
  CreateRiskAnalysisRequest,
  Page,
  PageQuery,
  RiskAnalysisResponse,
  RiskAnalysisSummary,
  RiskAnalysisTemplate,
  RiskHeatMapResponse,
  RiskRegisterItem,
  RiskRegisterQuery,
  RiskScenarioInput,
  ScaleSetResponse,
  UpdateRiskAnalysisRequest,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { toHttpParams } from '../core/http-params';

export interface ListRiskAnalysesQuery extends PageQuery {
  orgUnitId?: string;
  type?: RiskAnalysisType;
  status?: RiskAnalysisStatus;
  /** Only analyses past their next revision date (not superseded ones). */
  revisionOverdue?: boolean;
}

/** HTTP calls of the ROS feature. Mirrors apps/api/src/risk/risk.controller.ts. */
@Injectable({ providedIn: 'root' })
export class RiskApi {
  private readonly http = inject(HttpClient);

  scaleSets(): Promise<ScaleSetResponse[]> {
    return firstValueFrom(this.http.get<ScaleSetResponse[]>('/api/risk/scale-sets'));
  }

  analyses(query: ListRiskAnalysesQuery = {}): Promise<Page<RiskAnalysisSummary>> {
    return firstValueFrom(this.http.get<Page<RiskAnalysisSummary>>('/api/risk/analyses', { params: toHttpParams(query) }));
  }

  /** An analysis and the definition of the scale it is assessed on (null if the scale set is gone). */
  async analysisWithScale(id: string): Promise<{ analysis: RiskAnalysisResponse; scale: ScaleSet | null }> {
    const [analysis, sets] = await Promise.all([this.analysis(id), this.scaleSets()]);
    return { analysis, scale: sets.find((set) => set.id === analysis.scaleSet.id)?.definition ?? null };
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

  /** Starting points for new analyses (GET /api/risk/templates). */
  templates(): Promise<RiskAnalysisTemplate[]> {
    return firstValueFrom(this.http.get<RiskAnalysisTemplate[]>('/api/risk/templates'));
  }

  create(body: CreateRiskAnalysisRequest): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.post<RiskAnalysisResponse>('/api/risk/analyses', body));
  }

  update(id: string, body: UpdateRiskAnalysisRequest): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.patch<RiskAnalysisResponse>(`/api/risk/analyses/${encodeURIComponent(id)}`, body));
  }

  addScenario(id: string, body: RiskScenarioInput): Promise<RiskAnalysisResponse> {
    return firstValueFrom(this.http.post<RiskAnalysisResponse>(`/api/risk/analyses/${encodeURIComponent(id)}/scenarios`, body));
  }

  updateScenario(id: string, scenarioId: string, body: RiskScenarioInput): Promise<RiskAnalysisResponse> {
    return firstValueFrom(
      this.http.patch<RiskAnalysisResponse>(
        `/api/risk/analyses/${encodeURIComponent(id)}/scenarios/${encodeURIComponent(scenarioId)}`,
        body,
      ),
    );
  }
}
