import { sql, type Kysely } from 'kysely';

/**
 * Communities of practice and what happens in them: memberships (with requests and
 * invitations), posts of four types with practice-example fields, replies, helpful marks,
 * follows, bookmarks, reuse of examples, mentions, edit history and reports.
 *
 * Reply and helpful counts are stored on the row and changed in the same transaction as the
 * reply or mark (atomic `+ 1`), so that lists never count per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table communities (
      id text primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) between 2 and 60),
      name text not null check (char_length(name) between 2 and 120),
      description text not null default '' check (char_length(description) <= 2000),
      guidelines text not null default '' check (char_length(guidelines) <= 10000),
      -- open: all members read and take part; request: listed, content for members after approval;
      -- hidden: exists only for its members (and the office)
      visibility text not null check (visibility in ('open', 'request', 'hidden')),
      partners_allowed boolean not null default false,
      chatham_house boolean not null default true,
      -- proposed by a member and waiting for the office; declined proposals stay for the record
      status text not null default 'active' check (status in ('proposed', 'active', 'declined')),
      proposal_reason text check (char_length(proposal_reason) <= 2000),
      decision_message text check (char_length(decision_message) <= 2000),
      decided_by text references users(id) on delete set null,
      decided_at timestamptz,
      member_count integer not null default 0,
      last_activity_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      created_by text references users(id) on delete set null,
      updated_by text references users(id) on delete set null
    );
    create index communities_name_idx on communities (name collate "de-x-icu");

    create table community_topics (
      community_id text not null references communities(id) on delete cascade,
      tag_id text not null references tags(id) on delete cascade,
      primary key (community_id, tag_id)
    );
    create index community_topics_tag_idx on community_topics (tag_id);

    create table community_members (
      community_id text not null references communities(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      role text not null default 'member' check (role in ('member', 'lead')),
      status text not null check (status in ('active', 'requested', 'invited')),
      message text check (char_length(message) <= 1000),
      invited_by text references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (community_id, user_id)
    );
    create index community_members_user_idx on community_members (user_id, status, community_id);
    create index community_members_active_idx on community_members (community_id, status, role);
    create index community_members_newest_idx on community_members (community_id, status, created_at desc);

    create table posts (
      id text primary key,
      community_id text not null references communities(id) on delete cascade,
      type text not null check (type in ('discussion', 'question', 'example', 'announcement')),
      title text not null check (char_length(title) between 3 and 200),
      body text not null check (char_length(body) <= 20000),
      author_id text references users(id) on delete set null,
      accepted_reply_id text,
      reply_count integer not null default 0,
      helpful_count integer not null default 0,
      pinned_at timestamptz,
      locked_at timestamptz,
      hidden_at timestamptz,
      hidden_reason text check (char_length(hidden_reason) <= 1000),
      hidden_by text references users(id) on delete set null,
      deleted_at timestamptz,
      deleted_by text references users(id) on delete set null,
      edited_at timestamptz,
      last_activity_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text references users(id) on delete set null
    );
    create index posts_community_activity_idx on posts (community_id, last_activity_at desc, id desc) where deleted_at is null;
    create index posts_community_pinned_idx on posts (community_id, pinned_at desc) where pinned_at is not null and deleted_at is null;
    create index posts_open_questions_idx on posts (community_id, created_at desc) where type = 'question' and accepted_reply_id is null and deleted_at is null;
    create index posts_author_idx on posts (author_id, created_at desc);

    create table practice_examples (
      post_id text primary key references posts(id) on delete cascade,
      problem text not null check (char_length(problem) <= 5000),
      solution text not null check (char_length(solution) <= 5000),
      organisation_id text references organisations(id) on delete set null,
      status text not null check (status in ('idea', 'pilot', 'operation')),
      contact_id text references users(id) on delete set null,
      materials text not null default '' check (char_length(materials) <= 5000),
      reuse text not null default '' check (char_length(reuse) <= 5000)
    );
    create index practice_examples_contact_idx on practice_examples (contact_id);

    create table post_tags (
      post_id text not null references posts(id) on delete cascade,
      tag_id text not null references tags(id) on delete cascade,
      primary key (post_id, tag_id)
    );
    create index post_tags_tag_idx on post_tags (tag_id, post_id);

    create table replies (
      id text primary key,
      post_id text not null references posts(id) on delete cascade,
      body text not null check (char_length(body) between 1 and 20000),
      author_id text references users(id) on delete set null,
      quote_reply_id text references replies(id) on delete set null,
      helpful_count integer not null default 0,
      hidden_at timestamptz,
      hidden_reason text check (char_length(hidden_reason) <= 1000),
      hidden_by text references users(id) on delete set null,
      deleted_at timestamptz,
      deleted_by text references users(id) on delete set null,
      edited_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text references users(id) on delete set null
    );
    create index replies_post_idx on replies (post_id, created_at, id);
    create index replies_author_idx on replies (author_id, created_at desc);
    -- the quote's foreign key sets null on delete: without this index every delete scans all replies
    create index replies_quote_idx on replies (quote_reply_id) where quote_reply_id is not null;
    alter table posts add constraint posts_accepted_reply_fk foreign key (accepted_reply_id) references replies(id) on delete set null;
    create index posts_accepted_reply_idx on posts (accepted_reply_id) where accepted_reply_id is not null;

    -- the previous version each time a post or reply is edited
    create table revisions (
      id bigserial primary key,
      target_type text not null check (target_type in ('post', 'reply')),
      target_id text not null,
      title text,
      body text not null,
      edited_by text references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index revisions_target_idx on revisions (target_type, target_id, id);

    -- marks, mentions and revisions point at a post or a reply (no foreign key: two tables);
    -- the app deletes posts and replies only softly, so what they point at stays
    create table helpful_marks (
      target_type text not null check (target_type in ('post', 'reply')),
      target_id text not null,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (target_type, target_id, user_id)
    );

    create table post_follows (
      post_id text not null references posts(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (post_id, user_id)
    );
    create index post_follows_user_idx on post_follows (user_id);

    create table community_follows (
      community_id text not null references communities(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (community_id, user_id)
    );
    create index community_follows_user_idx on community_follows (user_id);

    create table bookmarks (
      post_id text not null references posts(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, post_id)
    );

    create table example_reuses (
      post_id text not null references posts(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      organisation_id text references organisations(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (post_id, user_id)
    );

    create table mentions (
      target_type text not null check (target_type in ('post', 'reply')),
      target_id text not null,
      user_id text not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (target_type, target_id, user_id)
    );
    create index mentions_user_idx on mentions (user_id, created_at desc);

    create table reports (
      id text primary key,
      community_id text not null references communities(id) on delete cascade,
      post_id text not null references posts(id) on delete cascade,
      reply_id text references replies(id) on delete cascade,
      reporter_id text references users(id) on delete set null,
      reason text not null check (char_length(reason) between 3 and 1000),
      status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
      resolved_by text references users(id) on delete set null,
      resolved_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index reports_open_idx on reports (community_id, created_at desc) where status = 'open';
    create unique index reports_once_idx on reports (reporter_id, post_id, coalesce(reply_id, '')) where status = 'open';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table reports, mentions, example_reuses, bookmarks, community_follows, post_follows, helpful_marks, revisions;
    alter table posts drop constraint posts_accepted_reply_fk;
    drop table replies, post_tags, practice_examples, posts, community_members, community_topics, communities;
  `.execute(db);
}
