import { sql, type Kysely } from 'kysely';

/** A CSV import of organisations waits here between its preview and the office's confirmation. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_imports (
      id text primary key,
      filename text check (char_length(filename) <= 200),
      rows jsonb not null,
      created_by text references users(id) on delete set null,
      created_at timestamptz not null default now(),
      applied_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table organisation_imports`.execute(db);
}
