/**
 * Runs the numbered migrations in order. Kysely's migrator holds a lock, so several instances
 * starting at once migrate exactly once; running it again changes nothing.
 * Migrations are listed here by name (no folder scanning), and never edited after they land.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import * as m0001 from './migrations/0001_accounts_and_organisations.js';
import * as m0002 from './migrations/0002_profiles_and_expertise.js';
import * as m0003 from './migrations/0003_organisation_imports.js';
import * as m0004 from './migrations/0004_profile_visibility_statistics.js';
import * as m0005 from './migrations/0005_communities.js';
import * as m0006 from './migrations/0006_search.js';
import * as m0007 from './migrations/0007_events.js';
import * as m0008 from './migrations/0008_event_search.js';
import * as m0009 from './migrations/0009_notifications.js';

const migrations: Record<string, Migration> = {
  '0001_accounts_and_organisations': m0001,
  '0002_profiles_and_expertise': m0002,
  '0003_organisation_imports': m0003,
  '0004_profile_visibility_statistics': m0004,
  '0005_communities': m0005,
  '0006_search': m0006,
  '0007_events': m0007,
  '0008_event_search': m0008,
  '0009_notifications': m0009,
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
