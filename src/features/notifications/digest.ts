/**
 * Daily and weekly digests: one mail per person and period with the notifications whose
 * delivery is that period now (kinds.ts, `effectiveDelivery`), that no mail has carried yet
 * (`mailed_at is null`) and that are recent (daily: two days, weekly: eight days; the
 * `mailed_at` mark, not the window, keeps an item from coming twice).
 *
 * - `queueDigests` (scheduled): one set-based query finds the people with something due and
 *   queues one job per person (DIGEST_QUEUE).
 * - `sendDigest` (the job): reads the person, their due notifications and, through the
 *   visibility rules, what of it they may read at this moment. Nothing readable: the due
 *   notifications are marked mailed and nothing is sent — a digest is never empty. Otherwise
 *   the mail goes out once per person, period and Berlin day (mail log key), and exactly the
 *   notifications it read (those it carries, and those due but not readable now) are marked
 *   mailed in the same transaction; newer ones wait for the next digest.
 * - `buildDigest` (pure): rows → subject, blocks, mail. Groups: "Für Sie" (no community)
 *   first, then communities (most items first); in a group the most helpful, then the newest
 *   first; at most ITEMS_PER_GROUP items, then a link to the rest.
 * - `buildAllDigests`: builds (does not send) every due digest, for the benchmark.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, Role } from '../../db/schema.js';
import { DIGEST_QUEUE, type Jobs } from '../../jobs/jobs.js';
import { renderMail, type MailBlock } from '../../mail/compose.js';
import { deliverOnce } from '../../mail/delivery.js';
import type { Mailer, OutgoingMail } from '../../mail/mailer.js';
import { unsubscribeHeaders, unsubscribeUrl } from '../../mail/unsubscribe.js';
import { toBerlin } from '../../lib/berlin-time.js';
import { formattersFor, translator, type Lang, type T } from '../../views/i18n/index.js';
import { effectiveDelivery } from './kinds.js';
import { viewerForUser, visibleNotifications, type NotificationItem } from './notifications.repo.js';
import { describeNotification } from './notifications.present.js';

export type DigestPeriod = 'daily' | 'weekly';

export interface DigestJob {
  userId: string;
  period: DigestPeriod;
  /** Berlin date of the run, 'YYYY-MM-DD': part of the mail log key (one digest per day and period). */
  day: string;
}

/** Items shown per group; the rest are counted and linked. */
export const ITEMS_PER_GROUP = 10;
/** Length of an item's excerpt (plain text). */
export const EXCERPT_LENGTH = 200;
/** The most notifications one digest reads (newest first); more stay for the next one. */
export const MAX_DIGEST_NOTIFICATIONS = 500;
const QUEUE_CHUNK = 1000;
const WINDOW_DAYS: Record<DigestPeriod, number> = { daily: 2, weekly: 8 };
const SUBJECT_COMMUNITY_LENGTH = 40;

type Db = Kysely<DB>;

function since(period: DigestPeriod, now: Date): Date {
  return new Date(now.getTime() - WINDOW_DAYS[period] * 86_400_000);
}

/** Berlin date of an instant: the digest's day. */
export function digestDay(now: Date): string {
  return toBerlin(now).date;
}

/** People who may receive mail and have notifications due for this period, with those notifications' ids. */
async function dueUsers(db: Db, period: DigestPeriod, now: Date) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', 'u.role', sql<string[]>`array_agg(n.id order by n.created_at desc)`.as('ids')])
    .where('n.mailedAt', 'is', null)
    .where('n.createdAt', '>', since(period, now))
    .where('n.createdAt', '<=', now)
    .where('u.suspendedAt', 'is', null)
    .where('u.role', '<>', 'applicant')
    .where(sql<boolean>`${effectiveDelivery('n')} = ${period}`)
    .groupBy(['u.id'])
    .orderBy('u.id')
    .execute();
}

/** The ids of one person's due notifications for this period, newest first. */
async function dueIds(db: Db, userId: string, period: DigestPeriod, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .select('n.id')
    .where('n.userId', '=', userId)
    .where('n.mailedAt', 'is', null)
    .where('n.createdAt', '>', since(period, now))
    .where('n.createdAt', '<=', now)
    .where(sql<boolean>`${effectiveDelivery('n')} = ${period}`)
    .orderBy('n.createdAt', 'desc')
    .limit(MAX_DIGEST_NOTIFICATIONS)
    .execute();
  return rows.map((r) => r.id);
}

/** Queues one digest job per person with something due. Returns the number of jobs. */
export async function queueDigests(deps: { db: Db; jobs: Jobs }, period: DigestPeriod, now = new Date()): Promise<number> {
  const users = await dueUsers(deps.db, period, now);
  const day = digestDay(now);
  const jobs: DigestJob[] = users.map((u) => ({ userId: u.id, period, day }));
  for (let i = 0; i < jobs.length; i += QUEUE_CHUNK) await deps.jobs.enqueueMany(DIGEST_QUEUE, jobs.slice(i, i + QUEUE_CHUNK));
  return jobs.length;
}

// --- building (pure) ---------------------------------------------------------------------------

export interface DigestRecipient {
  userId: string;
  email: string;
  name: string;
  locale: Lang;
}

export interface DigestGroup {
  /** null: "Für Sie" (notifications without a community). */
  communityId: string | null;
  communityName: string | null;
  communitySlug: string | null;
  chathamHouse: boolean;
  items: NotificationItem[];
}

export interface BuiltDigest {
  subject: string;
  blocks: MailBlock[];
  footer: string;
  headers: Record<string, string>;
  mail: OutgoingMail;
  /** The notifications the digest carries (shown or counted in "und N weitere"). */
  includedIds: string[];
}

/** Most helpful first, then newest. */
const byHelpfulThenNewest = (a: NotificationItem, b: NotificationItem) =>
  b.postHelpfulCount - a.postHelpfulCount || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1);

/** "Für Sie" first, then communities with the most items, then the newest, then by name. */
export function groupDigestItems(items: NotificationItem[]): DigestGroup[] {
  const groups = new Map<string, DigestGroup>();
  for (const item of items) {
    const key = item.communityId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = item.communityId
        ? { communityId: item.communityId, communityName: item.communityName, communitySlug: item.communitySlug, chathamHouse: item.chathamHouse, items: [] }
        : { communityId: null, communityName: null, communitySlug: null, chathamHouse: false, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  for (const group of groups.values()) group.items.sort(byHelpfulThenNewest);
  const newest = (g: DigestGroup) => Math.max(...g.items.map((i) => i.createdAt.getTime()));
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.communityId === null) - Number(a.communityId === null) ||
      b.items.length - a.items.length ||
      newest(b) - newest(a) ||
      (a.communityName ?? '').localeCompare(b.communityName ?? ''),
  );
}

/** Markdown source as one line of plain text, cut at a word near `max` characters. */
export function plainExcerpt(source: string, max = EXCERPT_LENGTH): string {
  const text = source
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1') // fenced code: keep the code
    .replace(/<[^>]{1,200}>/g, ' ') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, '') // link definitions
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)/gm, '') // headings, quotes, list markers
    .replace(/^\s{0,3}([-*_]\s*){3,}$/gm, '') // rules
    .replace(/\|/g, ' ') // table pipes
    .replace(/(\*\*|__|~~|\*|`)/g, '') // emphasis, code
    .replace(/(^|\s)_([^_\s][^_]*)_(?=\s|[.,;:!?]|$)/g, '$1$2') // _emphasis_
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?–-]+$/, '')} …`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "3 neue Beiträge, 2 Antworten in A und 1 weiteren Community". */
export function digestSummary(t: T, groups: DigestGroup[]): string {
  let posts = 0;
  let replies = 0;
  let other = 0;
  for (const group of groups) {
    for (const item of group.items) {
      if (item.kind === 'activity' && item.action !== 'reply') posts += 1;
      else if ((item.kind === 'activity' && item.action === 'reply') || item.kind === 'reply' || item.kind === 'answer') replies += 1;
      else other += 1;
    }
  }
  const count = (n: number, what: 'posts' | 'replies' | 'other') => (n === 1 ? t(`digest.summary.${what}.one`) : t(`digest.summary.${what}.other`, { count: n }));
  const parts = [posts && count(posts, 'posts'), replies && count(replies, 'replies'), other && count(other, 'other')].filter((p): p is string => Boolean(p));
  const communities = groups.filter((g) => g.communityId !== null).map((g) => shorten(g.communityName ?? '', SUBJECT_COMMUNITY_LENGTH));
  const [first, second] = communities;
  if (!first) return parts.join(', ');
  let where: string;
  if (communities.length === 1) where = first;
  else if (communities.length === 2 && first.length + second!.length <= 60) where = t('digest.summary.communities.two', { first, second: second! });
  else if (communities.length === 2) where = t('digest.summary.communities.more.one', { first });
  else where = t('digest.summary.communities.more.other', { first, count: communities.length - 1 });
  return `${parts.join(', ')} ${t('digest.summary.in', { communities: where })}`;
}

function itemBlock(item: NotificationItem, lang: Lang, t: T, baseUrl: URL): MailBlock {
  const { text, path } = describeNotification(item, lang);
  const actor = item.actorName ?? t('notification.someone');
  const when = formattersFor(lang).dateTime(item.createdAt);
  const helpful = item.postId && item.postHelpfulCount > 0
    ? item.postHelpfulCount === 1 ? t('digest.helpful.one') : t('digest.helpful.other', { count: formattersFor(lang).number(item.postHelpfulCount) })
    : null;
  let title: string;
  const meta: string[] = [];
  if (item.kind === 'activity' && item.postTitle) {
    title = item.postTitle;
    meta.push(t(item.action === 'reply' ? 'digest.meta.reply' : 'digest.meta.post', { actor }));
  } else {
    title = text;
  }
  meta.push(when);
  if (helpful) meta.push(helpful);
  const source = item.kind === 'message' ? item.messageBody : item.postId ? item.body : item.note;
  const excerpt = source ? plainExcerpt(source) : '';
  return { type: 'item', title, url: new URL(path, baseUrl).toString(), meta: meta.join(' · '), ...(excerpt ? { excerpt } : {}) };
}

/**
 * The digest of these (visible) notifications for the recipient. `items` must not be empty.
 */
export function buildDigest(
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  recipient: DigestRecipient,
  period: DigestPeriod,
  items: NotificationItem[],
): BuiltDigest {
  const lang = recipient.locale;
  const t = translator(lang);
  const groups = groupDigestItems(items);
  const blocks: MailBlock[] = [{ type: 'p', text: `${t('mail.greeting', { name: recipient.name })} ${t(period === 'daily' ? 'digest.intro.daily' : 'digest.intro.weekly')}` }];
  for (const group of groups) {
    blocks.push({ type: 'heading', text: group.communityName ?? t('digest.personal') });
    for (const item of group.items.slice(0, ITEMS_PER_GROUP)) blocks.push(itemBlock(item, lang, t, config.baseUrl));
    const rest = group.items.length - ITEMS_PER_GROUP;
    if (rest > 0) {
      blocks.push(
        group.communityId && group.communitySlug
          ? { type: 'link', label: t('digest.moreIn', { count: rest, community: group.communityName ?? '' }), url: new URL(`/communities/${group.communitySlug}`, config.baseUrl).toString() }
          : { type: 'link', label: t('digest.morePersonal', { count: rest }), url: new URL('/benachrichtigungen', config.baseUrl).toString() },
      );
    }
    if (group.chathamHouse) blocks.push({ type: 'notice', text: t('notificationMail.chatham') });
  }
  const subject = t(period === 'daily' ? 'digest.subject.daily' : 'digest.subject.weekly', { summary: digestSummary(t, groups) });
  const unsubscribe = unsubscribeUrl(config.baseUrl, config.sessionSecret, recipient.userId, { digest: true });
  const footer = t('notificationMail.footer.digest', { unsubscribe, settings: new URL('/konto/benachrichtigungen', config.baseUrl).toString() });
  const headers = { ...unsubscribeHeaders(unsubscribe), 'Auto-Submitted': 'auto-generated' };
  const mail = renderMail({ to: recipient.email, lang, subject, blocks, footer, headers });
  return { subject, blocks, footer, headers, mail, includedIds: items.map((i) => i.id) };
}

// --- sending -----------------------------------------------------------------------------------

export interface DigestDeps {
  db: Db;
  mailer: Mailer;
  config: Config;
}

export type DigestOutcome = 'sent' | 'duplicate' | 'nothing-visible' | 'nothing-due' | 'no-recipient';

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Lang;
  role: Role;
}

/** The due notifications of a person as far as they may read them now, or null when none is due. */
async function loadDigest(db: Db, user: Recipient, period: DigestPeriod, now: Date, ids?: string[]) {
  const due = ids ? ids.slice(0, MAX_DIGEST_NOTIFICATIONS) : await dueIds(db, user.id, period, now);
  if (due.length === 0) return null;
  return { due, items: await visibleNotifications(db, viewerForUser(user), due) };
}

/** The digest job: sends the person's digest of this period, once per day, never empty. */
export async function sendDigest(deps: DigestDeps, job: DigestJob, now = new Date()): Promise<DigestOutcome> {
  const { db, config } = deps;
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'role'])
    .where('id', '=', job.userId)
    .where('suspendedAt', 'is', null)
    .where('role', '<>', 'applicant')
    .executeTakeFirst();
  if (!user) return 'no-recipient';
  const loaded = await loadDigest(db, user, job.period, now);
  if (!loaded) return 'nothing-due';
  if (loaded.items.length === 0) {
    // Nothing the person may read now: no digest, and these never come back.
    await db.updateTable('notifications').set({ mailedAt: now }).where('id', 'in', loaded.due).where('mailedAt', 'is', null).execute();
    return 'nothing-visible';
  }
  const digest = buildDigest(config, { userId: user.id, email: user.email, name: user.name, locale: user.locale }, job.period, loaded.items);
  return deliverOnce(
    { db, mailer: deps.mailer, host: config.baseUrl.hostname },
    { key: `digest:${job.period}:${user.id}:${job.day}`, userId: user.id, kind: 'digest', mail: digest.mail },
    // What it carries, and what was due but is not readable now (as with an empty digest: it does
    // not come back); notifications that arrived since they were read wait for the next digest.
    async (trx) => {
      await trx.updateTable('notifications').set({ mailedAt: sql`now()` }).where('id', 'in', loaded.due).where('mailedAt', 'is', null).execute();
    },
  );
}

// --- benchmark -----------------------------------------------------------------------------------

export interface BuildAllResult {
  /** People with something due. */
  users: number;
  /** Digests built (people with something readable). */
  mails: number;
  /** Notifications carried by all digests. */
  totalItems: number;
  /** Characters of all mails (text and HTML parts). */
  characters: number;
}

/**
 * Builds every digest of the period that would be sent now, without sending or marking
 * anything: the due people in one query, then per person the visibility check and the mail,
 * `concurrency` people at a time.
 */
export async function buildAllDigests(
  db: Db,
  period: DigestPeriod,
  now = new Date(),
  opts: { config?: Pick<Config, 'baseUrl' | 'sessionSecret'>; concurrency?: number } = {},
): Promise<BuildAllResult> {
  const config = opts.config ?? { baseUrl: new URL('http://localhost:3000'), sessionSecret: 'benchmark-secret' };
  const users = await dueUsers(db, period, now);
  const result: BuildAllResult = { users: users.length, mails: 0, totalItems: 0, characters: 0 };
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      const loaded = await loadDigest(db, user, period, now, user.ids);
      if (!loaded || loaded.items.length === 0) continue;
      const digest = buildDigest(config, { userId: user.id, email: user.email, name: user.name, locale: user.locale }, period, loaded.items);
      result.mails += 1;
      result.totalItems += digest.includedIds.length;
      result.characters += digest.mail.text.length + (digest.mail.html?.length ?? 0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return result;
}
