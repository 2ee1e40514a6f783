import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateRoleAssignmentRequest,
  CreateUserRequest,
  ListUsersQuery,
  Page,
  RoleAssignmentResponse,
  UpdateUserRequest,
  UserResponse,
  UserSummary,
} from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { toHttpParams } from '../../core/http-params';

/** HTTP calls of user and role administration. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: ListUsersQuery): Promise<Page<UserSummary>> {
    return firstValueFrom(this.http.get<Page<UserSummary>>('/api/users', { params: toHttpParams(query) }));
  }

  get(id: string): Promise<UserResponse> {
    return firstValueFrom(this.http.get<UserResponse>(`/api/users/${id}`));
  }

  create(request: CreateUserRequest): Promise<UserResponse> {
    return firstValueFrom(this.http.post<UserResponse>('/api/users', request));
  }

  update(id: string, request: UpdateUserRequest): Promise<UserResponse> {
    return firstValueFrom(this.http.patch<UserResponse>(`/api/users/${id}`, request));
  }

  resendInvitation(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/users/${id}/invitation`, {}));
  }

  addRole(id: string, request: CreateRoleAssignmentRequest): Promise<RoleAssignmentResponse> {
    return firstValueFrom(this.http.post<RoleAssignmentResponse>(`/api/users/${id}/role-assignments`, request));
  }

  removeRole(id: string, assignmentId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/users/${id}/role-assignments/${assignmentId}`));
  }
}
