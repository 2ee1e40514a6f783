import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@helhet/shared';

import { AuthService } from './auth.service';

/** Signed in, or off to the sign-in page with the way back. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (auth.signedIn() || (await auth.restore())) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The shared permission map decides what the web offers; the API enforces the same map. */
export const permissionGuard =
  (permission: Permission): CanActivateFn =>
  async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.signedIn()) await auth.restore();
    return auth.hasPermission(permission) ? true : router.createUrlTree(['/forbidden']);
  };
