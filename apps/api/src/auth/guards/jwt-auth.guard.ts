import { AUTH_COOKIES } from '@helhet/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { DomainException } from '../../core/http/domain.exception';
import { AccessTokenVerifier } from '../access-token-verifier';
import type { AuthenticatedRequest } from '../decorators/current-user.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';

/**
 * Registered as APP_GUARD: every route requires a valid access token of a live session unless marked @Public()
 * (AccessTokenVerifier: signature, revocation check in Redis, active user; ADR 4).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.header('authorization')) ?? (request.cookies?.[AUTH_COOKIES.accessToken] as string | undefined);
    if (!token) throw new DomainException('AUTH_UNAUTHENTICATED', 'Not signed in');
    request.auth = await this.verifier.verify(token);
    return true;
  }
}

export const bearerToken = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() || undefined : undefined;
