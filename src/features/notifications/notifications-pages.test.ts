/**
 * Notification pages against the real app and database: the bell's count in every page
 * header, the list (allowed, anonymous, someone else's id), marking read, paging, a
 * notification about a request-only community disappearing when membership ends, the mail
 * settings page (422 with the input kept), unsubscribe links (GET changes nothing, a one-click
 * POST without cookies or CSRF token unsubscribes, a forged token changes nothing), the
 * community page's mail line and join flash, and the live stream of the unread count over real
 * HTTP, within one app instance and across two on the same database.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities } from '../../../test/helpers/client.js';
import { createUser } from '../../../test/helpers/factories.js';
import { addMembers, createCommunity, createPost } from '../../../test/helpers/communities.js';
import { buildApp } from '../../app.js';
import { freePort } from '../../db/connect.js';
import { createMailer } from '../../mail/mailer.js';
import { createSession } from '../../http/actor.js';
import { unsubscribeToken } from '../../mail/unsubscribe.js';
import { notify, type NotificationFacts } from './notify.js';
import { kindSettings } from './kinds.js';
import { NOTIFICATION_PAGE_SIZE } from './notifications.repo.js';

let t: TestApp;
type User = Awaited<ReturnType<typeof createUser>>;
let ana: User;
let ben: User;
let community: Awaited<ReturnType<typeof createCommunity>>;
let post: Awaited<ReturnType<typeof createPost>>;

async function signedIn(user: User): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.signIn(user.email, user.password);
  return client;
}

function make(recipients: string[], facts: Partial<NotificationFacts> = {}): Promise<string[]> {
  return t.db.transaction().execute((trx) =>
    notify(trx, t.jobs, recipients, { kind: 'activity', action: 'post', actorId: ben.id, communityId: community.id, postId: post.id, ...facts }),
  );
}

/** The number in the bell of a page ("Benachrichtigungen, 3 ungelesen"), 0 without one. */
function bellCount(html: string): number {
  const match = /data-kp-bell-text[^>]*>([^<]*)</.exec(html);
  const digits = match?.[1]?.replace(/\D/g, '') ?? '';
  return digits ? Number(digits) : 0;
}

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  ana = await createUser(t.db, { name: 'Ana Anders' });
  ben = await createUser(t.db, { name: 'Ben Beispiel' });
  community = await createCommunity(t.db, { name: 'Digitale Akte', visibility: 'open', members: [{ userId: ana.id }, { userId: ben.id }] });
  post = await createPost(t.db, { communityId: community.id, authorId: ben.id, title: 'E-Akte im Ordnungsamt' });
});
afterAll(() => t?.close());

describe('the list and the bell', () => {
  it('shows a person their notifications, newest first, with the unread count in the header; anonymous people sign in first', async () => {
    const [first] = await make([ana.id]);
    await make([ana.id], { kind: 'mention' });
    const client = await signedIn(ana);
    const page = await client.get('/benachrichtigungen');
    expect(page.statusCode).toBe(200);
    const html = decodeEntities(page.body);
    expect(html).toContain('Ben Beispiel hat Sie in „E-Akte im Ordnungsamt“ erwähnt.');
    expect(html).toContain('Neuer Beitrag in Digitale Akte: „E-Akte im Ordnungsamt“ von Ben Beispiel.');
    expect(html.indexOf('erwähnt')).toBeLessThan(html.indexOf('Neuer Beitrag in'));
    expect(html).toContain('>Ungelesen<');
    expect(html).toContain(`href="/benachrichtigungen/${first}"`);
    expect(bellCount(html)).toBe(2);
    // every page's header counts, e.g. the account page
    expect(bellCount((await client.get('/konto')).body)).toBe(2);

    const anonymous = await new TestClient(t.app).get('/benachrichtigungen');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/anmelden?next=%2Fbenachrichtigungen');
    await client.post('/benachrichtigungen/gelesen');
  });

  it('opens a notification: marks it read and leads to the post; someone else’s id is 404 and stays unread', async () => {
    const [id] = await make([ana.id]);
    const other = await signedIn(ben);
    expect((await other.get(`/benachrichtigungen/${id}`)).statusCode).toBe(404);
    expect((await t.db.selectFrom('notifications').select('readAt').where('id', '=', id!).executeTakeFirstOrThrow()).readAt).toBeNull();
    expect((await other.get('/benachrichtigungen/gibt-es-nicht')).statusCode).toBe(404);

    const client = await signedIn(ana);
    const res = await client.get(`/benachrichtigungen/${id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/beitraege/${post.id}`);
    expect((await t.db.selectFrom('notifications').select('readAt').where('id', '=', id!).executeTakeFirstOrThrow()).readAt).not.toBeNull();
  });

  it('marks all read with a CSRF-protected form; the filter shows only unread ones, and the empty state says so', async () => {
    await make([ana.id]);
    await make([ana.id]);
    const client = await signedIn(ana);
    const list = await client.get('/benachrichtigungen?ungelesen=1');
    expect(bellCount(list.body)).toBeGreaterThanOrEqual(2);
    expect((await client.post('/benachrichtigungen/gelesen', {}, { csrf: 'falsch' })).statusCode).toBe(403);
    const done = await client.post('/benachrichtigungen/gelesen');
    expect(done.statusCode).toBe(303);
    const after = await client.get('/benachrichtigungen?ungelesen=1');
    expect(decodeEntities(after.body)).toContain('Alle Benachrichtigungen sind als gelesen markiert.');
    expect(decodeEntities(after.body)).toContain('Keine ungelesenen Benachrichtigungen');
    expect(bellCount(after.body)).toBe(0);
    expect(after.body).not.toContain('Alle als gelesen markieren');
  });

  it('pages with a cursor ("Ältere"), the page size capped', async () => {
    const carl = await createUser(t.db);
    await addMembers(t.db, community.id, [{ userId: carl.id }]);
    const total = NOTIFICATION_PAGE_SIZE + 5;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < total; i++) await notify(trx, t.jobs, [carl.id], { kind: 'activity', action: 'post', actorId: ben.id, communityId: community.id, postId: post.id });
    });
    // distinct times, so that the order is the creation order
    await sql`update notifications set created_at = now() - (interval '1 minute' * (select count(*) from notifications n2 where n2.user_id = notifications.user_id and n2.id > notifications.id)) where user_id = ${carl.id}`.execute(t.db);
    const client = await signedIn(carl);
    const first = await client.get('/benachrichtigungen');
    const links = (html: string) => [...html.matchAll(/href="\/benachrichtigungen\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
    expect(links(first.body)).toHaveLength(NOTIFICATION_PAGE_SIZE);
    const older = /href="([^"]*nach=[^"]*)" rel="next">Ältere</.exec(first.body)?.[1];
    expect(older).toBeDefined();
    const second = await client.get(decodeEntities(older!));
    expect(links(second.body)).toHaveLength(5);
    expect(new Set([...links(first.body), ...links(second.body)]).size).toBe(total);
    expect(second.body).not.toContain('rel="next"');
    expect(decodeEntities(second.body)).toContain('Zu den neuesten');
    // a broken cursor is ignored, not an error
    expect((await client.get('/benachrichtigungen?nach=kaputt')).statusCode).toBe(200);
  });

  it('a notification about a post in a request-only community disappears from the list, the count and the API once the member is removed', async () => {
    const dora = await createUser(t.db, { name: 'Dora Dorn' });
    const closed = await createCommunity(t.db, { name: 'Geschlossene Runde', visibility: 'request', members: [{ userId: dora.id }, { userId: ben.id, role: 'lead' }] });
    const secret = await createPost(t.db, { communityId: closed.id, authorId: ben.id, title: 'Vertrauliche Planung' });
    await make([dora.id], { communityId: closed.id, postId: secret.id });
    const client = await signedIn(dora);
    expect(decodeEntities((await client.get('/benachrichtigungen')).body)).toContain('Vertrauliche Planung');
    expect(bellCount((await client.get('/benachrichtigungen')).body)).toBe(1);
    expect((await client.api('GET', '/api/v1/notifications')).json().items).toHaveLength(1);

    await t.db.deleteFrom('communityMembers').where('communityId', '=', closed.id).where('userId', '=', dora.id).execute();
    const after = await client.get('/benachrichtigungen');
    expect(after.body).not.toContain('Vertrauliche Planung');
    expect(bellCount(after.body)).toBe(0);
    const api = (await client.api('GET', '/api/v1/notifications')).json();
    expect(api.items).toHaveLength(0);
    expect(api.unreadCount).toBe(0);
  });
});

describe('mail settings', () => {
  it('shows a choice per kind and per community, saves them (303 with a flash), and keeps every value with a 422 for an invalid one', async () => {
    const erik = await createUser(t.db);
    const followed = await createCommunity(t.db, { name: 'Gefolgte Community', visibility: 'open' });
    await addMembers(t.db, community.id, [{ userId: erik.id }]);
    await t.db.insertInto('communityFollows').values({ communityId: followed.id, userId: erik.id }).execute();
    const client = await signedIn(erik);
    const page = await client.get('/konto/benachrichtigungen');
    expect(page.statusCode).toBe(200);
    const html = decodeEntities(page.body);
    expect(html).toContain(`id="community-${community.slug}"`);
    expect(html).toContain(`id="community-${followed.slug}"`);
    expect(html).toContain('Wie „Neues in Communities“ (Tägliche Zusammenfassung)');

    const bad = await client.post('/konto/benachrichtigungen', { 'kind-reply': 'weekly', 'kind-mention': 'sometimes', [`community-${community.slug}`]: 'all' });
    expect(bad.statusCode).toBe(422);
    const badHtml = decodeEntities(bad.body);
    expect(badHtml).toMatch(/id="f-kind-mention-error"[\s\S]*Bitte wählen Sie eine der angebotenen Möglichkeiten./);
    expect(badHtml).toContain('href="#f-kind-mention">Erwähnungen: Bitte wählen');
    expect(badHtml).toMatch(/<select[^>]*name="kind-reply"[\s\S]*?<option value="weekly" selected/);
    expect(badHtml).toMatch(new RegExp(`<select[^>]*name="community-${community.slug}"[\\s\\S]*?<option value="all" selected`));
    expect((await kindSettings(t.db, erik.id)).reply).toBe('immediate');

    const ok = await client.post('/konto/benachrichtigungen', { 'kind-reply': 'weekly', 'kind-mention': 'off', [`community-${community.slug}`]: 'all', [`community-${followed.slug}`]: 'default' });
    expect(ok.statusCode).toBe(303);
    const kinds = await kindSettings(t.db, erik.id);
    expect(kinds.reply).toBe('weekly');
    expect(kinds.mention).toBe('off');
    const rows = await t.db.selectFrom('communityMailSettings').select(['communityId', 'delivery']).where('userId', '=', erik.id).execute();
    expect(rows).toEqual([{ communityId: community.id, delivery: 'all' }]);
    expect(decodeEntities((await client.get('/konto/benachrichtigungen')).body)).toContain('Ihre Mail-Einstellungen sind gespeichert.');
    expect((await new TestClient(t.app).get('/konto/benachrichtigungen')).statusCode).toBe(303);
  });

  it('the community page tells a member how its mails reach them, and joining says so in the flash', async () => {
    const fritz = await createUser(t.db);
    const client = await signedIn(fritz);
    const joined = await client.post(`/communities/${community.slug}/mitgliedschaft`, {});
    expect(joined.statusCode).toBe(303);
    const page = decodeEntities((await client.get(`/communities/${community.slug}`)).body);
    expect(page).toContain('Sie sind jetzt Mitglied der Community. Mails aus dieser Community: Tägliche Zusammenfassung.');
    expect(page).toContain('Mails aus dieser Community: Tägliche Zusammenfassung · ');
    expect(page).toContain(`href="/konto/benachrichtigungen#community-${community.slug}"`);
  });
});

describe('unsubscribe links', () => {
  const secret = () => t.config.sessionSecret;

  it('GET shows one button and changes nothing; a one-click POST without cookies or CSRF token unsubscribes', async () => {
    const gina = await createUser(t.db);
    const token = unsubscribeToken(secret(), gina.id, { kind: 'mention' });
    const anonymous = new TestClient(t.app);
    const page = await anonymous.get(`/benachrichtigungen/abbestellen/${token}`);
    expect(page.statusCode).toBe(200);
    expect(decodeEntities(page.body)).toContain('Keine Mails mehr für „Erwähnungen“ erhalten?');
    expect(page.body).toMatch(/<button[^>]*type="submit"/);
    expect((await kindSettings(t.db, gina.id)).mention).toBe('immediate');

    // as a mail program sends it (RFC 8058): urlencoded, no cookie, no token
    const res = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Abbestellt.');
    expect((await kindSettings(t.db, gina.id)).mention).toBe('off');

    // multipart works too; the community scope turns that community off
    const communityToken = unsubscribeToken(secret(), gina.id, { communityId: community.id });
    const form = new FormData();
    form.append('List-Unsubscribe', 'One-Click');
    const multipart = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/${communityToken}`, { method: 'POST', body: form });
    expect(multipart.status).toBe(200);
    expect((await t.db.selectFrom('communityMailSettings').select('delivery').where('userId', '=', gina.id).where('communityId', '=', community.id).executeTakeFirstOrThrow()).delivery).toBe('off');
  });

  it('the digest scope turns off every kind and community that goes out as a digest', async () => {
    const hans = await createUser(t.db);
    const other = await createCommunity(t.db, { visibility: 'open' });
    await t.db.insertInto('communityMailSettings').values([{ userId: hans.id, communityId: community.id, delivery: 'weekly' }, { userId: hans.id, communityId: other.id, delivery: 'all' }]).execute();
    const res = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/${unsubscribeToken(secret(), hans.id, { digest: true })}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    const kinds = await kindSettings(t.db, hans.id);
    expect(kinds.activity).toBe('off');
    expect(kinds.accepted).toBe('off');
    expect(kinds.membership_request).toBe('off');
    expect(kinds.reply).toBe('immediate');
    const rows = await t.db.selectFrom('communityMailSettings').select(['communityId', 'delivery']).where('userId', '=', hans.id).orderBy('delivery').execute();
    expect(Object.fromEntries(rows.map((r) => [r.communityId, r.delivery]))).toEqual({ [community.id]: 'off', [other.id]: 'all' });
  });

  it('a forged token is 404 and changes nothing', async () => {
    const ida = await createUser(t.db);
    const forged = unsubscribeToken('some-other-secret-some-other-secret-0000', ida.id, { kind: 'reply' });
    const page = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/${forged}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Dieser Abmeldelink ist ungültig.');
    const res = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/${forged}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(404);
    const broken = await fetch(`${t.baseUrl}/benachrichtigungen/abbestellen/kaputt.${'x'.repeat(150)}`, { method: 'POST' });
    expect(broken.status).toBe(404);
    expect(await t.db.selectFrom('notificationSettings').select('kind').where('userId', '=', ida.id).execute()).toEqual([]);
  });
});

// --- the live stream ------------------------------------------------------------------------

/** A signed session cookie for `user`, as the browser would send it. */
async function sessionCookie(app: FastifyInstance, user: User): Promise<string> {
  const session = await createSession(t.db, user.id, { userAgent: 'test', ip: '127.0.0.1', ttlDays: 1 });
  return `kp_session=${app.signCookie(session.secret)}`;
}

/** Opens the event stream; `next()` answers the next unread count that arrives. */
async function openStream(baseUrl: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/benachrichtigungen/live`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<number> {
      for (;;) {
        const match = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return (JSON.parse(match[1]!) as { count: number }).count;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close() {
      controller.abort();
    },
  };
}

describe('live unread count (Server-Sent Events)', () => {
  it('sends the count at connect and again when a notification is made for the person (and only for them)', async () => {
    const jana = await createUser(t.db);
    const stream = await openStream(t.baseUrl, await sessionCookie(t.app, jana));
    try {
      expect(await stream.next()).toBe(0);
      await make([ana.id]); // someone else: nothing arrives for jana
      await make([jana.id]);
      expect(await stream.next()).toBe(1);
      await make([jana.id], { kind: 'mention' });
      expect(await stream.next()).toBe(2);
    } finally {
      stream.close();
    }
    const anonymous = await fetch(`${t.baseUrl}/benachrichtigungen/live`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
  });

  it('reaches a stream on another app instance on the same database, both ways', async () => {
    const kai = await createUser(t.db);
    const { name } = (await sql<{ name: string }>`select current_database() as name`.execute(t.db)).rows[0]!;
    const url = new URL(inject('adminUrl'));
    url.pathname = `/${name}`;
    const port = await freePort();
    const config = { ...t.config, PORT: port };
    const mailer = createMailer({ smtpUrl: '', from: config.MAIL_FROM, outboxDir: config.outboxDir });
    const second = await buildApp({ config, db: t.db, mailer, jobs: t.jobs, databaseUrl: url.toString() }, { logger: false });
    await second.listen({ port, host: '127.0.0.1' });
    try {
      const stream = await openStream(`http://127.0.0.1:${port}`, await sessionCookie(second, kai));
      expect(await stream.next()).toBe(0);
      await make([kai.id]);
      expect(await stream.next()).toBe(1);
      // marked read through the first instance's API: the second instance's stream hears it
      const client = new TestClient(t.app);
      await client.signIn(kai.email, kai.password);
      const read = await client.api('POST', '/api/v1/notifications/read', { all: true });
      expect(read.json()).toEqual({ updated: 1, unreadCount: 0 });
      expect(await stream.next()).toBe(0);
      stream.close();
    } finally {
      await second.close(); // ends open streams and the listening connection
      mailer.close();
    }
  });
});
