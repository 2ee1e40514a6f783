import type { DataSourceOptions } from 'typeorm';

import { dataSourceOptions } from '../core/database/data-source-options';
import { ENTITIES } from './entities';

/** Core's options plus every entity: for the CLI data source, the seeds and the integration-test setup. */
export const schemaDataSourceOptions = (url: string): DataSourceOptions => ({ ...dataSourceOptions(url), entities: ENTITIES });
