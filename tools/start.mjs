#!/usr/bin/env node
/*
 * `npm start`: the whole product on this machine — checks PostgreSQL and Redis, builds api and web,
 * migrates and seeds the demo municipality when the database is empty, then runs API (serving the web
 * app), worker and a local mail catcher until Ctrl-C. Honours DATABASE_URL, REDIS_URL, PORT, SMTP_URL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { checkServices, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, ensureDatabase, waitForHealthy } from './services.mjs';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const mailUiPort = Number(process.env.DEV_MAIL_HTTP_PORT ?? 1080);
const mailSmtpPort = Number(process.env.DEV_MAIL_SMTP_PORT ?? 1025);

const say = (line) => console.log(`[helhet] ${line}`);

const problems = await checkServices({ databaseUrl, redisUrl });
if (problems.length > 0) {
  console.error(`\n[helhet] Cannot start:\n\n  ${problems.join('\n\n  ')}\n`);
  process.exit(1);
}
await ensureDatabase(databaseUrl);

/** A development secret, generated once and kept out of git (.helhet/ is ignored). */
const devSecret = (name = 'dev-jwt-secret', generate = () => randomBytes(48).toString('base64url')) => {
  const file = join(root, '.helhet', name);
  if (!existsSync(file)) {
    mkdirSync(join(root, '.helhet'), { recursive: true });
    writeFileSync(file, generate(), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
};

const env = {
  ...process.env,
  COOKIE_SECURE: process.env.COOKIE_SECURE ?? (publicUrl.startsWith('https:') ? 'true' : 'false'),
  DATABASE_URL: databaseUrl,
  JWT_SECRET: process.env.JWT_SECRET ?? devSecret(),
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  PORT: String(port),
  PUBLIC_URL: publicUrl,
  REDIS_URL: redisUrl,
  REPORTER_IDENTITY_KEY:
    process.env.REPORTER_IDENTITY_KEY ?? devSecret('dev-reporter-identity-key', () => randomBytes(32).toString('base64')),
  SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${mailSmtpPort}`,
  WEB_ROOT: process.env.WEB_ROOT ?? join(root, 'dist/apps/web/browser'),
};

const runToEnd = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });

say('building api and web (production) …');
await runToEnd('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2', '--outputStyle=stream']);
say('migrating and seeding the demo municipality if the database is empty …');
await runToEnd('node', ['dist/apps/api/seed.js', '--if-empty']);

const children = [];
const launch = (name, args) => {
  const child = spawn('node', args, { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[helhet] ${name} stopped (${signal ?? code}); shutting down.`);
    stop(1);
  });
  children.push(child);
};
let stopping = false;
const stop = (code = 0) => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!process.env.SMTP_URL) launch('mail catcher', ['tools/dev-mail.mjs', String(mailSmtpPort), String(mailUiPort)]);
launch('api', ['dist/apps/api/main.js']);
launch('worker', ['dist/apps/api/worker.js']);

try {
  await waitForHealthy(`http://127.0.0.1:${port}/api/health`, 120_000);
} catch (error) {
  console.error(`[helhet] ${error.message}`);
  stop(1);
}
const logins = JSON.parse(readFileSync(join(root, 'docs/demo-logins.json'), 'utf8'));
console.log(`
  Helhet is running:   ${publicUrl}/
  API docs:            ${publicUrl}/api/docs
  Health:              ${publicUrl}/api/health
  E-mail (dev):        ${process.env.SMTP_URL ? '(SMTP_URL set: mail goes there)' : `http://localhost:${mailUiPort}/`}

  Demo logins (password ${logins.password}):
${logins.logins.map((l) => `    ${l.role.padEnd(20)} ${l.email}`).join('\n')}

  Ctrl-C stops API, worker and mail catcher.
`);
