import { sql, type Kysely } from 'kysely';

/**
 * Events (workshops, barcamps, community meetings, online sessions): organisers, invitations,
 * registrations with a waiting list, attendance, certificates, and for barcamps rooms, time
 * slots, session proposals, interest marks and session documentation.
 *
 * Capacity is kept by locking the event row while registering or cancelling; the counts on the
 * event row change in the same transaction. The waiting list is ordered by `queue_position`,
 * a sequence value drawn under that lock, so the order is the order of registration.
 * A room and slot hold at most one session (partial unique index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table events (
      id text primary key,
      kind text not null check (kind in ('workshop', 'barcamp', 'meeting', 'online')),
      title text not null check (char_length(title) between 3 and 200),
      description text not null default '' check (char_length(description) <= 20000),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      -- the place's name is listed; its details (address, room, access) and the online link
      -- are shown to confirmed participants, organisers and the office only
      place text check (char_length(place) <= 200),
      place_details text check (char_length(place_details) <= 2000),
      online_url text check (char_length(online_url) <= 500),
      community_id text references communities(id) on delete set null,
      -- public: listed on the public page too; members: every verified member; community:
      -- active members of the linked community; invited: the people on the invitation list
      audience text not null check (audience in ('public', 'members', 'community', 'invited')),
      capacity integer check (capacity between 1 and 100000),
      waitlist boolean not null default true,
      registration_opens_at timestamptz,
      registration_closes_at timestamptz,
      -- optional questions at registration: [{ id, label, required }]
      questions jsonb not null default '[]',
      organiser_name text check (char_length(organiser_name) <= 200),
      status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
      cancel_message text check (char_length(cancel_message) <= 2000),
      cancelled_at timestamptz,
      -- RFC 5545 SEQUENCE: raised by every change that calendar entries must follow
      sequence integer not null default 0,
      confirmed_count integer not null default 0,
      waitlist_count integer not null default 0,
      plan_published_at timestamptz,
      documentation_published_at timestamptz,
      answers_deleted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text references users(id) on delete set null,
      updated_by text references users(id) on delete set null,
      check (ends_at > starts_at),
      check (community_id is not null or audience <> 'community'),
      check (registration_closes_at is null or registration_opens_at is null or registration_closes_at > registration_opens_at)
    );
    create index events_starts_idx on events (starts_at, id);
    create index events_community_idx on events (community_id, starts_at);
    create index events_public_idx on events (starts_at) where audience = 'public';

    create table event_organisers (
      event_id text not null references events(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (event_id, user_id)
    );
    create index event_organisers_user_idx on event_organisers (user_id);

    create table event_invitations (
      event_id text not null references events(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      invited_by text references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (event_id, user_id)
    );
    create index event_invitations_user_idx on event_invitations (user_id);

    create sequence event_queue_seq;
    create table event_registrations (
      id text primary key,
      event_id text not null references events(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      status text not null check (status in ('confirmed', 'waiting', 'cancelled')),
      queue_position bigint not null default nextval('event_queue_seq'),
      -- answers to the event's questions: personal data for the organisers, deleted after the event
      answers jsonb not null default '{}',
      promoted_at timestamptz,
      cancelled_at timestamptz,
      cancelled_by text references users(id) on delete set null,
      cancel_message text check (char_length(cancel_message) <= 2000),
      attended_at timestamptz,
      attendance_marked_by text references users(id) on delete set null,
      reminded_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (event_id, user_id)
    );
    create index event_registrations_queue_idx on event_registrations (event_id, status, queue_position);
    create index event_registrations_user_idx on event_registrations (user_id, status);

    -- A certificate is issued once per attendance; the facts are copied so that the check
    -- page shows what was certified even if the event is edited later.
    create table certificates (
      code text primary key check (code ~ '^KP(-[0-9A-Z]{4}){3}$'),
      registration_id text not null unique references event_registrations(id) on delete cascade,
      event_id text not null references events(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      participant_name text not null,
      event_title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      hours numeric(5, 1) not null,
      organiser text not null,
      issued_at timestamptz not null default now()
    );

    -- The personal calendar feed's address is signed with this number; renewing it makes
    -- every older address invalid.
    alter table users add column calendar_feed_version integer not null default 1;

    create table event_rooms (
      id text primary key,
      event_id text not null references events(id) on delete cascade,
      name text not null check (char_length(name) between 1 and 100),
      capacity integer not null check (capacity between 1 and 10000),
      position integer not null default 0
    );
    create index event_rooms_event_idx on event_rooms (event_id, position);

    create table event_slots (
      id text primary key,
      event_id text not null references events(id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      check (ends_at > starts_at)
    );
    create index event_slots_event_idx on event_slots (event_id, starts_at);

    create table event_sessions (
      id text primary key,
      event_id text not null references events(id) on delete cascade,
      title text not null check (char_length(title) between 3 and 200),
      description text not null default '' check (char_length(description) <= 5000),
      format text not null check (format in ('talk', 'discussion', 'workshop', 'other')),
      expected_size integer check (expected_size between 1 and 10000),
      room_id text references event_rooms(id) on delete set null,
      slot_id text references event_slots(id) on delete set null,
      interest_count integer not null default 0,
      withdrawn_at timestamptz,
      notes text not null default '' check (char_length(notes) <= 50000),
      notes_version integer not null default 0,
      notes_updated_at timestamptz,
      notes_updated_by text references users(id) on delete set null,
      documentation_post_id text references posts(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text references users(id) on delete set null,
      check ((room_id is null) = (slot_id is null))
    );
    create index event_sessions_event_idx on event_sessions (event_id, created_at);
    create unique index event_sessions_cell_idx on event_sessions (room_id, slot_id) where room_id is not null and withdrawn_at is null;

    create table event_session_hosts (
      session_id text not null references event_sessions(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      primary key (session_id, user_id)
    );
    create index event_session_hosts_user_idx on event_session_hosts (user_id);

    create table event_session_interest (
      session_id text not null references event_sessions(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (session_id, user_id)
    );
    create index event_session_interest_user_idx on event_session_interest (user_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table event_session_interest, event_session_hosts, event_sessions, event_slots, event_rooms,
      certificates, event_registrations, event_invitations, event_organisers, events;
    drop sequence event_queue_seq;
    alter table users drop column calendar_feed_version;
  `.execute(db);
}
