import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, NotFoundException } from '@nestjs/common';

import { DomainException } from './domain.exception';
import { DomainExceptionFilter } from './domain-exception.filter';

const capture = (exception: unknown) => {
  let status = 0;
  let body: unknown;
  const response = { json: (b: unknown) => (body = b), status: (s: number) => ((status = s), response) };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new DomainExceptionFilter().catch(exception, host);
  return { body, status };
};

describe('DomainExceptionFilter', () => {
  it('should map a domain code to its status and keep details', () => {
    const result = capture(new DomainException('ORG_UNIT_HAS_ACTIVE_CHILDREN', 'busy', { activeChildren: 2 }));
    expect(result).toEqual({
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
    expect(result).toEqual({ body: { code: 'INTERNAL_ERROR', message: 'Internal server error', statusCode: 500 }, status: 500 });
  });
});
