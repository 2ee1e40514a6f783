import { type ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

import { inputProblem } from '../http/input-limits';
import { VALIDATION_PIPE_OPTIONS } from '../http/validation-errors.util';

/**
 * Validates socket message bodies (`@MessageBody() body: SomeDto`) exactly as the global REST pipe validates
 * request bodies: whitelist, forbidNonWhitelisted, transform, and the same `VALIDATION_FAILED` field errors.
 * A missing body is validated as `{}`. Pair it with `WsExceptionFilter`, which answers the acknowledgement.
 * The REST edge rules hold here too (core/http/input-limits.ts): no NUL or lone surrogate, nesting at most 32 deep,
 * checked before class-transformer and class-validator recurse into the message.
 */
@Injectable()
export class WsValidationPipe extends ValidationPipe {
  constructor() {
    super(VALIDATION_PIPE_OPTIONS);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'body' ? inputProblem(value) : null;
    if (problem) throw problem;
    return super.transform(value, metadata);
  }
}
