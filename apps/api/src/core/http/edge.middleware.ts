import type { NextFunction, Request, Response } from 'express';

import { DomainException } from './domain.exception';
import { inputProblem, inputTooDeep, jsonNestsDeeperThan } from './input-limits';

/**
 * Request-edge rules for every `/api` route (configure-app.ts), so bad input is refused before parsing or validation
 * instead of failing deep inside (a 500). See hostile-input.integration-spec.ts.
 */

const isApi = (request: Request): boolean => request.path === '/api' || request.path.startsWith('/api/');

/** A non-empty body (`Content-Length: 0`, as fetch sends on a bodiless POST, is no body). */
const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * A request body is JSON in UTF-8 or multipart/form-data (only on routes that declare it, multipart-only.interceptor.ts);
 * anything else is 415. This also keeps HTML forms (urlencoded, text/plain) away from CSRF-exempt routes such as login.
 */
export const requireJsonOrMultipart = (request: Request, _response: Response, next: NextFunction): void => {
  if (!isApi(request) || !hasBody(request)) return next();
  const type = request.is(['application/json', 'multipart/form-data']);
  if (type === 'application/json') {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return next();
    return next(unsupportedMediaType(`charset ${charset} is not supported; send JSON in UTF-8`));
  }
  if (type === 'multipart/form-data') return next();
  return next(unsupportedMediaType('send application/json (or multipart/form-data where the route accepts files)'));
};

export const unsupportedMediaType = (reason: string): DomainException =>
  new DomainException('UNSUPPORTED_MEDIA_TYPE', `Unsupported media type: ${reason}`);

/** body-parser `verify`: refuse over-deep JSON from the raw bytes, before JSON.parse runs. */
export const verifyJsonDepth = (_request: unknown, _response: unknown, body: Buffer): void => {
  if (jsonNestsDeeperThan(body)) throw inputTooDeep('body');
};

/**
 * After the JSON parser: each query parameter is given once, a JSON body is an object (no endpoint takes an array or a
 * scalar), and no string in the body or the query holds NUL or a lone surrogate (400 naming the field). Multipart fields are checked once multer has
 * parsed them (incidents/multipart.interceptor.ts).
 */
export const inspectParsedInput = (request: Request, _response: Response, next: NextFunction): void => {
  if (!isApi(request)) return next();
  // Every query parameter is one string: `?q=a&q=b` (an array) would reach handlers typed `q?: string`.
  const repeated = Object.entries(request.query as Record<string, unknown>).find(([, value]) => typeof value !== 'string');
  if (repeated) {
    const reason = 'must be given once, as a plain value';
    return next(
      new DomainException('VALIDATION_FAILED', `Invalid input: ${repeated[0]} ${reason}`, [{ field: repeated[0], reasons: [reason] }]),
    );
  }
  const queryProblem = inputProblem(request.query);
  if (queryProblem) return next(queryProblem);
  if (hasBody(request) && request.is('application/json')) {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const reason = 'must be a JSON object';
      return next(new DomainException('VALIDATION_FAILED', `Invalid input: body ${reason}`, [{ field: 'body', reasons: [reason] }]));
    }
    const bodyProblem = inputProblem(body);
    if (bodyProblem) return next(bodyProblem);
  }
  next();
};

/**
 * API answers hold personal data: none may be cached by the browser or a proxy. Set first, so a handler that sets
 * its own Cache-Control (a download, an export) replaces it.
 */
export const noStoreByDefault = (request: Request, response: Response, next: NextFunction): void => {
  if (isApi(request)) response.setHeader('Cache-Control', 'no-store');
  next();
};
