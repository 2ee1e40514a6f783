import type { ErrorCode, FieldError } from '@helhet/shared';

/**
 * The one exception type features throw. The global filter turns `code` into the HTTP status
 * (exception-status.map.ts) and the body `{ statusCode, code, message, details? }`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

/** A 400 naming one field, for rules class-validator cannot express (e.g. "unit not found" in a body). */
export const invalidField = (field: string, reason: string): DomainException =>
  new DomainException('VALIDATION_FAILED', `Invalid value for ${field}: ${reason}`, [{ field, reasons: [reason] }]);

/** A 400 naming every field in `problems` (rules checked together, reported together). */
export const fieldProblems = (problems: readonly FieldError[]): DomainException =>
  new DomainException('VALIDATION_FAILED', `Invalid input: ${problems.map((p) => p.field).join(', ')}`, [...problems]);
