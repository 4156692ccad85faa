import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Actor } from '../../http/actor.js';
import type { CommunityVisibility } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { viewerOf } from '../members/members.service.js';
import { listReplies } from './posts.repo.js';
import { loadPost } from './posts.service.js';

type Person = Awaited<ReturnType<typeof createUser>>;

let t: TestApp;
const people = {} as Record<'office' | 'leadA' | 'leadB' | 'member' | 'author' | 'outsider', Person>;
const clients = {} as Record<keyof typeof people | 'anonymous', TestClient>;
/** open A and request-only R are led by leadA, open B by leadB; hidden H is led by leadA with the author in it. */
const c = {} as Record<'open' | 'request' | 'other' | 'hidden', { id: string; slug: string; name: string }>;

const actorOf = (p: Person): Actor => ({
  kind: 'user',
  user: { id: p.id, name: p.name, email: p.email, role: p.role, organisationId: p.organisationId, locale: 'de' },
  via: 'session',
  sessionId: 'test',
  scopes: ['read', 'write'],
});

async function community(name: string, visibility: CommunityVisibility, members: [Person, 'lead' | 'member'][]) {
  const id = newId();
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 4).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  await t.db.insertInto('communities').values({ id, slug, name, visibility, status: 'active' }).execute();
  for (const [person, role] of members) await t.db.insertInto('communityMembers').values({ communityId: id, userId: person.id, role, status: 'active' }).execute();
  return { id, slug, name };
}

async function post(communityId: string, title = `Beitrag ${newId()}`, author = people.author) {
  const id = newId();
  await t.db.insertInto('posts').values({ id, communityId, type: 'discussion', title, body: 'Wie machen Sie das?', authorId: author.id }).execute();
  return id;
}

async function reply(postId: string, author = people.author, body = 'Eine Antwort mit Erfahrung.') {
  const id = newId();
  await t.db.insertInto('replies').values({ id, postId, body, authorId: author.id }).execute();
  await t.db.updateTable('posts').set((eb) => ({ replyCount: eb('replyCount', '+', 1) })).where('id', '=', postId).execute();
  return id;
}

const postRow = (id: string) => t.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditFor = (id: string) => t.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('targetId', '=', id).orderBy('id').execute();

function expectSignIn(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toMatch(/^\/anmelden\?next=/);
}

/** Follows a redirect and answers the page's text (the flash shows on whichever page comes next). */
async function follow(client: TestClient, res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode).toBe(303);
  return decodeEntities((await client.get(String(res.headers.location))).body);
}

beforeAll(async () => {
  t = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 1000 } });
  people.office = await createUser(t.db, { role: 'office', name: 'Olga Office' });
  people.leadA = await createUser(t.db, { name: 'Lea Leitung' });
  people.leadB = await createUser(t.db, { name: 'Bernd Bleitung' });
  people.member = await createUser(t.db, { name: 'Mia Mitglied' });
  people.author = await createUser(t.db, { name: 'Anton Autor' });
  people.outsider = await createUser(t.db, { name: 'Otto Außen' });
  for (const [key, person] of Object.entries(people) as [keyof typeof people, Person][]) {
    clients[key] = new TestClient(t.app);
    await clients[key].signIn(person.email, TEST_PASSWORD);
  }
  clients.anonymous = new TestClient(t.app);
  c.open = await community('Offene Runde', 'open', [[people.leadA, 'lead'], [people.author, 'member']]);
  c.request = await community('Runde auf Anfrage', 'request', [[people.leadA, 'lead'], [people.author, 'member']]);
  c.other = await community('Andere Runde', 'open', [[people.leadB, 'lead']]);
  c.hidden = await community('Verborgene Runde', 'hidden', [[people.leadA, 'lead'], [people.author, 'member']]);
});
afterAll(() => t.close());

describe('the report queue', () => {
  it('is for leads and the office; members who lead nothing get 404, visitors sign in', async () => {
    expect((await clients.leadA.get('/moderation')).statusCode).toBe(200);
    expect((await clients.office.get('/moderation')).statusCode).toBe(200);
    expect((await clients.member.get('/moderation')).statusCode).toBe(404);
    expectSignIn(await clients.anonymous.get('/moderation'));
  });

  it('shows a report to the leads of its community and the office, not to other leads', async () => {
    const postId = await post(c.open.id, 'Vorlage für den Bauantrag');
    const replyId = await reply(postId, people.author, 'Hier steht etwas Unpassendes.');
    const form = await clients.member.get(`/beitraege/${postId}/melden`);
    expect(form.statusCode).toBe(200);
    const sent = await clients.member.post(`/beitraege/${postId}/melden`, { reason: 'Enthält persönliche Daten' });
    expect(sent.headers.location).toBe(`/beitraege/${postId}`);
    expect(await follow(clients.member, sent)).toContain('Danke, Ihre Meldung ist bei der Community-Leitung.');
    const onReply = await clients.member.post(`/beitraege/${postId}/melden?antwort=${replyId}`, { reason: 'Beleidigend' });
    expect(onReply.headers.location).toBe(`/beitraege/${postId}#antwort-${replyId}`);

    const lead = decodeEntities((await clients.leadA.get('/moderation')).body);
    expect(lead).toContain('Enthält persönliche Daten');
    expect(lead).toContain('Beleidigend');
    expect(lead).toContain(`href="/beitraege/${postId}"`);
    expect(lead).toContain(`href="/beitraege/${postId}#antwort-${replyId}"`);
    expect(lead).toContain('Mia Mitglied');
    expect(lead).toContain('Offene Runde');
    expect(lead).toMatch(/<time datetime="[^"]+" title="[^"]+ Uhr">/);
    expect(lead).toContain('Erledigt');
    expect(lead).toContain('Verwerfen');
    const officeQueue = decodeEntities((await clients.office.get('/moderation')).body);
    expect(officeQueue).toContain('Enthält persönliche Daten');
    expect(decodeEntities((await clients.leadB.get('/moderation')).body)).not.toContain('Enthält persönliche Daten');
    // The queue can be narrowed to one community.
    expect(decodeEntities((await clients.leadA.get(`/moderation?community=${c.request.slug}`)).body)).not.toContain('Enthält persönliche Daten');
  });

  it('closes a report once; other leads cannot, and a second click is told, not an error', async () => {
    const postId = await post(c.open.id);
    await clients.member.post(`/beitraege/${postId}/melden`, { reason: 'Werbung für ein Produkt' });
    const report = await t.db.selectFrom('reports').select('id').where('postId', '=', postId).executeTakeFirstOrThrow();
    expect((await clients.leadB.post(`/moderation/meldungen/${report.id}`, { outcome: 'resolved' })).statusCode).toBe(404);
    expect((await clients.member.post(`/moderation/meldungen/${report.id}`, { outcome: 'resolved' })).statusCode).toBe(404);
    expectSignIn(await clients.anonymous.post(`/moderation/meldungen/${report.id}`, { outcome: 'resolved' }));
    const done = await clients.leadA.post(`/moderation/meldungen/${report.id}`, { outcome: 'dismissed' });
    expect(done.headers.location).toBe('/moderation');
    const page = await follow(clients.leadA, done);
    expect(page).toContain('Die Meldung ist verworfen.');
    expect(page).not.toContain('Werbung für ein Produkt');
    expect(await follow(clients.office, await clients.office.post(`/moderation/meldungen/${report.id}`, { outcome: 'resolved' }))).toContain('Diese Meldung wurde bereits bearbeitet');
    expect(await t.db.selectFrom('reports').select(['status', 'resolvedBy']).where('id', '=', report.id).executeTakeFirstOrThrow()).toEqual({ status: 'dismissed', resolvedBy: people.leadA.id });
    expect(await auditFor(report.id)).toEqual([{ action: 'report.dismissed', actorId: people.leadA.id, details: {} }]);
  });

  it('pages with "Weitere laden"', async () => {
    const many = await community('Viel gemeldet', 'open', [[people.leadB, 'lead']]);
    const postId = await post(many.id);
    const reporters = await Promise.all(Array.from({ length: 51 }, () => createUser(t.db)));
    await t.db.insertInto('reports').values(reporters.map((r, i) => ({ id: newId(), communityId: many.id, postId, reporterId: r.id, reason: `Grund Nummer ${i}`, createdAt: new Date(Date.now() - i * 1000) }))).execute();
    const first = decodeEntities((await clients.leadB.get(`/moderation?community=${many.slug}`)).body);
    expect(first).toContain('Grund Nummer 0');
    expect(first).not.toContain('Grund Nummer 50');
    const next = /href="(\/moderation\?[^"]*cursor=[^"]+)" rel="next">Weitere laden/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = decodeEntities((await clients.leadB.get(next!)).body);
    expect(second).toContain('Grund Nummer 50');
    expect(second).not.toContain('Grund Nummer 0<');
  });
});

describe('reporting', () => {
  it('needs a reason of 3 to 1000 characters and keeps what was typed', async () => {
    const postId = await post(c.open.id);
    const short = await clients.member.post(`/beitraege/${postId}/melden`, { reason: 'xy' });
    expect(short.statusCode).toBe(422);
    expect(fieldError(short.body, 'reason')).toBe('Bitte geben Sie mindestens 3 Zeichen ein.');
    expect(short.body).toContain('>xy</textarea>');
    const long = await clients.member.post(`/beitraege/${postId}/melden`, { reason: 'x'.repeat(1001) });
    expect(long.statusCode).toBe(422);
    expect(await t.db.selectFrom('reports').select('id').where('postId', '=', postId).execute()).toEqual([]);
  });

  it('is possible only for posts the viewer can read: outsiders of a hidden community get 404', async () => {
    const postId = await post(c.hidden.id);
    expect((await clients.outsider.get(`/beitraege/${postId}/melden`)).statusCode).toBe(404);
    expect((await clients.outsider.post(`/beitraege/${postId}/melden`, { reason: 'Neugierig' })).statusCode).toBe(404);
    expect((await clients.author.get(`/beitraege/${postId}/melden`)).statusCode).toBe(200);
    expectSignIn(await clients.anonymous.get(`/beitraege/${postId}/melden`));
    // A reply of another post is not found under this one.
    const otherReply = await reply(await post(c.open.id));
    expect((await clients.member.get(`/beitraege/${postId}/melden?antwort=${otherReply}`)).statusCode).toBe(404);
    expect(await t.db.selectFrom('reports').select('id').where('postId', '=', postId).execute()).toEqual([]);
  });
});

describe('locking, pinning and showing again', () => {
  it('is for leads: 303 with a flash; members 403, outsiders 404, visitors sign in', async () => {
    const postId = await post(c.open.id);
    const locked = await clients.leadA.post(`/beitraege/${postId}/moderation`, { action: 'lock' });
    expect(locked.headers.location).toBe(`/beitraege/${postId}`);
    expect(await follow(clients.leadA, locked)).toContain('Der Beitrag ist gesperrt.');
    expect((await postRow(postId)).lockedAt).toBeInstanceOf(Date);
    await clients.office.post(`/beitraege/${postId}/moderation`, { action: 'pin' });
    expect((await postRow(postId)).pinnedAt).toBeInstanceOf(Date);
    await clients.leadA.post(`/beitraege/${postId}/moderation`, { action: 'unlock' });
    expect((await postRow(postId)).lockedAt).toBeNull();

    const refused = await clients.member.post(`/beitraege/${postId}/moderation`, { action: 'unpin' });
    expect(refused.statusCode).toBe(403);
    expect(decodeEntities(refused.body)).toContain('Das können nur die Leitung dieser Community und die Geschäftsstelle.');
    expect((await clients.leadB.post(`/beitraege/${postId}/moderation`, { action: 'unpin' })).statusCode).toBe(403);
    expectSignIn(await clients.anonymous.post(`/beitraege/${postId}/moderation`, { action: 'unpin' }));
    expect((await clients.leadA.post(`/beitraege/${postId}/moderation`, { action: 'explode' })).statusCode).toBe(400);
    expect((await postRow(postId)).pinnedAt).toBeInstanceOf(Date);

    const hiddenPost = await post(c.hidden.id);
    expect((await clients.outsider.post(`/beitraege/${hiddenPost}/moderation`, { action: 'lock' })).statusCode).toBe(404);
    expect((await postRow(hiddenPost)).lockedAt).toBeNull();

    expect((await auditFor(postId)).map((a) => [a.action, a.actorId])).toEqual([
      ['post.lock', people.leadA.id],
      ['post.pin', people.office.id],
      ['post.unlock', people.leadA.id],
    ]);
  });
});

describe('hiding', () => {
  it('hides a post with a reason: the author still sees it with the reason, other members get 404', async () => {
    const postId = await post(c.open.id, 'Ein heikler Beitrag');
    const form = await clients.leadA.get(`/beitraege/${postId}/ausblenden`);
    expect(form.statusCode).toBe(200);
    expect(decodeEntities(form.body)).toContain('Ein heikler Beitrag');
    const hidden = await clients.leadA.post(`/beitraege/${postId}/ausblenden`, { reason: 'Enthält Namen von Bürgerinnen und Bürgern.' });
    expect(hidden.headers.location).toBe(`/beitraege/${postId}`);
    expect(await follow(clients.leadA, hidden)).toContain('Der Beitrag ist ausgeblendet.');

    const seenByAuthor = await loadPost(t.db, actorOf(people.author), postId);
    expect(seenByAuthor.post.hiddenReason).toBe('Enthält Namen von Bürgerinnen und Bürgern.');
    await expect(loadPost(t.db, actorOf(people.member), postId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await clients.member.get(`/beitraege/${postId}/melden`)).statusCode).toBe(404);
    expect((await clients.author.get(`/beitraege/${postId}/melden`)).statusCode).toBe(200);

    // Shown again by the lead.
    await clients.leadA.post(`/beitraege/${postId}/moderation`, { action: 'unhide' });
    expect(await postRow(postId)).toMatchObject({ hiddenAt: null, hiddenReason: null });
    expect((await auditFor(postId)).map((a) => a.action)).toEqual(['post.hide', 'post.unhide']);
    expect((await auditFor(postId))[0]).toMatchObject({ actorId: people.leadA.id, details: { reason: 'Enthält Namen von Bürgerinnen und Bürgern.' } });
  });

  it('needs a reason of 3 to 1000 characters, kept on 422', async () => {
    const postId = await post(c.open.id);
    const empty = await clients.leadA.post(`/beitraege/${postId}/ausblenden`, { reason: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(fieldError(empty.body, 'reason')).toBe('Bitte füllen Sie dieses Feld aus.');
    const short = await clients.leadA.post(`/beitraege/${postId}/ausblenden`, { reason: 'no' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('>no</textarea>');
    expect(short.body).toContain('id="error-summary"');
    const long = await clients.leadA.post(`/beitraege/${postId}/ausblenden`, { reason: 'y'.repeat(1001) });
    expect(fieldError(long.body, 'reason')).toContain('höchstens 1000 Zeichen');
    expect((await postRow(postId)).hiddenAt).toBeNull();
  });

  it('is for leads of the community and the office', async () => {
    const postId = await post(c.open.id);
    expect((await clients.member.get(`/beitraege/${postId}/ausblenden`)).statusCode).toBe(403);
    expect((await clients.member.post(`/beitraege/${postId}/ausblenden`, { reason: 'Weil ich es sage' })).statusCode).toBe(403);
    expect((await clients.leadB.post(`/beitraege/${postId}/ausblenden`, { reason: 'Weil ich es sage' })).statusCode).toBe(403);
    expectSignIn(await clients.anonymous.get(`/beitraege/${postId}/ausblenden`));
    expectSignIn(await clients.anonymous.post(`/beitraege/${postId}/ausblenden`, { reason: 'Weil ich es sage' }));
    const hiddenPost = await post(c.hidden.id);
    expect((await clients.outsider.get(`/beitraege/${hiddenPost}/ausblenden`)).statusCode).toBe(404);
    expect((await clients.outsider.post(`/beitraege/${hiddenPost}/ausblenden`, { reason: 'Weil ich es sage' })).statusCode).toBe(404);
    expect((await clients.office.post(`/beitraege/${hiddenPost}/ausblenden`, { reason: 'Die Geschäftsstelle darf das' })).statusCode).toBe(303);
    expect((await postRow(postId)).hiddenAt).toBeNull();
    expect((await postRow(hiddenPost)).hiddenReason).toBe('Die Geschäftsstelle darf das');
  });

  it('hides a reply: the reply count drops, the author still sees it with the reason, others do not', async () => {
    const postId = await post(c.open.id);
    const keep = await reply(postId);
    const replyId = await reply(postId, people.author, 'Unsachlicher Kommentar');
    expect((await postRow(postId)).replyCount).toBe(2);

    expect((await clients.member.get(`/antworten/${replyId}/ausblenden`)).statusCode).toBe(403);
    expectSignIn(await clients.anonymous.get(`/antworten/${replyId}/ausblenden`));
    const form = await clients.leadA.get(`/antworten/${replyId}/ausblenden`);
    expect(form.statusCode).toBe(200);
    expect(decodeEntities(form.body)).toContain('Unsachlicher Kommentar');
    const hidden = await clients.leadA.post(`/antworten/${replyId}/ausblenden`, { reason: 'Bitte bleiben Sie sachlich.' });
    expect(hidden.headers.location).toBe(`/beitraege/${postId}#antwort-${replyId}`);
    expect(await follow(clients.leadA, hidden)).toContain('Die Antwort ist ausgeblendet.');
    expect((await postRow(postId)).replyCount).toBe(1);

    const forAuthor = await listReplies(t.db, viewerOf(actorOf(people.author)), { id: postId, communityId: c.open.id }, {});
    expect(forAuthor.items.find((r) => r.id === replyId)).toMatchObject({ hiddenReason: 'Bitte bleiben Sie sachlich.' });
    const forMember = await listReplies(t.db, viewerOf(actorOf(people.member)), { id: postId, communityId: c.open.id }, {});
    expect(forMember.items.map((r) => r.id)).toEqual([keep]);

    // Hiding twice does not count twice; showing again counts it back once.
    await clients.leadA.post(`/antworten/${replyId}/ausblenden`, { reason: 'Noch einmal.' });
    expect((await postRow(postId)).replyCount).toBe(1);
    expect((await clients.member.post(`/antworten/${replyId}/einblenden`)).statusCode).toBe(404);
    expectSignIn(await clients.anonymous.post(`/antworten/${replyId}/einblenden`));
    const shown = await clients.leadA.post(`/antworten/${replyId}/einblenden`);
    expect(shown.headers.location).toBe(`/beitraege/${postId}#antwort-${replyId}`);
    expect((await postRow(postId)).replyCount).toBe(2);
    expect((await auditFor(replyId)).map((a) => [a.action, a.actorId])).toEqual([
      ['reply.hide', people.leadA.id],
      ['reply.hide', people.leadA.id],
      ['reply.unhide', people.leadA.id],
    ]);
  });

  it('shows replies in hidden communities to nobody outside', async () => {
    const replyId = await reply(await post(c.hidden.id));
    expect((await clients.outsider.get(`/antworten/${replyId}/ausblenden`)).statusCode).toBe(404);
    expect((await clients.outsider.post(`/antworten/${replyId}/ausblenden`, { reason: 'Neugierig' })).statusCode).toBe(404);
    expect((await clients.outsider.post(`/antworten/${replyId}/einblenden`)).statusCode).toBe(404);
  });
});

describe('moving', () => {
  it('offers the communities the lead leads, marking those with a wider audience', async () => {
    const postId = await post(c.request.id);
    const res = await clients.leadA.get(`/beitraege/${postId}/verschieben`);
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body).toContain(`<option value="${c.open.slug}">Offene Runde (mehr Personen sehen den Beitrag)</option>`);
    expect(body).not.toContain(`<option value="${c.request.slug}"`);
    expect(body).not.toContain(`<option value="${c.other.slug}"`);
    expect(body).toContain('Ich bestätige als Leitung, dass der Beitrag dort für mehr Personen sichtbar wird');
  });

  it('moves from an open community to a request-only one without confirmation', async () => {
    const postId = await post(c.open.id);
    const res = await clients.leadA.post(`/beitraege/${postId}/verschieben`, { target: c.request.slug });
    expect(res.headers.location).toBe(`/beitraege/${postId}`);
    expect(await follow(clients.leadA, res)).toContain('Der Beitrag ist jetzt in der Community „Runde auf Anfrage“.');
    expect((await postRow(postId)).communityId).toBe(c.request.id);
    expect(await auditFor(postId)).toEqual([{ action: 'post.move', actorId: people.leadA.id, details: { from: c.open.slug, to: c.request.slug, widened: false } }]);
  });

  it('needs the confirmation from a request-only community to an open one, keeping the choice', async () => {
    const postId = await post(c.request.id);
    const res = await clients.leadA.post(`/beitraege/${postId}/verschieben`, { target: c.open.slug });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'confirmWider')).toBe('Der Beitrag wird dort für mehr Personen sichtbar. Bitte bestätigen Sie das als Leitung.');
    expect(res.body).toContain(`<option value="${c.open.slug}" selected>`);
    expect(res.body).toContain('id="error-summary"');
    expect((await postRow(postId)).communityId).toBe(c.request.id);

    const confirmed = await clients.leadA.post(`/beitraege/${postId}/verschieben`, { target: c.open.slug, confirmWider: 'on' });
    expect(confirmed.statusCode).toBe(303);
    expect((await postRow(postId)).communityId).toBe(c.open.id);
    expect((await auditFor(postId))[0]).toMatchObject({ action: 'post.move', details: { widened: true } });
  });

  it('refuses communities the lead does not lead, and an empty choice', async () => {
    const postId = await post(c.open.id);
    const foreign = await clients.leadA.post(`/beitraege/${postId}/verschieben`, { target: c.other.slug, confirmWider: 'on' });
    expect(foreign.statusCode).toBe(422);
    expect(fieldError(foreign.body, 'target')).toBe('Sie können Beiträge nur in Communities verschieben, die Sie leiten.');
    const none = await clients.leadA.post(`/beitraege/${postId}/verschieben`, { target: '' });
    expect(none.statusCode).toBe(422);
    expect(fieldError(none.body, 'target')).toBe('Bitte füllen Sie dieses Feld aus.');
    expect((await postRow(postId)).communityId).toBe(c.open.id);
  });

  it('is for leads and the office', async () => {
    const postId = await post(c.open.id);
    expect((await clients.member.get(`/beitraege/${postId}/verschieben`)).statusCode).toBe(403);
    expect((await clients.member.post(`/beitraege/${postId}/verschieben`, { target: c.request.slug })).statusCode).toBe(403);
    expectSignIn(await clients.anonymous.get(`/beitraege/${postId}/verschieben`));
    expectSignIn(await clients.anonymous.post(`/beitraege/${postId}/verschieben`, { target: c.request.slug }));
    const hiddenPost = await post(c.hidden.id);
    expect((await clients.outsider.get(`/beitraege/${hiddenPost}/verschieben`)).statusCode).toBe(404);
    expect((await clients.outsider.post(`/beitraege/${hiddenPost}/verschieben`, { target: c.open.slug, confirmWider: 'on' })).statusCode).toBe(404);
    // The office may move anywhere, the wider audience confirmed.
    expect((await clients.office.post(`/beitraege/${hiddenPost}/verschieben`, { target: c.other.slug, confirmWider: 'on' })).statusCode).toBe(303);
    expect((await postRow(hiddenPost)).communityId).toBe(c.other.id);
    expect((await postRow(postId)).communityId).toBe(c.open.id);
  });
});

describe('community proposals', () => {
  it('a member proposes; the office approves once, a second decision is told as a flash', async () => {
    expectSignIn(await clients.anonymous.get('/communities/vorschlagen'));
    const form = await clients.member.get('/communities/vorschlagen');
    expect(form.statusCode).toBe(200);
    const short = await clients.member.post('/communities/vorschlagen', { name: 'KI in Kommunen', visibility: 'open', reason: 'Zu kurz', topics: 'KI, Verwaltung' });
    expect(short.statusCode).toBe(422);
    expect(fieldError(short.body, 'reason')).toBe('Bitte geben Sie mindestens 10 Zeichen ein.');
    expect(inputValue(short.body, 'name')).toBe('KI in Kommunen');
    expect(inputValue(short.body, 'topics')).toBe('KI, Verwaltung');

    const sent = await clients.member.post('/communities/vorschlagen', { name: 'KI in Kommunen', visibility: 'request', reason: 'Viele Kommunen fragen sich, wie sie KI einsetzen dürfen.', topics: 'KI, Verwaltung' });
    expect(sent.headers.location).toBe('/communities');
    expect(await follow(clients.member, sent)).toContain('Ihr Vorschlag ist bei der Geschäftsstelle.');
    const proposal = await t.db.selectFrom('communities').select(['id', 'status', 'visibility']).where('name', '=', 'KI in Kommunen').executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ status: 'proposed', visibility: 'request' });

    const list = decodeEntities((await clients.office.get('/geschaeftsstelle/communities')).body);
    expect(list).toContain('KI in Kommunen');
    expect(list).toContain('Viele Kommunen fragen sich');
    expect(list).toContain('Mia Mitglied');

    const approved = await clients.office.post(`/geschaeftsstelle/communities/vorschlaege/${proposal.id}`, { decision: 'approve', message: 'Gute Idee!' });
    expect(approved.headers.location).toBe('/geschaeftsstelle/communities');
    expect(await follow(clients.office, approved)).toContain('Die Community „KI in Kommunen“ ist freigegeben.');
    const again = await clients.office.post(`/geschaeftsstelle/communities/vorschlaege/${proposal.id}`, { decision: 'decline' });
    expect(again.statusCode).toBe(303);
    expect(await follow(clients.office, again)).toContain('Über diesen Vorschlag wurde bereits entschieden');
    expect(await t.db.selectFrom('communities').select(['status', 'decisionMessage', 'decidedBy']).where('id', '=', proposal.id).executeTakeFirstOrThrow()).toEqual({
      status: 'active',
      decisionMessage: 'Gute Idee!',
      decidedBy: people.office.id,
    });
    // The proposer leads the new community.
    expect(await t.db.selectFrom('communityMembers').select(['role', 'status']).where('communityId', '=', proposal.id).where('userId', '=', people.member.id).executeTakeFirst()).toEqual({ role: 'lead', status: 'active' });
    expect((await auditFor(proposal.id)).map((a) => [a.action, a.actorId])).toEqual([
      ['community.propose', people.member.id],
      ['community.proposal.approve', people.office.id],
    ]);
  });

  it('keeps a too long decision message with 422 and decides nothing', async () => {
    await clients.author.post('/communities/vorschlagen', { name: 'Open Data', visibility: 'open', reason: 'Offene Daten brauchen einen Ort zum Austausch.' });
    const proposal = await t.db.selectFrom('communities').select('id').where('name', '=', 'Open Data').executeTakeFirstOrThrow();
    const res = await clients.office.post(`/geschaeftsstelle/communities/vorschlaege/${proposal.id}`, { decision: 'decline', message: 'z'.repeat(2001) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`id="f-message-${proposal.id}-error"`);
    expect(res.body).toContain(`href="#f-message-${proposal.id}"`);
    expect((await t.db.selectFrom('communities').select('status').where('id', '=', proposal.id).executeTakeFirstOrThrow()).status).toBe('proposed');
    expect((await clients.member.post(`/geschaeftsstelle/communities/vorschlaege/${proposal.id}`, { decision: 'approve' })).statusCode).toBe(404);
    expectSignIn(await clients.anonymous.post(`/geschaeftsstelle/communities/vorschlaege/${proposal.id}`, { decision: 'approve' }));
  });
});

describe('office community administration', () => {
  it('lists all communities, hidden ones too, with visibility badges; others get 404', async () => {
    const res = await clients.office.get('/geschaeftsstelle/communities');
    expect(res.statusCode).toBe(200);
    const body = decodeEntities(res.body);
    expect(body).toContain('Verborgene Runde');
    expect(body).toContain('Verborgen');
    expect(body).toContain('Aufnahme auf Anfrage');
    expect(body).toMatch(/Communities: \d+/);
    expect((await clients.member.get('/geschaeftsstelle/communities')).statusCode).toBe(404);
    expect((await clients.leadA.get('/geschaeftsstelle/communities/neu')).statusCode).toBe(404);
    expectSignIn(await clients.anonymous.get('/geschaeftsstelle/communities'));
    expect(decodeEntities((await clients.office.get('/geschaeftsstelle')).body)).toContain('href="/geschaeftsstelle/communities"');
  });

  it('creates a community with a lead; 422 keeps every input and names the fields', async () => {
    const form = await clients.office.get('/geschaeftsstelle/communities/neu');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="chathamHouse" checked/);
    expect(form.body).toMatch(/name="visibility" value="open" checked/);

    const input = {
      name: 'Digitale Bauverwaltung',
      slug: 'Digitale Bauverwaltung',
      description: 'Bauanträge digital',
      guidelines: '# Regeln\n\nFreundlich bleiben.',
      topics: 'Bauantrag, E-Akte',
      visibility: 'hidden',
      partnersAllowed: 'on',
      lead: 'niemand@nirgendwo.example',
    };
    const bad = await clients.office.post('/geschaeftsstelle/communities/neu', input);
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'slug')).toContain('Bitte verwenden Sie für die Kurzadresse 2 bis 60 Kleinbuchstaben');
    expect(inputValue(bad.body, 'name')).toBe('Digitale Bauverwaltung');
    expect(inputValue(bad.body, 'slug')).toBe('Digitale Bauverwaltung');
    expect(inputValue(bad.body, 'topics')).toBe('Bauantrag, E-Akte');
    expect(inputValue(bad.body, 'lead')).toBe('niemand@nirgendwo.example');
    expect(bad.body).toContain('>Bauanträge digital</textarea>');
    expect(bad.body).toMatch(/name="visibility" value="hidden" checked/);
    expect(bad.body).toMatch(/name="partnersAllowed" checked/);
    // Unticked by the office, so it stays unticked.
    expect(bad.body).not.toMatch(/name="chathamHouse" checked/);

    const unknownLead = await clients.office.post('/geschaeftsstelle/communities/neu', { ...input, slug: 'digitale-bauverwaltung' });
    expect(unknownLead.statusCode).toBe(422);
    expect(fieldError(unknownLead.body, 'lead')).toBe('Unter dieser E-Mail-Adresse gibt es kein verifiziertes Mitglied. Bitte prüfen Sie die Adresse.');
    const reserved = await clients.office.post('/geschaeftsstelle/communities/neu', { ...input, slug: 'vorschlagen', lead: people.leadB.email });
    expect(fieldError(reserved.body, 'slug')).toContain('reserviert');
    const taken = await clients.office.post('/geschaeftsstelle/communities/neu', { ...input, slug: c.open.slug, lead: people.leadB.email });
    expect(taken.statusCode).toBe(422);
    expect(fieldError(taken.body, 'slug')).toBe('Diese Kurzadresse ist bereits vergeben. Bitte wählen Sie eine andere.');

    const created = await clients.office.post('/geschaeftsstelle/communities/neu', { ...input, slug: 'digitale-bauverwaltung', lead: people.leadB.email.toUpperCase(), chathamHouse: 'on' });
    expect(created.headers.location).toBe('/communities/digitale-bauverwaltung');
    const row = await t.db.selectFrom('communities').selectAll().where('slug', '=', 'digitale-bauverwaltung').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Digitale Bauverwaltung', visibility: 'hidden', partnersAllowed: true, chathamHouse: true, status: 'active', guidelines: '# Regeln\n\nFreundlich bleiben.', memberCount: 1 });
    expect(await t.db.selectFrom('communityMembers').select(['userId', 'role', 'status']).where('communityId', '=', row.id).execute()).toEqual([{ userId: people.leadB.id, role: 'lead', status: 'active' }]);
    const topics = await t.db.selectFrom('communityTopics as ct').innerJoin('tags', 'tags.id', 'ct.tagId').select('tags.label').where('ct.communityId', '=', row.id).orderBy('tags.label').execute();
    expect(topics.map((r) => r.label)).toEqual(['Bauantrag', 'E-Akte']);
    expect(await auditFor(row.id)).toEqual([{ action: 'community.create', actorId: people.office.id, details: { slug: 'digitale-bauverwaltung', visibility: 'hidden' } }]);
    expectSignIn(await clients.anonymous.post('/geschaeftsstelle/communities/neu', input));
    expect((await clients.member.post('/geschaeftsstelle/communities/neu', { ...input, slug: 'noch-eine', lead: people.member.email })).statusCode).toBe(404);
  });
});
