import { Injectable, ValidationPipe } from '@nestjs/common';

import { VALIDATION_PIPE_OPTIONS } from '../http/validation-errors.util';

/**
 * Validates socket message bodies (`@MessageBody() body: SomeDto`) exactly as the global REST pipe validates
 * request bodies: whitelist, forbidNonWhitelisted, transform, and the same `VALIDATION_FAILED` field errors.
 * A missing body is validated as `{}`. Pair it with `WsExceptionFilter`, which answers the acknowledgement.
 */
@Injectable()
export class WsValidationPipe extends ValidationPipe {
  constructor() {
    super(VALIDATION_PIPE_OPTIONS);
  }
}
