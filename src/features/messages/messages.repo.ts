/**
 * All SQL of direct messages. The writing rule lives here once as SQL (`writableTo`, the twin
 * of messages.policy.ts); a conversation exists for a viewer only when they take part in it
 * (`participant`), so every list and every single read is filtered by the same join.
 *
 * One conversation per pair of people: `pair_key` is the two ids in sorted order joined by
 * ':'. Sending and blocking take a transaction-level advisory lock on the pair, so that a
 * block and a message of the same pair are decided one after the other, and two parallel
 * first messages end in one conversation (the insert is `on conflict (pair_key)` as well).
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, Role } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { sharesCommunity } from '../communities/communities.visibility.js';
import { memberVisible, type Viewer } from '../members/members.repo.js';
import type { Recipient, WriteRelation } from './messages.policy.js';

type Db = Kysely<DB> | Transaction<DB>;
type Bool = RawBuilder<boolean>;

export const CONVERSATION_PAGE_SIZE = 20;
export const MAX_CONVERSATION_PAGE_SIZE = 50;
export const MESSAGE_PAGE_SIZE = 30;
export const MAX_MESSAGE_PAGE_SIZE = 50;
export const REPORT_PAGE_SIZE = 20;
/** Unread messages are counted up to this number ("99+" beyond). */
export const UNREAD_CAP = 99;
export const MAX_BODY = 10000;
export const MAX_REASON = 2000;

const exactTime = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function pairKeyOf(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** A block between the viewer and the person in `userColumn`, in either direction. */
function blockedEitherWay(viewer: Viewer, userColumn: string): Bool {
  const other = sql.ref(userColumn);
  return sql<boolean>`exists (select 1 from user_blocks ub where (ub.blocker_id = ${viewer.id} and ub.blocked_id = ${other}) or (ub.blocker_id = ${other} and ub.blocked_id = ${viewer.id}))`;
}

/**
 * The viewer may write to the person `alias` (a users row) now: not themselves, the person is
 * reachable (not suspended, e-mail confirmed), both are inside, partners only with a shared
 * community, and no block either way. The SQL twin of `writeRefusal` in messages.policy.ts.
 */
export function writableTo(viewer: Viewer, alias = 'u'): Bool {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const shares = sharesCommunity(viewer, `${alias}.id`);
  const roles = viewer.verified
    ? sql<boolean>`(${col('role')} in ('member', 'office', 'admin') or (${col('role')} = 'partner' and ${shares}))`
    : sql<boolean>`(${col('role')} in ('member', 'office', 'admin', 'partner') and ${shares})`;
  return sql<boolean>`(${col('id')} <> ${viewer.id} and ${col('suspended_at')} is null and ${col('email_confirmed_at')} is not null
    and ${roles} and not ${blockedEitherWay(viewer, `${alias}.id`)})`;
}

/** Serialises sending and blocking between one pair of people until the transaction ends. */
export async function lockPair(trx: Transaction<DB>, pairKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`dm:${pairKey}`}, 0))`.execute(trx);
}

/** A person whose profile exists for the viewer (the people rule), or null. */
export async function findPerson(db: Db, viewer: Viewer, id: string) {
  return (
    (await db
      .selectFrom('users as u')
      .select(['u.id', 'u.name'])
      .select(writableTo(viewer, 'u').as('writable'))
      .where('u.id', '=', id)
      .where(memberVisible(viewer))
      .executeTakeFirst()) ?? null
  );
}

/** What decides whether the viewer may write to `otherId`, read in one statement. */
export async function writeFacts(db: Db, viewer: Viewer, otherId: string): Promise<{ recipient: Recipient | null; relation: WriteRelation }> {
  const row = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.role'])
    .select(sql<boolean>`(u.suspended_at is null and u.email_confirmed_at is not null)`.as('reachable'))
    .select(sharesCommunity(viewer, 'u.id').as('sharesCommunity'))
    .select(sql<boolean>`exists (select 1 from user_blocks b where b.blocker_id = ${viewer.id} and b.blocked_id = u.id)`.as('blocking'))
    .select(sql<boolean>`exists (select 1 from user_blocks b where b.blocker_id = u.id and b.blocked_id = ${viewer.id})`.as('blockedBy'))
    .where('u.id', '=', otherId)
    .executeTakeFirst();
  if (!row) return { recipient: null, relation: { sharesCommunity: false, blocking: false, blockedBy: false } };
  return { recipient: { id: row.id, role: row.role as Role, reachable: row.reachable }, relation: { sharesCommunity: row.sharesCommunity, blocking: row.blocking, blockedBy: row.blockedBy } };
}

/** The columns every conversation answer has; `me` is the viewer's participant row. */
function conversationQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('conversationParticipants as me', (join) => join.onRef('me.conversationId', '=', 'c.id').on('me.userId', '=', viewer.id))
    .leftJoin('conversationParticipants as o', (join) => join.onRef('o.conversationId', '=', 'c.id').on('o.userId', '<>', viewer.id))
    .leftJoin('users as ou', 'ou.id', 'o.userId')
    .select(['c.id', 'c.createdAt', 'c.lastMessageAt', 'me.lastReadAt', 'o.userId as otherId', 'ou.name as otherName', 'ou.role as otherRole'])
    .select(sql<boolean>`coalesce(${writableTo(viewer, 'ou')}, false)`.as('writable'))
    .select(sql<boolean>`exists (select 1 from user_blocks b where b.blocker_id = ${viewer.id} and b.blocked_id = o.user_id)`.as('blocking'))
    .select(sql<boolean>`exists (select 1 from user_blocks b where b.blocker_id = o.user_id and b.blocked_id = ${viewer.id})`.as('blockedBy'))
    .select(
      sql<number>`(select count(*)::int from (select 1 from messages um where um.conversation_id = c.id and um.author_id is distinct from ${viewer.id}
        and um.created_at > coalesce(me.last_read_at, '-infinity'::timestamptz) limit ${UNREAD_CAP + 1}) unread)`.as('unread'),
    );
}

export type ConversationRow = NonNullable<Awaited<ReturnType<typeof getConversation>>>;

/** One conversation of the viewer, or null when they do not take part (or it does not exist). */
export async function getConversation(db: Db, viewer: Viewer, id: string) {
  return (await conversationQuery(db, viewer).where('c.id', '=', id).executeTakeFirst()) ?? null;
}

/** The viewer's conversation with `otherId`, if there is one. */
export async function conversationWith(db: Db, viewer: Viewer, otherId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('conversationParticipants as me', (join) => join.onRef('me.conversationId', '=', 'c.id').on('me.userId', '=', viewer.id))
    .select('c.id')
    .where('c.pairKey', '=', pairKeyOf(viewer.id, otherId))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The viewer's conversations, newest activity first, each with its last message. Keyset paging. */
export async function listConversations(db: Db, viewer: Viewer, opts: { cursor?: string; limit?: number; id?: string } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? CONVERSATION_PAGE_SIZE, 1), MAX_CONVERSATION_PAGE_SIZE);
  let q = conversationQuery(db, viewer)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as lm')
          .select(['lm.authorId as lastAuthorId', sql<string>`left(lm.body, 200)`.as('lastBody')])
          .whereRef('lm.conversationId', '=', 'c.id')
          .orderBy('lm.createdAt', 'desc')
          .orderBy('lm.id', 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select(['lm.lastAuthorId', 'lm.lastBody'])
    .select(exactTime('c.last_message_at').as('timeKey'));
  const after = decodeCursor(opts.cursor, ['string', 'string']);
  if (after) q = q.where(sql<boolean>`(c.last_message_at, c.id) < (${after[0]}::timestamptz, ${after[1]})`);
  if (opts.id) q = q.where('c.id', '=', opts.id);
  const rows = await q.orderBy('c.lastMessageAt', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(({ timeKey: _k, ...r }) => r);
  const last = rows[limit - 1];
  return { items, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.timeKey, last.id]) : null };
}

export type ConversationListItem = Awaited<ReturnType<typeof listConversations>>['items'][number];

/** How many conversations the viewer has, and how many of them have unread messages. */
export async function conversationCounts(db: Db, viewer: Viewer): Promise<{ total: number; unread: number }> {
  const row = await db
    .selectFrom('conversationParticipants as me')
    .where('me.userId', '=', viewer.id)
    .select(sql<number>`count(*)::int`.as('total'))
    .select(
      sql<number>`count(*) filter (where exists (select 1 from messages um where um.conversation_id = me.conversation_id and um.author_id is distinct from ${viewer.id}
        and um.created_at > coalesce(me.last_read_at, '-infinity'::timestamptz)))::int`.as('unread'),
    )
    .executeTakeFirstOrThrow();
  return row;
}

/** Messages of a conversation, newest first; `cursor` continues with older ones. */
export async function listMessages(db: Db, viewer: Viewer, conversationId: string, opts: { cursor?: string; limit?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? MESSAGE_PAGE_SIZE, 1), MAX_MESSAGE_PAGE_SIZE);
  let q = db
    .selectFrom('messages as m')
    .leftJoin('users as a', 'a.id', 'm.authorId')
    .select(['m.id', 'm.body', 'm.authorId', 'a.name as authorName', 'm.createdAt'])
    .select(sql<boolean>`exists (select 1 from message_reports mr where mr.message_id = m.id and mr.reporter_id = ${viewer.id})`.as('reportedByMe'))
    .select(exactTime('m.created_at').as('timeKey'))
    .where('m.conversationId', '=', conversationId);
  const after = decodeCursor(opts.cursor, ['string', 'string']);
  if (after) q = q.where(sql<boolean>`(m.created_at, m.id) < (${after[0]}::timestamptz, ${after[1]})`);
  const rows = await q.orderBy('m.createdAt', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(({ timeKey: _k, ...r }) => r);
  const last = rows[limit - 1];
  return { items, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.timeKey, last.id]) : null };
}

export type MessageRow = Awaited<ReturnType<typeof listMessages>>['items'][number];

/** One message of a conversation (for reporting it). */
export async function getMessage(db: Db, conversationId: string, messageId: string) {
  return (
    (await db
      .selectFrom('messages as m')
      .leftJoin('users as a', 'a.id', 'm.authorId')
      .select(['m.id', 'm.body', 'm.authorId', 'a.name as authorName', 'm.createdAt', 'm.conversationId'])
      .where('m.id', '=', messageId)
      .where('m.conversationId', '=', conversationId)
      .executeTakeFirst()) ?? null
  );
}

/** The conversation of the pair, created with both participants when it is the first message. */
export async function ensureConversation(trx: Transaction<DB>, senderId: string, recipientId: string): Promise<{ id: string; created: boolean }> {
  const pairKey = pairKeyOf(senderId, recipientId);
  const { rows } = await sql<{ id: string; created: boolean }>`
    insert into conversations (id, pair_key, created_by) values (${newId()}, ${pairKey}, ${senderId})
    on conflict (pair_key) do update set pair_key = excluded.pair_key
    returning id, (xmax = 0) as created`.execute(trx);
  const row = rows[0]!;
  await trx
    .insertInto('conversationParticipants')
    .values([
      { conversationId: row.id, userId: senderId },
      { conversationId: row.id, userId: recipientId },
    ])
    .onConflict((oc) => oc.columns(['conversationId', 'userId']).doNothing())
    .execute();
  return row;
}

/** Stores a message; the conversation moves up, and the sender has read everything up to it. */
export async function insertMessage(trx: Transaction<DB>, conversationId: string, authorId: string, body: string): Promise<{ id: string; createdAt: Date }> {
  const id = newId();
  const row = await trx.insertInto('messages').values({ id, conversationId, authorId, body }).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
  await trx.updateTable('conversations').set({ lastMessageAt: row.createdAt, updatedAt: row.createdAt }).where('id', '=', conversationId).execute();
  await markRead(trx, conversationId, authorId);
  return row;
}

export async function markRead(db: Db, conversationId: string, userId: string): Promise<void> {
  await db.updateTable('conversationParticipants').set({ lastReadAt: sql`now()` }).where('conversationId', '=', conversationId).where('userId', '=', userId).execute();
}

export async function insertBlock(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await db.insertInto('userBlocks').values({ blockerId, blockedId }).onConflict((oc) => oc.columns(['blockerId', 'blockedId']).doNothing()).execute();
}

export async function deleteBlock(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await db.deleteFrom('userBlocks').where('blockerId', '=', blockerId).where('blockedId', '=', blockedId).execute();
}

/** A report of a message; null when this person reported it before. */
export async function insertReport(db: Db, messageId: string, reporterId: string, reason: string): Promise<string | null> {
  const row = await db
    .insertInto('messageReports')
    .values({ id: newId(), messageId, reporterId, reason })
    .onConflict((oc) => oc.columns(['messageId', 'reporterId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Open reports for the office, oldest first, with the reported message and both names. */
export async function listOpenReports(db: Db, opts: { offset?: number; limit?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? REPORT_PAGE_SIZE, 1), REPORT_PAGE_SIZE);
  const offset = Math.max(opts.offset ?? 0, 0);
  const items = await db
    .selectFrom('messageReports as r')
    .innerJoin('messages as m', 'm.id', 'r.messageId')
    .leftJoin('users as rep', 'rep.id', 'r.reporterId')
    .leftJoin('users as au', 'au.id', 'm.authorId')
    .select(['r.id', 'r.reason', 'r.createdAt', 'r.reporterId', 'rep.name as reporterName', 'm.id as messageId', 'm.body', 'm.createdAt as messageCreatedAt', 'm.authorId', 'au.name as authorName'])
    .where('r.status', '=', 'open')
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await db.selectFrom('messageReports').select(sql<number>`count(*)::int`.as('total')).where('status', '=', 'open').executeTakeFirstOrThrow();
  return { items, total, limit };
}

export type ReportRow = Awaited<ReturnType<typeof listOpenReports>>['items'][number];

/** Closes an open report; null when there is no open report with this id. */
export async function closeReport(db: Db, id: string, status: 'resolved' | 'dismissed', byId: string) {
  return (
    (await db
      .updateTable('messageReports')
      .set({ status, resolvedBy: byId, resolvedAt: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning(['id', 'messageId', 'reporterId'])
      .executeTakeFirst()) ?? null
  );
}
