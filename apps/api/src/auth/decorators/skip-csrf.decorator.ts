import { SetMetadata } from '@nestjs/common';

export const SKIP_CSRF = 'helhet:skipCsrf';

/** For routes that authenticate by credentials in the body (login, accept invitation), not by cookie. */
export const SkipCsrf = (): MethodDecorator => SetMetadata(SKIP_CSRF, true);
