import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDelegationRequest,
  CreateOrgUnitRequest,
  DelegationResponse,
  ListOrgUnitsQuery,
  ManagementLineEntryResponse,
  OrgUnitResponse,
  OrgUnitSummary,
  Page,
  UpdateOrgUnitRequest,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { toHttpParams } from '../core/http-params';

/** HTTP calls of the organisation feature, and nothing else. */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  list(query: ListOrgUnitsQuery = {}): Promise<Page<OrgUnitSummary>> {
    return firstValueFrom(this.http.get<Page<OrgUnitSummary>>('/api/org-units', { params: toHttpParams(query) }));
  }

  get(id: string): Promise<OrgUnitResponse> {
    return firstValueFrom(this.http.get<OrgUnitResponse>(`/api/org-units/${id}`));
  }

  managementLine(id: string): Promise<ManagementLineEntryResponse[]> {
    return firstValueFrom(this.http.get<ManagementLineEntryResponse[]>(`/api/org-units/${id}/management-line`));
  }

  delegations(id: string): Promise<DelegationResponse[]> {
    return firstValueFrom(this.http.get<DelegationResponse[]>(`/api/org-units/${id}/delegations`));
  }

  create(request: CreateOrgUnitRequest): Promise<OrgUnitResponse> {
    return firstValueFrom(this.http.post<OrgUnitResponse>('/api/org-units', request));
  }

  update(id: string, request: UpdateOrgUnitRequest): Promise<OrgUnitResponse> {
    return firstValueFrom(this.http.patch<OrgUnitResponse>(`/api/org-units/${id}`, request));
  }

  move(id: string, parentId: string): Promise<OrgUnitResponse> {
    return firstValueFrom(this.http.post<OrgUnitResponse>(`/api/org-units/${id}/move`, { parentId }));
  }

  deactivate(id: string): Promise<OrgUnitResponse> {
    return firstValueFrom(this.http.post<OrgUnitResponse>(`/api/org-units/${id}/deactivate`, {}));
  }

  createDelegation(request: CreateDelegationRequest): Promise<DelegationResponse[]> {
    return firstValueFrom(this.http.post<DelegationResponse[]>('/api/delegations', request));
  }

  deleteDelegation(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/delegations/${id}`));
  }
}
