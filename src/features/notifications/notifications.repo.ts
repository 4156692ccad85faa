/**
 * The notifications a person may see now. What a notification points to (post, reply,
 * event, community, conversation) is joined and passed through the one visibility rule of
 * its feature, so the list, the unread count, the API, the mails and the digests show a
 * notification only while its content is readable for the recipient: a notification about a
 * post in a community someone has left, or about a hidden reply, disappears everywhere.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, NotificationKind, Role } from '../../db/schema.js';
import type { Viewer } from '../members/members.repo.js';
import { communityVisible, contentShown, postReadable } from '../communities/communities.visibility.js';
import { eventVisible } from '../events/events.visibility.js';
import { effectiveDelivery } from './kinds.js';
import { exactTime } from '../communities/communities.repo.js';
import { PREPARED } from '../../db/connect.js';

export const NOTIFICATION_PAGE_SIZE = 30;
export const MAX_NOTIFICATION_PAGE_SIZE = 100;

/** The viewer a person is now (role as stored): used where no request is asking, e.g. mails. */
export function viewerForUser(user: { id: string; role: Role }): Viewer {
  return { id: user.id, verified: ['member', 'office', 'admin'].includes(user.role), staff: ['office', 'admin'].includes(user.role) };
}

/** The notification row `n` is visible to the viewer (its recipient). */
export function notificationVisible(viewer: Viewer): RawBuilder<boolean> {
  const post = sql<boolean>`(n.post_id is null or exists (select 1 from posts p where p.id = n.post_id and ${postReadable(viewer, 'p')}))`;
  const reply = sql<boolean>`(n.reply_id is null or exists (select 1 from replies r join posts rp on rp.id = r.post_id where r.id = n.reply_id
    and ${contentShown(viewer, 'r', sql.ref('rp.community_id'))}))`;
  const event = sql<boolean>`(n.event_id is null or exists (select 1 from events e where e.id = n.event_id and ${eventVisible(viewer, 'e')}))`;
  // Community-only notifications (membership): the community must exist for the viewer.
  const community = sql<boolean>`(n.community_id is null or n.post_id is not null or n.event_id is not null
    or exists (select 1 from communities c where c.id = n.community_id and ${communityVisible(viewer, 'c')}))`;
  const conversation = sql<boolean>`(n.conversation_id is null or exists (select 1 from conversation_participants cp
    where cp.conversation_id = n.conversation_id and cp.user_id = ${viewer.id}))`;
  return sql<boolean>`(n.user_id = ${viewer.id} and ${post} and ${reply} and ${event} and ${community} and ${conversation})`;
}

/**
 * The visibility SQL is long and the same for every viewer of a kind: planning it cost more
 * than running it, so these queries are named statements per shape (see PREPARED).
 */
function shape(viewer: Viewer): string {
  return viewer.staff ? 'staff' : viewer.verified ? 'member' : 'other';
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  action: string;
  createdAt: Date;
  readAt: Date | null;
  mailedAt: Date | null;
  note: string | null;
  actorName: string | null;
  communityId: string | null;
  communitySlug: string | null;
  communityName: string | null;
  chathamHouse: boolean;
  postId: string | null;
  postTitle: string | null;
  postType: string | null;
  postHelpfulCount: number;
  replyId: string | null;
  /** The reply's text, else the post's text (Markdown source), for mails and excerpts. */
  body: string | null;
  eventId: string | null;
  eventTitle: string | null;
  eventStartsAt: Date | null;
  eventEndsAt: Date | null;
  eventPlace: string | null;
  eventOnlineUrl: string | null;
  eventCancelMessage: string | null;
  conversationId: string | null;
  messageBody: string | null;
  /** The exact creation time (µs) for paging; always selected by the queries here. */
  cursorAt?: string;
}

function baseQuery(db: Kysely<DB>, viewer: Viewer) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actorId')
    .leftJoin('posts as p', 'p.id', 'n.postId')
    .leftJoin('replies as r', 'r.id', 'n.replyId')
    .leftJoin('communities as c', (join) => join.on(sql<boolean>`c.id = coalesce(n.community_id, p.community_id)`))
    .leftJoin('events as e', 'e.id', 'n.eventId')
    .leftJoin('messages as m', 'm.id', 'n.messageId')
    .select([
      'n.id', 'n.kind', 'n.action', 'n.createdAt', 'n.readAt', 'n.mailedAt', 'n.note',
      // microseconds, for an exact cursor
      exactTime('n.created_at').as('cursorAt'),
      'a.name as actorName',
      'c.id as communityId', 'c.slug as communitySlug', 'c.name as communityName', sql<boolean>`coalesce(c.chatham_house, false)`.as('chathamHouse'),
      'n.postId', 'p.title as postTitle', 'p.type as postType', sql<number>`coalesce(p.helpful_count, 0)`.as('postHelpfulCount'),
      'n.replyId', sql<string | null>`coalesce(r.body, p.body)`.as('body'),
      'n.eventId', 'e.title as eventTitle', 'e.startsAt as eventStartsAt', 'e.endsAt as eventEndsAt', 'e.cancelMessage as eventCancelMessage',
      // where and how to join: only for people confirmed for the event, its organisers and the office
      sql<string | null>`case when ${viewer.staff} or exists (select 1 from event_registrations er where er.event_id = e.id and er.user_id = ${viewer.id} and er.status = 'confirmed')
        or exists (select 1 from event_organisers eo where eo.event_id = e.id and eo.user_id = ${viewer.id}) then e.place else null end`.as('eventPlace'),
      sql<string | null>`case when ${viewer.staff} or exists (select 1 from event_registrations er where er.event_id = e.id and er.user_id = ${viewer.id} and er.status = 'confirmed')
        or exists (select 1 from event_organisers eo where eo.event_id = e.id and eo.user_id = ${viewer.id}) then e.online_url else null end`.as('eventOnlineUrl'),
      'n.conversationId', 'm.body as messageBody',
    ])
    .where(notificationVisible(viewer));
}

/** The viewer's notifications, newest first, with a cursor (`createdAt|id` of the last item). */
export async function listNotifications(
  db: Kysely<DB>,
  viewer: Viewer,
  opts: { cursor?: string; limit?: number; unreadOnly?: boolean } = {},
): Promise<{ items: NotificationItem[]; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? NOTIFICATION_PAGE_SIZE, 1), MAX_NOTIFICATION_PAGE_SIZE);
  const cursor = parseCursor(opts.cursor);
  let query = baseQuery(db, viewer).modifyFront(sql.raw(PREPARED(`notifications_list_${shape(viewer)}_${opts.unreadOnly ? 'unread' : 'all'}_${cursor ? 'next' : 'first'}`)));
  if (opts.unreadOnly) query = query.where('n.readAt', 'is', null);
  if (cursor) query = query.where(sql<boolean>`(n.created_at, n.id) < (${cursor.at}::timestamptz, ${cursor.id})`);
  const rows = (await query.orderBy('n.createdAt', 'desc').orderBy('n.id', 'desc').limit(limit + 1).execute()) as NotificationItem[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? `${last.cursorAt!}|${last.id}` : null };
}

/** `2026-11-24T10:00:00.123456Z|id`; anything else is ignored (the first page). */
function parseCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([A-Za-z0-9_-]{1,40})$/.exec(cursor);
  return match ? { at: match[1]!, id: match[2]! } : null;
}

/** These notifications of the viewer, as far as they are visible now (for mails and digests). */
export async function visibleNotifications(db: Kysely<DB>, viewer: Viewer, ids: string[]): Promise<NotificationItem[]> {
  if (ids.length === 0) return [];
  return (await baseQuery(db, viewer)
    .modifyFront(sql.raw(PREPARED(`notifications_visible_${shape(viewer)}`)))
    .where(sql<boolean>`n.id = any(${ids}::text[])`)
    .orderBy('n.createdAt', 'desc')
    .execute()) as NotificationItem[];
}

/** The bell counts up to this many (shown as "99+"): the count runs on every page. */
export const UNREAD_COUNT_CAP = 100;

/** Unread and visible: the number on the bell, at most UNREAD_COUNT_CAP. */
export async function countUnread(db: Kysely<DB>, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('notifications as n')
        .select('n.id')
        .where('n.userId', '=', viewer.id)
        .where('n.readAt', 'is', null)
        .where(notificationVisible(viewer))
        .orderBy('n.createdAt', 'desc')
        .limit(UNREAD_COUNT_CAP)
        .as('u'),
    )
    .modifyFront(sql.raw(PREPARED(`notifications_unread_${shape(viewer)}`)))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks these (or, without ids, all) of the viewer's notifications read. Returns how many changed. */
export async function markRead(db: Kysely<DB>, userId: string, ids?: string[]): Promise<number> {
  let query = db.updateTable('notifications').set({ readAt: sql`now()` }).where('userId', '=', userId).where('readAt', 'is', null);
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The recipient and how the notification goes out by mail now ('immediate', 'daily', …, 'all'). */
export async function notificationsForMail(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select(['n.id', 'n.userId', 'n.kind', 'n.communityId', 'n.mailedAt', 'u.email', 'u.name', 'u.locale', 'u.role', 'u.suspendedAt', effectiveDelivery('n').as('delivery')])
    .where('n.id', 'in', ids)
    .execute();
}
