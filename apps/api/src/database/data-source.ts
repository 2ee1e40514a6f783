/* The TypeORM CLI data source (migration:generate / run / revert and the drift check). Reads DATABASE_URL like the app. */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { schemaDataSourceOptions } from './schema-data-source-options';

export default new DataSource(schemaDataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/helhet'));
