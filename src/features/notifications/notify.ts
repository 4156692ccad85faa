/**
 * Making notifications: rows for the recipients, a wake-up for open pages (NOTIFY, delivered
 * when the transaction commits, to every app instance), and one mail job that decides per
 * recipient, when it runs, whether a mail goes out now. Call these inside the transaction of
 * the happening, so that a notification exists exactly when the happening does.
 *
 * Nothing about the content is copied: the list page and the mails read the post, event or
 * message through the visibility rules when they show it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, NotificationKind } from '../../db/schema.js';
import { LIST_MAIL_QUEUE, NOTIFICATION_MAIL_QUEUE, type Jobs } from '../../jobs/jobs.js';

export { LIST_MAIL_QUEUE, NOTIFICATION_MAIL_QUEUE };
import { newId } from '../../lib/ids.js';

export const NOTIFY_CHANNEL = 'kp_notifications';

export interface NotificationFacts {
  kind: NotificationKind;
  action?: string;
  actorId?: string | null;
  communityId?: string | null;
  postId?: string | null;
  replyId?: string | null;
  eventId?: string | null;
  conversationId?: string | null;
  messageId?: string | null;
  note?: string | null;
  /** The person was told by a mail of its own (e.g. the verification decision): no notification mail. */
  alreadyMailed?: boolean;
}

export interface NotificationMailJob {
  ids: string[];
}

export interface ListMailJob {
  postId: string;
  replyId: string | null;
}

type Db = Kysely<DB> | Transaction<DB>;

/** Tells open pages of these people that their notifications changed (on commit). */
export async function signalUsers(db: Db, userIds: string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  // NOTIFY payloads are limited to 8000 bytes: ids are 16 characters.
  for (let i = 0; i < unique.length; i += 400) {
    await sql`select pg_notify(${NOTIFY_CHANNEL}, ${unique.slice(i, i + 400).join(',')})`.execute(db);
  }
}

async function afterInsert(db: Db, jobs: Jobs, rows: { id: string; userId: string }[]): Promise<string[]> {
  if (rows.length === 0) return [];
  await signalUsers(db, rows.map((r) => r.userId));
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    await jobs.enqueue(NOTIFICATION_MAIL_QUEUE, { ids: ids.slice(i, i + 500) } satisfies NotificationMailJob, { trx: db });
  }
  return ids;
}

/**
 * Notifies these people (never the actor) of one happening. Returns the new notification ids.
 */
export async function notify(db: Db, jobs: Jobs, recipients: (string | null | undefined)[], facts: NotificationFacts): Promise<string[]> {
  const userIds = [...new Set(recipients.filter((r): r is string => Boolean(r) && r !== facts.actorId))];
  if (userIds.length === 0) return [];
  const rows = userIds.map((userId) => ({
    id: newId(),
    userId,
    kind: facts.kind,
    action: facts.action ?? '',
    actorId: facts.actorId ?? null,
    communityId: facts.communityId ?? null,
    postId: facts.postId ?? null,
    replyId: facts.replyId ?? null,
    eventId: facts.eventId ?? null,
    conversationId: facts.conversationId ?? null,
    messageId: facts.messageId ?? null,
    note: facts.note ?? null,
    mailedAt: facts.alreadyMailed ? new Date() : null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('notifications').values(rows.slice(i, i + 1000)).execute();
  if (facts.alreadyMailed) {
    await signalUsers(db, userIds);
    return rows.map((r) => r.id);
  }
  return afterInsert(db, jobs, rows);
}

/**
 * Community activity: a new post notifies the community's followers, a new reply the post's
 * followers, except the author and the people in `except` (who got a more specific
 * notification, e.g. a mention). Also queues the mailing-list mail of the post or reply.
 */
export async function notifyFollowers(
  db: Db,
  jobs: Jobs,
  happening: { communityId: string; postId: string; replyId?: string | null; actorId: string; except?: string[] },
): Promise<string[]> {
  const except = new Set([happening.actorId, ...(happening.except ?? [])]);
  const followers = happening.replyId
    ? await db.selectFrom('postFollows').select('userId').where('postId', '=', happening.postId).execute()
    : await db.selectFrom('communityFollows').select('userId').where('communityId', '=', happening.communityId).execute();
  await jobs.enqueue(LIST_MAIL_QUEUE, { postId: happening.postId, replyId: happening.replyId ?? null } satisfies ListMailJob, { trx: db });
  return notify(
    db,
    jobs,
    followers.map((f) => f.userId).filter((id) => !except.has(id)),
    { kind: 'activity', action: happening.replyId ? 'reply' : 'post', actorId: happening.actorId, communityId: happening.communityId, postId: happening.postId, replyId: happening.replyId ?? null },
  );
}
