import { AUTH_COOKIES } from '@helhet/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';

import { DomainException } from '../../core/http/domain.exception';
import type { AuthenticatedRequest } from '../decorators/current-user.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { GrantsService } from '../grants.service';
import type { AccessTokenPayload } from '../tokens.service';

/** Registered as APP_GUARD: every route requires a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly grants: GrantsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.header('authorization')) ?? (request.cookies?.[AUTH_COOKIES.accessToken] as string | undefined);
    if (!token) throw new DomainException('AUTH_UNAUTHENTICATED', 'Not signed in');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new DomainException('AUTH_UNAUTHENTICATED', 'Access token invalid or expired');
    }
    const auth = await this.grants.contextFor(payload.sub, payload.tid);
    if (!auth) throw new DomainException('AUTH_UNAUTHENTICATED', 'User is not active');
    request.auth = auth;
    return true;
  }
}

export const bearerToken = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() || undefined : undefined;
