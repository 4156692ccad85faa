/**
 * All SQL about posts and replies. Every list filters with `postReadable` / `contentShown` from
 * communities.visibility.ts; a single post is loaded whole and checked by the policy.
 * Lists are one statement each (authors, community and the viewer's marks joined in).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, PostType } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { pageTotal, totalOf } from '../../db/paging.js';
import type { Viewer } from '../members/members.repo.js';
import { contentShown, postReadable } from './communities.visibility.js';
import { exactTime } from './communities.repo.js';

export const POST_PAGE_SIZE = 20;
export const POST_PAGE_MAX = 50;
export const REPLY_PAGE_SIZE = 50;

export interface PostListFilter {
  communityId?: string;
  type?: PostType;
  /** Questions only: 'open' (no accepted answer) or 'answered'. */
  answered?: 'open' | 'answered';
  /** Posts of the communities the viewer is an active member of (the start page feed). */
  feed?: boolean;
  pinnedOnly?: boolean;
  cursor?: string;
  limit?: number;
}

/** The conditions of a post list, as SQL on `p` (posts). */
function postConditions(viewer: Viewer, filter: PostListFilter) {
  const parts = [postReadable(viewer, 'p')];
  if (filter.communityId) parts.push(sql<boolean>`p.community_id = ${filter.communityId}`);
  if (filter.type) parts.push(sql<boolean>`p.type = ${filter.type}`);
  if (filter.answered) parts.push(sql<boolean>`p.type = 'question' and p.accepted_reply_id is ${filter.answered === 'open' ? sql`null` : sql`not null`}`);
  if (filter.pinnedOnly) parts.push(sql<boolean>`p.pinned_at is not null`);
  if (filter.feed) {
    parts.push(sql<boolean>`exists (select 1 from community_members fm where fm.community_id = p.community_id and fm.user_id = ${viewer.id} and fm.status = 'active')`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * Posts readable by the viewer, newest activity first. Two steps in one statement: the page of
 * ids (narrow rows, from the index), then authors and communities for those rows only. The
 * feed takes the newest posts of each of the viewer's communities and merges them, instead
 * of sorting every post of every community.
 */
export async function listPosts(db: Kysely<DB>, viewer: Viewer, filter: PostListFilter & { withTotal?: boolean }) {
  const limit = Math.min(filter.limit ?? POST_PAGE_SIZE, POST_PAGE_MAX);
  const where = postConditions(viewer, filter);
  const after = decodeCursor(filter.cursor, ['string', 'string']);
  const cursor = after ? sql`and (p.last_activity_at, p.id) < (${after[0]}::timestamptz, ${after[1]})` : sql``;
  const newest = sql`order by p.last_activity_at desc, p.id desc limit ${limit + 1}`;
  const pageIds = filter.feed
    ? sql<{ id: string; lastActivityAt: Date }>`(select pf.id, pf.last_activity_at from community_members fm cross join lateral (
          select p.id, p.last_activity_at from posts p where p.community_id = fm.community_id and ${where} ${cursor} ${newest}) pf
        where fm.user_id = ${viewer.id} and fm.status = 'active'
        order by pf.last_activity_at desc, pf.id desc limit ${limit + 1})`
    : sql<{ id: string; lastActivityAt: Date }>`(select p.id, p.last_activity_at from posts p where ${where} ${cursor} ${newest})`;
  const filterOnly = db.selectFrom('posts as p').where(where);
  const rows = await db
    .selectFrom(pageIds.as('pg'))
    .innerJoin('posts as p', 'p.id', 'pg.id')
    .innerJoin('communities as c', 'c.id', 'p.communityId')
    .leftJoin('users as a', 'a.id', 'p.authorId')
    .select([
      'p.id', 'p.type', 'p.title', 'p.body', 'p.replyCount', 'p.helpfulCount', 'p.createdAt', 'p.lastActivityAt', 'p.pinnedAt', 'p.lockedAt', 'p.hiddenAt', 'p.editedAt',
      'p.acceptedReplyId', 'p.authorId', 'a.name as authorName', 'c.slug as communitySlug', 'c.name as communityName',
    ])
    .select(exactTime('p.last_activity_at').as('activityKey'))
    .select(filter.withTotal === false ? sql<number>`0`.as('total') : totalOf(filterOnly).as('total'))
    .orderBy('pg.lastActivityAt', 'desc')
    .orderBy('pg.id', 'desc')
    .execute();
  const total = filter.withTotal === false ? 0 : await pageTotal(rows, filterOnly);
  const items = rows.slice(0, limit).map(({ activityKey: _k, total: _t, ...r }) => r);
  const last = rows[limit - 1];
  return { items, total, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.activityKey, last.id]) : null };
}

/**
 * Open questions the viewer could answer: their topics, or their community's topics, meet the
 * viewer's expertise; not the viewer's own; readable; newest first. Candidates come from the
 * viewer's tags (newest few per tag and per community), so the cost does not grow with all posts.
 */
export async function openQuestionsForExpertise(db: Kysely<DB>, viewer: Viewer, limit = 5) {
  const open = sql`p.type = 'question' and p.accepted_reply_id is null and p.deleted_at is null`;
  const { rows } = await sql<PostListItem & { total: number }>`
    with my_tags as (select tag_id from profile_tags where user_id = ${viewer.id} and kind = 'expertise'),
    candidates as (
      select x.id from my_tags mt cross join lateral (
        select p.id from post_tags pt join posts p on p.id = pt.post_id where pt.tag_id = mt.tag_id and ${open} order by p.created_at desc limit ${limit * 4}) x
      union
      select x.id from community_topics ct join my_tags mt on mt.tag_id = ct.tag_id cross join lateral (
        select p.id from posts p where p.community_id = ct.community_id and ${open} order by p.created_at desc limit ${limit * 4}) x
    )
    select p.id, p.type, p.title, p.body, p.reply_count as "replyCount", p.helpful_count as "helpfulCount", p.created_at as "createdAt",
           p.last_activity_at as "lastActivityAt", p.pinned_at as "pinnedAt", p.locked_at as "lockedAt", p.hidden_at as "hiddenAt", p.edited_at as "editedAt",
           p.accepted_reply_id as "acceptedReplyId", p.author_id as "authorId", a.name as "authorName", c.slug as "communitySlug", c.name as "communityName"
    from candidates k join posts p on p.id = k.id join communities c on c.id = p.community_id left join users a on a.id = p.author_id
    where ${postReadable(viewer, 'p')} and p.author_id is distinct from ${viewer.id}
    order by p.created_at desc, p.id desc limit ${limit}`.execute(db);
  return rows;
}

export type PostListItem = Awaited<ReturnType<typeof listPosts>>['items'][number];

export type PostRow = NonNullable<Awaited<ReturnType<typeof getPost>>>;

/** One post, whole, with its community, practice-example fields and the viewer's marks. */
export async function getPost(db: Kysely<DB>, id: string, viewerId: string) {
  return db
    .selectFrom('posts as p')
    .innerJoin('communities as c', 'c.id', 'p.communityId')
    .leftJoin('users as a', 'a.id', 'p.authorId')
    .leftJoin('practiceExamples as x', 'x.postId', 'p.id')
    .leftJoin('organisations as xo', 'xo.id', 'x.organisationId')
    .leftJoin('users as xc', 'xc.id', 'x.contactId')
    .leftJoin('communityMembers as me', (join) => join.onRef('me.communityId', '=', 'p.communityId').on('me.userId', '=', viewerId))
    .where('p.id', '=', id)
    .selectAll('p')
    .select(['a.name as authorName', 'c.slug as communitySlug', 'c.name as communityName', 'c.visibility', 'c.status as communityStatus', 'c.partnersAllowed', 'c.chathamHouse'])
    .select(['me.status as myStatus', 'me.role as myRole'])
    .select(['x.problem', 'x.solution', 'x.organisationId as exampleOrganisationId', 'xo.name as exampleOrganisationName', 'x.status as exampleStatus', 'x.contactId', 'xc.name as contactName', 'x.materials', 'x.reuse'])
    .select(sql<string[]>`array(select t.label from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = p.id order by t.label collate "de-x-icu")`.as('tags'))
    .select(sql<boolean>`exists (select 1 from helpful_marks h where h.target_type = 'post' and h.target_id = p.id and h.user_id = ${viewerId})`.as('markedHelpful'))
    .select(sql<boolean>`exists (select 1 from post_follows f where f.post_id = p.id and f.user_id = ${viewerId})`.as('following'))
    .select(sql<boolean>`exists (select 1 from bookmarks b where b.post_id = p.id and b.user_id = ${viewerId})`.as('bookmarked'))
    .select(sql<boolean>`exists (select 1 from example_reuses r where r.post_id = p.id and r.user_id = ${viewerId})`.as('reused'))
    .select(sql<boolean>`exists (select 1 from revisions v where v.target_type = 'post' and v.target_id = p.id)`.as('hasHistory'))
    .executeTakeFirst();
}

/** Who reuses a practice example, with their organisation. */
export async function listReuses(db: Kysely<DB>, postId: string) {
  return db
    .selectFrom('exampleReuses as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .leftJoin('organisations as o', 'o.id', 'r.organisationId')
    .where('r.postId', '=', postId)
    .select(['u.id', 'u.name', 'o.name as organisationName', 'r.createdAt'])
    .orderBy('r.createdAt')
    .limit(200)
    .execute();
}

/**
 * Replies of a post shown to the viewer, in time order, with the quoted reply (when the viewer
 * sees it too) and the viewer's helpful mark. One statement.
 */
export async function listReplies(db: Kysely<DB>, viewer: Viewer, post: { id: string; communityId: string }, opts: { cursor?: string; fromReplyId?: string; limit?: number }) {
  const limit = Math.min(opts.limit ?? REPLY_PAGE_SIZE, REPLY_PAGE_SIZE);
  const communityId = sql`${post.communityId}`;
  let q = db
    .selectFrom('replies as r')
    .leftJoin('users as a', 'a.id', 'r.authorId')
    .leftJoin('replies as qr', (join) => join.onRef('qr.id', '=', 'r.quoteReplyId'))
    .leftJoin('users as qa', 'qa.id', 'qr.authorId')
    .where('r.postId', '=', post.id)
    .where(contentShown(viewer, 'r', communityId));
  const base = q;
  const after = decodeCursor(opts.cursor, ['string', 'string']);
  if (after) q = q.where(sql<boolean>`(r.created_at, r.id) > (${after[0]}::timestamptz, ${after[1]})`);
  else if (opts.fromReplyId) q = q.where(sql<boolean>`(r.created_at, r.id) >= (select fr.created_at, fr.id from replies fr where fr.id = ${opts.fromReplyId} and fr.post_id = ${post.id})`);
  const rows = await q
      .select(['r.id', 'r.body', 'r.authorId', 'a.name as authorName', 'r.helpfulCount', 'r.createdAt', 'r.editedAt', 'r.hiddenAt', 'r.hiddenReason', 'r.quoteReplyId'])
      .select(sql<string | null>`case when qr.id is not null and ${contentShown(viewer, 'qr', communityId)} then left(qr.body, 300) end`.as('quoteBody'))
      .select(sql<string | null>`case when qr.id is not null and ${contentShown(viewer, 'qr', communityId)} then qa.name end`.as('quoteAuthorName'))
      .select(sql<boolean>`exists (select 1 from helpful_marks h where h.target_type = 'reply' and h.target_id = r.id and h.user_id = ${viewer.id})`.as('markedHelpful'))
      .select(sql<boolean>`exists (select 1 from revisions v where v.target_type = 'reply' and v.target_id = r.id)`.as('hasHistory'))
      .select(exactTime('r.created_at').as('timeKey'))
      .orderBy('r.createdAt')
      .orderBy('r.id')
      .limit(limit + 1)
      .select(totalOf(base).as('total'))
      .execute();
  const total = await pageTotal(rows, base);
  const items = rows.slice(0, limit).map(({ timeKey: _k, total: _t, ...r }) => r);
  const last = rows[limit - 1];
  return { items, total, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.timeKey, last.id]) : null };
}

export type ReplyItem = Awaited<ReturnType<typeof listReplies>>['items'][number];

/** One reply with its post and community, whole: the policy decides. */
export async function getReply(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('replies as r')
    .leftJoin('users as a', 'a.id', 'r.authorId')
    .where('r.id', '=', id)
    .select(['r.id', 'r.postId', 'r.body', 'r.authorId', 'a.name as authorName', 'r.hiddenAt', 'r.hiddenReason', 'r.deletedAt', 'r.createdAt', 'r.editedAt', 'r.helpfulCount'])
    .executeTakeFirst();
}

/** The earlier versions of a post or reply, newest first. */
export async function listRevisions(db: Kysely<DB>, targetType: 'post' | 'reply', targetId: string) {
  return db
    .selectFrom('revisions as v')
    .leftJoin('users as u', 'u.id', 'v.editedBy')
    .where('v.targetType', '=', targetType)
    .where('v.targetId', '=', targetId)
    .select(['v.id', 'v.title', 'v.body', 'v.createdAt', 'u.name as editorName'])
    .orderBy('v.id', 'desc')
    .limit(100)
    .execute();
}

/** The viewer's bookmarks among posts they may still read. */
export async function listBookmarks(db: Kysely<DB>, viewer: Viewer, limit = 50) {
  return db
    .selectFrom('bookmarks as b')
    .innerJoin('posts as p', 'p.id', 'b.postId')
    .innerJoin('communities as c', 'c.id', 'p.communityId')
    .where('b.userId', '=', viewer.id)
    .where(postReadable(viewer, 'p'))
    .select(['p.id', 'p.type', 'p.title', 'c.slug as communitySlug', 'c.name as communityName', 'b.createdAt'])
    .orderBy('b.createdAt', 'desc')
    .limit(limit)
    .execute();
}
