import { sql, type Kysely } from 'kysely';

/** Organisations with their mail domains, people, sessions, tokens, audit log, rate limits. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;

    create table organisations (
      id text primary key,
      name text not null check (char_length(name) between 1 and 200),
      short_name text check (char_length(short_name) <= 40),
      level text not null check (level in ('bund', 'land', 'kommune', 'sonstige')),
      state text check (state in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),
      type text not null check (char_length(type) <= 40),
      allow_subdomains boolean not null default false,
      parent_id text references organisations(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text,
      updated_by text
    );
    create unique index organisations_name_key on organisations (lower(name));
    create index organisations_parent_idx on organisations (parent_id);

    -- A domain belongs to exactly one organisation; domains are stored lower-case ASCII (punycode).
    create table organisation_domains (
      domain text primary key check (domain = lower(domain) and char_length(domain) <= 253),
      organisation_id text not null references organisations(id) on delete cascade,
      created_at timestamptz not null default now(),
      created_by text
    );
    create index organisation_domains_org_idx on organisation_domains (organisation_id);

    create table users (
      id text primary key,
      email text not null check (char_length(email) <= 254),
      name text not null check (char_length(name) between 1 and 120),
      password_hash text,
      role text not null default 'applicant' check (role in ('applicant', 'member', 'partner', 'office', 'admin')),
      organisation_id text references organisations(id) on delete set null,
      organisation_other text check (char_length(organisation_other) <= 200),
      application_reason text check (char_length(application_reason) <= 1000),
      email_confirmed_at timestamptz,
      -- how the person was verified as public-sector staff: domain, review, invitation, seed
      verified_via text check (verified_via in ('domain', 'review', 'invitation', 'seed')),
      verified_at timestamptz,
      verified_by text references users(id) on delete set null,
      review_status text check (review_status in ('pending', 'declined')),
      review_message text check (char_length(review_message) <= 2000),
      locale text not null default 'de' check (locale in ('de', 'en')),
      suspended_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (email);
    create index users_review_idx on users (created_at) where review_status = 'pending';
    create index users_organisation_idx on users (organisation_id);

    -- Only the SHA-256 of a session secret is stored: a leaked table signs nobody in.
    create table sessions (
      id text primary key,
      token_hash text not null unique,
      user_id text not null references users(id) on delete cascade,
      user_agent text,
      ip text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    -- Single-use, expiring, bound to the address they were sent to.
    create table one_time_tokens (
      token_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('confirm_email', 'sign_in', 'reset_password', 'change_email')),
      email text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index one_time_tokens_user_idx on one_time_tokens (user_id, purpose);

    create table access_tokens (
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      name text not null check (char_length(name) between 1 and 80),
      token_hash text not null unique,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index access_tokens_user_idx on access_tokens (user_id);

    create table audit_log (
      id bigserial primary key,
      actor_id text references users(id) on delete set null,
      actor_name text not null,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_log_created_idx on audit_log (created_at desc);

    -- Fixed-window counters shared by every instance.
    create table rate_limits (
      key text primary key,
      window_start timestamptz not null,
      hits integer not null
    );

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by text references users(id) on delete set null
    );

    create table feedback (
      id text primary key,
      kind text not null check (kind in ('accessibility')),
      name text check (char_length(name) <= 120),
      email text check (char_length(email) <= 254),
      page text check (char_length(page) <= 500),
      message text not null check (char_length(message) between 1 and 5000),
      created_at timestamptz not null default now(),
      handled_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table feedback, settings, rate_limits, audit_log, access_tokens, one_time_tokens, sessions, users, organisation_domains, organisations`.execute(db);
}
