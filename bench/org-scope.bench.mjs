#!/usr/bin/env node
/*
 * `npm run bench`: how fast are sign-in, the scoped organisation queries and the avvik queries on an
 * Oslo-sized municipality (the seed files ~0.6 avvik per employee over the last year, domain.md §8)?
 *
 *  1. (Re)creates its own database (default helhet_bench), migrates and seeds it through the built seed CLI
 *     (default 50,000 employees), and reports generator and insert times.
 *  2. Starts the built API (dist/apps/api/main.js) on a free port against that database.
 *  3. Times N sequential requests (default 200, after 10 warm-up requests) as the demo sector leader
 *     kommunalsjef.helse@fjordvik.kommune.no:
 *       POST /api/auth/login
 *       GET  /api/org-units?q=a&pageSize=50           (search inside the sector's subtree)
 *       GET  /api/org-units?parentId=<sector id>      (children of the sector)
 *       GET  /api/incidents?pageSize=50               (the sector's avvik, newest first)
 *       GET  /api/incidents?overdue=true&pageSize=50  (overdue ones)
 *       GET  /api/incidents/stats                     (per category and month, last 12 months)
 *       GET  /api/incidents/<id>                      (one case with history, measures, records)
 *       POST /api/incidents                           (filing: validation, routing, gap-free number)
 *  4. Prints p50/p95/max and writes JSON to bench/results/ (git-ignored), then stops the API, removes its
 *     Redis keys (prefix helhet-bench) and drops the database (keep it with --keep).
 *
 * Options: --employees N (50000) --requests N (200) --seed S (2026) --keep
 * Env:     BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/helhet_bench), REDIS_URL (redis://127.0.0.1:6379)
 * Needs:   PostgreSQL and Redis running, and a build: `npx nx build api`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Redis } from 'ioredis';

import { checkServices, DEFAULT_REDIS_URL, dropDatabase, ensureDatabase } from '../tools/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    employees: { default: '50000', type: 'string' },
    keep: { default: false, type: 'boolean' },
    requests: { default: '200', type: 'string' },
    seed: { default: '2026', type: 'string' },
  },
});
const employees = Number(args.employees);
const requests = Number(args.requests);
const WARM_UP = 10;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helhet_bench';
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const REDIS_KEY_PREFIX = 'helhet-bench';
const SECTOR_LEADER = 'kommunalsjef.helse@fjordvik.kommune.no';
const DEMO_PASSWORD = 'Helhet-demo-2026!';

const say = (line) => console.log(`[bench] ${line}`);
const fail = (message) => {
  console.error(`[bench] ${message}`);
  process.exit(1);
};

for (const file of ['dist/apps/api/main.js', 'dist/apps/api/seed.js']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing. Build the API first:  npx nx build api`);
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

/** Runs a node script to the end, echoing its output; resolves with its stdout. */
const runNode = (scriptArgs, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, scriptArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`node ${scriptArgs.join(' ')} exited with ${code}`))));
  });

// 1. Fresh database, migrated and seeded.
say(`database ${databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}: dropping and creating`);
await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
const seedStarted = performance.now();
const seedOutput = await runNode(
  ['dist/apps/api/seed.js', '--employees', String(employees), '--seed', args.seed, '--database-url', databaseUrl, '--json'],
  process.env,
);
const seedWallMs = Math.round(performance.now() - seedStarted);
const seedReport = JSON.parse(seedOutput.trim().split('\n').at(-1));

// 2. The API on a free port.
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
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
/** Stops the API, removes the run's Redis keys (queues, rate-limit counters) and, unless --keep, the database. */
const cleanUp = async () => {
  if (!apiExited) api.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const redis = new Redis(redisUrl);
  for await (const keys of redis.scanStream({ count: 500, match: `${REDIS_KEY_PREFIX}:*` }))
    if (keys.length > 0) await redis.unlink(...keys);
  await redis.quit();
  if (!args.keep) await dropDatabase(databaseUrl);
};

/** Up when /api/health answers with the database up (the queue is down: no worker is started). */
const waitForApi = async (timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (apiExited) throw new Error('the API exited during start-up (see its output above)');
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      const body = await response.json();
      if (body?.components?.database?.state === 'up') return;
      last = JSON.stringify(body);
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`API not up after ${timeoutMs} ms: ${last}`);
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const summarise = (name, durations) => {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 10) / 10;
  return {
    max: round(sorted.at(-1)),
    mean: round(sorted.reduce((total, value) => total + value, 0) / sorted.length),
    min: round(sorted[0]),
    n: sorted.length,
    name,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
  };
};

/** Times `requests` sequential calls after WARM_UP untimed ones; `check` throws on a wrong answer. */
const measure = async (name, call, check, expectedStatus = 200) => {
  const durations = [];
  for (let i = 0; i < WARM_UP + requests; i++) {
    const started = performance.now();
    const response = await call();
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== expectedStatus) throw new Error(`${name}: HTTP ${response.status} ${body.slice(0, 300)}`);
    check?.(response, body);
    if (i >= WARM_UP) durations.push(elapsed);
  }
  return summarise(name, durations);
};

const login = () =>
  fetch(`${baseUrl}/api/auth/login`, {
    body: JSON.stringify({ email: SECTOR_LEADER, password: DEMO_PASSWORD }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  });

let results;
let context;
try {
  await waitForApi(60_000);
  say(`API up on ${baseUrl}; ${requests} timed requests per endpoint after ${WARM_UP} warm-up requests, one at a time`);

  // 3. Sign in once for the cookie and the sector, then time.
  const first = await login();
  if (first.status !== 200) throw new Error(`login as ${SECTOR_LEADER} failed: HTTP ${first.status} ${await first.text()}`);
  const cookies = first.headers.getSetCookie().map((line) => line.split(';')[0]);
  const accessCookie = cookies.find((pair) => pair.startsWith('hh_at='));
  const csrf = cookies.find((pair) => pair.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
  if (!accessCookie || !csrf) throw new Error('the login response set no hh_at or XSRF-TOKEN cookie');
  const cookie = `${accessCookie}; XSRF-TOKEN=${csrf}`;
  const get = (path) => fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json', cookie } });
  const post = (path, body) =>
    fetch(`${baseUrl}${path}`, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': decodeURIComponent(csrf) },
      method: 'POST',
    });
  const roots = await (await get('/api/org-units')).json();
  const sector = roots.items?.[0];
  if (!sector || roots.items.length !== 1)
    throw new Error(`expected the sector leader's scope to be one sector, got ${JSON.stringify(roots).slice(0, 300)}`);
  const search = await (await get('/api/org-units?q=a&pageSize=50')).json();
  const children = await (await get(`/api/org-units?parentId=${sector.id}`)).json();
  context = { searchTotal: search.total, sector: { childCount: children.total, id: sector.id, name: sector.name } };
  say(`scope: ${sector.name} (${children.total} children); search "a" matches ${search.total} units`);

  const loginCheck = (response) => {
    if (!response.headers.getSetCookie().some((line) => line.startsWith('hh_at='))) throw new Error('login without hh_at cookie');
  };
  const incidents = await (await get('/api/incidents?pageSize=1')).json();
  const categories = await (await get('/api/incidents/categories')).json();
  const caseId = incidents.items?.[0]?.id;
  if (!caseId) throw new Error('the sector leader sees no avvik: was the seed run?');
  context.incidentsInScope = incidents.total;
  say(`avvik in the sector's scope: ${incidents.total}`);
  const filing = {
    affectedPartyType: 'none',
    categoryId: categories.find((c) => c.code === 'service_quality').id,
    description: 'Benchmark: rutine ikke fulgt.',
    kind: 'deviation',
    occurredAt: new Date().toISOString(),
    orgUnitId: sector.id,
    reporterVisibility: 'named',
    severityActual: 'low',
  };
  const created = (response) => {
    if (response.status !== 201) throw new Error(`filing: HTTP ${response.status}`);
  };
  results = [
    await measure('POST /api/auth/login', login, loginCheck),
    await measure('GET /api/org-units?q=a&pageSize=50', () => get('/api/org-units?q=a&pageSize=50')),
    await measure('GET /api/org-units?parentId=<sector>', () => get(`/api/org-units?parentId=${sector.id}`)),
    await measure('GET /api/incidents?pageSize=50', () => get('/api/incidents?pageSize=50')),
    await measure('GET /api/incidents?overdue=true', () => get('/api/incidents?overdue=true&pageSize=50')),
    await measure('GET /api/incidents/stats', () => get('/api/incidents/stats')),
    await measure('GET /api/incidents/<id>', () => get(`/api/incidents/${caseId}`)),
    await measure('POST /api/incidents', () => post('/api/incidents', filing), created, 201),
  ];
} catch (error) {
  await cleanUp();
  fail(error.message);
}
await cleanUp();

// 4. Report.
const pad = (value, width) => String(value).padStart(width);
console.log(`
Seed (${seedReport.counts.users} users, ${seedReport.counts.orgUnits} org units, ${seedReport.counts.roleAssignments} role assignments, ${seedReport.counts.incidents} avvik):
  generator ${seedReport.timings.generateMs} ms · insert ${seedReport.timings.insertMs} ms (one transaction) · analyze ${seedReport.timings.analyzeMs} ms · seed CLI wall time incl. migrations ${seedWallMs} ms

${'endpoint'.padEnd(40)}${pad('n', 6)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('max ms', 10)}${pad('mean ms', 10)}
${results.map((r) => `${r.name.padEnd(40)}${pad(r.n, 6)}${pad(r.p50, 10)}${pad(r.p95, 10)}${pad(r.max, 10)}${pad(r.mean, 10)}`).join('\n')}
`);

const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `org-scope-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      context,
      environment: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      options: { employees, requests, seed: Number(args.seed), warmUp: WARM_UP },
      results,
      seed: { ...seedReport, wallMs: seedWallMs },
    },
    null,
    2,
  )}\n`,
);
say(`results written to ${file.slice(root.length)}`);
