import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, NotFoundException } from '@nestjs/common';

import { DomainException } from './domain.exception';
import { DomainExceptionFilter } from './domain-exception.filter';

const capture = (exception: unknown) => {
  let status = 0;
  let body: unknown;
  const headers: Record<string, string> = { 'Content-Disposition': 'attachment', 'Content-Type': 'text/csv' };
  const response = {
    json: (b: unknown) => (body = b),
    removeHeader: (name: string) => delete headers[name],
    status: (s: number) => ((status = s), response),
    type: (t: string) => ((headers['Content-Type'] = t), response),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new DomainExceptionFilter().catch(exception, host);
  return { body, headers, status };
};

describe('DomainExceptionFilter', () => {
  it('should map a domain code to its status and keep details', () => {
    const result = capture(new DomainException('ORG_UNIT_HAS_ACTIVE_CHILDREN', 'busy', { activeChildren: 2 }));
    expect(result).toMatchObject({
      body: { code: 'ORG_UNIT_HAS_ACTIVE_CHILDREN', details: { activeChildren: 2 }, message: 'busy', statusCode: 409 },
      status: 409,
    });
  });

  it('should give framework errors a stable code', () => {
    expect(capture(new NotFoundException('Cannot GET /api/nope')).body).toMatchObject({ code: 'NOT_FOUND', statusCode: 404 });
    expect(capture(new BadRequestException('Unexpected token')).body).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400 });
  });

  it('should hide internals of unexpected errors behind INTERNAL_ERROR', () => {
    const result = capture(new Error('password=secret in SQL'));
    expect(result).toMatchObject({ body: { code: 'INTERNAL_ERROR', message: 'Internal server error', statusCode: 500 }, status: 500 });
  });

  it('should map body-parser errors (http-errors, not HttpException) to their 4xx with a stable code', () => {
    const parserError = (status: number, message: string) =>
      Object.assign(new Error(message), { expose: true, status, statusCode: status });
    expect(capture(parserError(413, 'request entity too large')).body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', statusCode: 413 });
    expect(capture(parserError(415, 'unsupported charset "LATIN1"')).body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      statusCode: 415,
    });
    expect(capture(parserError(400, 'request aborted')).body).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400 });
    // Not exposed (or a 5xx): stays an internal error.
    expect(capture(Object.assign(new Error('stream encoding should not be set'), { expose: false, status: 500 })).status).toBe(500);
  });

  it('should answer JSON even where the route set another media type (a CSV export)', () => {
    const result = capture(new DomainException('VALIDATION_FAILED', 'bad'));
    expect(result.headers).toEqual({ 'Content-Type': 'application/json' });
  });
});
