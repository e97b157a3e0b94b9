import { databaseConfig } from '@hub/config';
import { runMigrations } from './data-source.js';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (production runs this as its own step). */
const applied = await runMigrations(databaseConfig().url);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
