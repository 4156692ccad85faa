/**
 * Search end to end, over HTTP (page and API): what it finds, and above all what it never
 * reveals. A hidden community, a community on request and a community that admits partners
 * hold texts with words found nowhere else; for people who may not read them, no result,
 * snippet, count, spelling correction or similar-question hint may give them away, and a
 * search filtered by the hidden community answers like one by a community that does not exist.
 * Every negative check has a positive twin (someone who may read the text finds it), so that
 * the tests would notice a search that simply finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { addMembers, createCommunity, createPost, createReply } from '../../../test/helpers/communities.js';
import { newId } from '../../lib/ids.js';
import type { EventAudience } from '../../db/schema.js';

let t: TestApp;
type Who = 'outsider' | 'insider' | 'lead' | 'partner' | 'office' | 'applicant';
const clients = {} as Record<Who, TestClient>;
const users = {} as Record<Who, Awaited<ReturnType<typeof createUser>>>;
const ids = {} as Record<string, string>;

/** Words that occur only in the hidden community (and its members' eyes). */
const HIDDEN_WORDS = ['zaunkönigprotokoll', 'geheimhaltungsstufe', 'falkenauge'];
/** Words that occur only in the content of the community on request. */
const REQUEST_WORDS = ['pirolstrategie', 'schwalbenbericht'];
/** Words only in the partners' community. */
const PARTNER_WORDS = ['kranichmodell'];

async function api(who: Who, query: string) {
  const res = await clients[who].api('GET', `/api/v1/search?${query}`);
  return { status: res.statusCode, body: res.json(), text: res.body };
}
const q = (text: string, extra = '') => `q=${encodeURIComponent(text)}${extra}`;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t;
  const town = await createOrganisation(db, { name: 'Stadt Vogelsang', level: 'kommune' });
  const ministry = await createOrganisation(db, { name: 'Ministerium für Vogelkunde', level: 'land' });
  users.outsider = await createUser(db, { name: 'Olga Außenstehend', organisationId: town.id });
  users.insider = await createUser(db, { name: 'Ines Innen', organisationId: ministry.id });
  users.lead = await createUser(db, { name: 'Lars Leitung', organisationId: town.id });
  users.partner = await createUser(db, { name: 'Paula Partnerin', role: 'partner' });
  users.office = await createUser(db, { name: 'Otto Office', role: 'office' });
  users.applicant = await createUser(db, { name: 'Anton Antrag', role: 'applicant' });

  const open = await createCommunity(db, { slug: 'vogelschutz', name: 'Vogelschutz in der Verwaltung', members: [{ userId: users.lead.id, role: 'lead' }, { userId: users.insider.id }] });
  const hidden = await createCommunity(db, { slug: 'geheimrunde', name: 'Zaunkönigrunde', visibility: 'hidden', members: [{ userId: users.lead.id, role: 'lead' }, { userId: users.insider.id }] });
  const request = await createCommunity(db, { slug: 'pirolkreis', name: 'Pirolkreis', visibility: 'request', members: [{ userId: users.lead.id, role: 'lead' }, { userId: users.insider.id }] });
  const partners = await createCommunity(db, { slug: 'kranichnetz', name: 'Kranichnetz', partnersAllowed: true, members: [{ userId: users.lead.id, role: 'lead' }, { userId: users.partner.id }] });
  Object.assign(ids, { open: open.id, hidden: hidden.id, request: request.id, partners: partners.id });
  await db.updateTable('communities').set({ description: 'Austausch über das Zaunkönigprotokoll und die Geheimhaltungsstufe.' }).where('id', '=', hidden.id).execute();

  // Open: visible to every member. A post about protocols and one with markup in it.
  const openPost = await createPost(db, { communityId: open.id, authorId: users.lead.id, type: 'question', title: 'Wie schreibt ihr ein Protokoll der Sitzung?', body: 'Wir suchen eine Vorlage für Protokolle. Die Digitalisierung der Protokollführung steht an.' });
  const accepted = await createReply(db, { postId: openPost.id, authorId: users.insider.id, body: 'Wir nutzen eine Vorlage mit Beschlüssen oben; das spart Zeit.', accepted: true });
  await createPost(db, { communityId: open.id, authorId: users.insider.id, title: '<script>alert(1)</script> Meisenzählung', body: '<img src=x onerror=alert(1)> Die Meisenzählung **läuft** [hier](https://example.org).' });
  Object.assign(ids, { openPost: openPost.id, accepted: accepted.id });

  // Hidden: a question, a reply and a practice example with the secret words.
  const hiddenPost = await createPost(db, { communityId: hidden.id, authorId: users.lead.id, type: 'question', title: 'Wie setzen wir das Zaunkönigprotokoll um?', body: 'Das Protokoll gilt ab Geheimhaltungsstufe zwei. Bitte nicht weitergeben.' });
  await createReply(db, { postId: hiddenPost.id, authorId: users.insider.id, body: 'Das Falkenauge prüft das Zaunkönigprotokoll monatlich.' });
  ids.hiddenPost = hiddenPost.id;

  // On request: listed, but its content is for its members.
  const requestPost = await createPost(db, { communityId: request.id, authorId: users.lead.id, type: 'question', title: 'Pirolstrategie für das Protokoll?', body: 'Der Schwalbenbericht liegt vor.' });
  ids.requestPost = requestPost.id;

  // Partners allowed: the partner reads it, a member who is not in it reads it too (it is open).
  await createPost(db, { communityId: partners.id, authorId: users.partner.id, title: 'Das Kranichmodell', body: 'Ein Modell für gemeinsame Protokolle.' });

  // People: a secret in a field the person keeps to themselves, and a position for members.
  await db.insertInto('profiles').values({ userId: users.outsider.id, position: 'Referentin Amselflug', bio: 'Mein Hobby ist das Sperlingsgeheimnis.', visibility: JSON.stringify({ bio: 'nobody', position: 'members' }) }).execute();
  await addMembers(db, open.id, [{ userId: users.outsider.id }]);

  for (const who of Object.keys(users) as Who[]) {
    clients[who] = new TestClient(t.app);
    await clients[who].signIn(users[who].email, TEST_PASSWORD);
  }
});
afterAll(() => t?.close());

describe('what search finds', () => {
  it('finds words by their stem, umlaut spellings, parts of compounds and typos, with highlighted snippets', async () => {
    const stem = await api('outsider', q('Protokolle'));
    expect(stem.status).toBe(200);
    expect(stem.body.items.map((i: { id: string }) => i.id)).toContain(ids.openPost);
    const first = stem.body.items[0];
    expect(first.titleHtml).toContain('<mark>Protokoll</mark>');

    // "Protokollführung" contains "Protokoll"; "Fuehrung" is "Führung" spelled without umlaut.
    const umlaut = await api('outsider', q('Protokollfuehrung'));
    expect(umlaut.body.items.map((i: { id: string }) => i.id)).toEqual([ids.openPost]);
    const part = await api('outsider', q('Führung'));
    expect(part.body.items.map((i: { id: string }) => i.id)).toContain(ids.openPost);

    const typo = await api('outsider', q('Meisenzählnug'));
    expect(typo.body.correctedQuery).toBe('meisenzählung');
    expect(typo.body.items).toHaveLength(1);
    expect(typo.body.items[0].title).toContain('Meisenzählung');
  });

  it('knows phrases and exclusions', async () => {
    const phrase = await api('outsider', q('"Vorlage für Protokolle"'));
    expect(phrase.body.items.map((i: { id: string }) => i.id)).toEqual([ids.openPost]);
    const wrongOrder = await api('outsider', q('"Protokolle für Vorlage"'));
    expect(wrongOrder.body.total).toBe(0);
    const both = await api('outsider', q('Vorlage'));
    expect(both.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['post', 'reply']);
    const without = await api('outsider', q('Vorlage -Beschlüssen'));
    expect(without.body.items.map((i: { kind: string }) => i.kind)).toEqual(['post']);
  });

  it('shows a reply in its post, marks the accepted answer, and filters by type, community, level and period', async () => {
    const replies = await api('outsider', q('Beschlüsse', '&type=reply'));
    expect(replies.body.items).toHaveLength(1);
    const reply = replies.body.items[0];
    expect(reply).toMatchObject({ kind: 'reply', id: ids.accepted, accepted: true, answered: true, type: 'question', post: { id: ids.openPost } });
    expect(reply.url).toMatch(new RegExp(`/beitraege/${ids.openPost}\\?antwort=${ids.accepted}#antwort-${ids.accepted}$`));
    expect(reply.level).toBe('land');

    expect((await api('outsider', q('Vorlage', '&level=land'))).body.items.map((i: { kind: string }) => i.kind)).toEqual(['reply']);
    expect((await api('outsider', q('Vorlage', '&level=kommune'))).body.items.map((i: { kind: string }) => i.kind)).toEqual(['post']);
    expect((await api('outsider', q('Vorlage', '&type=question&community=vogelschutz&period=week'))).body.total).toBe(1);
    expect((await api('outsider', q('Vorlage', '&community=kranichnetz'))).body.total).toBe(0);
    await sql`update posts set created_at = now() - interval '60 days' where id = ${ids.openPost}`.execute(t.db);
    expect((await api('outsider', q('Vorlage', '&type=question&period=month'))).body.total).toBe(0);
    expect((await api('outsider', q('Vorlage', '&type=question&period=year'))).body.total).toBe(1);
  });

  it('links a reply deep in a long discussion to its post, starting at that reply', async () => {
    const post = await createPost(t.db, { communityId: ids.open!, authorId: users.lead.id, title: 'Lange Diskussion über Nistkästen', body: 'Viele Antworten.' });
    let deep = '';
    for (let i = 0; i < 60; i++) {
      const r = await createReply(t.db, { postId: post.id, authorId: users.insider.id, body: i === 55 ? 'Der Wiedehopf brütet im Nistkasten.' : `Antwort Nummer ${i}` });
      await sql`update replies set created_at = now() - make_interval(mins => ${60 - i}) where id = ${r.id}`.execute(t.db);
      if (i === 55) deep = r.id;
    }
    const found = await api('outsider', q('Wiedehopf'));
    expect(found.body.items[0]).toMatchObject({ kind: 'reply', id: deep });
    const page = await clients.outsider.get(new URL(found.body.items[0].url).pathname + new URL(found.body.items[0].url).search);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`id="antwort-${deep}"`);
    expect(page.body).toContain(`href="/beitraege/${post.id}"`); // back to the first replies
    // Without the parameter, the first page does not reach it.
    expect((await clients.outsider.get(`/beitraege/${post.id}`)).body).not.toContain(`id="antwort-${deep}"`);
  });

  it('finds people by name and by fields the viewer may see, organisations and communities', async () => {
    const person = await api('insider', q('Olga Außenstehend'));
    expect(person.body.items[0]).toMatchObject({ kind: 'member', id: users.outsider.id, organisationName: 'Stadt Vogelsang', level: 'kommune' });
    expect((await api('insider', q('Amselflug'))).body.items.map((i: { id: string }) => i.id)).toEqual([users.outsider.id]);
    // The bio is for nobody: its words find nothing, for anyone but its owner.
    expect((await api('insider', q('Sperlingsgeheimnis'))).body.total).toBe(0);
    expect((await api('office', q('Sperlingsgeheimnis'))).body.total).toBe(0);
    expect((await api('outsider', q('Sperlingsgeheimnis'))).body.items.map((i: { id: string }) => i.id)).toEqual([users.outsider.id]);

    const org = await api('insider', q('Vogelkunde'));
    expect(org.body.items[0]).toMatchObject({ kind: 'organisation', title: 'Ministerium für Vogelkunde', level: 'land' });
    const community = await api('outsider', q('Vogelschutz', '&type=community'));
    expect(community.body.items[0]).toMatchObject({ kind: 'community', community: { slug: 'vogelschutz' } });
  });

  it('pages with a cursor, and counts what it pages through', async () => {
    for (let i = 0; i < 5; i++) await createPost(t.db, { communityId: ids.open!, authorId: users.lead.id, title: `Amselbeobachtung Teil ${i}`, body: 'Amseln im Park.' });
    const first = await api('outsider', q('Amselbeobachtung', '&limit=2'));
    expect(first.body.total).toBe(5);
    const seen = first.body.items.map((i: { id: string }) => i.id);
    let next = first.body.next;
    while (next) {
      const page = await api('outsider', q('Amselbeobachtung', `&limit=2&cursor=${encodeURIComponent(next)}`));
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      next = page.body.next;
    }
    expect(new Set(seen).size).toBe(5);
    // A cursor that is not one is the first page, not an error.
    expect((await api('outsider', q('Amselbeobachtung', '&limit=2&cursor=kaputt'))).body.items).toHaveLength(2);
    // Sorted by date: newest first.
    const byDate = await api('outsider', q('Amselbeobachtung', '&sort=date'));
    const dates = byDate.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('what search never reveals', () => {
  const secrets = [...HIDDEN_WORDS, ...REQUEST_WORDS, 'sperlingsgeheimnis'];
  const leaks = (text: string, allowed: string[] = []) => secrets.filter((w) => !allowed.includes(w) && text.toLowerCase().includes(w));

  it('members outside the hidden community find nothing of it: no result, snippet, count or correction', async () => {
    for (const word of ['Zaunkönigprotokoll', 'Geheimhaltungsstufe', 'Falkenauge', 'Zaunkönigrunde']) {
      const res = await api('outsider', q(word));
      expect(res.status).toBe(200);
      expect(res.body.total, word).toBe(0);
      expect(res.body.items).toEqual([]);
      expect(res.body.correctedQuery).toBeNull();
      // Its positive twin: a member of the hidden community finds it.
      expect((await api('insider', q(word))).body.total, `insider ${word}`).toBeGreaterThan(0);
    }
    // A misspelling of a secret word is not corrected into it (the vocabulary knows the word).
    const typo = await api('outsider', q('Zaunkönigbrotokoll'));
    expect(typo.body.correctedQuery).toBeNull();
    expect(leaks(typo.text)).toEqual([]);
    const insiderTypo = await api('insider', q('Zaunkönigbrotokoll'));
    expect(insiderTypo.body.correctedQuery).toBe('zaunkönigprotokoll');
    // A word shared with open content: only the open content is found and counted.
    const shared = await api('outsider', q('Protokoll'));
    expect(leaks(shared.text)).toEqual([]);
    expect(shared.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.hiddenPost);
    const insiderShared = await api('insider', q('Protokoll'));
    expect(insiderShared.body.items.map((i: { id: string }) => i.id)).toContain(ids.hiddenPost);
    expect(insiderShared.body.total).toBeGreaterThan(shared.body.total);
    // The search page says the same: nothing, and no word of it.
    const page = await clients.outsider.get(`/suche?${q('Protokoll')}`);
    expect(page.statusCode).toBe(200);
    expect(leaks(page.body)).toEqual([]);
    expect(page.body).not.toContain('Zaunkönigrunde');
  });

  it('a filter by the hidden community answers exactly like one by a community that does not exist', async () => {
    const hidden = await api('outsider', q('Protokoll', '&community=geheimrunde'));
    const missing = await api('outsider', q('Protokoll', '&community=gibt-es-nicht'));
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(missing.text);
    expect((await api('insider', q('Protokoll', '&community=geheimrunde'))).body.total).toBeGreaterThan(0);
    const hiddenPage = await clients.outsider.get(`/suche?${q('Protokoll', '&community=geheimrunde')}`);
    const missingPage = await clients.outsider.get(`/suche?${q('Protokoll', '&community=gibt-es-nicht')}`);
    expect(hiddenPage.statusCode).toBe(missingPage.statusCode);
    const normalise = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/geheimrunde|gibt-es-nicht/g, 'X');
    expect(normalise(hiddenPage.body)).toBe(normalise(missingPage.body));
    // The community filter lists only communities the viewer may read.
    expect(hiddenPage.body).not.toContain('Zaunkönigrunde');
    expect(hiddenPage.body).not.toContain('value="pirolkreis"');
  });

  it('a community on request is found as a community, but its content only by its members', async () => {
    const community = await api('outsider', q('Pirolkreis'));
    expect(community.body.items.map((i: { kind: string }) => i.kind)).toEqual(['community']);
    for (const word of ['Pirolstrategie', 'Schwalbenbericht']) {
      const res = await api('outsider', q(word));
      expect(res.body.total, `${word} ${JSON.stringify(res.body.items)}`).toBe(0);
      expect(res.body.correctedQuery).toBeNull();
      expect(leaks(res.text, [word.toLowerCase()])).toEqual([]);
      expect((await api('insider', q(word))).body.items.map((i: { id: string }) => i.id)).toEqual([ids.requestPost]);
    }
  });

  it('a partner finds only the community that admits them, and the people they share it with', async () => {
    expect((await api('partner', q('Kranichmodell'))).body.total).toBe(1);
    for (const word of ['Vorlage', 'Meisenzählung', 'Zaunkönigprotokoll', 'Pirolstrategie', 'Vogelschutz']) {
      const res = await api('partner', q(word));
      expect(res.body.total, word).toBe(0);
      expect(leaks(res.text, [word.toLowerCase()])).toEqual([]);
    }
    // Organisations are for verified members; people only if they share a community.
    expect((await api('partner', q('Vogelkunde'))).body.total).toBe(0);
    expect((await api('partner', q('Ines Innen'))).body.total).toBe(0);
    expect((await api('partner', q('Lars Leitung'))).body.items.map((i: { id: string }) => i.id)).toEqual([users.lead.id]);
    // A member who is not in the partners' community reads it too (it is open).
    expect((await api('outsider', q('Kranichmodell'))).body.total).toBe(1);
  });

  it('similar questions never suggest what the writer may not read', async () => {
    const outsider = await clients.outsider.get(`/suche/aehnliche-fragen?title=${encodeURIComponent('Wie setzen wir das Zaunkönigprotokoll für die Pirolstrategie um?')}&community=vogelschutz`);
    expect(outsider.statusCode).toBe(200);
    expect(leaks(outsider.body)).toEqual([]);
    const insider = await clients.insider.get(`/suche/aehnliche-fragen?title=${encodeURIComponent('Wie setzen wir das Zaunkönigprotokoll um?')}&community=vogelschutz`);
    expect(insider.body).toContain(`/beitraege/${ids.hiddenPost}`);
    const apiOutsider = await clients.outsider.api('GET', `/api/v1/search/similar-questions?title=${encodeURIComponent('Protokoll Zaunkönigprotokoll Pirolstrategie')}`);
    expect(apiOutsider.json().items.map((i: { id: string }) => i.id)).toEqual([ids.openPost]);
  });

  it('applicants and visitors cannot search at all', async () => {
    expect((await api('applicant', q('Protokoll'))).status).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/search?${q('Protokoll')}` });
    expect(anonymous.statusCode).toBe(401);
    const page = await t.app.inject({ method: 'GET', url: `/suche?${q('Protokoll')}` });
    expect([302, 303]).toContain(page.statusCode);
  });

  it('office staff find everything but what people keep to themselves', async () => {
    expect((await api('office', q('Zaunkönigprotokoll'))).body.total).toBeGreaterThan(0);
    expect((await api('office', q('Sperlingsgeheimnis'))).body.total).toBe(0);
  });
});

describe('hostile and odd queries', () => {
  const hostile = [
    "'; DROP TABLE posts; --",
    '" OR 1=1 --',
    '& | ! <-> :* ( )',
    '((((((((((',
    '"unbalanced quote',
    '"""',
    '-',
    '-Protokoll',
    '.*+?^${}()|[]\\',
    '%_%',
    '\u0000\u0001\u0007\u001b[31m',
    '\u202eKI\u200b',
    '🙂🙂🙂',
    'ß'.repeat(500),
    'a'.repeat(2000),
    'Protokoll '.repeat(199),
    'der die das und oder',
    'x',
  ];

  it.each(hostile.map((h) => [JSON.stringify(h).slice(0, 40), h]))('the API answers %s with results or a clear status, never a 500', async (_label, text) => {
    const res = await api('outsider', q(text));
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(['ok', 'noWords', 'onlyCommon', 'onlyExcluded']).toContain(res.body.status);
    if (res.body.status !== 'ok') expect(res.body.message).toMatch(/\w/);
    const page = await clients.outsider.get(`/suche?${q(text)}`);
    expect(page.statusCode).toBe(200);
  });

  it('answers a query of 10,000 words: the page reads the first words and says so; the API refuses it clearly', async () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `wort${i}`).join(' ');
    const page = await clients.outsider.get(`/suche?${q(words)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ihre Suche war sehr lang');
    const res = await api('outsider', q(words));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says why nothing was searched: empty, only separators, only common words, only exclusions', async () => {
    expect((await api('outsider', q('!!! ???'))).body.status).toBe('noWords');
    expect((await api('outsider', q('und der die'))).body.status).toBe('onlyCommon');
    expect((await api('outsider', q('-Protokoll'))).body.status).toBe('onlyExcluded');
    expect((await api('outsider', 'q=')).status).toBe(400);
    const empty = await clients.outsider.get('/suche');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Geben Sie oben einen Suchbegriff ein');
    const none = await clients.outsider.get(`/suche?${q('Xylophonwerkstatt')}`);
    expect(none.body).toContain('Keine Treffer für »Xylophonwerkstatt«');
    expect(none.body).toContain('/wer-weiss-was?q=Xylophonwerkstatt');
  });

  it('never lets a title or text inject markup into results', async () => {
    const res = await api('outsider', q('Meisenzählung'));
    const item = res.body.items.find((i: { kind: string }) => i.kind === 'post');
    expect(item.titleHtml).toContain('&#60;script&#62;');
    expect(item.titleHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(item.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(item.snippet).not.toContain('**');
    const page = await clients.outsider.get(`/suche?${q('Meisenzählung')}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('<mark>Meisenzählung</mark>');
  });
});

describe('the question form', () => {
  it('without JavaScript, "Ähnliche Fragen prüfen" lists similar questions and keeps everything typed', async () => {
    const c = clients.outsider;
    await c.get('/communities/vogelschutz/neu');
    const res = await c.post('/communities/vogelschutz/neu', { type: 'question', title: 'Gibt es eine Vorlage für das Protokoll?', body: 'Mein Entwurf <b>bleibt</b>.', tags: 'Protokoll', aktion: 'aehnliche-fragen' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/beitraege/${ids.openPost}`);
    expect(res.body).not.toContain(`/beitraege/${ids.hiddenPost}`);
    expect(inputValue(res.body, 'title')).toBe('Gibt es eine Vorlage für das Protokoll?');
    expect(inputValue(res.body, 'tags')).toBe('Protokoll');
    expect(res.body).toContain('>Mein Entwurf &lt;b>bleibt&lt;/b>.</textarea>');
    // Nothing was published.
    const count = await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('title', '=', 'Gibt es eine Vorlage für das Protokoll?').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('events', () => {
  const day = 86_400_000;
  const ev = {} as Record<'members' | 'invited' | 'community' | 'public' | 'cancelled' | 'old', string>;
  const starts = {} as Record<keyof typeof ev, Date>;

  async function createEvent(key: keyof typeof ev, opts: { title: string; description: string; place?: string; audience: EventAudience; communityId?: string; inDays: number; invited?: string[]; cancelled?: boolean }) {
    const id = newId();
    const startsAt = new Date(Date.now() + opts.inDays * day);
    await t.db
      .insertInto('events')
      .values({ id, kind: 'workshop', title: opts.title, description: opts.description, place: opts.place ?? null, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000), audience: opts.audience, communityId: opts.communityId ?? null, createdBy: users.office.id, ...(opts.cancelled ? { status: 'cancelled' as const, cancelledAt: new Date() } : {}) })
      .execute();
    for (const userId of opts.invited ?? []) await t.db.insertInto('eventInvitations').values({ eventId: id, userId }).execute();
    ev[key] = id;
    starts[key] = startsAt;
  }
  const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  beforeAll(async () => {
    await createEvent('members', { title: 'Werkstatt Wiesenweihe', description: 'Wir üben die **Bestandsaufnahme** der Brutpaare im Feuchtgebiet.', place: 'Kassel', audience: 'members', inDays: 10 });
    await createEvent('invited', { title: 'Klausur zum Uhuschutz', description: 'Nur für die eingeladene Runde: Uhuschutz im Steinbruch.', audience: 'invited', inDays: 12, invited: [users.lead.id] });
    await createEvent('community', { title: 'Storchenzählung im Frühjahr', description: 'Treffen der Community.', audience: 'community', communityId: ids.partners!, inDays: 14 });
    // Public, but linked to the hidden community: found by everyone inside, its community named only to its members.
    await createEvent('public', { title: 'Öffentliche Eulennacht', description: 'Wir hören den Waldkauz.', place: 'Göttingen', audience: 'public', communityId: ids.hidden!, inDays: 20 });
    await createEvent('cancelled', { title: 'Eulennacht im Stadtwald', description: 'Leider abgesagt.', audience: 'members', inDays: 21, cancelled: true });
    await createEvent('old', { title: 'Eulennacht vor zwei Jahren', description: 'Rückblick.', audience: 'members', inDays: -730 });
    await createPost(t.db, { communityId: ids.open!, authorId: users.lead.id, title: 'Bericht von der Eulennacht', body: 'Viele Eulen gehört.' });
  });

  it('a member finds an event for members by a word of its title, of its description (stemmed) and of its place; the result links to the event', async () => {
    const byTitle = await api('outsider', q('Wiesenweihe'));
    expect(byTitle.status).toBe(200);
    expect(byTitle.body.items).toHaveLength(1);
    const item = byTitle.body.items[0];
    expect(item).toMatchObject({ kind: 'event', id: ev.members, type: null, title: 'Werkstatt Wiesenweihe', cancelled: false, community: null, post: null });
    expect(item.titleHtml).toBe('Werkstatt <mark>Wiesenweihe</mark>');
    expect(new URL(item.url).pathname).toBe(`/veranstaltungen/${ev.members}`);
    expect(item.createdAt).toBe(starts.members.toISOString());
    // The result's address opens the event for the same person.
    expect((await clients.outsider.get(new URL(item.url).pathname)).statusCode).toBe(200);

    const byDescription = await api('outsider', q('Bestandsaufnahme'));
    expect(idsOf(byDescription)).toEqual([ev.members]);
    expect(byDescription.body.items[0].snippetHtml).toContain('<mark>Bestandsaufnahme</mark>');
    expect(byDescription.body.items[0].snippet).not.toContain('**');
    // "Brutpaar" (singular) finds "Brutpaare"; "Feuchtgebiete" finds "Feuchtgebiet".
    expect(idsOf(await api('outsider', q('Brutpaar')))).toEqual([ev.members]);
    expect(idsOf(await api('outsider', q('Feuchtgebiete')))).toEqual([ev.members]);
    expect(idsOf(await api('outsider', q('Kassel')))).toEqual([ev.members]);
    // A misspelt word of an event is corrected (the vocabulary knows it).
    const typo = await api('outsider', q('Wiesenwiehe'));
    expect(typo.body.correctedQuery).toBe('wiesenweihe');
    expect(idsOf(typo)).toEqual([ev.members]);
  });

  it('an invited-only event is neither found nor counted nor offered as a correction for a member who is not invited; the invited find it', async () => {
    for (const word of ['Uhuschutz', 'Klausur Steinbruch']) {
      const res = await api('outsider', q(word));
      expect(res.body.total, word).toBe(0);
      expect(res.body.items).toEqual([]);
      expect(res.text).not.toContain(ev.invited);
      expect(res.text).not.toContain('eingeladene');
      expect(idsOf(await api('lead', q(word))), word).toEqual([ev.invited]);
    }
    // Nor by a misspelling: neither corrected into it nor found as part of a longer word.
    for (const typo of ['Uhuchutz', 'Uhuschuts']) {
      const res = await api('outsider', q(typo));
      expect(res.body.total, typo).toBe(0);
      expect(res.body.correctedQuery, typo).toBeNull();
    }
    expect((await api('lead', q('Uhuchutz'))).body.correctedQuery).toBe('uhuschutz');
    expect(idsOf(await api('lead', q('Uhuschuts')))).toEqual([ev.invited]);
    expect((await api('partner', q('Uhuschutz'))).body.total).toBe(0);
    expect(idsOf(await api('office', q('Uhuschutz')))).toEqual([ev.invited]);
    const page = await clients.outsider.get(`/suche?${q('Uhuschutz')}`);
    expect(page.body).not.toContain(ev.invited);
    expect(page.body).not.toContain('Klausur zum');
  });

  it('a community event is found by the community’s members only', async () => {
    expect((await api('outsider', q('Storchenzählung'))).body.total).toBe(0);
    expect((await api('insider', q('Storchenzählung'))).body.total).toBe(0);
    const partner = await api('partner', q('Storchenzählung'));
    expect(partner.body.items).toHaveLength(1);
    expect(partner.body.items[0]).toMatchObject({ kind: 'event', id: ev.community, community: { slug: 'kranichnetz', name: 'Kranichnetz' } });
    expect(idsOf(await api('lead', q('Storchenzählung')))).toEqual([ev.community]);
  });

  it('a partner finds a public event, and its community is named only to those it exists for', async () => {
    const partner = await api('partner', q('Eulennacht'));
    expect(idsOf(partner)).toEqual([ev.public]);
    expect(partner.body.items[0].community).toBeNull();
    // Events for members are not the partner's; and the member sees no name of the hidden community.
    expect((await api('partner', q('Wiesenweihe'))).body.total).toBe(0);
    const outsider = (await api('outsider', q('Waldkauz'))).body.items;
    expect(outsider).toHaveLength(1);
    expect(outsider[0]).toMatchObject({ id: ev.public, community: null });
    const insider = (await api('insider', q('Waldkauz'))).body.items;
    expect(insider[0]).toMatchObject({ id: ev.public, community: { slug: 'geheimrunde' } });
  });

  it('ranks a cancelled event lower and marks it; filters by type, community, period and level', async () => {
    const all = await api('outsider', q('Eulennacht'));
    const kinds = all.body.items.map((i: { kind: string; id: string }) => `${i.kind}:${i.id}`);
    expect(kinds).toContain(`event:${ev.public}`);
    expect(kinds).toContain(`event:${ev.cancelled}`);
    expect(all.body.items.some((i: { kind: string }) => i.kind === 'post')).toBe(true);
    expect(kinds.indexOf(`event:${ev.public}`)).toBeLessThan(kinds.indexOf(`event:${ev.cancelled}`));
    expect(all.body.items.find((i: { id: string }) => i.id === ev.cancelled).cancelled).toBe(true);

    const events = await api('outsider', q('Eulennacht', '&type=event'));
    expect(events.body.items.map((i: { kind: string }) => i.kind)).toEqual(['event', 'event', 'event']);
    expect(events.body.total).toBe(3);
    // The period keeps events that start in it or later: the one two years ago drops out.
    expect(idsOf(await api('outsider', q('Eulennacht', '&type=event&period=year'))).sort()).toEqual([ev.public, ev.cancelled].sort());
    // Newest first: by the start of the event.
    expect(idsOf(await api('outsider', q('Eulennacht', '&type=event&sort=date')))).toEqual([ev.cancelled, ev.public, ev.old]);
    // The level of an organisation does not apply to events.
    expect((await api('outsider', q('Eulennacht', '&type=event&level=land'))).body.total).toBe(0);
    // Community filter: the events linked to that community.
    expect((await api('outsider', q('Eulennacht', '&type=event&community=vogelschutz'))).body.total).toBe(0);
    expect(idsOf(await api('insider', q('Eulennacht', '&community=geheimrunde')))).toEqual([ev.public]);
    expect(idsOf(await api('partner', q('Storchenzählung', '&type=event&community=kranichnetz')))).toEqual([ev.community]);
    expect((await api('outsider', q('Eulennacht', '&type=event&cursor=x&limit=1'))).body.next).not.toBeNull();
  });

  it('the search page offers the type, shows events with their kind and date, marks cancelled ones and links them', async () => {
    const page = await clients.outsider.get(`/suche?${q('Eulennacht', '&typ=event')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="event" selected');
    expect(page.body).toContain('Veranstaltungen</option>');
    expect(page.body).toContain(`href="/veranstaltungen/${ev.public}"`);
    expect(page.body).toContain(`href="/veranstaltungen/${ev.cancelled}"`);
    expect(page.body).not.toContain('/beitraege/');
    expect(page.body).toContain('>Veranstaltung</span>');
    expect(page.body).toContain('Abgesagt');
    expect(page.body).toContain('3 Treffer');
    const mixed = await clients.outsider.get(`/suche?${q('Eulennacht')}`);
    expect(mixed.body).toContain('/beitraege/');
    expect(mixed.body).toContain(`href="/veranstaltungen/${ev.public}"`);
  });
});
