import { timingSafeEqual } from 'node:crypto';

import { AUTH_COOKIES, CSRF_HEADER } from '@helhet/shared';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { DomainException } from '../../core/http/domain.exception';
import { SKIP_CSRF } from '../decorators/skip-csrf.decorator';
import { bearerToken } from './jwt-auth.guard';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF check for cookie-authenticated writes: the X-XSRF-TOKEN header must equal the
 * XSRF-TOKEN cookie (a cross-site page can send the cookie but cannot read it). Bearer-token calls
 * carry no ambient credentials and are exempt. Cookies are SameSite=Strict as a second layer.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, [context.getHandler(), context.getClass()])) return true;
    if (bearerToken(request.header('authorization'))) return true;
    const cookie = request.cookies?.[AUTH_COOKIES.csrf] as string | undefined;
    const header = request.header(CSRF_HEADER);
    if (!cookie || !header || cookie.length !== header.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))) {
      throw new DomainException('CSRF_TOKEN_INVALID', `Missing or wrong ${CSRF_HEADER} header`);
    }
    return true;
  }
}
