import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one set of TypeORM options; schema changes only through migrations. No entities here: core imports no
 * feature (ADR 0014). The Nest app loads the entities its modules register (`autoLoadEntities`); the CLI data
 * source, seeds and tests add the composition root's full list (`apps/api/src/database/schema-data-source-options.ts`).
 */
export const dataSourceOptions = (url: string): DataSourceOptions => ({
  migrations: MIGRATIONS,
  migrationsRun: false,
  migrationsTableName: 'typeorm_migrations',
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  type: 'postgres',
  url,
  uuidExtension: 'pgcrypto',
});
