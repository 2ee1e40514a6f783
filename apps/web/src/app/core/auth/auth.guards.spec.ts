import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, provideRouter, Router, type RouterStateSnapshot, UrlTree } from '@angular/router';

import { permissionGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { ME } from './auth.service.spec';

describe('permissionGuard', () => {
  const run = async (permissions: string[]) => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: AuthService,
          useValue: { hasPermission: (p: string) => permissions.includes(p), restore: async () => ME, signedIn: () => true },
        },
      ],
    });
    return TestBed.runInInjectionContext(() => permissionGuard('audit.read')({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot));
  };

  it('should let a user with the permission through', async () => {
    await expect(run(['audit.read'])).resolves.toBe(true);
  });

  it('should send a user without the permission to the no-access page', async () => {
    const result = await run(['organisation.read']);
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/forbidden');
  });
});
