import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/** The one set of DataSource options, shared by Nest (TypeOrmModule), the migration runner and the drift check. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: poolSize, connectionTimeoutMillis: 5_000 },
  };
}
