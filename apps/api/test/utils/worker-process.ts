import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { testEnvironment } from './test-app';

/**
 * The real worker in its own process (from source via ts-node), so a test can SIGKILL it mid-job.
 * It runs on the same Node binary as the test (process.execPath), so the Node 24 step of `npm test` tests
 * the worker process on Node 24 too. Resolves once the worker has logged that it started.
 */
export const spawnWorker = async (overrides: Record<string, string>): Promise<ChildProcess> => {
  const env = testEnvironment(overrides);
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, 'worker-process.entry.ts')], {
    cwd: join(__dirname, '../../../..'),
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(env).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))),
      LOG_LEVEL: 'info',
      TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
      TS_NODE_TRANSPILE_ONLY: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start within 120 s')), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
};
