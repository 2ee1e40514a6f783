import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationRecipient } from '@helhet/domain';
import type {
  FileIncidentRequest,
  FileIncidentResponse,
  FilingUnitResponse,
  IncidentCategoryResponse,
  IncidentCommentRequest,
  IncidentResponse,
  IncidentSeverityOption,
  IncidentStatsQuery,
  IncidentStatsResponse,
  IncidentSummary,
  IncidentTransitionRequest,
  InjuryRecordInput,
  ListIncidentsQuery,
  MeasureRequest,
  Page,
  PersonalDataBreachInput,
  ReceiptResponse,
  RecordExternalNotificationRequest,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { toHttpParams } from '../core/http-params';

/** HTTP calls of the avvik feature, and nothing else. Mirrors apps/api/src/incidents/*.controller.ts. */
@Injectable({ providedIn: 'root' })
export class IncidentsApi {
  private readonly http = inject(HttpClient);

  categories(): Promise<IncidentCategoryResponse[]> {
    return firstValueFrom(this.http.get<IncidentCategoryResponse[]>('/api/incidents/categories'));
  }

  /** The tenant's severity levels (labels, guidance, which are offered), lowest first. */
  severities(): Promise<IncidentSeverityOption[]> {
    return firstValueFrom(this.http.get<IncidentSeverityOption[]>('/api/incident-severities'));
  }

  filingUnits(q: string): Promise<FilingUnitResponse[]> {
    return firstValueFrom(this.http.get<FilingUnitResponse[]>('/api/incidents/filing-units', { params: toHttpParams({ q }) }));
  }

  /**
   * Files the report, with attachments in the same request: all of it is stored, or none. `idempotencyKey` (one per
   * form): sending again with the same key returns the first answer instead of filing twice.
   */
  file(request: FileIncidentRequest, files: readonly File[] = [], idempotencyKey?: string): Promise<FileIncidentResponse> {
    const body = new FormData();
    body.append('payload', JSON.stringify(request));
    for (const file of files) body.append('files', file, file.name);
    const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
    return firstValueFrom(this.http.post<FileIncidentResponse>('/api/incidents', body, { headers }));
  }

  list(query: ListIncidentsQuery = {}): Promise<Page<IncidentSummary>> {
    return firstValueFrom(this.http.get<Page<IncidentSummary>>('/api/incidents', { params: toHttpParams(query) }));
  }

  /** Download address of the CSV export of what `query` matches (the browser follows it with the session cookie). */
  exportUrl(query: ListIncidentsQuery = {}): string {
    const params = toHttpParams({ ...query, page: undefined, pageSize: undefined }).toString();
    return `/api/incidents/export.csv${params ? `?${params}` : ''}`;
  }

  stats(query: IncidentStatsQuery = {}): Promise<IncidentStatsResponse> {
    return firstValueFrom(this.http.get<IncidentStatsResponse>('/api/incidents/stats', { params: toHttpParams(query) }));
  }

  receipt(code: string): Promise<ReceiptResponse> {
    return firstValueFrom(this.http.post<ReceiptResponse>('/api/incidents/receipt', { code }));
  }

  get(id: string): Promise<IncidentResponse> {
    return firstValueFrom(this.http.get<IncidentResponse>(`/api/incidents/${id}`));
  }

  transition(id: string, request: IncidentTransitionRequest): Promise<IncidentResponse> {
    return firstValueFrom(this.http.post<IncidentResponse>(`/api/incidents/${id}/transitions`, request));
  }

  comment(id: string, request: IncidentCommentRequest): Promise<IncidentResponse> {
    return firstValueFrom(this.http.post<IncidentResponse>(`/api/incidents/${id}/comments`, request));
  }

  addMeasure(id: string, request: MeasureRequest): Promise<IncidentResponse> {
    return firstValueFrom(this.http.post<IncidentResponse>(`/api/incidents/${id}/measures`, request));
  }

  updateMeasure(id: string, measureId: string, request: Partial<MeasureRequest>): Promise<IncidentResponse> {
    return firstValueFrom(this.http.patch<IncidentResponse>(`/api/incidents/${id}/measures/${measureId}`, request));
  }

  saveInjury(id: string, request: InjuryRecordInput): Promise<IncidentResponse> {
    return firstValueFrom(this.http.put<IncidentResponse>(`/api/incidents/${id}/injury`, request));
  }

  saveBreach(id: string, request: PersonalDataBreachInput): Promise<IncidentResponse> {
    return firstValueFrom(this.http.put<IncidentResponse>(`/api/incidents/${id}/breach`, request));
  }

  recordExternalNotification(
    id: string,
    recipient: NotificationRecipient,
    request: RecordExternalNotificationRequest,
  ): Promise<IncidentResponse> {
    return firstValueFrom(this.http.put<IncidentResponse>(`/api/incidents/${id}/external-notifications/${recipient}`, request));
  }

  addAttachments(id: string, files: readonly File[]): Promise<IncidentResponse> {
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    return firstValueFrom(this.http.post<IncidentResponse>(`/api/incidents/${id}/attachments`, body));
  }

  attachmentUrl(id: string, attachmentId: string): string {
    return `/api/incidents/${id}/attachments/${attachmentId}`;
  }
}
