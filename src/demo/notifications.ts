/**
 * Demo notifications and a conversation, so that the bell, the list and the messages have
 * something to show right after `npm run demo`: for the member account, replies to its posts,
 * new posts in the communities it follows, an event promotion, and a message from the lead.
 * All marked as mailed: the demo does not mail history at start. Runs once (skips if the
 * member already has notifications).
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, NotificationsTable } from '../db/schema.js';
import { newId } from '../lib/ids.js';

export async function seedDemoNotifications(db: Kysely<DB>, now = new Date()): Promise<number> {
  const accounts = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', ['member@land-beispiel.example', 'lead@musterstadt.example']).execute();
  const member = accounts.find((a) => a.email === 'member@land-beispiel.example')?.id;
  const lead = accounts.find((a) => a.email === 'lead@musterstadt.example')?.id;
  if (!member || !lead) return 0;
  const existing = await db.selectFrom('notifications').select('id').where('userId', '=', member).limit(1).executeTakeFirst();
  if (existing) return 0;
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  const rows: Insertable<NotificationsTable>[] = [];

  // replies others wrote to the member's posts
  const replies = await db
    .selectFrom('replies as r')
    .innerJoin('posts as p', 'p.id', 'r.postId')
    .select(['r.id', 'r.postId', 'r.authorId', 'p.communityId', 'p.type'])
    .where('p.authorId', '=', member)
    .where('r.authorId', '<>', member)
    .where('r.deletedAt', 'is', null)
    .where('r.hiddenAt', 'is', null)
    .orderBy('r.createdAt', 'desc')
    .limit(3)
    .execute();
  replies.forEach((r, i) => rows.push({ id: newId(), userId: member, kind: r.type === 'question' ? 'answer' : 'reply', actorId: r.authorId, communityId: r.communityId, postId: r.postId, replyId: r.id, createdAt: hoursAgo(2 + i * 5) }));

  // new posts in the communities the member follows
  const posts = await db
    .selectFrom('posts as p')
    .innerJoin('communityFollows as f', (join) => join.onRef('f.communityId', '=', 'p.communityId').on('f.userId', '=', member))
    .select(['p.id', 'p.authorId', 'p.communityId'])
    .where('p.authorId', '<>', member)
    .where('p.deletedAt', 'is', null)
    .where('p.hiddenAt', 'is', null)
    .orderBy('p.createdAt', 'desc')
    .limit(6)
    .execute();
  posts.forEach((p, i) => rows.push({ id: newId(), userId: member, kind: 'activity', action: 'post', actorId: p.authorId, communityId: p.communityId, postId: p.id, createdAt: hoursAgo(1 + i * 7), readAt: i > 2 ? hoursAgo(1) : null }));

  // an event the member moved up for
  const promoted = await db.selectFrom('eventRegistrations').select('eventId').where('userId', '=', member).where('status', '=', 'confirmed').limit(1).executeTakeFirst();
  if (promoted) rows.push({ id: newId(), userId: member, kind: 'event', action: 'promoted', eventId: promoted.eventId, createdAt: hoursAgo(30), readAt: hoursAgo(20) });

  // a conversation with the lead
  const [a, b] = [member, lead].sort();
  const conversationId = newId();
  await db.insertInto('conversations').values({ id: conversationId, pairKey: `${a}:${b}`, createdBy: lead, lastMessageAt: hoursAgo(3) }).onConflict((oc) => oc.column('pairKey').doNothing()).execute();
  const conversation = await db.selectFrom('conversations').select('id').where('pairKey', '=', `${a}:${b}`).executeTakeFirstOrThrow();
  if (conversation.id === conversationId) {
    await db.insertInto('conversationParticipants').values([{ conversationId, userId: lead, lastReadAt: hoursAgo(3) }, { conversationId, userId: member, lastReadAt: hoursAgo(30) }]).execute();
    const first = newId();
    const second = newId();
    await db
      .insertInto('messages')
      .values([
        { id: first, conversationId, authorId: lead, body: 'Hallo! Sie hatten nach unserer Einführung der E-Akte gefragt. Wollen wir nächste Woche kurz telefonieren?', createdAt: hoursAgo(26) },
        { id: second, conversationId, authorId: lead, body: 'Ich habe Ihnen außerdem unsere Checkliste in die Community „E-Akte“ gestellt.', createdAt: hoursAgo(3) },
      ])
      .execute();
    rows.push({ id: newId(), userId: member, kind: 'message', actorId: lead, conversationId, messageId: second, createdAt: hoursAgo(3) });
  }

  if (rows.length === 0) return 0;
  await db.insertInto('notifications').values(rows.map((r) => ({ ...r, mailedAt: sql<Date>`now()` }))).execute();
  return rows.length;
}
