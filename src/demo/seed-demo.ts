import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Placeholder until the demo data lands. */
export async function seedDemo(_db: Kysely<DB>): Promise<void> {}
