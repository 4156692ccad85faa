import { sql, type Kysely } from 'kysely';

/**
 * Notifications, mail settings, the mail log, and direct messages.
 *
 * - `notifications`: one row per recipient and happening. What it refers to (post, reply,
 *   event, conversation) is read through the visibility rules when it is listed or mailed,
 *   never copied into the row; `mailed_at` is set when an immediate mail or a digest has
 *   carried it (or the recipient's settings said no mail when it was due).
 * - `notification_settings`: per person and kind, how mail is sent (default in code when
 *   there is no row); `community_mail_settings`: per person and community, how mail about
 *   the community's new posts and replies is sent ('all' is mailing-list mode).
 * - `mail_log`: one row per mail the platform means to send, keyed by what it is about;
 *   a key marked 'sent' is never sent again, 'failed' rows are shown to admins.
 * - `conversations` (one per pair of people), `messages`, `user_blocks`, `message_reports`.
 */
const KINDS = `'reply', 'answer', 'accepted', 'mention', 'activity', 'membership_request', 'membership_decision', 'event', 'moderation', 'verification', 'message'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conversations (
      id text primary key,
      -- the two participants' ids in sorted order, joined by ':'; one conversation per pair
      pair_key text not null unique check (char_length(pair_key) <= 100),
      created_by text references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_message_at timestamptz not null default now()
    );

    create table conversation_participants (
      conversation_id text not null references conversations(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      last_read_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (conversation_id, user_id)
    );
    create index conversation_participants_user_idx on conversation_participants (user_id);

    create table messages (
      id text primary key,
      conversation_id text not null references conversations(id) on delete cascade,
      author_id text references users(id) on delete set null,
      body text not null check (char_length(body) between 1 and 10000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index messages_conversation_idx on messages (conversation_id, created_at desc, id desc);

    create table user_blocks (
      blocker_id text not null references users(id) on delete cascade,
      blocked_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (blocker_id, blocked_id),
      check (blocker_id <> blocked_id)
    );
    create index user_blocks_blocked_idx on user_blocks (blocked_id);

    create table message_reports (
      id text primary key,
      message_id text not null references messages(id) on delete cascade,
      reporter_id text references users(id) on delete set null,
      reason text not null check (char_length(reason) between 1 and 2000),
      status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
      resolved_by text references users(id) on delete set null,
      resolved_at timestamptz,
      created_at timestamptz not null default now(),
      unique (message_id, reporter_id)
    );
    create index message_reports_open_idx on message_reports (created_at) where status = 'open';
  `.execute(db);

  await sql`
    create table notifications (
      id text primary key,
      user_id text not null references users(id) on delete cascade,
      kind text not null check (kind in (${sql.raw(KINDS)})),
      -- the happening in more detail: e.g. 'post' or 'reply' for activity, 'approved' or
      -- 'declined' for decisions, 'changed', 'cancelled', 'promoted', 'reminder' for events
      action text not null default '' check (char_length(action) <= 40),
      actor_id text references users(id) on delete set null,
      community_id text references communities(id) on delete cascade,
      post_id text references posts(id) on delete cascade,
      reply_id text references replies(id) on delete cascade,
      event_id text references events(id) on delete cascade,
      conversation_id text references conversations(id) on delete cascade,
      message_id text references messages(id) on delete cascade,
      -- a decision's message (office, organiser, lead), shown to the recipient only
      note text check (char_length(note) <= 2000),
      created_at timestamptz not null default now(),
      read_at timestamptz,
      mailed_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
    create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null;
    create index notifications_unmailed_idx on notifications (user_id, created_at) where mailed_at is null;

    create table notification_settings (
      user_id text not null references users(id) on delete cascade,
      kind text not null check (kind in (${sql.raw(KINDS)})),
      delivery text not null check (delivery in ('immediate', 'daily', 'weekly', 'off')),
      updated_at timestamptz not null default now(),
      primary key (user_id, kind)
    );

    create table community_mail_settings (
      user_id text not null references users(id) on delete cascade,
      community_id text not null references communities(id) on delete cascade,
      -- 'all': every new post and reply as a mail (mailing-list mode)
      delivery text not null check (delivery in ('all', 'immediate', 'daily', 'weekly', 'off')),
      updated_at timestamptz not null default now(),
      primary key (user_id, community_id)
    );
    create index community_mail_settings_list_idx on community_mail_settings (community_id) where delivery = 'all';

    create table mail_log (
      key text primary key check (char_length(key) <= 200),
      user_id text references users(id) on delete set null,
      kind text not null check (char_length(kind) <= 40),
      status text not null check (status in ('sent', 'failed', 'skipped')),
      attempts integer not null default 0,
      error text check (char_length(error) <= 2000),
      subject text check (char_length(subject) <= 300),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index mail_log_failed_idx on mail_log (updated_at desc) where status = 'failed';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table mail_log, community_mail_settings, notification_settings, notifications, message_reports, user_blocks, messages, conversation_participants, conversations`.execute(db);
}
