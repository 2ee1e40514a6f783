import type { FieldError } from '@helhet/shared';
import type { ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

import { DomainException } from './domain.exception';

/** Flattens class-validator errors into `{ field: 'a.b.0.c', reasons }`. */
export const toFieldErrors = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });

export const validationException = (errors: ValidationError[]): DomainException => {
  const details = toFieldErrors(errors);
  const fields = details.map((detail) => detail.field).join(', ');
  return new DomainException('VALIDATION_FAILED', `Invalid input: ${fields}`, details);
};

/** The options of the global REST ValidationPipe (configure-app.ts), shared by the socket pipe (core/websocket). */
export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  exceptionFactory: validationException,
  forbidNonWhitelisted: true,
  transform: true,
  whitelist: true,
};
