/* Runs the real worker (apps/api/src/worker.ts) from source in a child process, for tests that kill it. */
import { join } from 'node:path';

import { register } from 'tsconfig-paths';

register({
  baseUrl: join(__dirname, '../../../..'),
  paths: { '@helhet/domain': ['libs/domain/src/index.ts'], '@helhet/shared': ['libs/shared/src/index.ts'] },
});

require('../../src/worker');
