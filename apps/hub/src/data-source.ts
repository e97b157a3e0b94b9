import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@hub/database';
import { HUB_ENTITIES } from './hub-entities.js';

/** The DataSource for the TypeORM CLI, migrations and the drift check (Nest builds the same options). */
export function createHubDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, HUB_ENTITIES, 2));
}

/** Applies pending migrations; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await createHubDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** SQL that `migration:generate` would write: empty when entities and migrations agree. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = await createHubDataSource(url).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
