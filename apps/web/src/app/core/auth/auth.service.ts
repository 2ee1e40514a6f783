import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, MeResponse, Permission } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

/** The signed-in user as signals. Tokens live in httpOnly cookies; the browser never sees them. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<MeResponse | null>(null);
  private restored: Promise<MeResponse | null> | null = null;
  private refreshing: Promise<boolean> | null = null;

  readonly me = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  readonly permissions = computed(() => new Set<Permission>(this.state()?.permissions ?? []));

  hasPermission(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  async login(request: LoginRequest): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.post<MeResponse>('/api/auth/login', request));
    this.state.set(me);
    return me;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}));
    } finally {
      this.state.set(null);
      this.restored = null;
    }
  }

  /** Restores the session once per page load (from the cookie) — used by the route guards. */
  restore(): Promise<MeResponse | null> {
    this.restored ??= firstValueFrom(this.http.get<MeResponse>('/api/auth/me'))
      .then((me) => {
        this.state.set(me);
        return me;
      })
      .catch(() => null);
    return this.restored;
  }

  /** One refresh at a time, however many requests got a 401 together. */
  refresh(): Promise<boolean> {
    this.refreshing ??= firstValueFrom(this.http.post<MeResponse>('/api/auth/refresh', {}))
      .then((me) => {
        this.state.set(me);
        return true;
      })
      .catch(() => {
        this.state.set(null);
        return false;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }
}
