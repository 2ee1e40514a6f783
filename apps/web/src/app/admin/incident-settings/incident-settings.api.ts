import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CategoryRestrictionChangeResponse,
  CategoryRestrictionChangeStatus,
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

  /**
   * 200: everything applied (the categories). 202: the restriction was loosened and waits for approval (ADR 0015);
   * the other fields are saved.
   */
  async updateCategory(
    id: string,
    request: UpsertIncidentCategoryRequest,
  ): Promise<{ categories: IncidentCategoryResponse[] } | { pending: CategoryRestrictionChangeResponse }> {
    const response = await firstValueFrom(
      this.http.patch<IncidentCategoryResponse[] | CategoryRestrictionChangeResponse>(`/api/incident-categories/${id}`, request, {
        observe: 'response',
      }),
    );
    return response.status === 202
      ? { pending: response.body as CategoryRestrictionChangeResponse }
      : { categories: response.body as IncidentCategoryResponse[] };
  }

  restrictionChanges(status?: CategoryRestrictionChangeStatus): Promise<CategoryRestrictionChangeResponse[]> {
    return firstValueFrom(
      this.http.get<CategoryRestrictionChangeResponse[]>('/api/incident-category-restriction-changes', {
        params: status ? { status } : {},
      }),
    );
  }

  decideRestrictionChange(id: string, decision: 'approve' | 'reject'): Promise<CategoryRestrictionChangeResponse> {
    return firstValueFrom(
      this.http.post<CategoryRestrictionChangeResponse>(`/api/incident-category-restriction-changes/${id}/${decision}`, {}),
    );
  }

  settings(): Promise<IncidentSettingsResponse> {
    return firstValueFrom(this.http.get<IncidentSettingsResponse>('/api/incident-settings'));
  }

  /** Deadlines, and the severity scale when given (without it the scale stays as it is). */
  saveSettings(request: IncidentSettingsRequest): Promise<IncidentSettingsResponse> {
    return firstValueFrom(this.http.put<IncidentSettingsResponse>('/api/incident-settings', request));
  }
}
