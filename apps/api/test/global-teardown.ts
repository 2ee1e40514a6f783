import { Redis } from 'ioredis';

import { dropDatabase } from './utils/test-database';

/** Drops the run's database and its Redis keys, unless HELHET_IT_KEEP is set (for debugging). */
export default async function globalTeardown(): Promise<void> {
  if (process.env['HELHET_IT_KEEP']) return;
  const url = process.env['HELHET_IT_DATABASE_URL'];
  if (url) await dropDatabase(url);
  const prefix = process.env['HELHET_IT_REDIS_PREFIX'];
  if (prefix) {
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    const stream = redis.scanStream({ count: 500, match: `${prefix}*` });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.unlink(...keys);
    await redis.quit();
  }
}
