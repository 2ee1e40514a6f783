#!/usr/bin/env node
/*
 * `npm run bench:filing`: how close does filing an avvik through the API come to the same writes done by hand?
 *
 *  1. (Re)creates its own database (default helhet_bench_filing), migrates and seeds a small municipality through
 *     the built seed CLI (300 employees), and starts the built API (dist/apps/api/main.js) on a free port.
 *  2. In the same run, on the same database, for 1 and for 16 concurrent clients, each for a fixed time:
 *     (a) hand-written: node `pg`, a pool of as many connections as clients, one transaction per filing: take the
 *         next number from the locked per-year counter row, insert the incident, its `filed` event and its audit
 *         row, commit. The floor: what the database and this machine cost for a gap-free filing anyway.
 *     (b) API: `POST /api/incidents` as the demo employee (ansatt@), keep-alive HTTP, multipart with a `payload`
 *         field and an `Idempotency-Key` per filing, as the web form sends it.
 *  3. Prints filings/s, p50/p95/p99 latency and the API/hand-written ratio; writes bench/results/filing-<ts>.json.
 *  4. Stops the API, removes its Redis keys (prefix helhet-bench-filing) and drops the database (keep it: --keep).
 *
 * Options: --seconds N (8 per measurement) --warm-up N (2 s) --clients 1,16 --api-dir DIR (default dist/apps/api;
 *          e.g. a copy of an older build, to compare) --keep
 * Env:     BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/helhet_bench_filing), REDIS_URL,
 *          BENCH_API_NODE_ARGS (extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
 * Needs:   PostgreSQL and Redis running, and a build: `npx nx build api`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';

import { Redis } from 'ioredis';
import pg from 'pg';

import { checkServices, DEFAULT_REDIS_URL, dropDatabase, ensureDatabase } from '../tools/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    'api-dir': { default: 'dist/apps/api', type: 'string' },
    clients: { default: '1,16', type: 'string' },
    keep: { default: false, type: 'boolean' },
    seconds: { default: '8', type: 'string' },
    'warm-up': { default: '2', type: 'string' },
  },
});
const seconds = Number(args.seconds);
const warmUpSeconds = Number(args['warm-up']);
const clientCounts = args.clients.split(',').map(Number);
const apiDir = isAbsolute(args['api-dir']) ? args['api-dir'] : join(root, args['api-dir']);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helhet_bench_filing';
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const REDIS_KEY_PREFIX = 'helhet-bench-filing';
const EMPLOYEE = 'ansatt@fjordvik.kommune.no';
const DEMO_PASSWORD = 'Helhet-demo-2026!';

const say = (line) => console.log(`[bench] ${line}`);
const fail = (message) => {
  console.error(`[bench] ${message}`);
  process.exit(1);
};

for (const file of ['main.js', 'seed.js']) {
  if (!existsSync(join(apiDir, file))) fail(`${join(apiDir, file)} is missing. Build the API first:  npx nx build api`);
}
const problems = await checkServices({ databaseUrl, redisUrl });
if (problems.length > 0) fail(`cannot run:\n\n  ${problems.join('\n\n  ')}`);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// 1. Fresh database, migrated and seeded; the API on a free port.
say(`database ${databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}: dropping, creating, seeding 300 employees`);
await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [join(apiDir, 'seed.js'), '--employees', '300', '--database-url', databaseUrl, '--json'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
});
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(apiDir, 'main.js')], {
  cwd: root,
  env: {
    ...process.env,
    COOKIE_SECURE: 'false',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_MAX: '100000',
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    REDIS_KEY_PREFIX,
    REDIS_URL: redisUrl,
    REPORTER_IDENTITY_KEY: randomBytes(32).toString('base64'),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let apiExited = false;
api.on('exit', () => (apiExited = true));
const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...clientCounts) });

/** Stops the API, removes the run's Redis keys (queues, session and rate-limit keys) and, unless --keep, the database. */
const cleanUp = async () => {
  if (!apiExited) api.kill('SIGTERM');
  await pool.end().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const redis = new Redis(redisUrl);
  for await (const keys of redis.scanStream({ count: 500, match: `${REDIS_KEY_PREFIX}:*` }))
    if (keys.length > 0) await redis.unlink(...keys);
  await redis.quit();
  if (!args.keep) await dropDatabase(databaseUrl);
};

const waitForApi = async (timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (apiExited) throw new Error('the API exited during start-up (see its output above)');
    const health = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.json())
      .catch(() => null);
    if (health?.components?.database?.state === 'up') return;
    if (Date.now() > deadline) throw new Error(`the API did not come up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (value) => Math.round(value * 10) / 10;

/**
 * `clients` loops call `once()` back to back: first `warmUpSeconds` untimed, then `seconds` timed. Rate = filings
 * completed in the timed window / its length; latencies are per call, client-observed.
 */
const run = async (name, clients, once) => {
  const durations = [];
  let timing = false;
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const started = performance.now();
      await once();
      if (timing && !stop) durations.push(performance.now() - started);
    }
  };
  const loops = Array.from({ length: clients }, loop);
  await new Promise((resolve) => setTimeout(resolve, warmUpSeconds * 1000));
  timing = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  stop = true;
  const elapsed = performance.now() - started;
  await Promise.all(loops);
  const sorted = durations.sort((a, b) => a - b);
  const result = {
    clients,
    n: sorted.length,
    name,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    perSecond: round(sorted.length / (elapsed / 1000)),
  };
  say(`${name}, ${clients} client(s): ${result.perSecond}/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
  return result;
};

let results;
let context;
try {
  await waitForApi(60_000);
  say(`API (${apiDir}) up on ${baseUrl}`);

  // The employee's session, as the browser holds it.
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    body: JSON.stringify({ email: EMPLOYEE, password: DEMO_PASSWORD }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  });
  if (login.status !== 200) throw new Error(`login as ${EMPLOYEE} failed: HTTP ${login.status} ${await login.text()}`);
  const cookies = login.headers.getSetCookie().map((line) => line.split(';')[0]);
  const access = cookies.find((pair) => pair.startsWith('hh_at='));
  const csrf = cookies.find((pair) => pair.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
  if (!access || !csrf) throw new Error('the login response set no hh_at or XSRF-TOKEN cookie');
  const cookie = `${access}; XSRF-TOKEN=${csrf}`;
  const get = async (path) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json', cookie } });
    if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const me = await get('/api/auth/me');
  const units = await get('/api/incidents/filing-units?q=');
  const categories = await get('/api/incidents/categories');
  const unit = units.find((candidate) => candidate.id === me.primaryOrgUnitId) ?? units[0];
  const category = categories.find((candidate) => candidate.code === 'service_quality');
  if (!unit || !category) throw new Error(`no filing unit or no service_quality category for ${EMPLOYEE}`);
  const tenantId = me.tenant.id;
  if (!tenantId) throw new Error(`${EMPLOYEE} not found in the database`);
  context = { category: category.code, unit: unit.name ?? unit.id };
  say(`filing as ${EMPLOYEE} into ${context.unit}, category ${category.code}`);

  const payload = () => ({
    affectedPartyType: 'none',
    categoryId: category.id,
    description: 'Benchmark: rutine ikke fulgt.',
    kind: 'deviation',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    orgUnitId: unit.id,
    reporterVisibility: 'named',
    severityActual: 'low',
    severityPotential: 'low',
  });

  /** (b) What the web form does: multipart `payload`, a fresh Idempotency-Key, the session cookie and the CSRF header. */
  const fileThroughApi = async () => {
    const body = new FormData();
    body.append('payload', JSON.stringify(payload()));
    const response = await fetch(`${baseUrl}/api/incidents`, {
      body,
      headers: { cookie, 'idempotency-key': randomUUID(), 'x-xsrf-token': decodeURIComponent(csrf) },
      method: 'POST',
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST /api/incidents: HTTP ${response.status} ${text.slice(0, 300)}`);
  };

  /** (a) The same rows by hand: counter row (locked to commit) → incident → event → audit row → commit. */
  const year = new Date().getFullYear();
  const fileByHand = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO incident_number_counter (tenant_id, year, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = incident_number_counter.last_value + 1 RETURNING last_value`,
        [tenantId, year],
      );
      const number = `${year}-${String(rows[0].last_value).padStart(6, '0')}`;
      const dto = payload();
      const now = new Date();
      const incident = await client.query(
        `INSERT INTO incident (tenant_id, number, kind, category_id, org_unit_id, occurred_at, reported_at, description,
           severity_actual, severity_potential, affected_party_type, reporter_user_id, reporter_visibility, acknowledge_due_at, close_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          tenantId,
          number,
          dto.kind,
          dto.categoryId,
          dto.orgUnitId,
          dto.occurredAt,
          now,
          dto.description,
          dto.severityActual,
          dto.severityPotential,
          dto.affectedPartyType,
          me.id,
          dto.reporterVisibility,
          new Date(now.getTime() + 7 * 86_400_000),
          new Date(now.getTime() + 30 * 86_400_000),
        ],
      );
      const id = incident.rows[0].id;
      await client.query(
        `INSERT INTO incident_event (tenant_id, incident_id, type, to_status, actor_user_id) VALUES ($1, $2, 'filed', 'registered', $3)`,
        [tenantId, id, me.id],
      );
      await client.query(
        `INSERT INTO audit_log_entry (tenant_id, actor_user_id, action, entity_type, entity_id, changes) VALUES ($1, $2, 'create', 'incident', $3, $4::jsonb)`,
        [tenantId, me.id, id, JSON.stringify([{ after: number, before: null, field: 'number' }])],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  // Hand-written first, then the API, per client count: same database, one after the other.
  results = [];
  for (const clients of clientCounts) {
    const byHand = await run('hand-written SQL', clients, fileByHand);
    const throughApi = await run('POST /api/incidents', clients, fileThroughApi);
    results.push({ api: throughApi, clients, handWritten: byHand, ratio: round((100 * throughApi.perSecond) / byHand.perSecond) / 100 });
  }

  // The filings carry gap-free numbers: as many numbers as cases, none repeated.
  const check = (
    await pool.query(
      `SELECT count(*)::int AS cases, count(DISTINCT number)::int AS numbers,
              (SELECT last_value FROM incident_number_counter WHERE tenant_id = $1 AND year = $2) AS last_value
         FROM incident WHERE tenant_id = $1 AND number LIKE $3`,
      [tenantId, year, `${year}-%`],
    )
  ).rows[0];
  context.numbers = check;
  if (check.cases !== check.numbers || check.cases !== check.last_value)
    say(`WARNING: ${check.cases} cases of ${year}, ${check.numbers} distinct numbers, counter at ${check.last_value}`);
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(1);
}
await cleanUp();

console.log('');
console.log('| clients | hand-written /s | p50 / p95 / p99 ms | API /s | p50 / p95 / p99 ms | API / hand-written |');
console.log('| ------: | --------------: | -----------------: | -----: | -----------------: | -----------------: |');
for (const { api: a, clients, handWritten: h, ratio } of results) {
  console.log(
    `| ${clients} | ${h.perSecond} | ${h.p50} / ${h.p95} / ${h.p99} | ${a.perSecond} | ${a.p50} / ${a.p95} / ${a.p99} | ${Math.round(ratio * 100)} % |`,
  );
}
const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `filing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      apiDir,
      context,
      environment: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg(), node: process.version },
      options: { clients: clientCounts, seconds, warmUpSeconds },
      results,
      startedAt: new Date().toISOString(),
    },
    null,
    2,
  ),
);
say(`wrote ${file}`);
