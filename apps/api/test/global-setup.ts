import 'reflect-metadata';

import { join } from 'node:path';

import { register } from 'tsconfig-paths';

// globalSetup is loaded outside Jest's resolver, so the workspace path aliases are registered by hand.
register({
  baseUrl: join(__dirname, '../../..'),
  paths: { '@helhet/domain': ['libs/domain/src/index.ts'], '@helhet/shared': ['libs/shared/src/index.ts'] },
});

import { DataSource } from 'typeorm';

import { schemaDataSourceOptions } from '../src/database/schema-data-source-options';
import { seedDemoMunicipality } from '../src/seeds/seed-runner';
import { recreateDatabase } from './utils/test-database';

/**
 * A fresh database per run (name from HELHET_IT_DATABASE_URL, set by tools/test.mjs, or a pid-based
 * default), migrated and seeded with a small demo municipality that includes every demo login.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env['HELHET_IT_DATABASE_URL'] ?? `postgres://postgres@127.0.0.1:5432/helhet_it_${process.pid}`;
  process.env['HELHET_IT_DATABASE_URL'] = url;
  process.env['HELHET_IT_REDIS_PREFIX'] ??= `helhet-it-${process.pid}`;
  await recreateDatabase(url);
  const dataSource = new DataSource(schemaDataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoMunicipality(dataSource, { employees: 400, seed: 7, today: '2026-11-23' });
  } finally {
    await dataSource.destroy();
  }
}
