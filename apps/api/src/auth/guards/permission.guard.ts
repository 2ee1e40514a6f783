import type { Permission } from '@helhet/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { DomainException } from '../../core/http/domain.exception';
import type { AuthenticatedRequest } from '../decorators/current-user.decorator';
import { REQUIRED_PERMISSION } from '../decorators/require-permission.decorator';

/** Registered as APP_GUARD after JwtAuthGuard: enforces @RequirePermission(). */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (!auth?.permissions.has(permission)) {
      throw new DomainException('FORBIDDEN', `Requires permission ${permission}`);
    }
    return true;
  }
}
