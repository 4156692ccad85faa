/**
 * What a notification says and where it leads, for the list page, the API, mails and digests
 * alike (one wording everywhere). Only fields the recipient may see reach here (the repo
 * filtered through the visibility rules).
 */
import { translator, type Lang, type MessageKey } from '../../views/i18n/index.js';
import { berlinDayAndTime } from '../../lib/berlin-time.js';
import type { NotificationItem } from './notifications.repo.js';

export interface NotificationText {
  text: string;
  /** Path on our host, e.g. /beitraege/… */
  path: string;
}

export function notificationKey(item: Pick<NotificationItem, 'kind' | 'action'>): MessageKey {
  switch (item.kind) {
    case 'activity':
      return item.action === 'reply' ? 'notification.activity.reply' : 'notification.activity.post';
    case 'membership_decision':
      return `notification.membership_decision.${(['approved', 'declined', 'invited', 'lead'] as const).find((a) => a === item.action) ?? 'approved'}`;
    case 'event':
      return `notification.event.${(['promoted', 'changed', 'cancelled', 'reminder', 'registration_cancelled'] as const).find((a) => a === item.action) ?? 'changed'}`;
    case 'moderation':
      return `notification.moderation.${(['hidden', 'reply_hidden', 'unhidden', 'reply_unhidden', 'moved', 'locked'] as const).find((a) => a === item.action) ?? 'hidden'}`;
    case 'verification':
      return item.action === 'declined' ? 'notification.verification.declined' : 'notification.verification.approved';
    default:
      return `notification.${item.kind}`;
  }
}

export function notificationPath(item: NotificationItem): string {
  if (item.conversationId) return `/nachrichten/${item.conversationId}`;
  if (item.postId && item.replyId) return `/beitraege/${item.postId}?antwort=${item.replyId}#antwort-${item.replyId}`;
  if (item.postId) return `/beitraege/${item.postId}`;
  if (item.eventId) return `/veranstaltungen/${item.eventId}`;
  if (item.kind === 'membership_request' && item.communitySlug) return `/communities/${item.communitySlug}/mitglieder`;
  if (item.communitySlug) return `/communities/${item.communitySlug}`;
  return '/start';
}

export function eventDate(lang: Lang, startsAt: Date | null, endsAt: Date | null): string {
  if (!startsAt || !endsAt) return '';
  const { day, time } = berlinDayAndTime(lang === 'de' ? 'de-DE' : 'en-GB');
  return translator(lang)('events.mail.date', { day: day.format(startsAt), from: time.format(startsAt), to: time.format(endsAt) });
}

export function notificationParams(item: NotificationItem, lang: Lang): Record<string, string> {
  const t = translator(lang);
  return {
    actor: item.actorName ?? t('notification.someone'),
    post: item.postTitle ?? '',
    community: item.communityName ?? '',
    event: item.eventTitle ?? '',
    date: eventDate(lang, item.eventStartsAt, item.eventEndsAt),
    note: item.note ?? '',
  };
}

export function describeNotification(item: NotificationItem, lang: Lang): NotificationText {
  return { text: translator(lang)(notificationKey(item), notificationParams(item, lang)), path: notificationPath(item) };
}

/** The JSON shape of a notification (API). */
export function presentNotification(item: NotificationItem, lang: Lang, baseUrl: URL) {
  const { text, path } = describeNotification(item, lang);
  return {
    id: item.id,
    kind: item.kind,
    action: item.action,
    text,
    url: new URL(path, baseUrl).toString(),
    read: item.readAt !== null,
    createdAt: item.createdAt.toISOString(),
    actorName: item.actorName,
    community: item.communitySlug ? { slug: item.communitySlug, name: item.communityName } : null,
    postId: item.postId,
    replyId: item.replyId,
    eventId: item.eventId,
    conversationId: item.conversationId,
  };
}
