/**
 * Direct messages against the real app and database: who may write to whom (verified members,
 * partners with a shared community, never applicants, never oneself), conversations that exist
 * only for their two participants (404 for everyone else, pages and API), blocks in both
 * directions, reports to the office with the audit log, one conversation per pair even for
 * parallel first messages, unread counts, the notification of the recipient, forms (422, input
 * kept) and API validation ({ code, message }), length limits and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, fieldError, decodeEntities } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createCommunity } from '../../../test/helpers/communities.js';
import type { Role } from '../../db/schema.js';
import { writeRefusal } from './messages.policy.js';
import { writableTo, writeFacts, pairKeyOf } from './messages.repo.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';

let t: TestApp;
type U = Awaited<ReturnType<typeof createUser>>;
const people: Record<string, U> = {};

async function person(key: string, role: Role = 'member', name?: string): Promise<U> {
  const u = await createUser(t.db, { role, name: name ?? `${key[0]!.toUpperCase()}${key.slice(1)} Test` });
  people[key] = u;
  return u;
}

async function client(u?: U): Promise<TestClient> {
  const c = new TestClient(t.app);
  if (u) await c.signIn(u.email, TEST_PASSWORD);
  else await c.get('/anmelden');
  return c;
}

/** Starts a conversation through the API; answers its id. */
async function start(from: TestClient, to: U, body = 'Hallo!'): Promise<string> {
  const res = await from.api('POST', '/api/v1/conversations', { recipientId: to.id, body });
  expect([200, 201], res.body).toContain(res.statusCode);
  return (res.json() as { id: string }).id;
}

const messageCount = async (conversationId: string) =>
  (await t.db.selectFrom('messages').select(sql<number>`count(*)::int`.as('n')).where('conversationId', '=', conversationId).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  t = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 200 } });
  await person('ana', 'member', 'Ana Amsel');
  await person('ben', 'member', 'Ben Buchfink');
  await person('carl', 'member', 'Carl Kranich');
  await person('pia', 'partner', 'Pia Partnerin');
  await person('paul', 'partner', 'Paul Partner');
  await person('anton', 'applicant', 'Anton Antrag');
  await person('olga', 'office', 'Olga Office');
  // Ana and Pia share a community that allows partners; Paul is in one without Ana.
  await createCommunity(t.db, { partnersAllowed: true, members: [{ userId: people.ana!.id }, { userId: people.pia!.id }] });
  await createCommunity(t.db, { partnersAllowed: true, members: [{ userId: people.paul!.id }] });
});
afterAll(async () => t?.close());

describe('who may write to whom', () => {
  it('verified members write to each other; the first message creates the conversation, the next reuses it', async () => {
    const ana = await client(people.ana);
    const first = await ana.api('POST', '/api/v1/conversations', { recipientId: people.ben!.id, body: 'Hallo Ben' });
    expect(first.statusCode).toBe(201);
    const conv = first.json() as { id: string; otherPerson: { id: string; name: string }; canWrite: boolean; lastMessage: { excerpt: string; fromMe: boolean } };
    expect(conv.otherPerson).toEqual({ id: people.ben!.id, name: 'Ben Buchfink' });
    expect(conv.canWrite).toBe(true);
    expect(conv.lastMessage).toEqual({ excerpt: 'Hallo Ben', fromMe: true });
    const again = await ana.api('POST', '/api/v1/conversations', { recipientId: people.ben!.id, body: 'Noch etwas' });
    expect(again.statusCode).toBe(200);
    expect((again.json() as { id: string }).id).toBe(conv.id);
    const row = await t.db.selectFrom('conversations').select('pairKey').where('id', '=', conv.id).executeTakeFirstOrThrow();
    expect(row.pairKey).toBe(pairKeyOf(people.ana!.id, people.ben!.id));
    expect(await messageCount(conv.id)).toBe(2);
  });

  it('partners write with people who share an active community with them, and nobody else', async () => {
    const pia = await client(people.pia);
    const ana = await client(people.ana);
    const carl = await client(people.carl);
    const paul = await client(people.paul);
    // Pia and Ana share a community: both directions.
    const id = await start(pia, people.ana!, 'Von Pia');
    const back = await ana.api('POST', `/api/v1/conversations/${id}/messages`, { body: 'Antwort von Ana' });
    expect(back.statusCode).toBe(201);
    // Pia does not see Carl at all (the people rule): 404, like someone who does not exist.
    const toCarl = await pia.api('POST', '/api/v1/conversations', { recipientId: people.carl!.id, body: 'Hallo' });
    expect(toCarl.statusCode).toBe(404);
    expect((await pia.api('POST', '/api/v1/conversations', { recipientId: newId(), body: 'Hallo' })).statusCode).toBe(404);
    // Carl sees Pia's profile but shares no community with her: refused with a reason.
    const toPia = await carl.api('POST', '/api/v1/conversations', { recipientId: people.pia!.id, body: 'Hallo' });
    expect(toPia.statusCode).toBe(403);
    expect(toPia.json()).toMatchObject({ code: 'message_not_allowed', message: expect.stringContaining('keine Nachrichten') });
    // Partners without a shared community: not even visible.
    expect((await paul.api('POST', '/api/v1/conversations', { recipientId: people.pia!.id, body: 'Hallo' })).statusCode).toBe(404);
    expect((await paul.api('POST', '/api/v1/conversations', { recipientId: people.ana!.id, body: 'Hallo' })).statusCode).toBe(404);
    // The profile page offers "Nachricht schreiben" exactly where writing is allowed.
    expect((await ana.get(`/mitglieder/${people.pia!.id}`)).body).toContain(`/nachrichten/neu?an=${people.pia!.id}`);
    expect((await carl.get(`/mitglieder/${people.pia!.id}`)).body).not.toContain('/nachrichten/neu?an=');
    expect((await carl.get(`/mitglieder/${people.ben!.id}`)).body).toContain(`/nachrichten/neu?an=${people.ben!.id}`);
    expect((await carl.get(`/mitglieder/${people.carl!.id}`)).body).not.toContain('/nachrichten/neu?an=');
  });

  it('refuses applicants everywhere, and nobody can write to an applicant or to themselves', async () => {
    const anton = new TestClient(t.app);
    await anton.signIn(people.anton!.email, TEST_PASSWORD);
    expect((await anton.get('/nachrichten')).statusCode).toBe(403);
    expect((await anton.get(`/nachrichten/neu?an=${people.ana!.id}`)).statusCode).toBe(403);
    expect((await anton.api('GET', '/api/v1/conversations')).statusCode).toBe(403);
    const write = await anton.api('POST', '/api/v1/conversations', { recipientId: people.ana!.id, body: 'Hallo' });
    expect(write.statusCode).toBe(403);
    const ana = await client(people.ana);
    expect((await ana.api('POST', '/api/v1/conversations', { recipientId: people.anton!.id, body: 'Hallo' })).statusCode).toBe(404);
    expect((await ana.get(`/nachrichten/neu?an=${people.anton!.id}`)).statusCode).toBe(404);
    const self = await ana.api('POST', '/api/v1/conversations', { recipientId: people.ana!.id, body: 'Hallo ich' });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'message_not_allowed', fields: { recipientId: 'Sie können sich nicht selbst schreiben.' } });
  });

  it('keeps the conversation readable but not writable when the other person is suspended or deleted', async () => {
    const eva = await person('eva', 'member', 'Eva Elster');
    const fred = await person('fred', 'member', 'Fred Fink');
    const evaClient = await client(eva);
    const withFred = await start(evaClient, fred, 'Hallo Fred');
    const gus = await person('gus', 'member', 'Gus Gimpel');
    const withGus = await start(evaClient, gus, 'Hallo Gus');
    await t.db.updateTable('users').set({ suspendedAt: new Date() }).where('id', '=', fred.id).execute();
    await t.db.deleteFrom('users').where('id', '=', gus.id).execute();
    for (const id of [withFred, withGus]) {
      const page = await evaClient.get(`/nachrichten/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(id === withFred ? 'Hallo Fred' : 'Hallo Gus');
      expect(page.body).not.toContain('name="body"');
      const api = await evaClient.api('POST', `/api/v1/conversations/${id}/messages`, { body: 'Noch da?' });
      expect(api.statusCode).toBe(403);
      expect(api.json()).toMatchObject({ code: 'message_not_allowed' });
    }
    expect((await evaClient.get(`/nachrichten/${withGus}`)).body).toContain('Gelöschtes Konto');
    const list = (await evaClient.api('GET', '/api/v1/conversations')).json() as { items: { id: string; canWrite: boolean; otherPerson: unknown }[] };
    expect(list.items.find((c) => c.id === withGus)).toMatchObject({ canWrite: false, otherPerson: null });
    expect(list.items.find((c) => c.id === withFred)).toMatchObject({ canWrite: false });
  });

  it('the SQL rule and the policy agree for every pair of the fixtures', async () => {
    const keys = ['ana', 'ben', 'carl', 'pia', 'paul', 'olga'];
    for (const from of keys) {
      const sender = people[from]!;
      const viewer = { id: sender.id, verified: sender.role !== 'partner', staff: sender.role === 'office' };
      const rows = await t.db.selectFrom('users as u').select('u.id').select(writableTo(viewer, 'u').as('w')).where('u.id', 'in', keys.map((k) => people[k]!.id)).execute();
      for (const row of rows) {
        const facts = await writeFacts(t.db, viewer, row.id);
        const byPolicy = writeRefusal({ id: sender.id, role: sender.role }, facts.recipient, facts.relation) === null;
        expect(row.w, `${from} → ${keys.find((k) => people[k]!.id === row.id)}`).toBe(byPolicy);
      }
    }
  });
});

describe('a conversation exists only for its two participants', () => {
  let conv: string;
  let msg: string;
  let ana: TestClient;
  let ben: TestClient;
  let carl: TestClient;
  let anon: TestClient;
  beforeAll(async () => {
    const hana = await person('hana', 'member', 'Hana Häher');
    const ida = await person('ida', 'member', 'Ida Ibis');
    ana = await client(hana);
    ben = await client(ida);
    carl = await client(people.carl);
    anon = await client();
    conv = await start(ana, ida, 'Geheime Nachricht Zaunkönig');
    const reply = await ben.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Antwort Rotkehlchen' });
    msg = (reply.json() as { id: string }).id;
  });

  it('pages: allowed for participants, sign-in for visitors, 404 for everyone else (the same as a missing id)', async () => {
    const missing = newId();
    const gets = [`/nachrichten/${conv}`, `/nachrichten/${conv}/melden/${msg}`];
    for (const path of gets) {
      expect((await ana.get(path)).statusCode, path).toBe(200);
      const visitor = await anon.get(path);
      expect(visitor.statusCode).toBe(303);
      expect(visitor.headers.location).toMatch(/^\/anmelden\?next=/);
      const other = await carl.get(path);
      expect(other.statusCode, path).toBe(404);
      const none = await carl.get(path.replace(conv, missing));
      expect(none.statusCode).toBe(404);
      const normal = (body: string) => body.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(conv, 'ID').replaceAll(missing, 'ID');
      expect(normal(other.body)).toBe(normal(none.body));
      expect(other.body).not.toContain('Zaunkönig');
    }
    expect((await ana.get('/nachrichten')).statusCode).toBe(200);
    expect((await anon.get('/nachrichten')).statusCode).toBe(303);
    expect((await carl.get('/nachrichten')).body).not.toContain('Hana Häher');
    expect((await anon.get(`/nachrichten/neu?an=${people.ben!.id}`)).statusCode).toBe(303);
    const posts: [string, Record<string, string>][] = [
      [`/nachrichten/${conv}`, { body: 'Eindringling' }],
      [`/nachrichten/${conv}/blockieren`, {}],
      [`/nachrichten/${conv}/freigeben`, {}],
      [`/nachrichten/${conv}/melden/${msg}`, { reason: 'Spam' }],
    ];
    for (const [path, form] of posts) {
      expect((await carl.post(path, form)).statusCode, path).toBe(404);
      expect((await anon.post(path, form)).statusCode, path).toBe(303);
    }
    expect((await anon.post('/nachrichten/neu', { an: people.ben!.id, body: 'x' })).statusCode).toBe(303);
    expect(await messageCount(conv)).toBe(2);
    expect(await t.db.selectFrom('userBlocks').select('blockerId').where('blockerId', '=', people.carl!.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('messageReports').select('id').where('messageId', '=', msg).execute()).toEqual([]);
  });

  it('API: allowed for participants, 401 for visitors, 404 for everyone else', async () => {
    expect((await ana.api('GET', `/api/v1/conversations/${conv}/messages`)).statusCode).toBe(200);
    expect((await anon.api('GET', `/api/v1/conversations/${conv}/messages`)).statusCode).toBe(401);
    expect((await anon.api('GET', '/api/v1/conversations')).statusCode).toBe(401);
    expect((await anon.api('POST', '/api/v1/conversations', { recipientId: people.ben!.id, body: 'x' })).statusCode).toBe(401);
    expect((await anon.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'x' })).statusCode).toBe(401);
    const other = await carl.api('GET', `/api/v1/conversations/${conv}/messages`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual((await carl.api('GET', `/api/v1/conversations/${newId()}/messages`)).json());
    expect((await carl.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Eindringling' })).statusCode).toBe(404);
    const list = (await carl.api('GET', '/api/v1/conversations')).json() as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(conv);
    expect(await messageCount(conv)).toBe(2);
  });

  it('escapes everything and keeps line breaks', async () => {
    await ana.api('POST', `/api/v1/conversations/${conv}/messages`, { body: '<script>alert(1)</script>\nZeile zwei\n\nAbsatz' });
    const page = await ben.get(`/nachrichten/${conv}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script><br/>Zeile zwei</p><p class="kern-body">Absatz</p>');
  });
});

describe('writing on the pages', () => {
  it('the first message by form; a second visit to /nachrichten/neu goes to the conversation; replies by form', async () => {
    const jan = await person('jan', 'member', 'Jan Jäger');
    const kim = await person('kim', 'member', 'Kim Kauz');
    const janC = await client(jan);
    const form = await janC.get(`/nachrichten/neu?an=${kim.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Nachricht an Kim Kauz');
    const sent = await janC.post('/nachrichten/neu', { an: kim.id, body: 'Hallo Kim,\r\nwie geht es?' });
    expect(sent.statusCode).toBe(303);
    const [path, hash] = sent.headers.location!.split('#');
    expect(path).toMatch(/^\/nachrichten\/[A-Za-z0-9_-]+$/);
    expect(hash).toMatch(/^nachricht-/);
    const again = await janC.get(`/nachrichten/neu?an=${kim.id}`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(path);
    const page = await janC.get(path!);
    expect(page.body).toContain('Ihre Nachricht wurde gesendet.');
    expect(page.body).toContain('Hallo Kim,<br/>wie geht es?');
    // Browsers send CRLF from text areas; stored as LF.
    const stored = await t.db.selectFrom('messages').select('body').where('conversationId', '=', path!.split('/').pop()!).executeTakeFirstOrThrow();
    expect(stored.body).toBe('Hallo Kim,\nwie geht es?');
    const reply = await (await client(kim)).post(path!, { body: 'Gut, danke!' });
    expect(reply.statusCode).toBe(303);
    expect((await janC.get(path!)).body).toContain('Gut, danke!');
  });

  it('forms with errors answer 422 with the message at the field and the input kept; length limits hold', async () => {
    const lea = await person('lea', 'member', 'Lea Lerche');
    const max = await person('max', 'member', 'Max Meise');
    const leaC = await client(lea);
    const empty = await leaC.post('/nachrichten/neu', { an: max.id, body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(fieldError(empty.body, 'body')).toBe('Bitte füllen Sie dieses Feld aus.');
    const long = 'ä'.repeat(10001);
    const tooLong = await leaC.post('/nachrichten/neu', { an: max.id, body: long });
    expect(tooLong.statusCode).toBe(422);
    expect(fieldError(tooLong.body, 'body')).toBe('Bitte kürzen Sie die Eingabe auf höchstens 10000 Zeichen.');
    expect(decodeEntities(/<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/.exec(tooLong.body)?.[1] ?? '')).toBe(long);
    expect(tooLong.body).toContain('id="error-summary"');
    const exact = await leaC.post('/nachrichten/neu', { an: max.id, body: 'ö'.repeat(10000) });
    expect(exact.statusCode).toBe(303);
    const path = exact.headers.location!.split('#')[0]!;
    const reply = await leaC.post(path, { body: '' });
    expect(reply.statusCode).toBe(422);
    expect(fieldError(reply.body, 'body')).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(reply.body).toContain('ö'.repeat(100)); // the conversation is shown around the form
    // Reporting needs a reason, at most 2,000 characters.
    const maxC = await client(max);
    const msg = await t.db.selectFrom('messages').select('id').where('conversationId', '=', path.split('/').pop()!).executeTakeFirstOrThrow();
    const noReason = await maxC.post(`${path}/melden/${msg.id}`, { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(fieldError(noReason.body, 'reason')).toBe('Bitte füllen Sie dieses Feld aus.');
    const longReason = await maxC.post(`${path}/melden/${msg.id}`, { reason: 'x'.repeat(2001) });
    expect(longReason.statusCode).toBe(422);
    expect(longReason.body).toContain('x'.repeat(2001));
    // A bad recipient is a bad request, never a crash.
    expect((await leaC.post('/nachrichten/neu', { body: 'Hallo' })).statusCode).toBe(400);
    expect((await leaC.post('/nachrichten/neu', { an: '../x', body: 'Hallo' })).statusCode).toBe(400);
    expect((await leaC.get('/nachrichten/neu')).statusCode).toBe(400);
  });
});

describe('blocking', () => {
  it('stops messages in both directions until the block is lifted; the page says why and keeps the input', async () => {
    const nora = await person('nora', 'member', 'Nora Nachtigall');
    const otto = await person('otto', 'member', 'Otto Ortolan');
    const noraC = await client(nora);
    const ottoC = await client(otto);
    const conv = await start(ottoC, nora, 'Erste Nachricht');
    const blocked = await noraC.post(`/nachrichten/${conv}/blockieren`);
    expect(blocked.statusCode).toBe(303);
    const noraPage = await noraC.get(`/nachrichten/${conv}`);
    expect(noraPage.body).toContain('Sie haben Otto Ortolan blockiert.');
    expect(noraPage.body).toContain('Blockierung aufheben');
    expect(noraPage.body).not.toContain('name="body"');

    // Otto's messages never arrive, by API or by form.
    const byApi = await ottoC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Hallo?' });
    expect(byApi.statusCode).toBe(409);
    expect(byApi.json()).toMatchObject({ code: 'message_blocked', message: expect.stringContaining('Blockierung') });
    const again = await ottoC.api('POST', '/api/v1/conversations', { recipientId: nora.id, body: 'Hallo?' });
    expect(again.statusCode).toBe(409);
    const byForm = await ottoC.post(`/nachrichten/${conv}`, { body: 'Bitte antworte' });
    expect(byForm.statusCode).toBe(422);
    expect(fieldError(byForm.body, 'body')).toBe('Diese Person hat die Unterhaltung blockiert: Ihre Nachricht kann nicht zugestellt werden.');
    expect(byForm.body).toContain('Bitte antworte</textarea>');
    // Nora cannot write either while she blocks.
    const fromNora = await noraC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Trotzdem' });
    expect(fromNora.statusCode).toBe(409);
    expect(await messageCount(conv)).toBe(1);
    // Notifications: none for the refused messages.
    const notes = await t.db.selectFrom('notifications').select('userId').where('conversationId', '=', conv).execute();
    expect(notes.map((n) => n.userId)).toEqual([nora.id]);
    // Otto cannot lift Nora's block; Nora can.
    await ottoC.post(`/nachrichten/${conv}/freigeben`);
    expect((await ottoC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Hallo?' })).statusCode).toBe(409);
    expect((await noraC.post(`/nachrichten/${conv}/freigeben`)).statusCode).toBe(303);
    expect((await ottoC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Danke!' })).statusCode).toBe(201);
    // Blocking from the other side works the same way.
    await ottoC.post(`/nachrichten/${conv}/blockieren`);
    expect((await noraC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Hm' })).statusCode).toBe(409);
    const list = (await ottoC.api('GET', '/api/v1/conversations')).json() as { items: { id: string; canWrite: boolean; blockedByMe: boolean }[] };
    expect(list.items.find((c) => c.id === conv)).toMatchObject({ canWrite: false, blockedByMe: true });
    expect((await noraC.get(`/nachrichten/${conv}`)).body).toContain('Sie können Otto Ortolan keine Nachrichten senden');
  });
});

describe('reports to the office', () => {
  it('a member reports a message once; the office sees it with both names and resolves it (audit log)', async () => {
    const pat = await person('pat', 'member', 'Pat Pirol');
    const quinn = await person('quinn', 'member', 'Quinn Quäker');
    const patC = await client(pat);
    const quinnC = await client(quinn);
    const conv = await start(quinnC, pat, 'Kaufen Sie jetzt Aktien!');
    const msg = await t.db.selectFrom('messages').select('id').where('conversationId', '=', conv).executeTakeFirstOrThrow();
    // Nobody reports their own message.
    expect((await quinnC.get(`/nachrichten/${conv}/melden/${msg.id}`)).statusCode).toBe(404);
    const form = await patC.get(`/nachrichten/${conv}/melden/${msg.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Kaufen Sie jetzt Aktien!');
    const sent = await patC.post(`/nachrichten/${conv}/melden/${msg.id}`, { reason: 'Werbung, unerwünscht' });
    expect(sent.statusCode).toBe(303);
    expect((await patC.get(`/nachrichten/${conv}`)).body).toContain('Von Ihnen gemeldet');
    const twice = await patC.post(`/nachrichten/${conv}/melden/${msg.id}`, { reason: 'Nochmal' });
    expect(twice.statusCode).toBe(422);
    expect(fieldError(twice.body, 'reason')).toBe('Sie haben diese Nachricht bereits gemeldet.');

    const olga = await client(people.olga);
    const overview = await olga.get('/geschaeftsstelle');
    expect(overview.body).toContain('href="/geschaeftsstelle/nachrichten"');
    const list = await olga.get('/geschaeftsstelle/nachrichten');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Kaufen Sie jetzt Aktien!');
    expect(list.body).toContain('Werbung, unerwünscht');
    expect(list.body).toContain('Pat Pirol');
    expect(list.body).toContain('Quinn Quäker');
    // Members do not see the office's page (it does not exist for them).
    expect((await patC.get('/geschaeftsstelle/nachrichten')).statusCode).toBe(404);
    const report = await t.db.selectFrom('messageReports').select('id').where('messageId', '=', msg.id).executeTakeFirstOrThrow();
    expect((await patC.post(`/geschaeftsstelle/nachrichten/${report.id}/erledigt`)).statusCode).toBe(404);
    expect((await olga.post(`/geschaeftsstelle/nachrichten/${report.id}/erledigt`)).statusCode).toBe(303);
    const row = await t.db.selectFrom('messageReports').select(['status', 'resolvedBy', 'resolvedAt']).where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('resolved');
    expect(row.resolvedBy).toBe(people.olga!.id);
    expect(row.resolvedAt).not.toBeNull();
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorId', 'targetType']).where('targetId', '=', report.id).execute();
    expect(audit).toEqual([{ action: 'message_report.resolved', actorId: people.olga!.id, targetType: 'message_report' }]);
    expect((await olga.get('/geschaeftsstelle/nachrichten')).body).not.toContain('Werbung, unerwünscht');
    // Closed reports cannot be decided again.
    expect((await olga.post(`/geschaeftsstelle/nachrichten/${report.id}/verworfen`)).statusCode).toBe(404);
  });

  it('the office can dismiss a report', async () => {
    const rita = await person('rita', 'member', 'Rita Rabe');
    const sam = await person('sam', 'member', 'Sam Star');
    const conv = await start(await client(sam), rita, 'Harmlos');
    const msg = await t.db.selectFrom('messages').select('id').where('conversationId', '=', conv).executeTakeFirstOrThrow();
    await (await client(rita)).post(`/nachrichten/${conv}/melden/${msg.id}`, { reason: 'Versehen' });
    const report = await t.db.selectFrom('messageReports').select('id').where('messageId', '=', msg.id).executeTakeFirstOrThrow();
    expect((await (await client(people.olga)).post(`/geschaeftsstelle/nachrichten/${report.id}/verworfen`)).statusCode).toBe(303);
    expect((await t.db.selectFrom('messageReports').select('status').where('id', '=', report.id).executeTakeFirstOrThrow()).status).toBe('dismissed');
    expect(await t.db.selectFrom('auditLog').select('action').where('targetId', '=', report.id).execute()).toEqual([{ action: 'message_report.dismissed' }]);
  });
});

describe('one conversation per pair', () => {
  it('parallel first messages between the same pair end in one conversation with every message', async () => {
    const tom = await person('tom', 'member', 'Tom Taube');
    const uma = await person('uma', 'member', 'Uma Uhu');
    const tomC = await client(tom);
    const umaC = await client(uma);
    const results = await Promise.all([
      tomC.api('POST', '/api/v1/conversations', { recipientId: uma.id, body: 'Tom 1' }),
      umaC.api('POST', '/api/v1/conversations', { recipientId: tom.id, body: 'Uma 1' }),
      tomC.api('POST', '/api/v1/conversations', { recipientId: uma.id, body: 'Tom 2' }),
      umaC.api('POST', '/api/v1/conversations', { recipientId: tom.id, body: 'Uma 2' }),
      tomC.post('/nachrichten/neu', { an: uma.id, body: 'Tom 3' }),
    ]);
    for (const r of results.slice(0, 4)) expect([200, 201]).toContain(r.statusCode);
    expect(results[4]!.statusCode).toBe(303);
    expect(results.slice(0, 4).filter((r) => r.statusCode === 201)).toHaveLength(1);
    const ids = new Set(results.slice(0, 4).map((r) => (r.json() as { id: string }).id));
    expect(ids.size).toBe(1);
    const conversations = await t.db.selectFrom('conversations').select('id').where('pairKey', '=', pairKeyOf(tom.id, uma.id)).execute();
    expect(conversations).toHaveLength(1);
    expect(await messageCount(conversations[0]!.id)).toBe(5);
    const participants = await t.db.selectFrom('conversationParticipants').select('userId').where('conversationId', '=', conversations[0]!.id).execute();
    expect(participants.map((p) => p.userId).sort()).toEqual([tom.id, uma.id].sort());
  });
});

describe('unread messages and notifications', () => {
  it('counts unread messages per conversation, marks read on opening, and notifies the recipient only', async () => {
    const vera = await person('vera', 'member', 'Vera Vogel');
    const will = await person('will', 'member', 'Will Wachtel');
    const veraC = await client(vera);
    const willC = await client(will);
    const conv = await start(willC, vera, 'Eins');
    await willC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Zwei' });
    const third = await willC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'Drei' });
    const thirdId = (third.json() as { id: string }).id;

    const listOf = async (c: TestClient) => ((await c.api('GET', '/api/v1/conversations')).json() as { items: { id: string; unreadCount: number }[] }).items.find((i) => i.id === conv)!;
    expect((await listOf(veraC)).unreadCount).toBe(3);
    expect((await listOf(willC)).unreadCount).toBe(0); // the sender has read his own
    const page = await veraC.get('/nachrichten');
    expect(page.body).toContain('3 ungelesene Nachrichten');
    expect(page.body).toContain('1 Unterhaltung mit ungelesenen Nachrichten');
    expect(page.body).toContain('Will Wachtel');
    expect(page.body).toContain('Drei');

    // Notifications: one per message for Vera, none for Will.
    const notes = await t.db.selectFrom('notifications').select(['userId', 'kind', 'actorId', 'messageId']).where('conversationId', '=', conv).execute();
    expect(notes).toHaveLength(3);
    for (const n of notes) expect(n).toMatchObject({ userId: vera.id, kind: 'message', actorId: will.id });
    expect(notes.map((n) => n.messageId)).toContain(thirdId);

    // Opening the conversation marks it read.
    const opened = await veraC.get(`/nachrichten/${conv}`);
    expect(opened.body).toContain('Neu');
    expect((await listOf(veraC)).unreadCount).toBe(0);
    expect((await veraC.get('/nachrichten')).body).toContain('Keine ungelesenen Nachrichten.');
    // Vera answers: Will has one unread, in the API too; reading through the API marks it read.
    await veraC.post(`/nachrichten/${conv}`, { body: 'Danke, Will' });
    expect((await listOf(willC)).unreadCount).toBe(1);
    const messages = (await willC.api('GET', `/api/v1/conversations/${conv}/messages`)).json() as { items: { body: string; fromMe: boolean; author: { name: string } }[] };
    expect(messages.items[0]).toMatchObject({ body: 'Danke, Will', fromMe: false, author: { name: 'Vera Vogel' } });
    expect((await listOf(willC)).unreadCount).toBe(0);
  });
});

describe('paging and API validation', () => {
  it('pages long conversations ("ältere laden") and lists with cursors and capped limits', async () => {
    const xena = await person('xena', 'member', 'Xena Xenops');
    const yuri = await person('yuri', 'member', 'Yuri Yellow');
    const xenaC = await client(xena);
    const conv = await start(xenaC, yuri, 'Nachricht 0');
    const base = Date.now() - 3600_000;
    await t.db
      .insertInto('messages')
      .values(Array.from({ length: 34 }, (_, i) => ({ id: newId(), conversationId: conv, authorId: i % 2 ? xena.id : yuri.id, body: `Nachricht ${i + 1}`, createdAt: new Date(base + (i + 1) * 1000) })))
      .execute();
    // The first message was sent now, so it is the newest; make it the oldest for a clear order.
    await t.db.updateTable('messages').set({ createdAt: new Date(base) }).where('conversationId', '=', conv).where('body', '=', 'Nachricht 0').execute();
    const page = await xenaC.get(`/nachrichten/${conv}`);
    expect(page.body).toContain('Nachricht 34');
    expect(page.body).toContain('>Nachricht 5<');
    expect(page.body).not.toContain('>Nachricht 4<');
    expect(page.body.indexOf('>Nachricht 5<')).toBeLessThan(page.body.indexOf('>Nachricht 34<')); // oldest first
    const older = decodeEntities(/href="(\/nachrichten\/[^"]+\?vor=[^"]+)"/.exec(page.body)![1]!);
    const olderPage = await xenaC.get(older);
    expect(olderPage.body).toContain('>Nachricht 0<');
    expect(olderPage.body).toContain('>Nachricht 4<');
    expect(olderPage.body).not.toContain('>Nachricht 5<');
    expect(olderPage.body).toContain('Zu den neuesten Nachrichten');
    // The API: newest first, cursor continues, the limit is capped.
    const first = (await xenaC.api('GET', `/api/v1/conversations/${conv}/messages?limit=20`)).json() as { items: { body: string }[]; nextCursor: string };
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.body).toBe('Nachricht 34');
    const second = (await xenaC.api('GET', `/api/v1/conversations/${conv}/messages?limit=20&cursor=${first.nextCursor}`)).json() as { items: { body: string }[]; nextCursor: string | null };
    expect(second.items).toHaveLength(15);
    expect(second.items.at(-1)!.body).toBe('Nachricht 0');
    expect(second.nextCursor).toBeNull();
    expect((await xenaC.api('GET', `/api/v1/conversations/${conv}/messages?limit=51`)).statusCode).toBe(400);
    // A cursor that does not decode is the first page, never an error.
    expect((await xenaC.api('GET', `/api/v1/conversations/${conv}/messages?cursor=kaputt`)).statusCode).toBe(200);
    expect((await xenaC.get(`/nachrichten/${conv}?vor=kaputt`)).statusCode).toBe(200);

    // Conversations: one per page with a cursor.
    await start(xenaC, people.ben!, 'Hallo Ben');
    const c1 = (await xenaC.api('GET', '/api/v1/conversations?limit=1')).json() as { items: { id: string }[]; nextCursor: string };
    const c2 = (await xenaC.api('GET', `/api/v1/conversations?limit=1&cursor=${c1.nextCursor}`)).json() as { items: { id: string }[]; nextCursor: string | null };
    expect(c1.items).toHaveLength(1);
    expect(c2.items).toHaveLength(1);
    expect(c1.items[0]!.id).not.toBe(c2.items[0]!.id);
    expect(c2.nextCursor).toBeNull();
    const error = await xenaC.api('GET', '/api/v1/conversations?limit=0');
    expect(error.statusCode).toBe(400);
    expect(error.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) });
    expect((await xenaC.api('GET', '/api/v1/conversations?limit=500')).statusCode).toBe(400);
  });

  it('refuses invalid bodies with { code, message }', async () => {
    const zoe = await person('zoe', 'member', 'Zoe Zilpzalp');
    const zoeC = await client(zoe);
    const conv = await start(zoeC, people.carl!, 'Hallo Carl');
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/v1/conversations', { recipientId: people.carl!.id }, 422],
      ['POST', '/api/v1/conversations', { body: 'Hallo' }, 422],
      ['POST', '/api/v1/conversations', { recipientId: people.carl!.id, body: '' }, 422],
      ['POST', '/api/v1/conversations', { recipientId: people.carl!.id, body: '   ' }, 422],
      ['POST', '/api/v1/conversations', { recipientId: people.carl!.id, body: 'x'.repeat(10001) }, 422],
      ['POST', '/api/v1/conversations', { recipientId: '../etc', body: 'Hallo' }, 422],
      ['POST', '/api/v1/conversations', { recipientId: people.carl!.id, body: 'Hallo', extra: 1 }, 422],
      ['POST', `/api/v1/conversations/${conv}/messages`, { body: 'x'.repeat(10001) }, 422],
      ['POST', `/api/v1/conversations/${conv}/messages`, { body: 'a\u0000b' }, 422],
      ['POST', `/api/v1/conversations/${conv}/messages`, {}, 422],
      ['POST', `/api/v1/conversations/${conv}/messages`, { body: 42 }, 422],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await zoeC.api(method as 'POST', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 60)}`).toBe(status);
      const json = res.json() as { code: string; message: string };
      expect(json.code).toBe('validation_failed');
      expect(json.message).toBe('Bitte prüfen Sie Ihre Eingaben.');
    }
    const broken = await zoeC.api('POST', `/api/v1/conversations/${conv}/messages`, undefined, { 'content-type': 'application/json' });
    expect([400, 422]).toContain(broken.statusCode);
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv}/messages`, headers: { 'content-type': 'application/json' }, payload: '{"body":' });
    expect(bad.statusCode).toBe(401); // no session: refused before the body is read
    // Exactly 10,000 characters are fine.
    expect((await zoeC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'y'.repeat(10000) })).statusCode).toBe(201);
    expect(await messageCount(conv)).toBe(2);
    // Writes without the CSRF header are refused.
    const noCsrf = await zoeC.api('POST', `/api/v1/conversations/${conv}/messages`, { body: 'ohne Token' }, { 'x-csrf-token': 'falsch' });
    expect(noCsrf.statusCode).toBe(403);
    expect(await messageCount(conv)).toBe(2);
  });

  it('works with access tokens (read for lists, write for sending) and is documented in the OpenAPI document', async () => {
    const amy = await person('amy', 'member', 'Amy Ammer');
    const token = async (scopes: string[]) => {
      const secret = newSecret();
      await t.db.insertInto('accessTokens').values({ id: newId(), userId: amy.id, name: 'Test', tokenHash: sha256(secret), scopes }).execute();
      return { authorization: `Bearer ${secret}` };
    };
    const readOnly = await token(['read']);
    const readWrite = await token(['read', 'write']);
    const writeOnly = await token(['write']);
    const post = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ recipientId: people.carl!.id, body: 'Per Token' }) });
    expect((await post(readOnly)).statusCode).toBe(403);
    const created = await post(readWrite);
    expect(created.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/conversations', headers: readOnly })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/conversations', headers: writeOnly })).statusCode).toBe(403);
    const broken = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${(created.json() as { id: string }).id}/messages`, headers: { ...readWrite, 'content-type': 'application/json' }, payload: '{"body":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) });

    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, { tags: string[] }>> };
    for (const [path, methods] of [
      ['/api/v1/conversations', ['get', 'post']],
      ['/api/v1/conversations/{id}/messages', ['get', 'post']],
    ] as const) {
      for (const m of methods) expect(doc.paths[path]?.[m]?.tags, `${m} ${path}`).toEqual(['messages']);
    }
  });
});
