import type { ApiError, ErrorCode } from '@helhet/shared';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

import { DomainException } from './domain.exception';
import { EXCEPTION_STATUS } from './exception-status.map';
import { isOutageError, OUTAGE_RETRY_AFTER_SECONDS, outageApiError } from './outage-errors';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'AUTH_RATE_LIMITED',
};

/** An error of the http-errors kind (body-parser, raw-body, multer's busboy): a 4xx meant to be shown to the client. */
const clientHttpError = (exception: unknown): { status: number; message: string } | null => {
  if (!(exception instanceof Error)) return null;
  const { expose, status } = exception as Error & { expose?: unknown; status?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? { message: exception.message, status } : null;
};

/** The REST error body for any exception (also used for socket acknowledgements, core/websocket). */
export const toApiError = (exception: unknown): ApiError => {
  if (exception instanceof DomainException) {
    const body: ApiError = { code: exception.code, message: exception.message, statusCode: EXCEPTION_STATUS[exception.code] };
    if (exception.details) body.details = exception.details;
    return body;
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const code = HTTP_CODES[statusCode] ?? (statusCode >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    // Malformed JSON arrives here as a 400 (Nest maps the parser's SyntaxError).
    return { code, message: exception.message, statusCode };
  }
  // Body-parser errors that Nest passes through unmapped: too large (413), unsupported charset/encoding (415), aborted.
  const client = clientHttpError(exception);
  if (client) return { code: HTTP_CODES[client.status] ?? 'VALIDATION_FAILED', message: client.message, statusCode: client.status };
  // PostgreSQL or Redis unreachable: 503 SERVICE_UNAVAILABLE, retry later (outage-errors.ts).
  if (isOutageError(exception)) return outageApiError();
  return { code: 'INTERNAL_ERROR', message: 'Internal server error', statusCode: 500 };
};

/** The one exception filter: every error leaves the API as `ApiError`. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
    // A download that failed half-way cannot change its status any more: cut the connection, so the client sees a
    // failed transfer rather than a short file.
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (body.code === 'SERVICE_UNAVAILABLE') response.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    // A route may have set its own media type or disposition (a CSV export, a file): the error is JSON all the same.
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).type('application/json').json(body);
  }
}
