/* Shared by start.mjs, test.mjs and the benchmarks: are PostgreSQL and Redis reachable, and how to fix it if not. */
import net from 'node:net';

import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/helhet';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const tcpOpen = (host, port, timeoutMs = 1500) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export const adminUrl = (databaseUrl) => {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
};

/** Returns a list of human-readable problems (empty when both services answer). */
export const checkServices = async ({ databaseUrl, redisUrl }) => {
  const problems = [];
  const db = new URL(databaseUrl);
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable at ${db.hostname}:${db.port || 5432} (${error.message}).\n` +
        `    Start it with:  pg_ctlcluster 15 main start    (Debian)\n` +
        `    or:             docker compose -f docker/docker-compose.yml -f docker/docker-compose.dev.yml up -d postgres\n` +
        `                    with DATABASE_URL=postgres://helhet:helhet@127.0.0.1:5432/helhet\n` +
        `    or point DATABASE_URL at a running server.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new URL(redisUrl);
  if (!(await tcpOpen(redis.hostname, Number(redis.port || 6379)))) {
    problems.push(
      `Redis is not reachable at ${redis.hostname}:${redis.port || 6379}.\n` +
        `    Start it with:  redis-server --daemonize yes --bind 127.0.0.1 --port ${redis.port || 6379} --save '' --appendonly no\n` +
        `    or:             docker compose -f docker/docker-compose.yml -f docker/docker-compose.dev.yml up -d redis\n` +
        `    or point REDIS_URL at a running server.`,
    );
  }
  return problems;
};

export const ensureDatabase = async (databaseUrl) => {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
};

export const dropDatabase = async (databaseUrl) => {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

export const waitForHealthy = async (url, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms: ${last}`);
};
