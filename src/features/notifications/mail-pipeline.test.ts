/**
 * The mail pipeline end to end, with a real SMTP server in the test process: notification
 * mails composed when sent, RFC 8058 one-click unsubscribe, mailing-list mode, an SMTP outage
 * survived with retries and without duplicates, failures shown to admins, and visibility
 * checked again when a mail is sent (a removed member gets nothing, also from mails queued
 * before the removal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { createCommunity } from '../../../test/helpers/communities.js';
import { startTestSmtp, type TestSmtp } from '../../../test/helpers/smtp.js';
import { TestClient } from '../../../test/helpers/client.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { createMailer } from '../../mail/mailer.js';
import { notify } from './notify.js';
import { setCommunityDelivery } from './kinds.js';
import { sendNotificationMails } from './notification-mail.js';

type User = Awaited<ReturnType<typeof createUser>>;

let smtp: TestSmtp;
let t: TestApp;
const tokens = new Map<string, string>();

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function api(user: User, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  let secret = tokens.get(user.id);
  if (!secret) {
    secret = newSecret();
    await t.db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Test', tokenHash: sha256(secret), scopes: ['read', 'write'] }).execute();
    tokens.set(user.id, secret);
  }
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

async function post(user: User, slug: string, title: string, type = 'discussion'): Promise<string> {
  const res = await api(user, 'POST', `/api/v1/communities/${slug}/posts`, { type, title, body: `Text von ${user.name} zu ${title}.` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function reply(user: User, postId: string, body: string): Promise<string> {
  const res = await api(user, 'POST', `/api/v1/posts/${postId}/replies`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A header as sent (mailparser turns List-* headers into a structure; we check the wire). */
const header = (mail: { raw: string }, name: string): string | undefined => {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
};

describe('a notification mail, sent at once', () => {
  it('arrives by SMTP with both parts, links, a reply address, one-click unsubscribe headers and the Chatham House notice', async () => {
    const [asker, helper] = await Promise.all([createUser(t.db, { name: 'Anna Fragend' }), createUser(t.db, { name: 'Bernd Hilfreich' })]);
    const community = await createCommunity(t.db, { name: 'E-Akte Kommunal', visibility: 'request', chathamHouse: true, members: [{ userId: asker.id }, { userId: helper.id }] });
    const question = await post(asker, community.slug, 'Wie migrieren wir Altakten?', 'question');
    const replyId = await reply(helper, question, 'Wir haben mit einem **Scan-Dienstleister** gearbeitet.');
    await t.jobs.drain();

    const mails = smtp.to(asker.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Neue Antwort auf Ihre Frage „Wie migrieren wir Altakten?“');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Bernd Hilfreich');
      expect(part).toContain('Scan-Dienstleister');
      expect(part).toContain('Chatham-House-Regel');
    }
    const open = `${t.config.baseUrl.origin}/beitraege/${question}?antwort=${replyId}#antwort-${replyId}`;
    expect(mail.links).toContain(open);
    expect(mail.htmlLinks).toContain(open);
    // RFC 8058: the link in the header is a POST target, the same link is in the footer of both parts
    const unsubscribe = header(mail, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1(:\d+)?\/benachrichtigungen\/abbestellen\/[\w-]+\.[\w-]+>$/);
    const url = unsubscribe!.slice(1, -1);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.links).toContain(url);
    expect(mail.htmlLinks).toContain(url);
    expect(mail.replyTo).toMatch(new RegExp(`^antwort\\+${question}\\.${asker.id}\\.[\\w-]+@127\\.0\\.0\\.1$`));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@127\.0\.0\.1>$/);
    expect(header(mail, 'Auto-Submitted')).toBe('auto-generated');
    // the helper wrote it and hears nothing of their own reply
    expect(smtp.to(helper.email)).toHaveLength(0);

    // One click, as a mail program does it: a POST without cookie or CSRF token.
    const path = new URL(url).pathname;
    const click = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(click.statusCode, click.body).toBe(200);
    await reply(helper, question, 'Noch ein Nachtrag.');
    await t.jobs.drain();
    expect(smtp.to(asker.email)).toHaveLength(1);
    // in the platform the notification is still there
    const kinds = await t.db.selectFrom('notifications').select('kind').where('userId', '=', asker.id).execute();
    expect(kinds.map((k) => k.kind)).toEqual(['answer', 'answer']);
  });

  it('says nothing about the Chatham House rule where the community does not have it', async () => {
    const [author, other] = await Promise.all([createUser(t.db), createUser(t.db)]);
    const community = await createCommunity(t.db, { visibility: 'open', chathamHouse: false, members: [{ userId: author.id }, { userId: other.id }] });
    const id = await post(author, community.slug, 'Offene Frage ohne Regel');
    await reply(other, id, 'Eine Antwort.');
    await t.jobs.drain();
    const [mail] = smtp.to(author.email);
    expect(mail?.subject).toBe('Neue Antwort auf „Offene Frage ohne Regel“');
    expect(mail?.text).not.toContain('Chatham');
    expect(mail?.html).not.toContain('Chatham');
  });
});

describe('mailing-list mode', () => {
  it('mails every new post and reply of the community, with a list id and a reply address; not to their authors, not twice', async () => {
    const [lead, listReader, writer] = await Promise.all([createUser(t.db), createUser(t.db, { name: 'Lisa Liste' }), createUser(t.db, { name: 'Walter Schreiber' })]);
    const community = await createCommunity(t.db, { name: 'Vergabe', visibility: 'request', chathamHouse: false, members: [{ userId: lead.id, role: 'lead' }, { userId: listReader.id }, { userId: writer.id }] });
    await t.db.insertInto('communityFollows').values([{ communityId: community.id, userId: listReader.id }]).execute();
    await setCommunityDelivery(t.db, listReader.id, community.id, 'all');
    const id = await post(writer, community.slug, 'Rahmenverträge für Software');
    await reply(lead, id, 'Wir nutzen den Rahmenvertrag des Landes.');
    await t.jobs.drain();

    const mails = smtp.to(listReader.email).sort((a, b) => a.subject.localeCompare(b.subject));
    expect(mails.map((m) => m.subject)).toEqual(['[Vergabe] Rahmenverträge für Software', 'Re: [Vergabe] Rahmenverträge für Software']);
    expect(mails[0]!.text).toContain('Walter Schreiber schrieb:');
    expect(mails[1]!.text).toContain('Rahmenvertrag des Landes');
    for (const mail of mails) {
      expect(header(mail, 'List-Id')).toContain(`${community.slug}.`);
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.replyTo).toMatch(new RegExp(`^antwort\\+${id}\\.${listReader.id}\\.`));
    }
    // the author of the post is not sent their own post
    expect(smtp.to(writer.email).map((m) => m.subject)).not.toContain('[Vergabe] Rahmenverträge für Software');
    // the activity notification exists in the platform, but its mail is the list mail
    const rows = await t.db.selectFrom('notifications').select(['kind', 'mailedAt']).where('userId', '=', listReader.id).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.mailedAt !== null)).toBe(true);
  });
});

describe('a member removed from a community', () => {
  it('receives no mail with its content from then on, including mails already queued', async () => {
    const [lead, removed, stays, writer] = await Promise.all([createUser(t.db), createUser(t.db), createUser(t.db), createUser(t.db)]);
    const community = await createCommunity(t.db, {
      name: 'Personalrat intern',
      visibility: 'request',
      chathamHouse: false,
      members: [{ userId: lead.id, role: 'lead' }, { userId: removed.id }, { userId: stays.id }, { userId: writer.id }],
    });
    await t.db.insertInto('communityFollows').values([removed, stays].map((u) => ({ communityId: community.id, userId: u.id }))).execute();
    for (const u of [removed, stays]) await setCommunityDelivery(t.db, u.id, community.id, 'all');
    const own = await post(removed, community.slug, 'Frage der bald Entfernten');
    await t.jobs.drain();
    const before = smtp.to(removed.email).length;

    // queued, not yet sent: a list mail of a new post, a reply to the member's own post, a mention
    await post(writer, community.slug, 'Vertrauliche Dienstvereinbarung');
    await reply(writer, own, 'Antwort auf die Frage, vertraulich.');
    await t.db.transaction().execute((trx) => notify(trx, t.jobs, [removed.id], { kind: 'mention', actorId: writer.id, communityId: community.id, postId: own }));
    // Removed by hand, leaving the follow and the mailing-list setting behind: the check when
    // sending must hold by itself (the lead's removal also deletes those).
    await t.db.deleteFrom('communityMembers').where('communityId', '=', community.id).where('userId', '=', removed.id).execute();
    await t.jobs.drain();

    expect(smtp.to(removed.email)).toHaveLength(before);
    // the mails went out to the others: the pipeline did run
    expect(smtp.to(stays.email).map((m) => m.subject)).toContain('[Personalrat intern] Vertrauliche Dienstvereinbarung');

    // and from then on
    await post(writer, community.slug, 'Noch ein Beitrag');
    await t.jobs.drain();
    expect(smtp.to(removed.email)).toHaveLength(before);
    expect(smtp.received.filter((m) => m.envelopeTo.includes(removed.email)).some((m) => m.text.includes('vertraulich'))).toBe(false);
  });
});

describe('when the SMTP server fails', () => {
  it('retries with backoff, sends each mail once, and shows the failure to admins until it is sent', async () => {
    const local = await startTestSmtp();
    const app = await createTestApp({ env: { SMTP_URL: local.url }, retryDelaySeconds: 1 });
    try {
      const [member, admin, office] = await Promise.all([createUser(app.db), createUser(app.db, { role: 'admin' }), createUser(app.db, { role: 'office' })]);
      const community = await createCommunity(app.db, { name: 'Ausfallsicher', members: [{ userId: member.id }] });
      local.down();
      await app.db.transaction().execute((trx) => notify(trx, app.jobs, [member.id], { kind: 'membership_decision', action: 'approved', communityId: community.id }));
      await app.jobs.drain();
      expect(local.received).toHaveLength(0);
      expect(local.refused).toBeGreaterThan(0);
      const failed = await app.db.selectFrom('mailLog').selectAll().where('status', '=', 'failed').execute();
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ userId: member.id, kind: 'membership_decision', subject: 'Ihre Mitgliedschaft in Ausfallsicher' });
      expect(failed[0]!.error).toMatch(/421|not available/i);

      const adminClient = new TestClient(app.app);
      await adminClient.signIn(admin.email, admin.password);
      const page = await adminClient.get('/geschaeftsstelle/mails');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Ihre Mitgliedschaft in Ausfallsicher');
      expect(page.body).toContain(member.name);
      expect(page.body).not.toContain(member.email);
      const officeClient = new TestClient(app.app);
      await officeClient.signIn(office.email, office.password);
      expect((await officeClient.get('/geschaeftsstelle/mails')).statusCode).toBe(404);

      local.up();
      // the job comes back after its retry delay; wait for it without asserting a time
      for (let i = 0; i < 20 && local.received.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await app.jobs.drain();
      }
      expect(local.received).toHaveLength(1);
      expect(local.received[0]!.subject).toBe('Ihre Mitgliedschaft in Ausfallsicher');
      await app.jobs.drain();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await app.jobs.drain();
      expect(local.received).toHaveLength(1);
      const row = await app.db.selectFrom('mailLog').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect((await adminClient.get('/geschaeftsstelle/mails')).body).not.toContain('Ihre Mitgliedschaft in Ausfallsicher');
    } finally {
      await app.close();
      await local.close();
    }
  });

  it('sends a mail once when the same job is handled twice at the same time', async () => {
    const member = await createUser(t.db);
    const community = await createCommunity(t.db, { name: 'Doppelt hält nicht besser', members: [{ userId: member.id }] });
    const [id] = await t.db.transaction().execute((trx) => notify(trx, t.jobs, [member.id], { kind: 'membership_decision', action: 'approved', communityId: community.id }));
    const mailer = createMailer({ smtpUrl: smtp.url, from: t.config.MAIL_FROM, outboxDir: t.config.outboxDir });
    const deps = { db: t.db, mailer, config: t.config };
    const results = await Promise.all(Array.from({ length: 5 }, () => sendNotificationMails(deps, { ids: [id!] })));
    mailer.close();
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    await t.jobs.drain();
    expect(smtp.to(member.email).filter((m) => m.subject === 'Ihre Mitgliedschaft in Doppelt hält nicht besser')).toHaveLength(1);
  });
});
