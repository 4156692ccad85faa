/**
 * Daily and weekly digests, end to end over a real SMTP server in the test process: what a
 * digest carries (grouped by community, most helpful and newest first, a German subject that
 * says what is inside), both parts with their links, the one-click unsubscribe headers and
 * footer, the Chatham House notice, never twice, never empty, visibility checked when sent,
 * and the delivery settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { createCommunity, createPost, createReply } from '../../../test/helpers/communities.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/helpers/smtp.js';
import { createMailer, type Mailer } from '../../mail/mailer.js';
import { newId } from '../../lib/ids.js';
import { notify } from './notify.js';
import { setKindDelivery } from './kinds.js';
import { buildAllDigests, digestDay, digestSummary, groupDigestItems, plainExcerpt, queueDigests, sendDigest, type DigestJob } from './digest.js';
import type { NotificationItem } from './notifications.repo.js';
import { translator } from '../../views/i18n/index.js';

let t: TestApp;
let smtp: TestSmtp;
let mailer: Mailer;
type User = Awaited<ReturnType<typeof createUser>>;
let lea: User;

const DAILY = 'Ihre tägliche Zusammenfassung: ';
const WEEKLY = 'Ihre Wochenzusammenfassung: ';
const digestsTo = (user: User, prefix = DAILY) => smtp.to(user.email).filter((m) => m.subject.startsWith(prefix));

async function run(period: 'daily' | 'weekly' = 'daily', now = new Date()) {
  const queued = await queueDigests({ db: t.db, jobs: t.jobs }, period, now);
  await t.jobs.drain();
  return queued;
}

async function mailedAt(ids: string[]) {
  const rows = await t.db.selectFrom('notifications').select(['id', 'mailedAt']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.mailedAt]));
}

/** A post in the community and the activity notification about it for the recipients. */
async function activityPost(communityId: string, recipients: User[], opts: { title: string; body?: string; helpful?: number; minutesAgo?: number }) {
  const post = await createPost(t.db, { communityId, authorId: lea.id, title: opts.title, body: opts.body ?? `Text zu ${opts.title}` });
  if (opts.helpful) await t.db.updateTable('posts').set({ helpfulCount: opts.helpful }).where('id', '=', post.id).execute();
  const ids = await notify(t.db, t.jobs, recipients.map((r) => r.id), { kind: 'activity', action: 'post', actorId: lea.id, communityId, postId: post.id });
  if (opts.minutesAgo) await t.db.updateTable('notifications').set({ createdAt: new Date(Date.now() - opts.minutesAgo * 60_000) }).where('id', 'in', ids).execute();
  return { post, ids };
}

/** The plain-text part between two headings (underlined with '='). */
function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(`${heading}\n=`);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const end = next ? text.indexOf(`${next}\n=`, start) : text.indexOf('\n-- \n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

function unsubscribeHeader(mail: ReceivedMail): { url: string; post: string } {
  const unfolded = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
  const url = /^List-Unsubscribe: <([^>]+)>/im.exec(unfolded)?.[1] ?? '';
  const post = /^List-Unsubscribe-Post: (.+)$/im.exec(unfolded)?.[1]?.trim() ?? '';
  return { url, post };
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  mailer = createMailer({ smtpUrl: t.config.SMTP_URL, from: t.config.MAIL_FROM, outboxDir: t.config.outboxDir });
  // The app registers the mail workers (notifications-jobs.ts): DIGEST_QUEUE runs sendDigest;
  // `mailer` here is for calling sendDigest directly.
  lea = await createUser(t.db, { name: 'Lea Leitung' });
});

afterAll(async () => {
  mailer?.close();
  await t?.close();
  await smtp?.close();
});

describe('the daily digest', () => {
  let mia: User;
  let kommunal: { id: string; slug: string }, personal: { id: string; slug: string };
  type Notified = { post: { id: string }; ids: string[] };
  let helpful: Notified, newer: Notified, chatham: Notified, replied: { id: string };
  let immediateTitle: string, offTitle: string;
  let included: string[];
  let excluded: string[];
  let mail: ReceivedMail;

  beforeAll(async () => {
    mia = await createUser(t.db, { name: 'Mia Mitglied' });
    kommunal = await createCommunity(t.db, { name: 'Digitalisierung Kommunal', chathamHouse: false, members: [{ userId: lea.id, role: 'lead' }, { userId: mia.id }] });
    personal = await createCommunity(t.db, { name: 'Personalwesen', chathamHouse: true, members: [{ userId: lea.id, role: 'lead' }, { userId: mia.id }] });
    // Kommunal: an older post many found helpful, a newer one nobody marked yet, a reply in a followed thread.
    helpful = await activityPost(kommunal.id, [mia], { title: 'Dienstvereinbarung E-Akte', body: '## Vorlage\n\nUnsere **Dienstvereinbarung** zur [E-Akte](https://example.org/da) als Muster.', helpful: 7, minutesAgo: 300 });
    newer = await activityPost(kommunal.id, [mia], { title: 'Scanprozesse im Bürgeramt', minutesAgo: 10 });
    const thread = await createPost(t.db, { communityId: kommunal.id, authorId: mia.id, title: 'Schulungskonzept gesucht' });
    replied = await createReply(t.db, { postId: thread.id, authorId: lea.id, body: 'Wir haben gute Erfahrungen mit kurzen Lernvideos gemacht.' });
    const replyIds = await notify(t.db, t.jobs, [mia.id], { kind: 'activity', action: 'reply', actorId: lea.id, communityId: kommunal.id, postId: thread.id, replyId: replied.id });
    chatham = await activityPost(personal.id, [mia], { title: 'Fachkräftegewinnung in der Verwaltung' });
    // Für Sie: a direct message, which Mia wants in her digest.
    await setKindDelivery(t.db, mia.id, 'message', 'daily');
    const conversationId = newId();
    const messageId = newId();
    await t.db.insertInto('conversations').values({ id: conversationId, pairKey: [lea.id, mia.id].sort().join(':'), createdBy: lea.id }).execute();
    await t.db.insertInto('conversationParticipants').values([{ conversationId, userId: lea.id }, { conversationId, userId: mia.id }]).execute();
    await t.db.insertInto('messages').values({ id: messageId, conversationId, authorId: lea.id, body: 'Hallo Mia, hast du kurz Zeit für einen Austausch?' }).execute();
    const messageIds = await notify(t.db, t.jobs, [mia.id], { kind: 'message', actorId: lea.id, conversationId, messageId });
    // Not in the digest: a reply to her own post (immediately by default) and a mention (she turned mentions off).
    immediateTitle = 'Sofortthema Wohngeld';
    const own = await createPost(t.db, { communityId: kommunal.id, authorId: mia.id, title: immediateTitle });
    const ownReply = await createReply(t.db, { postId: own.id, authorId: lea.id });
    const immediate = await notify(t.db, t.jobs, [mia.id], { kind: 'reply', actorId: lea.id, communityId: kommunal.id, postId: own.id, replyId: ownReply.id });
    offTitle = 'Ausgeschaltetes Vergaberecht';
    await setKindDelivery(t.db, mia.id, 'mention', 'off');
    const mentioned = await createPost(t.db, { communityId: kommunal.id, authorId: lea.id, title: offTitle });
    const off = await notify(t.db, t.jobs, [mia.id], { kind: 'mention', actorId: lea.id, communityId: kommunal.id, postId: mentioned.id });
    included = [...helpful.ids, ...newer.ids, ...replyIds, ...chatham.ids, ...messageIds];
    excluded = [...immediate, ...off];

    expect(await run()).toBeGreaterThanOrEqual(1);
    const mails = digestsTo(mia);
    expect(mails).toHaveLength(1);
    mail = mails[0]!;
  });

  it('has a German subject that says what is inside', () => {
    expect(mail.subject).toBe('Ihre tägliche Zusammenfassung: 3 neue Beiträge, 1 Antwort, 1 Benachrichtigung in Digitalisierung Kommunal und Personalwesen');
  });

  it('groups by community, personal items first, the most helpful and then the newest first', () => {
    const text = mail.text;
    expect(text).toContain('Guten Tag Mia Mitglied,');
    const forYou = text.indexOf('Für Sie\n=');
    const k = text.indexOf('Digitalisierung Kommunal\n=');
    const p = text.indexOf('Personalwesen\n=');
    expect(forYou).toBeGreaterThan(0);
    expect(k).toBeGreaterThan(forYou);
    expect(p).toBeGreaterThan(k);
    expect(section(text, 'Für Sie', 'Digitalisierung Kommunal')).toContain('Lea Leitung hat Ihnen eine Nachricht geschrieben.');
    expect(section(text, 'Für Sie', 'Digitalisierung Kommunal')).toContain('Hallo Mia, hast du kurz Zeit');
    const kommunalPart = section(text, 'Digitalisierung Kommunal', 'Personalwesen');
    const order = ['Dienstvereinbarung E-Akte', 'Schulungskonzept gesucht', 'Scanprozesse im Bürgeramt'].map((title) => kommunalPart.indexOf(`* ${title}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    // 7 helpful first; then the newest of the unmarked: the reply (just now) before the post of 10 minutes ago
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(kommunalPart).toContain('Beitrag von Lea Leitung');
    expect(kommunalPart).toContain('7 Personen fanden das hilfreich');
    expect(kommunalPart).toContain('Antwort von Lea Leitung');
    expect(kommunalPart).toContain('Wir haben gute Erfahrungen mit kurzen Lernvideos gemacht.');
    // the excerpt is plain text
    expect(kommunalPart).toContain('Vorlage Unsere Dienstvereinbarung zur E-Akte als Muster.');
    expect(kommunalPart).not.toContain('**');
    expect(kommunalPart).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/);
    expect(section(text, 'Personalwesen')).toContain('* Fachkräftegewinnung in der Verwaltung');
  });

  it('has both parts with the items and links to the app', () => {
    const base = t.config.baseUrl.toString().replace(/\/$/, '');
    const postUrl = `${base}/beitraege/${helpful.post.id}`;
    expect(mail.links).toContain(postUrl);
    expect(mail.links).toContain(`${base}/beitraege/${newer.post.id}`);
    expect(mail.links).toContain(`${base}/beitraege/${chatham.post.id}`);
    expect(mail.links.some((l) => l.includes(`antwort=${replied.id}`))).toBe(true);
    expect(mail.htmlLinks).toContain(postUrl);
    expect(mail.htmlLinks).toContain(`${base}/beitraege/${chatham.post.id}`);
    for (const title of ['Dienstvereinbarung E-Akte', 'Scanprozesse im Bürgeramt', 'Fachkräftegewinnung in der Verwaltung', 'Personalwesen', 'Für Sie']) {
      expect(mail.text).toContain(title);
      expect(mail.html).toContain(title);
    }
    for (const link of [...mail.links, ...mail.htmlLinks]) expect(link.startsWith(`${base}/`)).toBe(true);
  });

  it('carries the one-click unsubscribe headers and the same link in the footer', () => {
    const { url, post } = unsubscribeHeader(mail);
    expect(url).toMatch(/\/benachrichtigungen\/abbestellen\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(post).toBe('List-Unsubscribe=One-Click');
    const footer = mail.text.slice(mail.text.indexOf('\n-- \n'));
    expect(footer).toContain(url);
    expect(footer).toContain(new URL('/konto/benachrichtigungen', t.config.baseUrl).toString());
    expect(mail.html).toContain(url.replace(/&/g, '&amp;'));
  });

  it('shows the Chatham House notice once, under the community that has it', () => {
    const notice = 'Chatham-House-Regel';
    expect(mail.text.split(notice)).toHaveLength(2);
    expect(section(mail.text, 'Personalwesen')).toContain(notice);
    expect(section(mail.text, 'Digitalisierung Kommunal', 'Personalwesen')).not.toContain(notice);
    expect(mail.html.split(notice)).toHaveLength(2);
  });

  it('leaves out what goes immediately or not at all, and marks what it carried', async () => {
    expect(mail.text).not.toContain(immediateTitle);
    expect(mail.text).not.toContain(offTitle);
    const marks = await mailedAt(included);
    for (const id of included) expect(marks.get(id)).toBeInstanceOf(Date);
    // they are the immediate mail's business (notification-mail.ts): a mail of their own or none
    expect(smtp.to(mia.email).filter((m) => m.subject.includes(offTitle) || m.text.includes(offTitle))).toHaveLength(0);
    const log = await t.db.selectFrom('mailLog').select('key').where('key', 'in', excluded.map((id) => `n:${id}`)).execute();
    expect(log).toHaveLength(2);
  });

  it('is sent once: a second run the same day and a run the next day with nothing new send nothing', async () => {
    await run();
    await sendDigest({ db: t.db, mailer, config: t.config }, { userId: mia.id, period: 'daily', day: digestDay(new Date()) });
    expect(digestsTo(mia)).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000);
    await run('daily', tomorrow);
    expect(digestsTo(mia)).toHaveLength(1);
    const log = await t.db.selectFrom('mailLog').select(['key', 'status']).where('userId', '=', mia.id).where('kind', '=', 'digest').execute();
    expect(log).toEqual([{ key: expect.stringMatching(new RegExp(`^digest:daily:${mia.id}:\\d{4}-\\d{2}-\\d{2}$`)), status: 'sent' }]);
  });

  it('the same job run twice at the same time sends one mail', async () => {
    await activityPost(kommunal.id, [mia], { title: 'Parallel gemeldeter Beitrag' });
    const job: DigestJob = { userId: mia.id, period: 'daily', day: '2099-01-01' };
    const outcomes = await Promise.all([0, 1, 2].map(() => sendDigest({ db: t.db, mailer, config: t.config }, job)));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(digestsTo(mia).filter((m) => m.text.includes('Parallel gemeldeter Beitrag'))).toHaveLength(1);
  });
});

describe('visibility when the digest is sent', () => {
  it('a member removed from a request-only community gets no word of it; with nothing else, no digest at all', async () => {
    const rita = await createUser(t.db, { name: 'Rita Raus' });
    const rolf = await createUser(t.db, { name: 'Rolf Raus' });
    const open = await createCommunity(t.db, { name: 'Offene Runde', chathamHouse: false, members: [{ userId: lea.id, role: 'lead' }, { userId: rita.id }] });
    const closed = await createCommunity(t.db, { name: 'Geschlossene Werkstatt', visibility: 'request', chathamHouse: false, members: [{ userId: lea.id, role: 'lead' }, { userId: rita.id }, { userId: rolf.id }] });
    await activityPost(open.id, [rita], { title: 'Offener Beitrag zur Registermodernisierung' });
    const secret = await activityPost(closed.id, [rita, rolf], { title: 'Vertrauliche Haushaltsplanung', body: 'Nur für die Werkstatt: Kürzungsliste' });
    // queued before the removal
    await queueDigests({ db: t.db, jobs: t.jobs }, 'daily');
    await t.db.deleteFrom('communityMembers').where('communityId', '=', closed.id).where('userId', 'in', [rita.id, rolf.id]).execute();
    await t.jobs.drain();

    const ritas = digestsTo(rita);
    expect(ritas).toHaveLength(1);
    expect(ritas[0]!.subject).toBe('Ihre tägliche Zusammenfassung: 1 neuer Beitrag in Offene Runde');
    expect(ritas[0]!.text).toContain('Registermodernisierung');
    expect(ritas[0]!.html).toContain('Registermodernisierung');
    for (const part of [ritas[0]!.subject, ritas[0]!.text, ritas[0]!.html]) {
      expect(part).not.toContain('Vertrauliche');
      expect(part).not.toContain('Kürzungsliste');
      expect(part).not.toContain('Geschlossene Werkstatt');
    }
    expect(smtp.to(rolf.email)).toHaveLength(0);
    // never empty, and it does not come back
    const marks = await mailedAt(secret.ids);
    for (const id of secret.ids) expect(marks.get(id)).toBeInstanceOf(Date);
    await run();
    expect(smtp.to(rolf.email)).toHaveLength(0);
  });

  it('a post hidden after it was notified is left out', async () => {
    const hanna = await createUser(t.db, { name: 'Hanna Hinweis' });
    const c = await createCommunity(t.db, { name: 'Moderierte Runde', chathamHouse: false, members: [{ userId: lea.id }, { userId: hanna.id }] });
    const shown = await activityPost(c.id, [hanna], { title: 'Sichtbarer Beitrag' });
    const hidden = await activityPost(c.id, [hanna], { title: 'Später ausgeblendeter Beitrag' });
    await t.db.updateTable('posts').set({ hiddenAt: new Date(), hiddenReason: 'Spam' }).where('id', '=', hidden.post.id).execute();
    await run();
    const mails = digestsTo(hanna);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Sichtbarer Beitrag');
    expect(mails[0]!.text).not.toContain('Später ausgeblendeter');
    expect((await mailedAt(shown.ids)).get(shown.ids[0]!)).toBeInstanceOf(Date);
  });
});

describe('the weekly digest', () => {
  it('takes what is set to weekly, not the daily one; more than ten in a community are linked', async () => {
    const wera = await createUser(t.db, { name: 'Wera Woche', locale: 'de' });
    const c = await createCommunity(t.db, { name: 'Wöchentliche Runde', chathamHouse: false, members: [{ userId: lea.id }, { userId: wera.id }] });
    await setKindDelivery(t.db, wera.id, 'activity', 'weekly');
    for (let i = 1; i <= 12; i++) await activityPost(c.id, [wera], { title: `Wochenbeitrag ${String(i).padStart(2, '0')}`, minutesAgo: 24 * 60 * (i % 6) + i });

    await run('daily');
    expect(smtp.to(wera.email)).toHaveLength(0);
    await run('weekly');
    const mails = digestsTo(wera, WEEKLY);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Ihre Wochenzusammenfassung: 12 neue Beiträge in Wöchentliche Runde');
    expect(mail.text).toContain('was in der letzten Woche für Sie passiert ist');
    expect(mail.text.match(/^\* Wochenbeitrag/gm)).toHaveLength(10);
    expect(mail.text).toContain('und 2 weitere in Wöchentliche Runde');
    expect(mail.links).toContain(new URL(`/communities/${c.slug}`, t.config.baseUrl).toString());
    // newest first (no helpful marks): the one of 1 minute ago before those of days ago
    expect(mail.text.indexOf('Wochenbeitrag 06')).toBeLessThan(mail.text.indexOf('Wochenbeitrag 01'));
    await run('weekly');
    expect(digestsTo(wera, WEEKLY)).toHaveLength(1);
  });

  it('in English for people who chose English', async () => {
    const emma = await createUser(t.db, { name: 'Emma English', locale: 'en' });
    const c = await createCommunity(t.db, { name: 'Open Source Runde', chathamHouse: true, members: [{ userId: lea.id }, { userId: emma.id }] });
    await activityPost(c.id, [emma], { title: 'Nachnutzung von Fachverfahren' });
    await run();
    const mails = smtp.to(emma.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your daily digest: 1 new post in Open Source Runde');
    expect(mails[0]!.text).toContain('Post by Lea Leitung');
  });
});

describe('building', () => {
  const item = (over: Partial<NotificationItem>): NotificationItem => ({
    id: newId(), kind: 'activity', action: 'post', createdAt: new Date(), readAt: null, mailedAt: null, note: null, actorName: 'A',
    communityId: null, communitySlug: null, communityName: null, chathamHouse: false, postId: 'p', postTitle: 'T', postType: 'discussion',
    postHelpfulCount: 0, replyId: null, body: null, eventId: null, eventTitle: null, eventStartsAt: null, eventEndsAt: null, eventPlace: null,
    eventOnlineUrl: null, eventCancelMessage: null, conversationId: null, messageBody: null, ...over,
  });

  it('names at most one community and counts the others in the subject', () => {
    const t = translator('de');
    const inC = (n: number, name: string, count: number) => Array.from({ length: count }, () => item({ communityId: `c${n}`, communityName: name, communitySlug: `c${n}` }));
    const groups = groupDigestItems([...inC(1, 'Digitalisierung Kommunal', 3), ...inC(2, 'Eine Community mit einem sehr langen Namen, der nicht passt', 1), ...inC(3, 'Dritte', 1)]);
    expect(digestSummary(t, groups)).toBe('5 neue Beiträge in Digitalisierung Kommunal und 2 weiteren Communities');
    const two = groupDigestItems([...inC(1, 'Digitalisierung Kommunal', 2), ...inC(2, 'Eine Community mit einem sehr langen Namen, der nicht passt', 1)]);
    expect(digestSummary(t, two)).toBe('3 neue Beiträge in Digitalisierung Kommunal und 1 weiteren Community');
    expect(digestSummary(t, groupDigestItems([item({ kind: 'message', postId: null })]))).toBe('1 Benachrichtigung');
  });

  it('makes a short plain-text excerpt of Markdown', () => {
    expect(plainExcerpt('# Titel\n\n- **fett** und _kursiv_\n- [Link](https://x.example) `code`\n\n> Zitat')).toBe('Titel fett und kursiv Link code Zitat');
    const long = plainExcerpt('Wort '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(202);
    expect(long.endsWith(' …')).toBe(true);
  });

  it('buildAllDigests builds without sending or marking', async () => {
    const bea = await createUser(t.db, { name: 'Bea Bench' });
    const c = await createCommunity(t.db, { name: 'Bench-Runde', chathamHouse: false, members: [{ userId: lea.id }, { userId: bea.id }] });
    const { ids } = await activityPost(c.id, [bea], { title: 'Gebauter Beitrag' });
    const before = smtp.received.length;
    const result = await buildAllDigests(t.db, 'daily', new Date(), { config: t.config });
    expect(result.users).toBeGreaterThanOrEqual(1);
    expect(result.mails).toBeGreaterThanOrEqual(1);
    expect(result.totalItems).toBeGreaterThanOrEqual(1);
    expect(smtp.received.length).toBe(before);
    expect((await mailedAt(ids)).get(ids[0]!)).toBeNull();
    const due = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${bea.id} and mailed_at is null`.execute(t.db);
    expect(due.rows[0]!.n).toBe(1);
  });
});
