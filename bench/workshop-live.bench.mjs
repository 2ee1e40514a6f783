#!/usr/bin/env node
/*
 * `npm run bench:workshop`: how fast does a live ROS workshop feel with a room full of phones?
 *
 *  1. (Re)creates its own database (default helhet_bench_workshop), migrates and seeds a small municipality
 *     through the built seed CLI, and starts the built API (dist/apps/api/main.js) on a free port.
 *     With --url it uses a running, demo-seeded API instead (nothing is created or dropped but the workshop).
 *  2. Signs in as the demo HMS adviser, creates an analysis with two scenarios and a workshop, lets N guests
 *     (default 50) join by code and connects the facilitator and every guest with socket.io-client.
 *  3. The facilitator opens a likelihood round; the guests vote once each, spread evenly over --spread ms
 *     (default 5000). Measured: vote emitted → the facilitator receives a `state` that lists that guest as voted.
 *     Then the facilitator reveals. Measured: reveal emitted → each guest receives a `state` in phase `revealed`.
 *  4. The floor, in the same run: a plain socket.io server in a child process (no database, no Redis) with the
 *     same 1 + N clients. A "vote" is acked and answered with one emit of a state-sized payload to every socket,
 *     a "reveal" likewise; measured the same way. Prints p50/p95/max of both and the ratio API / floor.
 *  5. Writes JSON to bench/results/ (git-ignored), stops the API, removes its Redis keys and drops the database
 *     (keep it with --keep).
 *
 * Options: --guests N (50) --spread MS (5000) --rounds N (3, each round is one vote per guest and one reveal)
 *          --url URL (use a running API) --api-dir DIR (the built API, default dist/apps/api) --keep
 * Env:     BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/helhet_bench_workshop), REDIS_URL (redis://127.0.0.1:6379)
 * Needs:   PostgreSQL and Redis running, and a build: `npx nx build api`.
 */
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Redis } from 'ioredis';
import { io as connect } from 'socket.io-client';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    'floor-server': { default: false, type: 'boolean' },
    guests: { default: '50', type: 'string' },
    keep: { default: false, type: 'boolean' },
    rounds: { default: '3', type: 'string' },
    spread: { default: '5000', type: 'string' },
    'api-dir': { default: 'dist/apps/api', type: 'string' },
    url: { type: 'string' },
  },
});

/* ------------------------------------------------------------------------------------------------------------
 * Child mode: the floor server. A plain socket.io server that answers like the workshop gateway would if
 * building the state cost nothing: ack the command, then emit a payload of the real state's size to everyone.
 * --------------------------------------------------------------------------------------------------------- */
if (args['floor-server']) {
  const { Server } = await import('socket.io');
  const http = createHttpServer();
  const server = new Server(http, { cors: { origin: '*' } });
  let payload = '{}';
  const namespace = server.of('/floor');
  namespace.on('connection', (socket) => {
    socket.on('payload', (text, ack) => {
      payload = text;
      ack({ ok: true });
    });
    socket.on('vote', (body, ack) => {
      ack({ ok: true });
      for (const s of namespace.sockets.values()) s.emit('state', { body, payload });
    });
    socket.on('reveal', (body, ack) => {
      ack({ ok: true });
      for (const s of namespace.sockets.values()) s.emit('state', { body, payload });
    });
  });
  http.listen(0, '127.0.0.1', () => process.send?.({ port: http.address().port }));
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

async function main() {
  const guests = Number(args.guests);
  const spreadMs = Number(args.spread);
  const rounds = Number(args.rounds);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helhet_bench_workshop';
  const { checkServices, DEFAULT_REDIS_URL, dropDatabase, ensureDatabase } = await import('../tools/services.mjs');
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const REDIS_KEY_PREFIX = 'helhet-bench-workshop';
  const HMS = 'hms@fjordvik.kommune.no';
  const DEMO_PASSWORD = 'Helhet-demo-2026!';
  const say = (line) => console.log(`[bench] ${line}`);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  let api;
  let apiExited = true;
  let baseUrl = args.url?.replace(/\/$/, '');
  const cleanUp = async () => {
    if (api && !apiExited) api.kill('SIGTERM');
    if (args.url) return;
    await sleep(500);
    const redis = new Redis(redisUrl);
    for await (const keys of redis.scanStream({ count: 500, match: `${REDIS_KEY_PREFIX}:*` }))
      if (keys.length > 0) await redis.unlink(...keys);
    await redis.quit();
    if (!args.keep) await dropDatabase(databaseUrl);
  };

  if (!baseUrl) {
    const apiDir = args['api-dir'];
    for (const file of [`${apiDir}/main.js`, `${apiDir}/seed.js`]) {
      if (!existsSync(join(root, file)) && !existsSync(file)) throw new Error(`${file} is missing. Build the API first:  npx nx build api`);
    }
    const problems = await checkServices({ databaseUrl, redisUrl });
    if (problems.length > 0) throw new Error(`cannot run:\n\n  ${problems.join('\n\n  ')}`);
    say('seeding a small municipality…');
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [`${apiDir}/seed.js`, '--employees', '300', '--database-url', databaseUrl, '--json'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
    });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [`${apiDir}/main.js`], {
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
    apiExited = false;
    api.on('exit', () => (apiExited = true));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (apiExited) throw new Error('the API exited during start-up');
      const health = await fetch(`${baseUrl}/api/health`)
        .then((r) => r.json())
        .catch(() => null);
      if (health?.components?.database?.state === 'up') break;
      if (Date.now() > deadline) throw new Error('the API did not come up within 60 s');
      await sleep(250);
    }
  }

  const floor = fork(new URL(import.meta.url).pathname, ['--floor-server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const sockets = [];
  try {
    // 2. Facilitator, analysis, workshop, guests.
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      body: JSON.stringify({ email: HMS, password: DEMO_PASSWORD }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    if (login.status !== 200) throw new Error(`login as ${HMS} failed: HTTP ${login.status} ${await login.text()}`);
    const cookies = login.headers.getSetCookie().map((line) => line.split(';')[0]);
    const access = cookies.find((pair) => pair.startsWith('hh_at='));
    const csrf = cookies.find((pair) => pair.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length) ?? '';
    const cookie = `${access}; XSRF-TOKEN=${csrf}`;
    const request = async (method, path, body) => {
      const response = await fetch(`${baseUrl}${path}`, {
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { accept: 'application/json', 'content-type': 'application/json', cookie, 'x-xsrf-token': decodeURIComponent(csrf) },
        method,
      });
      if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    };
    const units = await request('GET', '/api/org-units');
    const unit = units.items[0];
    if (!unit) throw new Error('the HMS adviser has no unit in scope');
    const analysis = await request('POST', '/api/risk/analyses', {
      scopeOrgUnitId: unit.id,
      title: `Bench workshop ${new Date().toISOString()}`,
      type: 'service_ros',
    });
    for (const title of ['Langvarig strømbrudd', 'Brann i kjøkken', 'Vannforurensning']) {
      await request('POST', `/api/risk/analyses/${analysis.id}/scenarios`, { title });
    }
    const ticket = await request('POST', '/api/workshops', { analysisId: analysis.id });
    const guestTickets = [];
    for (let i = 0; i < guests; i++) {
      const response = await fetch(`${baseUrl}/api/workshops/join`, {
        body: JSON.stringify({ code: ticket.workshop.code, guestName: `Gjest ${i + 1}` }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      });
      if (!response.ok) throw new Error(`join ${i + 1}: HTTP ${response.status} ${await response.text()}`);
      guestTickets.push(await response.json());
    }
    say(`workshop ${ticket.workshop.code} with ${guests} guests`);

    const facilitator = await client(`${baseUrl}/workshops`, { auth: { token: ticket.token } });
    sockets.push(facilitator.socket);
    const guestClients = [];
    for (const t of guestTickets) {
      const c = await client(`${baseUrl}/workshops`, { auth: { token: t.token } });
      c.participantId = t.participantId;
      guestClients.push(c);
      sockets.push(c.socket);
    }
    await facilitator.until((s) => s.participants.filter((p) => p.connected).length === guests + 1, 'everyone connected', 30_000);
    const scenarioIds = facilitator.last.scenarios.map((s) => s.id);

    // 3. Rounds of votes and reveals.
    const voteMs = [];
    const revealMs = [];
    let lastState = facilitator.last;
    for (let round = 0; round < rounds; round++) {
      const scenarioId = scenarioIds[round % scenarioIds.length];
      const ack = await facilitator.send('round:open', { dimensions: ['likelihood'], scenarioId });
      if (!ack.ok) throw new Error(`round:open: ${JSON.stringify(ack)}`);
      await Promise.all(
        guestClients.map((g) => g.until((s) => s.round?.phase === 'voting' && s.round.scenarioId === scenarioId, 'round open')),
      );
      await facilitator.until((s) => s.round?.phase === 'voting' && s.round.scenarioId === scenarioId, 'round open');
      const pending = new Map();
      facilitator.onState = (state) => {
        const voted = new Set(state.round?.voted?.likelihood ?? []);
        for (const [participantId, started] of pending) {
          if (voted.has(participantId)) {
            voteMs.push(performance.now() - started);
            pending.delete(participantId);
          }
        }
      };
      const acks = [];
      const start = performance.now();
      for (const [i, guest] of guestClients.entries()) {
        const due = start + (spreadMs * i) / guests;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        pending.set(guest.participantId, performance.now());
        acks.push(guest.send('vote:cast', { dimension: 'likelihood', value: 1 + (i % 5) }));
      }
      const failed = (await Promise.all(acks)).filter((a) => !a.ok);
      if (failed.length > 0) throw new Error(`votes refused: ${JSON.stringify(failed[0])}`);
      await facilitator.until(() => pending.size === 0, 'every vote seen by the facilitator', 30_000);
      facilitator.onState = undefined;

      const revealed = guestClients.map((g) =>
        g.until((s) => s.round?.phase === 'revealed' && s.round.scenarioId === scenarioId, 'revealed'),
      );
      const revealStart = performance.now();
      const revealAck = await facilitator.send('round:reveal', {});
      if (!revealAck.ok) throw new Error(`round:reveal: ${JSON.stringify(revealAck)}`);
      for (const at of await Promise.all(revealed.map((p) => p.then(() => performance.now())))) revealMs.push(at - revealStart);
      lastState = facilitator.last;
    }
    for (const s of sockets) s.disconnect();
    sockets.length = 0;

    // 4. The floor, same machine, same run.
    const floorPort = await new Promise((resolve) => floor.once('message', (m) => resolve(m.port)));
    const floorUrl = `http://127.0.0.1:${floorPort}/floor`;
    const floorFacilitator = await client(floorUrl, {}, false);
    sockets.push(floorFacilitator.socket);
    await floorFacilitator.send('payload', JSON.stringify(lastState));
    const floorGuests = [];
    for (let i = 0; i < guests; i++) {
      const c = await client(floorUrl, {}, false);
      floorGuests.push(c);
      sockets.push(c.socket);
    }
    const floorVoteMs = [];
    const floorRevealMs = [];
    for (let round = 0; round < rounds; round++) {
      const pending = new Map();
      floorFacilitator.onState = (state) => {
        const started = pending.get(state.body?.id);
        if (started !== undefined) {
          floorVoteMs.push(performance.now() - started);
          pending.delete(state.body.id);
        }
      };
      const acks = [];
      const start = performance.now();
      for (const [i, guest] of floorGuests.entries()) {
        const due = start + (spreadMs * i) / guests;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        pending.set(`${round}:${i}`, performance.now());
        acks.push(guest.send('vote', { id: `${round}:${i}` }));
      }
      await Promise.all(acks);
      await floorFacilitator.until(() => pending.size === 0, 'floor votes', 30_000);
      floorFacilitator.onState = undefined;
      const id = `reveal:${round}`;
      const seen = floorGuests.map((g) => g.until((s) => s.body?.id === id, 'floor reveal').then(() => performance.now()));
      const revealStart = performance.now();
      await floorFacilitator.send('reveal', { id });
      for (const at of await Promise.all(seen)) floorRevealMs.push(at - revealStart);
    }

    // 5. Report.
    const rows = [
      ['vote → facilitator state', stats(voteMs), stats(floorVoteMs)],
      ['reveal → all guests', stats(revealMs), stats(floorRevealMs)],
    ];
    const fmt = (n) => n.toFixed(1).padStart(7);
    console.log(
      `\nLive workshop, 1 facilitator + ${guests} guests, ${rounds} round(s) of ${guests} votes over ${spreadMs / 1000} s (${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, state ${Math.round(JSON.stringify(lastState).length / 1024)} kB)\n`,
    );
    console.log(`${'measure'.padEnd(26)} |    n |  p50 ms |  p95 ms |  max ms | floor p50 | floor p95 | p95 / floor`);
    for (const [name, api, fl] of rows) {
      console.log(
        `${name.padEnd(26)} | ${String(api.n).padStart(4)} | ${fmt(api.p50)} | ${fmt(api.p95)} | ${fmt(api.max)} |   ${fmt(fl.p50)} |   ${fmt(fl.p95)} | ${(api.p95 / Math.max(fl.p95, 0.1)).toFixed(1).padStart(10)}×`,
      );
    }
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    const file = join(root, `bench/results/workshop-live-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          environment: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
          floor: { reveal: stats(floorRevealMs), vote: stats(floorVoteMs) },
          options: { guests, rounds, spreadMs },
          workshop: { reveal: stats(revealMs), vote: stats(voteMs) },
        },
        null,
        2,
      ),
    );
    say(`wrote ${file}`);
  } finally {
    for (const s of sockets) s.disconnect();
    floor.kill();
    await cleanUp();
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { max: sorted.at(-1) ?? NaN, n: sorted.length, p50: at(0.5), p95: at(0.95) };
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A socket.io client that remembers the last `state` and can wait for one matching a predicate. */
function client(url, options, waitForState = true) {
  const socket = connect(url, { ...options, forceNew: true, reconnection: false, transports: ['websocket'] });
  const c = {
    last: undefined,
    onState: undefined,
    send: (event, body) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${event}: no ack within 30 s`)), 30_000);
        socket.emit(event, body, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
      }),
    socket,
    until: (predicate, what, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        if (c.last !== undefined && predicate(c.last)) return resolve(c.last);
        const timer = setTimeout(() => {
          c.waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}`));
        }, timeoutMs);
        const waiter = (state) => {
          if (!predicate(state)) return;
          clearTimeout(timer);
          c.waiters.delete(waiter);
          resolve(state);
        };
        c.waiters.add(waiter);
      }),
    waiters: new Set(),
  };
  socket.on('state', (state) => {
    c.last = state;
    c.onState?.(state);
    for (const waiter of [...c.waiters]) waiter(state);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => reject(new Error(`connect ${url}: ${error.data?.code ?? error.message}`)));
    if (waitForState) socket.once('state', () => resolve(c));
    else socket.once('connect', () => resolve(c));
  });
}
