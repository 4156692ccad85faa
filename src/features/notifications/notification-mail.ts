/**
 * Mails about single notifications ("sofort") and mailing-list mails (every post and reply of
 * a community), composed when they are sent: the recipient's settings and the visibility
 * rules are read at that moment, so a mail queued before someone left a community, before a
 * post was hidden or before a setting changed carries nothing it should not.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, NotificationKind } from '../../db/schema.js';
import type { Mailer } from '../../mail/mailer.js';
import { renderMail, type MailBlock } from '../../mail/compose.js';
import { deliverOnce, skipMail } from '../../mail/delivery.js';
import { replyAddress } from '../../mail/reply-token.js';
import { unsubscribeHeaders, unsubscribeUrl, type UnsubscribeScope } from '../../mail/unsubscribe.js';
import { translator, type Lang, type MessageKey } from '../../views/i18n/index.js';
import { berlinDayAndTime } from '../../lib/berlin-time.js';
import { POST_KINDS } from './kinds.js';
import { notificationsForMail, viewerForUser, visibleNotifications, type NotificationItem } from './notifications.repo.js';
import { describeNotification, eventDate } from './notifications.present.js';
import { postReadable } from '../communities/communities.visibility.js';
import type { ListMailJob, NotificationMailJob } from './notify.js';

export interface MailDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  config: Config;
}

const MAX_QUOTE = 6000;

function deliveryDeps(deps: MailDeps) {
  return { db: deps.db, mailer: deps.mailer, host: deps.config.baseUrl.hostname };
}

const absolute = (config: Config, path: string) => new URL(path, config.baseUrl).toString();

/** The footer with the one-click link for this scope, and the matching RFC 8058 headers. */
export function unsubscribeParts(config: Config, lang: Lang, userId: string, scope: UnsubscribeScope, community?: string | null) {
  const t = translator(lang);
  const url = unsubscribeUrl(config.baseUrl, config.sessionSecret, userId, scope);
  const settings = absolute(config, '/konto/benachrichtigungen');
  let footer: string;
  if ('communityId' in scope) footer = t('notificationMail.footer.community', { community: community ?? '', unsubscribe: url, settings });
  else if ('kind' in scope) footer = t('notificationMail.footer.kind', { setting: t(`notificationSettings.kind.${scope.kind}`), unsubscribe: url, settings });
  else footer = t('notificationMail.footer.digest', { unsubscribe: url, settings });
  return { footer, headers: { ...unsubscribeHeaders(url), 'Auto-Submitted': 'auto-generated' } };
}

function eventMail(item: NotificationItem, lang: Lang, name: string): { subject: string; blocks: MailBlock[] } {
  const t = translator(lang);
  const { day, time } = berlinDayAndTime(lang === 'de' ? 'de-DE' : 'en-GB');
  const params = {
    name,
    title: item.eventTitle ?? '',
    day: item.eventStartsAt ? day.format(item.eventStartsAt) : '',
    from: item.eventStartsAt ? time.format(item.eventStartsAt) : '',
    to: item.eventEndsAt ? time.format(item.eventEndsAt) : '',
    date: eventDate(lang, item.eventStartsAt, item.eventEndsAt),
    place: item.eventPlace ?? '',
    message: item.note ?? '',
  };
  const p = (key: MessageKey): MailBlock => ({ type: 'p', text: t(key, params) });
  switch (item.action) {
    case 'promoted':
      return { subject: t('events.mail.promoted.subject', params), blocks: [p('events.mail.promoted.body'), p('events.mail.cancelHint')] };
    case 'cancelled':
      return { subject: t('events.mail.eventCancelled.subject', params), blocks: [p('events.mail.eventCancelled.body'), ...(item.note ? [p('events.mail.message')] : [])] };
    case 'registration_cancelled':
      return { subject: t('events.mail.registrationCancelled.subject', params), blocks: [p('events.mail.registrationCancelled.body'), ...(item.note ? [p('events.mail.message')] : [])] };
    case 'reminder': {
      const where: MailBlock[] = item.eventOnlineUrl ? [p('events.mail.reminder.online')] : item.eventPlace ? [p('events.mail.reminder.place')] : [];
      return { subject: t('events.mail.reminder.subject', params), blocks: [p('events.mail.reminder.body'), ...where, p('events.mail.cancelHint')] };
    }
    default:
      return { subject: t('events.mail.changed.subject', params), blocks: [p('events.mail.changed.body'), ...(item.note ? [p('events.mail.message')] : [])] };
  }
}

function subjectKey(item: NotificationItem): MessageKey {
  if (item.kind === 'activity') return item.action === 'reply' ? 'notificationMail.subject.activity.reply' : 'notificationMail.subject.activity.post';
  return `notificationMail.subject.${item.kind as Exclude<NotificationKind, 'activity' | 'event'>}`;
}

/** The mail about one notification, for its recipient. */
export function composeNotificationMail(config: Config, recipient: { userId: string; email: string; name: string; locale: Lang }, item: NotificationItem) {
  const lang = recipient.locale;
  const t = translator(lang);
  const { text, path } = describeNotification(item, lang);
  const blocks: MailBlock[] = [{ type: 'p', text: t('mail.greeting', { name: recipient.name }) }];
  let subject: string;
  if (item.kind === 'event') {
    const event = eventMail(item, lang, recipient.name);
    subject = event.subject;
    blocks.push(...event.blocks);
  } else {
    subject = t(subjectKey(item), { actor: item.actorName ?? t('notification.someone'), post: item.postTitle ?? '', community: item.communityName ?? '' });
    blocks.push({ type: 'p', text });
    if (item.kind === 'message' && item.messageBody) blocks.push({ type: 'quote', by: t('notificationMail.by', { actor: item.actorName ?? t('notification.someone') }), text: item.messageBody.slice(0, MAX_QUOTE) });
    else if (item.body && POST_KINDS.includes(item.kind)) blocks.push({ type: 'quote', by: t('notificationMail.by', { actor: item.actorName ?? t('notification.someone') }), text: item.body.slice(0, MAX_QUOTE) });
    if (item.note) blocks.push({ type: 'p', text: t('notification.note', { note: item.note }) });
  }
  blocks.push({ type: 'link', label: t('notificationMail.open'), url: absolute(config, path) });
  const replyable = item.postId !== null && POST_KINDS.includes(item.kind);
  if (replyable) blocks.push({ type: 'p', text: t('notificationMail.replyHint') });
  if (item.kind === 'message') blocks.push({ type: 'p', text: t('notificationMail.messageHint') });
  if (item.chathamHouse && item.postId) blocks.push({ type: 'notice', text: t('notificationMail.chatham') });
  const scope: UnsubscribeScope = item.kind === 'activity' && item.communityId ? { communityId: item.communityId } : { kind: item.kind };
  const { footer, headers } = unsubscribeParts(config, lang, recipient.userId, scope, item.communityName);
  return renderMail({
    to: recipient.email,
    lang,
    subject,
    blocks,
    footer,
    headers,
    ...(replyable ? { replyTo: replyAddress(config, recipient.userId, item.postId!) } : {}),
  });
}

/** Sends the immediate mails of these notifications, as far as settings and visibility allow now. */
export async function sendNotificationMails(deps: MailDeps, job: NotificationMailJob): Promise<number> {
  const rows = await notificationsForMail(deps.db, job.ids);
  let sent = 0;
  for (const row of rows) {
    if (row.mailedAt) continue;
    if (row.delivery === 'daily' || row.delivery === 'weekly') continue; // the digest takes it
    const key = `n:${row.id}`;
    const never = async () => {
      await deps.db.updateTable('notifications').set({ mailedAt: new Date() }).where('id', '=', row.id).where('mailedAt', 'is', null).execute();
      await skipMail(deps.db, { key, userId: row.userId, kind: row.kind });
    };
    // 'off', or the mailing-list mail already carries it; suspended people get no mail
    if (row.delivery !== 'immediate' || row.suspendedAt || row.role === 'applicant') {
      await never();
      continue;
    }
    const [item] = await visibleNotifications(deps.db, viewerForUser({ id: row.userId, role: row.role }), [row.id]);
    if (!item) {
      await never();
      continue;
    }
    const mail = composeNotificationMail(deps.config, { userId: row.userId, email: row.email, name: row.name, locale: row.locale }, item);
    const outcome = await deliverOnce(deliveryDeps(deps), { key, userId: row.userId, kind: row.kind, mail }, async (trx) => {
      await trx.updateTable('notifications').set({ mailedAt: new Date() }).where('id', '=', row.id).execute();
    });
    if (outcome === 'sent') sent += 1;
  }
  return sent;
}

// --- mailing-list mode -------------------------------------------------------------------------

/**
 * Mails a new post or reply to everyone who reads its community as a mailing list, except its
 * author, each checked against the visibility rule now. Replies to the mail go into the thread.
 */
export async function sendListMails(deps: MailDeps, job: ListMailJob): Promise<number> {
  const { db, config } = deps;
  const source = await db
    .selectFrom('posts as p')
    .innerJoin('communities as c', 'c.id', 'p.communityId')
    .leftJoin('replies as r', (join) => join.on('r.id', '=', job.replyId ?? '').on('r.postId', '=', sql.ref('p.id')))
    .select(['p.id', 'p.title', 'p.communityId', 'p.authorId as postAuthorId', 'p.body as postBody', 'c.name as communityName', 'c.slug', 'c.chathamHouse', 'r.id as replyId', 'r.body as replyBody', 'r.authorId as replyAuthorId'])
    .where('p.id', '=', job.postId)
    .executeTakeFirst();
  if (!source || (job.replyId && !source.replyId)) return 0;
  const authorId = job.replyId ? source.replyAuthorId : source.postAuthorId;
  const readers = await db
    .selectFrom('communityMailSettings as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', 'u.role'])
    .where('s.communityId', '=', source.communityId)
    .where('s.delivery', '=', 'all')
    .where('u.suspendedAt', 'is', null)
    .where('u.role', '<>', 'applicant')
    .$if(authorId !== null, (q) => q.where('u.id', '<>', authorId!))
    .execute();
  const author = authorId ? await db.selectFrom('users').select('name').where('id', '=', authorId).executeTakeFirst() : undefined;
  let sent = 0;
  for (const reader of readers) {
    const key = `list:${job.replyId ?? job.postId}:${reader.id}`;
    const viewer = viewerForUser(reader);
    // The post (and the reply) must be readable for this reader now.
    const readable = await db
      .selectFrom('posts as p')
      .select('p.id')
      .where('p.id', '=', job.postId)
      .where(postReadable(viewer, 'p'))
      .$if(job.replyId !== null, (q) =>
        q.where(({ exists, selectFrom }) =>
          exists(selectFrom('replies as r').select('r.id').where('r.id', '=', job.replyId!).where('r.deletedAt', 'is', null).where(sql<boolean>`(r.hidden_at is null or ${viewer.staff})`)),
        ),
      )
      .executeTakeFirst();
    if (!readable) {
      await skipMail(db, { key, userId: reader.id, kind: 'list' });
      continue;
    }
    const lang = reader.locale;
    const t = translator(lang);
    const by = author?.name ?? t('notification.someone');
    const path = job.replyId ? `/beitraege/${job.postId}?antwort=${job.replyId}#antwort-${job.replyId}` : `/beitraege/${job.postId}`;
    const blocks: MailBlock[] = [
      { type: 'quote', by: t('notificationMail.by', { actor: by }), text: ((job.replyId ? source.replyBody : source.postBody) ?? '').slice(0, MAX_QUOTE) },
      { type: 'link', label: t('notificationMail.open'), url: absolute(config, path) },
      { type: 'p', text: t('notificationMail.replyHint') },
    ];
    if (source.chathamHouse) blocks.push({ type: 'notice', text: t('notificationMail.chatham') });
    const { footer, headers } = unsubscribeParts(config, lang, reader.id, { communityId: source.communityId }, source.communityName);
    const subject = t(job.replyId ? 'notificationMail.subject.activity.reply' : 'notificationMail.subject.activity.post', { community: source.communityName, post: source.title });
    const mail = renderMail({
      to: reader.email,
      lang,
      subject,
      blocks,
      footer,
      headers: { ...headers, 'List-Id': `<${source.slug}.${config.replyDomain}>`, Precedence: 'list' },
      replyTo: replyAddress(config, reader.id, job.postId),
    });
    const outcome = await deliverOnce(deliveryDeps(deps), { key, userId: reader.id, kind: 'list', mail });
    if (outcome === 'sent') sent += 1;
  }
  return sent;
}
