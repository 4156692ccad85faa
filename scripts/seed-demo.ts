/** `tsx scripts/seed-demo.ts`: migrates and seeds the demo data into DATABASE_URL or the embedded database under DATA_DIR. */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed-demo.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  await seedDemo(database.db);
} finally {
  await database.close();
}
