import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  IncidentCategoryResponse,
  IncidentSettingsRequest,
  IncidentSettingsResponse,
  UpsertIncidentCategoryRequest,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** HTTP calls of the avvik configuration (apps/api/src/incidents/incident-categories.controller.ts). */
@Injectable({ providedIn: 'root' })
export class IncidentSettingsApi {
  private readonly http = inject(HttpClient);

  categories(): Promise<IncidentCategoryResponse[]> {
    return firstValueFrom(this.http.get<IncidentCategoryResponse[]>('/api/incident-categories'));
  }

  createCategory(request: UpsertIncidentCategoryRequest): Promise<IncidentCategoryResponse[]> {
    return firstValueFrom(this.http.post<IncidentCategoryResponse[]>('/api/incident-categories', request));
  }

  updateCategory(id: string, request: UpsertIncidentCategoryRequest): Promise<IncidentCategoryResponse[]> {
    return firstValueFrom(this.http.patch<IncidentCategoryResponse[]>(`/api/incident-categories/${id}`, request));
  }

  settings(): Promise<IncidentSettingsResponse> {
    return firstValueFrom(this.http.get<IncidentSettingsResponse>('/api/incident-settings'));
  }

  /** Deadlines, and the severity scale when given (without it the scale stays as it is). */
  saveSettings(request: IncidentSettingsRequest): Promise<IncidentSettingsResponse> {
    return firstValueFrom(this.http.put<IncidentSettingsResponse>('/api/incident-settings', request));
  }
}
