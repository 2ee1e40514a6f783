import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { DomainException } from '../../core/http/domain.exception';
import type { AuthContext } from '../auth-context';

export type AuthenticatedRequest = Request & { auth?: AuthContext };

/** The typed AuthContext of the signed-in caller. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new DomainException('AUTH_UNAUTHENTICATED', 'Not signed in');
  return auth;
});
