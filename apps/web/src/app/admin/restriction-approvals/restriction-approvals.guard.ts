import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';

import { AuthService } from '../../core/auth/auth.service';

/** The approvers (DPO, HMS advisor) and those who configure categories (to follow their proposals). */
export const restrictionApprovalsGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = auth.me() ?? (await auth.restore());
  const approver = (me?.roles ?? []).some((role) => role.role === 'dpo' || role.role === 'hms_advisor');
  return approver || auth.hasPermission(PERMISSIONS.incidentsConfigure) ? true : router.createUrlTree(['/forbidden']);
};
