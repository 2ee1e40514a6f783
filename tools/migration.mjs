#!/usr/bin/env node
/* npm run migration:{generate,run,revert}: the TypeORM CLI on the one data source. generate takes --name=VerbObject. */
import { spawnSync } from 'node:child_process';

const [action, ...rest] = process.argv.slice(2);
const name = rest.find((arg) => arg.startsWith('--name='))?.slice('--name='.length);
if (!['generate', 'run', 'revert'].includes(action) || (action === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
  console.error('usage: npm run migration:generate -- --name=AddThingToTable | migration:run | migration:revert');
  process.exit(2);
}
const args = ['typeorm-ts-node-commonjs', `migration:${action}`, '-d', 'apps/api/src/database/data-source.ts'];
if (action === 'generate') args.push('--pretty', `apps/api/src/core/database/migrations/${name}`);
const result = spawnSync('npx', args, {
  env: { ...process.env, TS_NODE_PROJECT: 'apps/api/tsconfig.app.json', TS_NODE_TRANSPILE_ONLY: 'true' },
  stdio: 'inherit',
});
if (action === 'generate' && result.status === 0) console.log('Now add the new class to apps/api/src/core/database/migrations.ts.');
process.exit(result.status ?? 1);
