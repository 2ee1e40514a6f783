import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RiskReportLatestResponse, RiskReportResponse } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** A blob error body read back as the API's JSON error, so errorMessage can word it. */
const withJsonError = async (error: unknown): Promise<unknown> => {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
};

/** HTTP calls of PDF reports. Mirrors apps/api/src/risk-reports/risk-reports.controller.ts. */
@Injectable({ providedIn: 'root' })
export class RiskReportApi {
  private readonly http = inject(HttpClient);

  /** Starts a report, or gets the one already queued or running for the analysis. */
  request(analysisId: string): Promise<RiskReportResponse> {
    return firstValueFrom(this.http.post<RiskReportResponse>(`/api/risk/analyses/${encodeURIComponent(analysisId)}/reports`, {}));
  }

  latest(analysisId: string): Promise<RiskReportLatestResponse> {
    return firstValueFrom(this.http.get<RiskReportLatestResponse>(`/api/risk/analyses/${encodeURIComponent(analysisId)}/reports/latest`));
  }

  status(reportId: string): Promise<RiskReportResponse> {
    return firstValueFrom(this.http.get<RiskReportResponse>(`/api/risk/reports/${encodeURIComponent(reportId)}`));
  }

  async file(reportId: string): Promise<Blob> {
    try {
      return await firstValueFrom(this.http.get(`/api/risk/reports/${encodeURIComponent(reportId)}/file`, { responseType: 'blob' }));
    } catch (error) {
      throw await withJsonError(error);
    }
  }
}
