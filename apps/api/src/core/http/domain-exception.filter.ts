import type { ApiError, ErrorCode } from '@helhet/shared';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

import { DomainException } from './domain.exception';
import { EXCEPTION_STATUS } from './exception-status.map';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'AUTH_RATE_LIMITED',
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
    // Body-parser errors (malformed JSON, too large) arrive here as 400/413.
    return { code, message: exception.message, statusCode };
  }
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
    response.status(body.statusCode).json(body);
  }
}
