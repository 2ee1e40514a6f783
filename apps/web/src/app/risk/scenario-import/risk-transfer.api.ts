import { HttpClient, HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RiskExportFormat, RiskImportPreview } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

const base = (analysisId: string) => `/api/risk/analyses/${encodeURIComponent(analysisId)}`;

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first), or `fallback`. */
export const dispositionFileName = (header: string | null, fallback: string): string => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
};

/** A blob error body (downloads) read back as the API's JSON error, so errorMessage can word it. */
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

/** HTTP calls of scenario export and import. Mirrors apps/api/src/risk-transfer/risk-transfer.controller.ts. */
@Injectable({ providedIn: 'root' })
export class RiskTransferApi {
  private readonly http = inject(HttpClient);

  async exportFile(analysisId: string, format: RiskExportFormat): Promise<DownloadedFile> {
    try {
      const response: HttpResponse<Blob> = await firstValueFrom(
        this.http.get(`${base(analysisId)}/scenarios/export`, { observe: 'response', params: { format }, responseType: 'blob' }),
      );
      return {
        blob: response.body ?? new Blob(),
        fileName: dispositionFileName(response.headers.get('content-disposition'), `ROS.${format}`),
      };
    } catch (error) {
      throw await withJsonError(error);
    }
  }

  upload(analysisId: string, file: File): Promise<RiskImportPreview> {
    const body = new FormData();
    body.append('file', file, file.name);
    return firstValueFrom(this.http.post<RiskImportPreview>(`${base(analysisId)}/imports`, body));
  }

  preview(analysisId: string, importId: string): Promise<RiskImportPreview> {
    return firstValueFrom(this.http.get<RiskImportPreview>(`${base(analysisId)}/imports/${encodeURIComponent(importId)}`));
  }

  apply(analysisId: string, importId: string, skipInvalidRows: boolean): Promise<RiskImportPreview> {
    return firstValueFrom(
      this.http.post<RiskImportPreview>(`${base(analysisId)}/imports/${encodeURIComponent(importId)}/apply`, { skipInvalidRows }),
    );
  }

  cancel(analysisId: string, importId: string): Promise<RiskImportPreview> {
    return firstValueFrom(this.http.delete<RiskImportPreview>(`${base(analysisId)}/imports/${encodeURIComponent(importId)}`));
  }
}
