import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

import { unsupportedMediaType } from './edge.middleware';

/** The metadata key of `@ApiConsumes` (@nestjs/swagger API_CONSUMES). */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * multipart/form-data only reaches routes that declare it with `@ApiConsumes('multipart/form-data')` (the same
 * declaration the OpenAPI document shows); elsewhere it is 415, so a cross-site HTML form cannot post to a JSON route.
 */
@Injectable()
export class MultipartOnlyWhereDeclaredInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && context.switchToHttp().getRequest<Request>().is('multipart/form-data')) {
      const consumes = this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [context.getHandler(), context.getClass()]);
      if (!consumes?.includes('multipart/form-data')) throw unsupportedMediaType('this route takes application/json');
    }
    return next.handle();
  }
}
