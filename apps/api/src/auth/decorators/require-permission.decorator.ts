import type { Permission } from '@helhet/shared';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'helhet:requiredPermission';

/**
 * The caller must hold `permission` through at least one role assignment. Which rows they may touch
 * is decided by the unit scope inside the query, not here.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiForbiddenResponse({ description: `Requires permission ${permission}` }));
