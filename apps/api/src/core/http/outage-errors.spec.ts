import { QueryFailedError } from 'typeorm';

import { EnqueueTimeoutError } from '../queue/redis-connection-options';
import { isOutageError, outageApiError } from './outage-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isOutageError', () => {
  it.each([
    ['connection refused (pg or ioredis)', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['PostgreSQL shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['PostgreSQL starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['pg: a dropped connection', new Error('Connection terminated unexpectedly')],
    ['pg-pool: no connection in time', new Error('timeout exceeded when trying to connect')],
    [
      'ioredis: retries exhausted',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['ioredis: no offline queue', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis: closed', new Error('Connection is closed.')],
    ['a producer timeout', new EnqueueTimeoutError(1500)],
    [
      'TypeORM: commit on a released query runner',
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    ['a TypeORM query error over a dropped connection', new QueryFailedError('SELECT 1', [], withCode('terminating connection', '57P01'))],
    ['a wrapped cause', new Error('login failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
    ['an AggregateError of refusals', new AggregateError([withCode('connect ECONNREFUSED ::1:6379', 'ECONNREFUSED')])],
  ])('should classify %s as an outage', (_, error) => {
    expect(isOutageError(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error in SQL', withCode('syntax error at or near "FORM"', '42601')],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('should not classify %s as an outage', (_, error) => {
    expect(isOutageError(error)).toBe(false);
  });

  it('should answer 503 SERVICE_UNAVAILABLE', () => {
    expect(outageApiError()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String), statusCode: 503 });
  });
});
