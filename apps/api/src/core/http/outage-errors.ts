import type { ApiError } from '@helhet/shared';

/** Seconds a client should wait before trying again while PostgreSQL or Redis is unreachable. */
export const OUTAGE_RETRY_AFTER_SECONDS = 10;

/** Network errno codes of a connection that failed or dropped (pg and ioredis both surface them). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03 (shut down,
 * crash shutdown, cannot connect now), 53300 (too many connections).
 */
const POSTGRES_OUTAGE = /^(08...|57P0[123]|53300)$/;

/** Messages without a code: pg and pg-pool on a dropped/timed-out connection, ioredis and BullMQ while Redis is away. */
const OUTAGE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /^Connection is closed\.?$/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /^Reached the max retries per request limit/i,
  /^Redis did not accept the job within/i,
];

const OUTAGE_NAMES = new Set([
  'MaxRetriesPerRequestError',
  'EnqueueTimeoutError',
  // TypeORM, when PostgreSQL drops the connection under a running transaction (seen by bench/reliability.mjs).
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, `cause`, an AggregateError's `errors`) means
 * PostgreSQL or Redis cannot be reached — a 503 the client may retry, not a 500 bug.
 */
export const isOutageError = (error: unknown, depth = 0): boolean => {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const candidate = error as ErrorLike;
  if (typeof candidate.name === 'string' && OUTAGE_NAMES.has(candidate.name)) return true;
  if (typeof candidate.code === 'string' && (NETWORK_CODES.has(candidate.code) || POSTGRES_OUTAGE.test(candidate.code))) return true;
  if (typeof candidate.message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
  const nested = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : [])];
  return nested.some((inner) => isOutageError(inner, depth + 1));
};

/** The error body of an outage (the filter adds `Retry-After`). */
export const outageApiError = (): ApiError => ({
  code: 'SERVICE_UNAVAILABLE',
  message: 'The service is temporarily unavailable; try again shortly',
  statusCode: 503,
});
