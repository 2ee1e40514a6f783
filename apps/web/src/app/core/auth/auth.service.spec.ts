import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@helhet/shared';

import { AuthService } from './auth.service';

export const ME: MeResponse = {
  accessTokenExpiresAt: '2026-11-24T10:00:00Z',
  email: 'kommunalsjef.helse@fjordvik.kommune.no',
  id: 'u1',
  locale: 'nb',
  name: 'Bjørn Solheim',
  permissions: ['organisation.read', 'users.read'],
  primaryOrgUnitId: 's1',
  roles: [
    {
      id: 'r1',
      includeDescendants: true,
      orgUnitId: 's1',
      orgUnitName: 'Helse og omsorg',
      role: 'sector_leader',
      validFrom: '2020-01-01',
      validTo: null,
    },
  ],
  tenant: { id: 't1', municipalityNumber: '3199', name: 'Fjordvik kommune' },
};

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should hold the user and their permissions after signing in', async () => {
    const done = auth.login({ email: ME.email, password: 'x' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    request.flush(ME);
    await done;
    expect(auth.signedIn()).toBe(true);
    expect(auth.hasPermission('users.read')).toBe(true);
    expect(auth.hasPermission('organisation.manage')).toBe(false);
  });

  it('should share one refresh between requests that fail together', async () => {
    const first = auth.refresh();
    const second = auth.refresh();
    http.expectOne('/api/auth/refresh').flush(ME);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(auth.me()?.name).toBe('Bjørn Solheim');
  });

  it('should forget the user when the refresh is refused', async () => {
    const result = auth.refresh();
    http.expectOne('/api/auth/refresh').flush({ code: 'AUTH_REFRESH_INVALID' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).resolves.toBe(false);
    expect(auth.signedIn()).toBe(false);
  });
});
