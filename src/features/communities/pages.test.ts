/**
 * The community and post pages as people use them: list, join and request, invitations,
 * writing with everything kept on error, replies with quotes, accepting, helpful marks under
 * parallel requests, edit history, mentions, rate limits, and the expert finder's new signals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, decodeEntities, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createCommunity, createPost, createReply } from '../../../test/helpers/communities.js';

let t: TestApp;
type User = Awaited<ReturnType<typeof createUser>>;
let lead: User, member: User, outsider: User, partner: User, applicant: User;
let open: Awaited<ReturnType<typeof createCommunity>>;
let onRequest: Awaited<ReturnType<typeof createCommunity>>;
let hidden: Awaited<ReturnType<typeof createCommunity>>;
const clients = new Map<string, TestClient>();

async function as(user: User): Promise<TestClient> {
  let client = clients.get(user.id);
  if (!client) {
    client = new TestClient(t.app);
    await client.signIn(user.email, TEST_PASSWORD);
    clients.set(user.id, client);
  }
  return client;
}

const idFrom = (location: string | undefined) => /\/beitraege\/([A-Za-z0-9_-]+)/.exec(location ?? '')?.[1] ?? '';

beforeAll(async () => {
  t = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 1000 } });
  const org = await createOrganisation(t.db, { name: 'Stadt Seitenheim' });
  lead = await createUser(t.db, { name: 'Lea Leitung', organisationId: org.id });
  member = await createUser(t.db, { name: 'Mia Mitglied', organisationId: org.id });
  outsider = await createUser(t.db, { name: 'Otto Außen', organisationId: org.id });
  partner = await createUser(t.db, { role: 'partner', name: 'Paula Partner' });
  applicant = await createUser(t.db, { role: 'applicant', name: 'Anna Antrag' });
  open = await createCommunity(t.db, { slug: 'offene-runde', name: 'Offene Runde', members: [{ userId: lead.id, role: 'lead' }, { userId: member.id }] });
  onRequest = await createCommunity(t.db, { slug: 'runde-auf-anfrage', name: 'Runde auf Anfrage', visibility: 'request', members: [{ userId: lead.id, role: 'lead' }, { userId: member.id }] });
  hidden = await createCommunity(t.db, { slug: 'geheime-runde', name: 'Geheime Runde', visibility: 'hidden', partnersAllowed: true, members: [{ userId: lead.id, role: 'lead' }] });
  await createPost(t.db, { communityId: onRequest.id, authorId: lead.id, title: 'Interna der Anfragerunde' });
  await createPost(t.db, { communityId: hidden.id, authorId: lead.id, title: 'Streng vertraulicher Plan' });
});

afterAll(async () => {
  await t.close();
});

describe('the list of communities', () => {
  it('shows what exists for the viewer, with a count, and never the hidden community to outsiders', async () => {
    const page = await (await as(outsider)).get('/communities');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Offene Runde');
    expect(page.body).toContain('Runde auf Anfrage');
    expect(page.body).not.toContain('Geheime Runde');
    expect(page.body).toContain('Communities: 2');
    expect((await (await as(lead)).get('/communities')).body).toContain('Geheime Runde');
  });

  it('sends visitors to sign in, refuses applicants, and shows partners nothing they were not invited to', async () => {
    const anonymous = await new TestClient(t.app).get('/communities');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/anmelden');
    expect((await (await as(applicant)).get('/communities')).statusCode).toBe(403);
    const page = await (await as(partner)).get('/communities');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Communities: 0');
  });
});

describe('a community page', () => {
  it('answers 404 for a hidden community exactly as for one that does not exist', async () => {
    const client = await as(outsider);
    const hiddenPage = await client.get('/communities/geheime-runde');
    const missing = await client.get('/communities/gibt-es-nicht');
    expect(hiddenPage.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    // The same page, apart from the CSRF token and the address itself (in the language switch).
    const normalise = (html: string, slug: string) => html.replace(/_csrf" value="[^"]+"/g, '').replaceAll(slug, 'SLUG');
    expect(normalise(hiddenPage.body, 'geheime-runde')).toBe(normalise(missing.body, 'gibt-es-nicht'));
    expect((await client.get('/communities/geheime-runde/neu')).statusCode).toBe(404);
    expect((await client.get('/communities/geheime-runde/mitglieder')).statusCode).toBe(404);
  });

  it('shows a request-only community to everyone, but its posts only to members', async () => {
    const page = await (await as(outsider)).get('/communities/runde-auf-anfrage');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nur für Mitglieder dieser Community');
    expect(page.body).not.toContain('Interna der Anfragerunde');
    expect(page.body).toContain('Hier gilt die Chatham House Rule');
    expect((await (await as(member)).get('/communities/runde-auf-anfrage')).body).toContain('Interna der Anfragerunde');
    expect((await (await as(outsider)).get('/communities/runde-auf-anfrage/neu')).statusCode).toBe(403);
  });

  it('lets a member request to join, the lead approve, and then the member reads', async () => {
    const client = await as(outsider);
    const tooLong = await client.post('/communities/runde-auf-anfrage/mitgliedschaft', { message: `Ich bin ISB. ${'x'.repeat(1000)}` });
    expect(tooLong.statusCode).toBe(422);
    expect(fieldError(tooLong.body, 'message')).toContain('1000');
    expect(tooLong.body).toContain(`Ich bin ISB. ${'x'.repeat(1000)}`);
    const asked = await client.post('/communities/runde-auf-anfrage/mitgliedschaft', { message: 'Ich bin ISB im Kreis.' });
    expect(asked.statusCode).toBe(303);
    expect((await client.get('/communities/runde-auf-anfrage')).body).toContain('Ihre Anfrage ist bei der Leitung');
    const leadClient = await as(lead);
    const members = await leadClient.get('/communities/runde-auf-anfrage/mitglieder');
    expect(members.body).toContain('Ich bin ISB im Kreis.');
    expect((await (await as(member)).post(`/communities/runde-auf-anfrage/mitglieder/${outsider.id}/annehmen`)).statusCode).toBe(403);
    expect((await leadClient.post(`/communities/runde-auf-anfrage/mitglieder/${outsider.id}/annehmen`)).statusCode).toBe(303);
    expect((await client.get('/communities/runde-auf-anfrage')).body).toContain('Interna der Anfragerunde');
    const left = await client.post('/communities/runde-auf-anfrage/austreten');
    expect(left.headers.location).toBe('/communities');
    expect((await client.get('/communities/runde-auf-anfrage')).body).not.toContain('Interna der Anfragerunde');
  });

  it('keeps the last lead from leaving', async () => {
    const res = await (await as(lead)).post('/communities/geheime-runde/austreten');
    expect(res.headers.location).toBe('/communities/geheime-runde');
    const row = await t.db.selectFrom('communityMembers').select('status').where('communityId', '=', hidden.id).where('userId', '=', lead.id).executeTakeFirst();
    expect(row?.status).toBe('active');
  });

  it('invites a partner into a hidden community; the invitation shows the community only to them', async () => {
    const leadClient = await as(lead);
    const bad = await leadClient.post('/communities/geheime-runde/einladen', { person: 'niemand@nirgends.example' });
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'person')).toContain('kann nicht eingeladen werden');
    expect(inputValue(bad.body, 'person')).toBe('niemand@nirgends.example');
    expect((await leadClient.post('/communities/geheime-runde/einladen', { person: partner.email })).statusCode).toBe(303);
    const partnerClient = await as(partner);
    const invited = await partnerClient.get('/communities/geheime-runde');
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toContain('Einladung annehmen');
    expect(invited.body).not.toContain('Streng vertraulicher Plan');
    expect((await (await as(outsider)).get('/communities/geheime-runde')).statusCode).toBe(404);
    await partnerClient.post('/communities/geheime-runde/mitgliedschaft');
    expect((await partnerClient.get('/communities/geheime-runde')).body).toContain('Streng vertraulicher Plan');
    // The partner now shares a community with the lead, and sees the lead's profile.
    expect((await partnerClient.get(`/mitglieder/${lead.id}`)).statusCode).toBe(200);
    expect((await partnerClient.get(`/mitglieder/${member.id}`)).statusCode).toBe(404);
  });

  it('joins an open community with one click and lists it on the profile', async () => {
    const client = await as(outsider);
    expect((await client.post('/communities/offene-runde/mitgliedschaft')).statusCode).toBe(303);
    const profile = await (await as(member)).get(`/mitglieder/${outsider.id}`);
    expect(profile.body).toContain('href="/communities/offene-runde"');
    expect(profile.body).not.toContain('geheime-runde');
  });
});

describe('writing posts', () => {
  it('keeps everything typed when the form has an error, and refuses announcements from members', async () => {
    const client = await as(member);
    const form = { type: 'example', title: 'Digitaler Bauantrag', body: 'Wir haben **viel** gelernt.', tags: 'Bauen, OZG', problem: '', solution: 'Ein Portal', status: 'pilot', contactId: '', materials: '- [Leitfaden](https://example.org/l)', reuse: 'Gern' };
    const res = await client.post('/communities/offene-runde/neu', form);
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'problem')).toBeTruthy();
    expect(inputValue(res.body, 'title')).toBe('Digitaler Bauantrag');
    expect(inputValue(res.body, 'tags')).toBe('Bauen, OZG');
    expect(decodeEntities(res.body)).toContain('Wir haben **viel** gelernt.');
    expect(res.body).toMatch(/<option value="pilot" selected/);
    expect(res.body).toMatch(/<option value="example" selected/);
    const announcement = await client.post('/communities/offene-runde/neu', { type: 'announcement', title: 'Alle herhören', body: 'Text' });
    expect(announcement.statusCode).toBe(422);
    expect(fieldError(announcement.body, 'type')).toContain('Community-Leitungen');
    const tooLong = await client.post('/communities/offene-runde/neu', { type: 'discussion', title: 'x'.repeat(201), body: 'Text' });
    expect(tooLong.statusCode).toBe(422);
    expect(fieldError(tooLong.body, 'title')).toContain('200');
  });

  it('publishes a practice example that others mark as reused', async () => {
    const client = await as(member);
    const res = await client.post('/communities/offene-runde/neu', { type: 'example', title: 'Digitaler Bauantrag', body: 'Kurz erklärt.', tags: 'Bauen', problem: 'Papier', solution: 'Portal', status: 'operation', contactId: lead.email });
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    const page = await client.get(`/beitraege/${id}`);
    expect(page.body).toContain('Im Betrieb');
    expect(page.body).toContain('Lea Leitung');
    const other = await as(outsider);
    expect((await other.post(`/beitraege/${id}/nachnutzen`, { reuse: 'on' })).statusCode).toBe(303);
    expect((await other.get(`/beitraege/${id}`)).body).toContain('Nachnutzung: 1');
  });
});

describe('a post with replies', () => {
  let questionId = '';
  it('takes replies with quotes, lets the asker accept one, and marks the question answered', async () => {
    const asker = await as(member);
    const created = await asker.post('/communities/offene-runde/neu', { type: 'question', title: 'Wie scannt ihr Altakten?', body: 'Frage an alle, besonders @Lea Leitung.', tags: 'E-Akte' });
    questionId = idFrom(created.headers.location);
    const page = await asker.get(`/beitraege/${questionId}`);
    expect(page.body).toContain(`href="/mitglieder/${lead.id}"`);
    const mention = await t.db.selectFrom('mentions').select('userId').where('targetId', '=', questionId).execute();
    expect(mention.map((m) => m.userId)).toEqual([lead.id]);

    const answerer = await as(lead);
    const empty = await answerer.post(`/beitraege/${questionId}/antworten`, { body: '' });
    expect(empty.statusCode).toBe(422);
    expect(fieldError(empty.body, 'body')).toBeTruthy();
    const first = await answerer.post(`/beitraege/${questionId}/antworten`, { body: 'Mit einem Dienstleister, nach TR-RESISCAN.' });
    expect(first.statusCode).toBe(303);
    const firstId = /#antwort-(.+)$/.exec(first.headers.location as string)![1]!;
    const quotePage = await asker.get(`/beitraege/${questionId}?zitat=${firstId}`);
    expect(quotePage.body).toContain('Lea Leitung schrieb:');
    expect((await asker.post(`/beitraege/${questionId}/antworten`, { body: 'Danke!', quoteReplyId: firstId })).statusCode).toBe(303);

    expect((await (await as(outsider)).post(`/antworten/${firstId}/akzeptieren`, { accept: 'on' })).statusCode).toBe(403);
    expect((await asker.post(`/antworten/${firstId}/akzeptieren`, { accept: 'on' })).statusCode).toBe(303);
    const after = await asker.get(`/beitraege/${questionId}`);
    expect(after.body).toContain('Akzeptierte Antwort');
    expect(after.body).toContain('Antworten (2)');
    const list = await asker.get('/communities/offene-runde?typ=question');
    expect(list.body).toContain('Beantwortet');
  });

  it('counts the accepted answer in the expert finder, only for viewers who may read it', async () => {
    const res = await (await as(outsider)).api('GET', '/api/v1/experts?q=E-Akte');
    const leadEntry = res.json().items.find((i: { id: string }) => i.id === lead.id);
    expect(leadEntry?.reasons.join(' ')).toContain('Akzeptierte Antworten: 1');
    // The same evidence in a hidden community does not count for outsiders.
    const secret = await createPost(t.db, { communityId: hidden.id, authorId: lead.id, type: 'question', title: 'Geheimfrage', tags: ['Vergabe'] });
    await createReply(t.db, { postId: secret.id, authorId: lead.id, accepted: true });
    expect((await (await as(outsider)).api('GET', '/api/v1/experts?q=Vergabe')).json().total).toBe(0);
    expect((await (await as(lead)).api('GET', '/api/v1/experts?q=Vergabe')).json().total).toBe(1);
  });

  it('counts "hilfreich" once per member, also under parallel requests', async () => {
    const clientsOf = await Promise.all([outsider, lead].map(as));
    await Promise.all(clientsOf.flatMap((c) => Array.from({ length: 5 }, () => c.post(`/beitraege/${questionId}/hilfreich`, { helpful: 'on' }))));
    const row = await t.db.selectFrom('posts').select('helpfulCount').where('id', '=', questionId).executeTakeFirstOrThrow();
    expect(row.helpfulCount).toBe(2);
    const own = await (await as(member)).post(`/beitraege/${questionId}/hilfreich`, { helpful: 'on' });
    expect(own.statusCode).toBe(422);
  });

  it('keeps the edit history for the author and leads, not for other members', async () => {
    const author = await as(member);
    const edited = await author.post(`/beitraege/${questionId}/bearbeiten`, { type: 'question', title: 'Wie scannt ihr Altakten? (ergänzt)', body: 'Neue Fassung.' });
    expect(edited.statusCode).toBe(303);
    const page = await author.get(`/beitraege/${questionId}`);
    expect(page.body).toContain('bearbeitet');
    const history = await author.get(`/beitraege/${questionId}/verlauf`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Frage an alle');
    expect((await (await as(lead)).get(`/beitraege/${questionId}/verlauf`)).statusCode).toBe(200);
    expect((await (await as(outsider)).get(`/beitraege/${questionId}/verlauf`)).statusCode).toBe(403);
    expect((await (await as(outsider)).get(`/beitraege/${questionId}/bearbeiten`)).statusCode).toBe(403);
  });

  it('answers 404 for posts of hidden communities and for deleted posts', async () => {
    const secret = await t.db.selectFrom('posts').select('id').where('title', '=', 'Streng vertraulicher Plan').executeTakeFirstOrThrow();
    expect((await (await as(outsider)).get(`/beitraege/${secret.id}`)).statusCode).toBe(404);
    expect((await (await as(outsider)).post(`/beitraege/${secret.id}/antworten`, { body: 'Hallo' })).statusCode).toBe(404);
    const author = await as(member);
    const created = await author.post('/communities/offene-runde/neu', { type: 'discussion', title: 'Bald gelöscht', body: 'Weg damit.' });
    const id = idFrom(created.headers.location);
    expect((await author.post(`/beitraege/${id}/loeschen`)).statusCode).toBe(303);
    expect((await author.get(`/beitraege/${id}`)).statusCode).toBe(404);
  });

  it('does not link mentions of people who may not read the post', async () => {
    const author = await as(lead);
    const created = await author.post('/communities/geheime-runde/neu', { type: 'discussion', title: 'Runde im Kreis', body: 'Fragen wir @Otto Außen?' });
    const id = idFrom(created.headers.location);
    const page = await author.get(`/beitraege/${id}`);
    expect(page.body).not.toContain(`/mitglieder/${outsider.id}`);
    expect(await t.db.selectFrom('mentions').select('userId').where('targetId', '=', id).execute()).toEqual([]);
  });
});

describe('the start page', () => {
  it('shows the feed of one’s communities, questions for one’s expertise, and suggestions', async () => {
    await t.db.insertInto('tags').values({ id: 'tag-isms', slug: 'isms', label: 'ISMS' }).execute();
    await t.db.insertInto('profileTags').values({ userId: outsider.id, tagId: 'tag-isms', kind: 'expertise' }).execute();
    const isms = await createCommunity(t.db, { slug: 'isms-runde', name: 'ISMS-Runde', members: [{ userId: lead.id, role: 'lead' }] });
    await t.db.insertInto('communityTopics').values({ communityId: isms.id, tagId: 'tag-isms' }).execute();
    await createPost(t.db, { communityId: isms.id, authorId: lead.id, type: 'question', title: 'Wer prüft unser ISMS?', tags: ['ISMS'] });
    const page = await (await as(outsider)).get('/');
    expect(page.body).toContain('Neues aus Ihren Communities');
    expect(page.body).toContain('Digitaler Bauantrag');
    expect(page.body).toContain('Wer prüft unser ISMS?');
    expect(page.body).toContain('ISMS-Runde');
    expect(page.body).not.toContain('Streng vertraulicher Plan');
    expect(page.body).not.toContain('Geheime Runde');
  });
});

describe('limits', () => {
  it('answers 429 with the reply kept when a member writes too fast', async () => {
    const limited = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 2 } });
    try {
      const u = await createUser(limited.db, { name: 'Schnelle Schreiberin' });
      const c = await createCommunity(limited.db, { members: [{ userId: u.id, role: 'lead' }] });
      const p = await createPost(limited.db, { communityId: c.id, authorId: u.id });
      const client = new TestClient(limited.app);
      await client.signIn(u.email, TEST_PASSWORD);
      for (let i = 0; i < 2; i++) expect((await client.post(`/beitraege/${p.id}/antworten`, { body: `Antwort ${i}` })).statusCode).toBe(303);
      const third = await client.post(`/beitraege/${p.id}/antworten`, { body: 'Eine zu viel' });
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeTruthy();
      expect(third.body).toContain('Eine zu viel');
    } finally {
      await limited.close();
    }
  });
});

describe('role changes and malformed input', () => {
  it('drops memberships a person can no longer hold when the office changes the role', async () => {
    const office = await createUser(t.db, { role: 'office', name: 'Olga Office' });
    const former = await createUser(t.db, { name: 'Fritz Früher' });
    const { addMembers } = await import('../../../test/helpers/communities.js');
    await addMembers(t.db, open.id, [{ userId: former.id }]);
    await addMembers(t.db, hidden.id, [{ userId: former.id }]);
    const before = await t.db.selectFrom('communities').select('memberCount').where('id', '=', open.id).executeTakeFirstOrThrow();
    const client = new TestClient(t.app);
    await client.signIn(office.email, TEST_PASSWORD);
    await client.get(`/geschaeftsstelle/nutzer/${former.id}`);
    expect((await client.post(`/geschaeftsstelle/nutzer/${former.id}/rolle`, { role: 'partner' })).statusCode).toBe(303);
    const left = await t.db.selectFrom('communityMembers').select('communityId').where('userId', '=', former.id).execute();
    expect(left.map((r) => r.communityId)).toEqual([hidden.id]);
    const after = await t.db.selectFrom('communities').select('memberCount').where('id', '=', open.id).executeTakeFirstOrThrow();
    expect(after.memberCount).toBe(before.memberCount - 1);
  });

  it('refuses a NUL character in a form with a message, not a crash', async () => {
    const client = await as(member);
    const res = await client.post('/communities/offene-runde/neu', { type: 'discussion', title: 'Null\u0000Byte', body: 'Text' });
    expect(res.statusCode).toBe(422);
    expect(fieldError(res.body, 'title')).toBeTruthy();
  });
});

describe('settings of a community', () => {
  it('lets leads change the settings, keeps input on errors, and refuses members', async () => {
    const leadClient = await as(lead);
    const form = await leadClient.get('/communities/offene-runde/einstellungen');
    expect(form.statusCode).toBe(200);
    expect(inputValue(form.body, 'name')).toBe('Offene Runde');
    expect(inputValue(form.body, 'slug')).toBeUndefined();
    const bad = await leadClient.post('/communities/offene-runde/einstellungen', { name: 'X', description: 'Neue Beschreibung', visibility: 'open', chathamHouse: 'on' });
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'name')).toBeTruthy();
    expect(decodeEntities(bad.body)).toContain('Neue Beschreibung');
    const saved = await leadClient.post('/communities/offene-runde/einstellungen', { name: 'Offene Runde Digital', description: 'Neue Beschreibung', topics: 'E-Akte, OZG', visibility: 'open', chathamHouse: 'on' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/communities/offene-runde');
    const page = await leadClient.get('/communities/offene-runde');
    expect(page.body).toContain('Offene Runde Digital');
    expect(page.body).toContain('OZG');
    expect((await (await as(member)).get('/communities/offene-runde/einstellungen')).statusCode).toBe(403);
    expect((await (await as(outsider)).get('/communities/geheime-runde/einstellungen')).statusCode).toBe(404);
    const audit = await t.db.selectFrom('auditLog').select('action').where('action', '=', 'community.update').execute();
    expect(audit.length).toBe(1);
  });
});
