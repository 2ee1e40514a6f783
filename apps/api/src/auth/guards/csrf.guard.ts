import { timingSafeEqual } from 'node:crypto';

import { AUTH_COOKIES, CSRF_HEADER } from '@helhet/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { DomainException } from '../../core/http/domain.exception';
import type { AuthenticatedRequest } from '../decorators/current-user.decorator';
import { SKIP_CSRF } from '../decorators/skip-csrf.decorator';
import { TokensService } from '../tokens.service';
import { bearerToken } from './jwt-auth.guard';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF check for cookie-authenticated writes: the X-XSRF-TOKEN header must be the session's CSRF token, an HMAC of
 * the session id that the server set in the readable XSRF-TOKEN cookie (a cross-site page can send the cookie but
 * cannot read it, and a cookie planted by someone else is not the HMAC of this session). The session comes from the
 * access token (JwtAuthGuard ran first) or, on the public refresh and logout routes, from the refresh token.
 * Bearer-token calls carry no ambient credentials and are exempt. Cookies are SameSite=Strict as a second layer.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, [context.getHandler(), context.getClass()])) return true;
    if (bearerToken(request.header('authorization'))) return true;
    const header = request.header(CSRF_HEADER);
    const sessionId = await this.sessionOf(request);
    if (sessionId) {
      if (header && this.tokens.csrfTokenMatches(sessionId, header)) return true;
    } else {
      // No session to bind to (a public write without a known refresh token): plain double submit.
      const cookie = request.cookies?.[AUTH_COOKIES.csrf] as string | undefined;
      if (cookie && header && cookie.length === header.length && timingSafeEqual(Buffer.from(cookie), Buffer.from(header))) return true;
    }
    throw new DomainException('CSRF_TOKEN_INVALID', `Missing or wrong ${CSRF_HEADER} header`);
  }

  private async sessionOf(request: AuthenticatedRequest): Promise<string | undefined> {
    if (request.auth?.sessionId) return request.auth.sessionId;
    const refreshToken = request.cookies?.[AUTH_COOKIES.refreshToken] as string | undefined;
    return refreshToken ? this.tokens.familyIdOf(refreshToken) : undefined;
  }
}
