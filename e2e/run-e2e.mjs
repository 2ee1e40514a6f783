#!/usr/bin/env node
/*
 * Browser end-to-end run: a fresh database seeded with the demo municipality, the built API (serving the
 * built web app) and the worker on a free port, then the Jest e2e specs (Debian chromium via playwright-core).
 * Needs `nx build api web` first (npm test does it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { dropDatabase, ensureDatabase, waitForHealthy } from '../tools/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const databaseUrl = process.env.HELHET_E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/helhet_e2e';
for (const file of ['dist/apps/api/main.js', 'dist/apps/api/worker.js', 'dist/apps/api/seed.js', 'dist/apps/web/browser/nb/index.html']) {
  if (!existsSync(join(root, file))) {
    console.error(`[e2e] ${file} is missing: run \`npx nx run-many -t build -p api web\` first.`);
    process.exit(1);
  }
}
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
// The development mail catcher (tools/dev-mail.mjs): the API and worker send to it, specs read /messages.json.
const [smtpPort, mailPort] = [await freePort(), await freePort()];
const env = {
  ...process.env,
  COOKIE_SECURE: 'false',
  DATABASE_URL: databaseUrl,
  HELHET_E2E_BASE_URL: baseUrl,
  HELHET_E2E_MAIL_URL: `http://127.0.0.1:${mailPort}`,
  JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
  LOG_LEVEL: 'warn',
  PORT: String(port),
  PUBLIC_URL: baseUrl,
  REDIS_KEY_PREFIX: process.env.HELHET_E2E_REDIS_PREFIX ?? 'helhet-e2e',
  REPORTER_IDENTITY_KEY: 'NxWBecFI+6AovEnrQQg35x1Fuzq0XQY+vrzZBIf8gw0=',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  WEB_ROOT: join(root, 'dist/apps/web/browser'),
};
const run = (args) =>
  new Promise((resolve) => spawn('node', args, { cwd: root, env, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));

await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
let code = await run(['dist/apps/api/seed.js', '--employees', '600', '--seed', '11']);
const children = [];
if (code === 0) {
  children.push(spawn('node', ['tools/dev-mail.mjs', String(smtpPort), String(mailPort)], { cwd: root, env, stdio: 'inherit' }));
  for (const entry of ['dist/apps/api/main.js', 'dist/apps/api/worker.js'])
    children.push(spawn('node', [entry], { cwd: root, env, stdio: 'inherit' }));
  try {
    await waitForHealthy(`${baseUrl}/api/health`, 60_000);
    // Extra arguments go to Jest, e.g. `node e2e/run-e2e.mjs risk-workshop` runs that spec only.
    code = await run([join(root, 'node_modules/jest/bin/jest.js'), '-c', 'e2e/jest.e2e.config.cjs', ...process.argv.slice(2)]);
  } catch (error) {
    console.error(`[e2e] ${error.message}`);
    code = 1;
  }
}
// Stop API and worker and wait until they have exited (at most 10 s each), so no connection holds the database.
const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 10_000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
for (const child of children) child.kill('SIGTERM');
await Promise.all(children.map(exited));
await dropDatabase(databaseUrl);
// Leave nothing behind in Redis either (queues, schedulers, rate limits of this run).
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
for await (const keys of redis.scanStream({ count: 500, match: `${env.REDIS_KEY_PREFIX}:*` }))
  if (keys.length > 0) await redis.unlink(...keys);
await redis.quit();
process.exit(code);
