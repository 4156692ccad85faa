import { sql, type Kysely } from 'kysely';

/**
 * Statistics on the visibility expressions that every people query filters on. Without them
 * PostgreSQL guesses that almost no profile passes `coalesce(visibility ->> 'expertise',
 * 'members') = 'members'` and picks nested loops that cost seconds for popular topics.
 * The expressions must stay exactly as `fieldVisible` in members.repo.ts writes them.
 */
const fields = [
  ['position', 'members'],
  ['bio', 'members'],
  ['phone', 'shared'],
  ['contactOther', 'shared'],
  ['languages', 'members'],
  ['expertise', 'members'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [field, fallback] of fields) {
    await sql`create statistics ${sql.id(`profiles_visibility_${field.toLowerCase()}`)} on (coalesce(visibility ->> ${sql.lit(field)}, ${sql.lit(fallback)})) from profiles`.execute(db);
  }
  await sql`analyze profiles`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [field] of fields) await sql`drop statistics if exists ${sql.id(`profiles_visibility_${field.toLowerCase()}`)}`.execute(db);
}
