import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';

import { toApiError } from '../http/domain-exception.filter';
import type { WsErrorAck } from './ws-ack.types';

/** The event a failed command without an acknowledgement callback is answered on (socket.io convention). */
export const WS_EXCEPTION_EVENT = 'exception';

/**
 * The socket twin of DomainExceptionFilter: any error of a message handler (validation pipe, guard, the handler
 * itself) is answered with `{ ok: false, error }`, where `error` is the REST body `{ statusCode, code, message, details? }`.
 * The answer goes to the acknowledgement callback when the client sent one, otherwise to the `exception` event.
 */
@Catch()
export class WsExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WsExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toApiError(exception);
    if (error.statusCode >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    const answer: WsErrorAck = { error, ok: false };
    // socket.io handlers are called as (socket, body, ack): the callback, when given, is the last function argument.
    const ack = host
      .getArgs()
      .slice(1)
      .find((arg): arg is (body: WsErrorAck) => void => typeof arg === 'function');
    if (ack) {
      ack(answer);
      return;
    }
    host.switchToWs().getClient<Socket>().emit(WS_EXCEPTION_EVENT, answer);
  }
}
