import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'helhet:isPublic';

/** Opt a route out of authentication (login, health). Everything else requires a signed-in user. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
