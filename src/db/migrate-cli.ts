/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { loadConfig } from '../config.js';
import { openDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to migrate.');
} finally {
  await database.close();
}
