import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsInt, validate } from 'class-validator';

import { DomainException } from '../http/domain.exception';
import { DomainExceptionFilter } from '../http/domain-exception.filter';
import { validationException } from '../http/validation-errors.util';
import { WS_EXCEPTION_EVENT, WsExceptionFilter } from './ws-exception.filter';

class VoteBody {
  @IsInt()
  value!: number;
}

/** The socket args are (socket, body, ack?); returns what the ack and the `exception` event received. */
const capture = (exception: unknown, withAck = true) => {
  const acked: unknown[] = [];
  const emitted: [string, unknown][] = [];
  const socket = { emit: (event: string, body: unknown) => emitted.push([event, body]) };
  const args = withAck ? [socket, {}, (body: unknown) => acked.push(body)] : [socket, {}];
  const host = { getArgs: () => args, switchToWs: () => ({ getClient: () => socket }) } as unknown as ArgumentsHost;
  new WsExceptionFilter().catch(exception, host);
  return { acked, emitted };
};

/** The REST body the global filter would send for the same exception. */
const restBody = (exception: unknown): unknown => {
  let body: unknown;
  const response = {
    headersSent: false,
    json: (b: unknown) => (body = b),
    removeHeader: () => undefined,
    setHeader: () => undefined,
    status: () => response,
    type: () => response,
  };
  new DomainExceptionFilter().catch(exception, { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost);
  return body;
};

describe('WsExceptionFilter', () => {
  it('should acknowledge a validation failure with the REST body, field names included', async () => {
    const exception = validationException(await validate(plainToInstance(VoteBody, { value: 'x' })));
    const { acked, emitted } = capture(exception);
    expect(acked).toEqual([{ error: restBody(exception), ok: false }]);
    expect(acked[0]).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'value' }], statusCode: 400 } });
    expect(emitted).toEqual([]);
  });

  it('should map domain and framework errors like REST and hide internals', () => {
    for (const exception of [new DomainException('FORBIDDEN', 'no'), new BadRequestException('bad'), new Error('secret')]) {
      expect(capture(exception).acked).toEqual([{ error: restBody(exception), ok: false }]);
    }
    expect(capture(new Error('secret')).acked).toEqual([
      { error: { code: 'INTERNAL_ERROR', message: 'Internal server error', statusCode: 500 }, ok: false },
    ]);
  });

  it('should emit on the exception event when the client sent no acknowledgement', () => {
    const { acked, emitted } = capture(new DomainException('FORBIDDEN', 'no'), false);
    expect(acked).toEqual([]);
    expect(emitted).toEqual([[WS_EXCEPTION_EVENT, { error: { code: 'FORBIDDEN', message: 'no', statusCode: 403 }, ok: false }]]);
  });
});
