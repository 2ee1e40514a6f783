#!/usr/bin/env node
/**
 * Reliability run (issue 16): the built API and worker under load while Redis, PostgreSQL, a worker and an API
 * are taken away, then an account of what was lost, duplicated or left without a timer.
 *
 *  1. Starts a PRIVATE PostgreSQL 15 cluster (initdb + pg_ctl in a temp dir, trust auth, fsync off) and a PRIVATE
 *     Redis (no persistence) on free ports, and an SMTP sink in this process. Nothing shared is touched.
 *  2. Migrates and seeds a small municipality with the built seed CLI (dist/apps/api/seed.js).
 *  3. Phase 1: 1 API + 1 worker; phase 2: 2 APIs + 2 workers. In each phase 50 clients file avvik (each with an
 *     Idempotency-Key kept across retries on network errors, 502/503/504) and read lists, while the script stops
 *     Redis, stops PostgreSQL (each --outage-seconds), kills a worker (SIGKILL) and restarts it, kills an API
 *     (SIGKILL) and restarts it, with --phase-seconds of steady load before and after each.
 *  4. Waits for the worker to drain, then prints request figures and checks from SQL, the mail sink and Redis.
 *
 * Needs:   npx nx build api (dist/apps/api/{main,seed,worker}.js), /usr/lib/postgresql/15/bin, redis-server.
 * Usage:   npm run bench:reliability [-- --quick] [--phase-seconds 20] [--outage-seconds 30] [--clients 50] [--keep]
 *          node bench/reliability.mjs --mail-rate   (only: mails/s unpooled vs pooled SMTP against the sink)
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    clients: { default: '50', type: 'string' },
    keep: { default: false, type: 'boolean' },
    'mail-rate': { default: false, type: 'boolean' },
    'outage-seconds': { type: 'string' },
    'phase-seconds': { type: 'string' },
    quick: { default: false, type: 'boolean' },
  },
});
const PHASE_MS = Number(args['phase-seconds'] ?? (args.quick ? 6 : 20)) * 1000;
const OUTAGE_MS = Number(args['outage-seconds'] ?? (args.quick ? 10 : 30)) * 1000;
const CLIENTS = Number(args.clients);
const PG_BIN = '/usr/lib/postgresql/15/bin';
const API_DIR = join(root, 'dist/apps/api');
const SECTOR_LEADER = 'kommunalsjef.helse@fjordvik.kommune.no';
const DEMO_PASSWORD = 'Helhet-demo-2026!';
const REDIS_PREFIX = 'helhet-reliability';
const MARK = 'Pålitelighetstest';
const say = (line) => console.log(`[reliability ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** SMTP sink: records every accepted message's Message-ID. */
const startSink = async () => {
  const messageIds = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        messageIds.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? null);
        callback();
      });
    },
  });
  server.on('error', () => undefined); // a sender killed mid-session resets its connection
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.server.address().port;
  return { close: () => new Promise((resolve) => server.close(resolve)), messageIds, url: `smtp://127.0.0.1:${port}` };
};

/** Mails/s through nodemailer, one connection per mail vs the pooled transport MailService uses (5 in flight). */
const mailRate = async () => {
  const sink = await startSink();
  const run = async (label, transport, count = 1500, concurrency = 5) => {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const n = next++;
          await transport.sendMail({
            from: 'helhet@example.org',
            html: '<p>Hei</p>',
            subject: `Varsel ${n}`,
            text: 'Hei',
            to: `u${n}@example.org`,
          });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    transport.close();
    console.log(`${label.padEnd(40)} ${count} mails in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(0)} mails/s`);
  };
  await run('unpooled (connection per mail)', createTransport(sink.url));
  await run(
    'pooled (5 connections, 100 msgs each)',
    createTransport(new SMTPPool({ maxConnections: 5, maxMessages: 100, pool: true, url: sink.url })),
  );
  await sink.close();
};

if (args['mail-rate']) {
  await mailRate();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Preconditions and private services.

for (const file of ['main.js', 'seed.js', 'worker.js'])
  if (!existsSync(join(API_DIR, file))) throw new Error(`dist/apps/api/${file} is missing. Build the API first:  npx nx build api`);
for (const bin of ['initdb', 'pg_ctl'])
  if (!existsSync(join(PG_BIN, bin))) throw new Error(`${PG_BIN}/${bin} is missing (PostgreSQL 15 server binaries)`);
if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not on PATH');

const tmp = mkdtempSync(join(os.tmpdir(), 'helhet-reliability-'));
const pgData = join(tmp, 'pg');
const pgPort = await freePort();
const redisPort = await freePort();
const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/helhet`;
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const children = new Set();

/** PostgreSQL refuses to run as root: then its binaries run as the `postgres` system user, which owns the temp dir. */
const asRoot = process.getuid?.() === 0;
if (asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) throw new Error('running as root needs a postgres system user for initdb');
if (asRoot) spawnSync('chown', ['postgres', tmp]);
const pgRun = (bin, binArgs) =>
  asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...binArgs], { encoding: 'utf8' })
    : spawnSync(join(PG_BIN, bin), binArgs, { encoding: 'utf8' });
const pgCtl = (...extra) => {
  const result = pgRun('pg_ctl', ['-D', pgData, ...extra]);
  if (result.status !== 0) throw new Error(`pg_ctl ${extra[0]} failed: ${result.stderr || result.stdout}`);
};
const startPostgres = () =>
  pgCtl(
    'start',
    '-w',
    '-l',
    join(tmp, 'pg.log'),
    '-o',
    `-p ${pgPort} -k ${tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
  );
const stopPostgres = () => pgCtl('stop', '-m', 'fast', '-w');

let redis;
const startRedis = async () => {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  children.add(redis);
  for (let i = 0; i < 50; i++) {
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    const ok = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (ok) return;
    await sleep(100);
  }
  throw new Error('private Redis did not start');
};
const stopRedis = async () => {
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGTERM');
  await exited;
  children.delete(redis);
};

const sink = await startSink();
const env = {
  ...process.env,
  COOKIE_SECURE: 'false',
  DATABASE_URL: databaseUrl,
  JWT_SECRET: randomBytes(48).toString('base64url'),
  LOG_LEVEL: 'error',
  LOGIN_RATE_LIMIT_MAX: '100000',
  NODE_ENV: 'production',
  PUBLIC_URL: 'http://127.0.0.1',
  REDIS_KEY_PREFIX: REDIS_PREFIX,
  REDIS_URL: redisUrl,
  REPORTER_IDENTITY_KEY: randomBytes(32).toString('base64'),
  SMTP_URL: sink.url,
};

/** A restartable process of the built app. */
const service = (file, port) => {
  const self = {
    port,
    proc: undefined,
    start() {
      const proc = spawn(process.execPath, [join(API_DIR, file)], {
        cwd: root,
        env: { ...env, ...(port ? { PORT: String(port) } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log = createWriteStream(join(tmp, `${file.replace('.js', '')}-${proc.pid}.log`)); // error logs, kept with --keep
      proc.stdout.pipe(log, { end: false });
      proc.stderr.pipe(log, { end: false });
      children.add(proc);
      proc.once('exit', () => children.delete(proc));
      proc.once('close', () => log.end());
      self.proc = proc;
    },
    async kill(signal = 'SIGKILL') {
      const proc = self.proc;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill(signal);
      // A graceful stop that takes longer than 20 s is a finding (counted and printed), then it is killed.
      const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) {
        slowStops.push(`${file} pid ${proc.pid}`);
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
  return self;
};

const waitForApi = async (port, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.json())
      .catch(() => null);
    if (health?.components?.database?.state === 'up') return;
    if (Date.now() > deadline) throw new Error(`the API on ${port} did not come up`);
    await sleep(250);
  }
};

const cleanUp = async () => {
  for (const child of [...children]) child.kill('SIGKILL');
  await sleep(300);
  try {
    stopPostgres();
  } catch {
    /* already stopped */
  }
  await sink.close();
  if (!args.keep) rmSync(tmp, { force: true, recursive: true });
  else say(`kept ${tmp}`);
};

// ---------------------------------------------------------------------------------------------------------------
// Load.

const stats = { hanging: 0, latencies: [], requests: 0, statuses: new Map() };
const acknowledged = new Map(); // Idempotency-Key → { id, number }
let unacknowledged = 0;
const slowStops = [];
const serverErrors = [];
let running = false;
let apis = [];

const record = (status, ms) => {
  stats.requests++;
  stats.latencies.push(ms);
  if (ms > 2000) stats.hanging++;
  stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
};

const timedFetch = async (path, init = {}) => {
  const api = apis[Math.floor(Math.random() * apis.length)];
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${api.port}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
    const body = await response.text();
    record(response.status, performance.now() - started);
    if (response.status >= 500 && response.status !== 503 && serverErrors.length < 5)
      serverErrors.push(`${response.status} ${path} ${body.slice(0, 200)}`);
    return { body, status: response.status };
  } catch (error) {
    record(error?.name === 'TimeoutError' ? 'timeout' : 'network', performance.now() - started);
    return { status: 0 };
  }
};

let session;
const signIn = async () => {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${apis[0].port}/api/auth/login`, {
      body: JSON.stringify({ email: SECTOR_LEADER, password: DEMO_PASSWORD }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    }).catch(() => null);
    if (response?.status === 200) {
      const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
      const access = cookies.find((pair) => pair.startsWith('hh_at='));
      const csrf = cookies.find((pair) => pair.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
      return { cookie: `${access}; XSRF-TOKEN=${csrf}`, csrf: decodeURIComponent(csrf) };
    }
    await sleep(500);
  }
};

let filing;
const client = async () => {
  while (running) {
    if (Math.random() < 0.4) {
      const key = randomUUID();
      const body = JSON.stringify({ ...filing, description: `${MARK} ${key}` });
      const headers = { 'content-type': 'application/json', cookie: session.cookie, 'idempotency-key': key, 'x-xsrf-token': session.csrf };
      const giveUp = Date.now() + 90_000;
      for (;;) {
        const response = await timedFetch('/api/incidents', { body, headers, method: 'POST' });
        if (response.status === 201 || response.status === 200) {
          const parsed = JSON.parse(response.body);
          acknowledged.set(key, { id: parsed.id, number: parsed.number });
          break;
        }
        if (![0, 502, 503, 504].includes(response.status) || Date.now() > giveUp) {
          unacknowledged++;
          break;
        }
        await sleep(500);
      }
    } else {
      await timedFetch('/api/incidents?pageSize=20', { headers: { accept: 'application/json', cookie: session.cookie } });
    }
    await sleep(50 + Math.random() * 150);
  }
};

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

const runPhase = async (label, apiCount, workerCount) => {
  say(`${label}: ${apiCount} API + ${workerCount} worker, ${CLIENTS} clients`);
  apis = await Promise.all(Array.from({ length: apiCount }, async () => service('main.js', await freePort())));
  const workers = Array.from({ length: workerCount }, () => service('worker.js'));
  for (const s of [...apis, ...workers]) s.start();
  await Promise.all(apis.map((api) => waitForApi(api.port)));
  session ??= await signIn();
  if (!filing) {
    const categories = JSON.parse((await timedFetch('/api/incidents/categories', { headers: { cookie: session.cookie } })).body);
    const roots = JSON.parse((await timedFetch('/api/org-units', { headers: { cookie: session.cookie } })).body);
    filing = {
      affectedPartyType: 'none',
      categoryId: categories.find((c) => c.code === 'service_quality').id,
      kind: 'deviation',
      occurredAt: new Date().toISOString(),
      orgUnitId: roots.items[0].id,
      reporterVisibility: 'named',
      severityActual: 'low',
    };
  }
  running = true;
  const load = Array.from({ length: CLIENTS }, () => client());
  await sleep(PHASE_MS);
  say(`${label}: Redis stopped for ${OUTAGE_MS / 1000} s`);
  await stopRedis();
  await sleep(OUTAGE_MS);
  await startRedis();
  say(`${label}: Redis back`);
  await sleep(PHASE_MS);
  say(`${label}: PostgreSQL stopped for ${OUTAGE_MS / 1000} s`);
  stopPostgres();
  await sleep(OUTAGE_MS);
  startPostgres();
  say(`${label}: PostgreSQL back`);
  await sleep(PHASE_MS);
  say(`${label}: worker killed (SIGKILL), restarted after 2 s`);
  await workers[0].kill();
  await sleep(2000);
  workers[0].start();
  await sleep(PHASE_MS);
  say(`${label}: API killed (SIGKILL), restarted`);
  await apis[0].kill();
  apis[0].start();
  await waitForApi(apis[0].port);
  await sleep(PHASE_MS);
  running = false;
  await Promise.all(load);
  say(`${label}: load stopped; ${acknowledged.size} filings acknowledged so far`);
  return { apis, workers };
};

// ---------------------------------------------------------------------------------------------------------------

let exitCode = 0;
process.on('uncaughtException', async (error) => {
  console.error(error);
  await cleanUp().catch(() => undefined);
  process.exit(1);
});
try {
  say(
    `private PostgreSQL on ${pgPort}, Redis on ${redisPort}, SMTP sink ${sink.url}; phase ${PHASE_MS / 1000} s, outage ${OUTAGE_MS / 1000} s`,
  );
  const init = pgRun('initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  startPostgres();
  await startRedis();
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE helhet');
  await admin.end();
  say('migrating and seeding a small municipality…');
  const seed = spawnSync(process.execPath, [join(API_DIR, 'seed.js'), '--employees', '300', '--database-url', databaseUrl, '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);

  const started = Date.now();
  const one = await runPhase('phase 1', 1, 1);
  for (const s of [...one.apis, ...one.workers]) await s.kill('SIGTERM');
  const two = await runPhase('phase 2', 2, 2);

  // Let the workers drain: no delivery pending or sending, or 90 s.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const drainUntil = Date.now() + 90_000;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE status IN ('pending', 'sending')`);
    if (rows[0].n === 0 || Date.now() > drainUntil) break;
    await sleep(1000);
  }
  const loadSeconds = (Date.now() - started) / 1000;

  // Checks.
  const q = async (sql, params) => (await db.query(sql, params)).rows;
  const filed = await q(`SELECT id, number, description, status FROM incident WHERE description LIKE $1`, [`${MARK} %`]);
  const byKey = new Map();
  for (const row of filed) {
    const key = row.description.slice(MARK.length + 1);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const lost = [...acknowledged.keys()].filter((key) => !byKey.has(key));
  const duplicateKeys = [...byKey.values()].filter((rows) => rows.length > 1).length;
  const storedNotAcknowledged = [...byKey.keys()].filter((key) => !acknowledged.has(key)).length;
  const numbers = await q(
    `SELECT number FROM incident WHERE tenant_id = (SELECT tenant_id FROM incident WHERE description LIKE $1 LIMIT 1)`,
    [`${MARK} %`],
  );
  const sequencesByYear = new Map();
  for (const { number } of numbers) {
    const match = /^(\d{4})-(\d+)$/.exec(number);
    if (match) sequencesByYear.set(match[1], [...(sequencesByYear.get(match[1]) ?? []), Number(match[2])]);
  }
  let duplicateNumbers = 0;
  let missingNumbers = 0;
  for (const sequences of sequencesByYear.values()) {
    const set = new Set(sequences);
    duplicateNumbers += sequences.length - set.size;
    missingNumbers += Math.max(...set) - set.size; // 1..max without holes
  }
  const audit = await q(
    `SELECT i.id, count(a.id)::int AS n FROM incident i LEFT JOIN audit_log_entry a ON a.entity_type = 'incident' AND a.entity_id = i.id
      WHERE i.description LIKE $1 GROUP BY i.id`,
    [`${MARK} %`],
  );
  const auditCounts = audit.map((r) => r.n);
  const notifications = await q(
    `SELECT i.id, count(n.id)::int AS n FROM incident i LEFT JOIN notification n ON n.incident_id = i.id
      WHERE i.description LIKE $1 GROUP BY i.id`,
    [`${MARK} %`],
  );
  const deliveries = await q(
    `SELECT d.status, n.id AS notification_id FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
      JOIN incident i ON i.id = n.incident_id WHERE i.description LIKE $1`,
    [`${MARK} %`],
  );
  const deliveryStatus = new Map();
  for (const d of deliveries) deliveryStatus.set(d.status, (deliveryStatus.get(d.status) ?? 0) + 1);
  const mailCounts = new Map();
  for (const id of sink.messageIds) mailCounts.set(id, (mailCounts.get(id) ?? 0) + 1);
  const sentRows = deliveries.filter((d) => d.status === 'sent');
  const sentNotInSink = sentRows.filter((d) => !mailCounts.has(`<notification-${d.notification_id}@helhet>`)).length;
  const inSinkNotSent = deliveries.filter(
    (d) => d.status !== 'sent' && mailCounts.has(`<notification-${d.notification_id}@helhet>`),
  ).length;
  const duplicateMails = [...mailCounts.values()].filter((n) => n > 1).length;

  const open = await q(`SELECT id, status FROM incident WHERE description LIKE $1 AND status IN ('registered', 'in_progress')`, [
    `${MARK} %`,
  ]);
  const probe = new Redis(redisUrl);
  const queued = new Set();
  for (const list of ['delayed', 'wait', 'paused', 'prioritized', 'active']) {
    const key = `${REDIS_PREFIX}:escalations:${list}`;
    const type = await probe.type(key);
    const ids = type === 'zset' ? await probe.zrange(key, 0, -1) : type === 'list' ? await probe.lrange(key, 0, -1) : [];
    for (const id of ids) queued.add(/^incident-([0-9a-f-]{36})-/.exec(id)?.[1]);
  }
  const withoutTimer = open.filter((row) => !queued.has(row.id)).length;
  const stuck = await q(
    `SELECT d.id, to_char(d.updated_at, 'HH24:MI:SS') AS at, d.attempts FROM notification_delivery d WHERE d.status = 'sending' ORDER BY d.updated_at LIMIT 10`,
  );
  // What became of a stuck delivery's job (id `delivery-<id>`): gone (lost with Redis), failed (why), or waiting.
  for (const row of stuck) {
    const job = await probe.hgetall(`${REDIS_PREFIX}:notifications:delivery-${row.id}`);
    row.job =
      Object.keys(job).length === 0
        ? 'no job in Redis'
        : `job attemptsMade ${job.attemptsMade ?? 0}, stalled ${job.stalledCounter ?? job.stc ?? 0}, finished ${job.finishedOn ? 'yes' : 'no'}, failed: ${job.failedReason ?? '-'}`;
  }
  await probe.quit();
  await db.end();
  for (const s of [...two.apis, ...two.workers]) await s.kill('SIGTERM');

  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const fmt = (n) => n.toFixed(0);
  console.log(`
Reliability run: ${CLIENTS} clients, phase ${PHASE_MS / 1000} s, outages ${OUTAGE_MS / 1000} s, ${fmt(loadSeconds)} s of load and drain
  (phase 1: 1 API + 1 worker, phase 2: 2 APIs + 2 workers; each: Redis stop, PostgreSQL stop, worker SIGKILL, API SIGKILL)

Requests            ${stats.requests}
  by status         ${[...stats.statuses]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ')}
  latency ms        p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted.at(-1) ?? 0)}
  hanging > 2 s     ${stats.hanging}

Filings             acknowledged ${acknowledged.size}, rows ${filed.length}, lost (acknowledged, no row) ${lost.length}
                    stored but never acknowledged ${storedNotAcknowledged}, given up by clients ${unacknowledged}
                    one Idempotency-Key, several rows: ${duplicateKeys}
Numbers             duplicate ${duplicateNumbers}, missing (holes in 1..max) ${missingNumbers}
Audit rows per avvik min ${Math.min(...auditCounts)}, max ${Math.max(...auditCounts)}, avvik without any ${auditCounts.filter((n) => n === 0).length}
Notifications       ${notifications.reduce((s, r) => s + r.n, 0)} for ${notifications.length} avvik; avvik without any ${notifications.filter((r) => r.n === 0).length}
E-mail deliveries   ${deliveries.length} rows: ${[...deliveryStatus].map(([s, n]) => `${s} ${n}`).join(', ')}
                    mails in sink ${sink.messageIds.length} (distinct ${mailCounts.size}), sent rows missing from sink ${sentNotInSink},
                    in sink but not recorded sent ${inSinkNotSent}, same Message-ID more than once ${duplicateMails}
Escalation timers   open avvik ${open.length}, without a BullMQ job (delayed/wait/active) ${withoutTimer}
`);
  if (lost.length > 0) console.log(`lost keys (first 5): ${lost.slice(0, 5).join(', ')}`);
  if (slowStops.length > 0) console.log(`did not stop within 20 s of SIGTERM (then SIGKILLed): ${slowStops.join(', ')}`);
  if (serverErrors.length > 0) console.log(`server errors other than 503 (first 5):\n  ${serverErrors.join('\n  ')}`);
  if (stuck.length > 0)
    console.log(
      `deliveries still 'sending' (last change, attempts, job):\n  ${stuck.map((r) => `${r.at} ${r.attempts} ${r.job}`).join('\n  ')}`,
    );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
