import { randomUUID } from 'node:crypto';

import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { requestContext } from './request-context';

const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (honouring a sane incoming X-Request-Id) and logs one line when it ends. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Http');

  use(request: Request, response: Response, next: NextFunction): void {
    const incoming = request.header('x-request-id');
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      requestContext.run({ requestId }, () =>
        this.logger.log({
          method: request.method,
          // Path only: query strings may hold search terms typed by users.
          msg: 'request completed',
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          path: request.path,
          status: response.statusCode,
        }),
      );
    });
    requestContext.run({ requestId }, next);
  }
}
