import { sql, type Kysely } from 'kysely';

/**
 * Profiles with per-field visibility, expertise and "ask me about" tags that spelling
 * variants share (slug), and confirmations of a colleague's expertise (once per tag).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table profiles (
      user_id text primary key references users(id) on delete cascade,
      position text check (char_length(position) <= 120),
      bio text check (char_length(bio) <= 4000),
      phone text check (char_length(phone) <= 40),
      contact_other text check (char_length(contact_other) <= 300),
      languages text[] not null default '{}',
      -- listed: appears in the member directory, on organisation pages and in the expert finder
      listed boolean not null default true,
      -- per field: 'members' (all members), 'shared' (members of shared communities), 'nobody'
      visibility jsonb not null default '{"position":"members","bio":"members","phone":"shared","contactOther":"shared","languages":"members","expertise":"members"}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table tags (
      id text primary key,
      slug text not null unique check (char_length(slug) between 1 and 60),
      label text not null check (char_length(label) between 1 and 60),
      created_at timestamptz not null default now(),
      created_by text references users(id) on delete set null
    );
    create index tags_label_trgm on tags using gin (label gin_trgm_ops);
    create index tags_slug_trgm on tags using gin (slug gin_trgm_ops);

    create table profile_tags (
      user_id text not null references users(id) on delete cascade,
      tag_id text not null references tags(id) on delete cascade,
      kind text not null check (kind in ('expertise', 'ask')),
      created_at timestamptz not null default now(),
      primary key (user_id, kind, tag_id)
    );
    create index profile_tags_tag_idx on profile_tags (tag_id, kind);

    create table expertise_confirmations (
      user_id text not null references users(id) on delete cascade,
      tag_id text not null references tags(id) on delete cascade,
      confirmed_by text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, tag_id, confirmed_by),
      check (user_id <> confirmed_by)
    );
    create index expertise_confirmations_tag_idx on expertise_confirmations (tag_id, user_id);

    create index users_name_trgm on users using gin (name gin_trgm_ops);
    create index users_role_idx on users (role);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table expertise_confirmations, profile_tags, tags, profiles; drop index users_name_trgm, users_role_idx`.execute(db);
}
