import type { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one set of TypeORM options; schema changes only through migrations. */
export const dataSourceOptions = (url: string): DataSourceOptions => ({
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsRun: false,
  migrationsTableName: 'typeorm_migrations',
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  type: 'postgres',
  url,
  uuidExtension: 'pgcrypto',
});
