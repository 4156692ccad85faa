/**
 * The JSON API of communities on a real database: who may see and do what (404 where a thing
 * does not exist for the caller, 403 where they see it but may not act), cursor paging,
 * helpful marks under parallel requests, and bad input that never ends in a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { CommunityVisibility } from '../../db/schema.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { refreshMemberCount } from './communities.repo.js';

type User = Awaited<ReturnType<typeof createUser>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

let t: TestApp;
const u = {} as Record<'lead' | 'openMember' | 'requestMember' | 'hiddenMember' | 'outsider' | 'partner' | 'invitedPartner' | 'applicant' | 'office', User>;
const c = {} as Record<keyof typeof u, TestClient>;
const communities = {} as Record<'open' | 'request' | 'hidden' | 'guests', { id: string; slug: string }>;
const posts = {} as Record<'openQuestion' | 'requestPost' | 'hiddenPost' | 'guestsPost', string>;
let hiddenReplyId = '';
let openReplyId = '';

async function community(slug: string, name: string, visibility: CommunityVisibility, partnersAllowed = false) {
  const id = newId();
  await t.db.insertInto('communities').values({ id, slug, name, visibility, partnersAllowed, description: `Über ${name}`, guidelines: 'Seien Sie **freundlich**.' }).execute();
  return { id, slug };
}

async function join(communityId: string, userId: string, status: 'active' | 'requested' | 'invited' = 'active', role: 'member' | 'lead' = 'member') {
  await t.db.insertInto('communityMembers').values({ communityId, userId, status, role }).execute();
  await refreshMemberCount(t.db, communityId);
}

/** A bearer token with the given scopes: no cookie, no CSRF. */
async function token(userId: string, scopes: string[]): Promise<string> {
  const secret = newSecret();
  await t.db.insertInto('accessTokens').values({ id: newId(), userId, name: 'Test', tokenHash: sha256(secret), scopes }).execute();
  return secret;
}

function bearer(secret: string, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

const anonymous = (method: Method, url: string, body?: unknown) =>
  t.app.inject({ method, url, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) } : {}) });

function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  if (code) expect(body.code).toBe(code);
  return body as { code: string; message: string; fields?: Record<string, string> };
}

async function createPost(client: TestClient, slug: string, body: Record<string, unknown>) {
  const res = await client.api('POST', `/api/v1/communities/${slug}/posts`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
}

beforeAll(async () => {
  t = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 10000 } });
  const stadt = await createOrganisation(t.db, { name: 'Stadt Musterhausen' });
  u.lead = await createUser(t.db, { name: 'Lea Leitung', organisationId: stadt.id });
  u.openMember = await createUser(t.db, { name: 'Otto Offen', organisationId: stadt.id });
  u.requestMember = await createUser(t.db, { name: 'Rita Anfrage' });
  u.hiddenMember = await createUser(t.db, { name: 'Hugo Verborgen' });
  u.outsider = await createUser(t.db, { name: 'Olaf Außen' });
  u.partner = await createUser(t.db, { role: 'partner', name: 'Paula Partner' });
  u.invitedPartner = await createUser(t.db, { role: 'partner', name: 'Ines Eingeladen' });
  u.applicant = await createUser(t.db, { role: 'applicant', name: 'Anton Antrag' });
  u.office = await createUser(t.db, { role: 'office', name: 'Olga Office' });

  communities.open = await community('offene-runde', 'Offene Runde', 'open');
  communities.request = await community('auf-anfrage', 'Auf Anfrage', 'request');
  communities.hidden = await community('verborgen', 'Verborgener Kreis', 'hidden');
  communities.guests = await community('mit-gaesten', 'Mit Gästen', 'request', true);
  for (const key of ['open', 'request', 'hidden', 'guests'] as const) await join(communities[key].id, u.lead.id, 'active', 'lead');
  await join(communities.open.id, u.openMember.id);
  await join(communities.request.id, u.requestMember.id);
  await join(communities.hidden.id, u.hiddenMember.id);
  await join(communities.guests.id, u.partner.id);
  await join(communities.guests.id, u.invitedPartner.id, 'invited');

  const tag = { id: newId(), slug: 'eakte', label: 'E-Akte' };
  await t.db.insertInto('tags').values(tag).execute();
  await t.db.insertInto('communityTopics').values({ communityId: communities.open.id, tagId: tag.id }).execute();

  for (const key of Object.keys(u) as (keyof typeof u)[]) {
    c[key] = new TestClient(t.app);
    await c[key].signIn(u[key].email, TEST_PASSWORD);
  }

  posts.openQuestion = (await createPost(c.openMember, 'offene-runde', { type: 'question', title: 'Wer nutzt schon die E-Akte?', body: 'Wir suchen Erfahrungen.', tags: 'E-Akte, Digitalisierung' })).id;
  posts.requestPost = (await createPost(c.requestMember, 'auf-anfrage', { type: 'discussion', title: 'Interne Runde', body: 'Nur für Mitglieder.' })).id;
  posts.hiddenPost = (await createPost(c.hiddenMember, 'verborgen', { type: 'question', title: 'Vertrauliche Frage', body: 'Geheim.' })).id;
  posts.guestsPost = (await createPost(c.partner, 'mit-gaesten', { type: 'discussion', title: 'Frage eines Gastes', body: 'Hallo zusammen.' })).id;
  const hr = await c.lead.api('POST', `/api/v1/posts/${posts.hiddenPost}/replies`, { body: 'Eine vertrauliche Antwort.' });
  expect(hr.statusCode, hr.body).toBe(201);
  hiddenReplyId = hr.json().id;
  const or = await c.lead.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'Wir, seit 2023.' });
  expect(or.statusCode, or.body).toBe(201);
  openReplyId = or.json().id;
});
afterAll(() => t?.close());

describe('communities', () => {
  it('lists the communities that exist for each caller, with their membership', async () => {
    const slugs = async (client: TestClient, query = '') => {
      const res = await client.api('GET', `/api/v1/communities${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { slug: string }[]).map((i) => i.slug).sort();
    };
    expect(await slugs(c.outsider)).toEqual(['auf-anfrage', 'mit-gaesten', 'offene-runde']);
    expect(await slugs(c.hiddenMember)).toEqual(['auf-anfrage', 'mit-gaesten', 'offene-runde', 'verborgen']);
    expect(await slugs(c.office)).toEqual(['auf-anfrage', 'mit-gaesten', 'offene-runde', 'verborgen']);
    expect(await slugs(c.partner)).toEqual(['mit-gaesten']);
    expect(await slugs(c.invitedPartner)).toEqual(['mit-gaesten']);
    expect(await slugs(c.openMember, '?mine=true')).toEqual(['offene-runde']);
    expect(await slugs(c.outsider, '?topic=e-akte')).toEqual(['offene-runde']);
    expect(await slugs(c.outsider, '?q=anfrage')).toEqual(['auf-anfrage']);

    const res = await c.openMember.api('GET', '/api/v1/communities');
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.nextCursor).toBeNull();
    const open = body.items.find((i: { slug: string }) => i.slug === 'offene-runde');
    expect(open).toEqual({
      slug: 'offene-runde',
      name: 'Offene Runde',
      url: `${t.config.baseUrl.origin}/communities/offene-runde`,
      description: 'Über Offene Runde',
      visibility: 'open',
      topics: ['E-Akte'],
      memberCount: 2,
      partnersAllowed: false,
      chathamHouse: true,
      lastActivityAt: expect.any(String),
      membership: { role: 'member', status: 'active' },
    });
    expect(body.items.find((i: { slug: string }) => i.slug === 'auf-anfrage').membership).toBeNull();
    expect((await c.invitedPartner.api('GET', '/api/v1/communities')).json().items[0].membership).toEqual({ role: 'member', status: 'invited' });
  });

  it('pages through communities with a cursor, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.office.api('GET', `/api/v1/communities?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(4);
      seen.push(...body.items.map((i: { slug: string }) => i.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['auf-anfrage', 'mit-gaesten', 'offene-runde', 'verborgen']);
  });

  it('shows one community with guidelines, leads and what the caller may do; 404 where it does not exist for them', async () => {
    const res = await c.outsider.api('GET', '/api/v1/communities/auf-anfrage');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: 'auf-anfrage',
      visibility: 'request',
      guidelines: 'Seien Sie **freundlich**.',
      leads: [{ id: u.lead.id, name: 'Lea Leitung' }],
      membership: null,
      viewer: { canRead: false, canContribute: false, canModerate: false, join: 'request' },
    });
    expect((await c.hiddenMember.api('GET', '/api/v1/communities/verborgen')).json()).toMatchObject({ visibility: 'hidden', viewer: { canRead: true, canContribute: true } });
    expect((await c.lead.api('GET', '/api/v1/communities/verborgen')).json().viewer.canModerate).toBe(true);
    expect((await c.invitedPartner.api('GET', '/api/v1/communities/mit-gaesten')).json().viewer).toEqual({ canRead: false, canContribute: false, canModerate: false, join: 'accept' });
    expectError(await c.outsider.api('GET', '/api/v1/communities/verborgen'), 404, 'not_found');
    expectError(await c.partner.api('GET', '/api/v1/communities/offene-runde'), 404);
    expectError(await c.outsider.api('GET', '/api/v1/communities/gibt-es-nicht'), 404);
    expectError(await c.applicant.api('GET', '/api/v1/communities/offene-runde'), 403, 'forbidden');
    expectError(await anonymous('GET', '/api/v1/communities/offene-runde'), 401, 'unauthenticated');
    expectError(await anonymous('GET', '/api/v1/communities'), 401, 'unauthenticated');
    expectError(await c.outsider.api('GET', '/api/v1/communities/Gross_Klein'), 400, 'bad_request');
    expectError(await c.outsider.api('GET', `/api/v1/communities/${'a'.repeat(61)}`), 400);
  });
});

describe('memberships', () => {
  it('joins an open community, asks to join one on request, and leaves again', async () => {
    const joiner = await createUser(t.db, { name: 'Jana Neu' });
    const client = new TestClient(t.app);
    await client.signIn(joiner.email, TEST_PASSWORD);

    const joined = await client.api('POST', '/api/v1/communities/offene-runde/membership');
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toEqual({ status: 'active' });
    expect((await client.api('POST', '/api/v1/communities/offene-runde/membership', {})).statusCode).toBe(200);
    expect((await client.api('GET', '/api/v1/communities/offene-runde')).json()).toMatchObject({ memberCount: 3, membership: { role: 'member', status: 'active' } });

    const asked = await client.api('POST', '/api/v1/communities/auf-anfrage/membership', { message: 'Ich arbeite an der E-Akte.' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({ status: 'requested' });
    const again = await client.api('POST', '/api/v1/communities/auf-anfrage/membership');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'requested' });
    // Asking is not reading: the content stays closed until a lead approves.
    expectError(await client.api('GET', '/api/v1/communities/auf-anfrage/posts'), 403);

    // The leads see requests; members do not.
    const requests = await c.lead.api('GET', '/api/v1/communities/auf-anfrage/members?status=requested');
    expect(requests.statusCode).toBe(200);
    expect(requests.json().items).toMatchObject([{ id: joiner.id, status: 'requested', communityRole: 'member' }]);
    expectError(await c.requestMember.api('GET', '/api/v1/communities/auf-anfrage/members?status=requested'), 403);

    expect((await client.api('DELETE', '/api/v1/communities/auf-anfrage/membership')).statusCode).toBe(204);
    expect((await client.api('DELETE', '/api/v1/communities/offene-runde/membership')).statusCode).toBe(204);
    expect((await client.api('DELETE', '/api/v1/communities/offene-runde/membership')).statusCode).toBe(204);
    expect((await client.api('GET', '/api/v1/communities/offene-runde')).json()).toMatchObject({ memberCount: 2, membership: null });
  });

  it('lets invited people accept, and nobody else into a hidden community', async () => {
    expectError(await c.outsider.api('POST', '/api/v1/communities/verborgen/membership'), 404);
    expectError(await c.partner.api('POST', '/api/v1/communities/offene-runde/membership'), 404);
    // Partners come in only by invitation.
    const guest = await createUser(t.db, { role: 'partner', name: 'Gustav Gast' });
    const guestToken = await token(guest.id, ['read', 'write']);
    expectError(await bearer(guestToken, 'POST', '/api/v1/communities/mit-gaesten/membership'), 404);

    const accepted = await c.invitedPartner.api('POST', '/api/v1/communities/mit-gaesten/membership');
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toEqual({ status: 'active' });
    expect((await c.invitedPartner.api('GET', `/api/v1/posts/${posts.guestsPost}`)).statusCode).toBe(200);
    expect((await c.invitedPartner.api('DELETE', '/api/v1/communities/mit-gaesten/membership')).statusCode).toBe(204);
    // Leaving ends the invitation too: the community no longer exists for the partner.
    expectError(await c.invitedPartner.api('GET', '/api/v1/communities/mit-gaesten'), 404);
    await join(communities.guests.id, u.invitedPartner.id, 'invited');
  });

  it('keeps the last lead and refuses the anonymous, applicants and read-only tokens', async () => {
    const lastLead = expectError(await c.lead.api('DELETE', '/api/v1/communities/verborgen/membership'), 422, 'validation_failed');
    expect(lastLead.fields?._form).toBeTruthy();
    expectError(await anonymous('POST', '/api/v1/communities/offene-runde/membership'), 401);
    expectError(await anonymous('DELETE', '/api/v1/communities/offene-runde/membership'), 401);
    expectError(await c.applicant.api('POST', '/api/v1/communities/offene-runde/membership'), 403);
    const readOnly = await token(u.outsider.id, ['read']);
    expectError(await bearer(readOnly, 'POST', '/api/v1/communities/offene-runde/membership'), 403, 'forbidden');
    expect((await bearer(readOnly, 'GET', '/api/v1/communities/offene-runde')).statusCode).toBe(200);
    const writeOnly = await token(u.outsider.id, ['write']);
    expectError(await bearer(writeOnly, 'GET', '/api/v1/communities/offene-runde'), 403, 'forbidden');
    const message = await c.outsider.api('POST', '/api/v1/communities/auf-anfrage/membership', { message: 'x'.repeat(1001) });
    expectError(message, 422, 'validation_failed');
    expectError(await c.outsider.api('POST', '/api/v1/communities/auf-anfrage/membership', { message: ['a'] }), 422);
  });
});

describe('members of a community', () => {
  it('are listed for those who may read the community, and refused to those who only see it', async () => {
    const res = await c.requestMember.api('GET', '/api/v1/communities/auf-anfrage/members');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, nextCursor: null });
    expect(body.items[0]).toEqual({
      id: u.lead.id,
      url: `${t.config.baseUrl.origin}/mitglieder/${u.lead.id}`,
      name: 'Lea Leitung',
      role: 'member',
      communityRole: 'lead',
      status: 'active',
      organisationName: 'Stadt Musterhausen',
      position: null,
      since: expect.any(String),
    });
    expect(body.items[1]).toMatchObject({ id: u.requestMember.id, communityRole: 'member', organisationName: null });
    expect((await c.outsider.api('GET', '/api/v1/communities/offene-runde/members')).statusCode).toBe(200);
    expectError(await c.outsider.api('GET', '/api/v1/communities/auf-anfrage/members'), 403, 'forbidden');
    expectError(await c.outsider.api('GET', '/api/v1/communities/verborgen/members'), 404, 'not_found');
    expectError(await c.invitedPartner.api('GET', '/api/v1/communities/mit-gaesten/members'), 403);
    const guests = await c.partner.api('GET', '/api/v1/communities/mit-gaesten/members');
    expect(guests.statusCode).toBe(200);
    expect(guests.json().items.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ['Lea Leitung', 'member'],
      ['Paula Partner', 'partner'],
    ]);
    expect((await c.office.api('GET', '/api/v1/communities/verborgen/members')).statusCode).toBe(200);
    expectError(await anonymous('GET', '/api/v1/communities/offene-runde/members'), 401);
  });

  it('pages through many members with leads first, each exactly once', async () => {
    const big = await community('viele-mitglieder', 'Viele Mitglieder', 'open');
    const zora = await createUser(t.db, { name: 'Zora Zuletzt' });
    await join(big.id, zora.id, 'active', 'lead');
    const ids = [zora.id];
    for (let i = 0; i < 60; i++) {
      const person = await createUser(t.db, { name: `Mitglied ${String(i).padStart(2, '0')}` });
      await t.db.insertInto('communityMembers').values({ communityId: big.id, userId: person.id, status: 'active' }).execute();
      ids.push(person.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await c.outsider.api('GET', `/api/v1/communities/viele-mitglieder/members${cursor ? `?cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(61);
      seen.push(...body.items.map((p: { id: string }) => p.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen[0]).toBe(zora.id);
    expect(seen).toHaveLength(61);
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});

describe('posts', () => {
  it('are written by those who contribute, with every field of a post', async () => {
    const res = await c.openMember.api('POST', '/api/v1/communities/offene-runde/posts', {
      type: 'example',
      title: 'E-Akte in 6 Monaten',
      body: 'So haben wir es gemacht. @Lea Leitung weiß mehr.',
      tags: 'E-Akte, Projekt',
      example: { problem: 'Papierakten', solution: 'E-Akte mit Schulungen', status: 'operation', materials: 'Leitfaden', reuse: 'Gern' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json();
    expect(post).toEqual({
      id: expect.any(String),
      url: `${t.config.baseUrl.origin}/beitraege/${post.id}`,
      type: 'example',
      title: 'E-Akte in 6 Monaten',
      body: `So haben wir es gemacht. [@Lea Leitung](/mitglieder/${u.lead.id}) weiß mehr.`,
      author: { id: u.openMember.id, name: 'Otto Offen' },
      community: { slug: 'offene-runde', name: 'Offene Runde', url: `${t.config.baseUrl.origin}/communities/offene-runde` },
      createdAt: expect.any(String),
      lastActivityAt: expect.any(String),
      editedAt: null,
      helpfulCount: 0,
      replyCount: 0,
      acceptedReplyId: null,
      pinned: false,
      locked: false,
      hidden: false,
      tags: ['E-Akte', 'Projekt'],
      edited: false,
      hiddenReason: null,
      example: {
        problem: 'Papierakten',
        solution: 'E-Akte mit Schulungen',
        status: 'operation',
        organisation: { id: u.openMember.organisationId, name: 'Stadt Musterhausen', url: `${t.config.baseUrl.origin}/organisationen/${u.openMember.organisationId}` },
        contact: { id: u.openMember.id, name: 'Otto Offen' },
        materials: 'Leitfaden',
        reuse: 'Gern',
      },
      viewer: { helpful: false, following: true, bookmarked: false, canEdit: true, canDelete: true, canReply: true, canAccept: false },
    });
    expect((await c.lead.api('GET', `/api/v1/posts/${post.id}`)).json().viewer).toEqual({ helpful: false, following: false, bookmarked: false, canEdit: false, canDelete: true, canReply: true, canAccept: false });
  });

  it('are refused where the caller may see the community but not take part, and do not exist where they may not see it', async () => {
    const post = { type: 'discussion', title: 'Eine Frage in die Runde', body: 'Text' };
    // Every verified member takes part in an open community.
    expect((await c.outsider.api('POST', '/api/v1/communities/offene-runde/posts', post)).statusCode).toBe(201);
    expectError(await c.outsider.api('POST', '/api/v1/communities/auf-anfrage/posts', post), 403, 'forbidden');
    expectError(await c.outsider.api('POST', '/api/v1/communities/verborgen/posts', post), 404, 'not_found');
    expectError(await c.invitedPartner.api('POST', '/api/v1/communities/mit-gaesten/posts', post), 403);
    expectError(await c.partner.api('POST', '/api/v1/communities/offene-runde/posts', post), 404);
    expect((await c.partner.api('POST', '/api/v1/communities/mit-gaesten/posts', post)).statusCode).toBe(201);
    expectError(await c.applicant.api('POST', '/api/v1/communities/offene-runde/posts', post), 403);
    expectError(await anonymous('POST', '/api/v1/communities/offene-runde/posts', post), 401);

    const announcement = expectError(await c.openMember.api('POST', '/api/v1/communities/offene-runde/posts', { ...post, type: 'announcement' }), 422, 'validation_failed');
    expect(announcement.fields?.type).toBeTruthy();
    expect((await c.lead.api('POST', '/api/v1/communities/offene-runde/posts', { ...post, type: 'announcement' })).statusCode).toBe(201);
    const example = expectError(await c.openMember.api('POST', '/api/v1/communities/offene-runde/posts', { ...post, type: 'example' }), 422);
    expect(example.fields?.problem).toBeTruthy();
  });

  it('are listed for readers, filtered by type and answer, and refused to those who only see the community', async () => {
    const list = await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; body: string; author: unknown; community: { slug: string } }[];
    const question = items.find((p) => p.id === posts.openQuestion)!;
    expect(question).toMatchObject({ type: 'question', body: 'Wir suchen Erfahrungen.', author: { id: u.openMember.id, name: 'Otto Offen' }, replyCount: 1, helpfulCount: expect.any(Number) });
    const questions = (await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?type=question')).json().items as { type: string }[];
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((p) => p.type === 'question')).toBe(true);
    const open = (await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?answered=open')).json().items as { acceptedReplyId: string | null }[];
    expect(open.every((p) => p.acceptedReplyId === null)).toBe(true);

    expect((await c.requestMember.api('GET', '/api/v1/communities/auf-anfrage/posts')).json().items.map((p: { id: string }) => p.id)).toEqual([posts.requestPost]);
    expectError(await c.outsider.api('GET', '/api/v1/communities/auf-anfrage/posts'), 403, 'forbidden');
    expectError(await c.outsider.api('GET', '/api/v1/communities/verborgen/posts'), 404, 'not_found');
    expectError(await anonymous('GET', '/api/v1/communities/offene-runde/posts'), 401);
    expect((await c.office.api('GET', '/api/v1/communities/verborgen/posts')).json().items.map((p: { id: string }) => p.id)).toEqual([posts.hiddenPost]);
    expectError(await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?type=gossip'), 400);
    expectError(await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?limit=51'), 400);
    // A cursor that does not decode is the first page.
    expect((await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?cursor=bm9uc2Vuc2U')).statusCode).toBe(200);
  });

  it('are shown one at a time only to those who may read them', async () => {
    expect((await c.hiddenMember.api('GET', `/api/v1/posts/${posts.hiddenPost}`)).statusCode).toBe(200);
    expect((await c.office.api('GET', `/api/v1/posts/${posts.hiddenPost}`)).statusCode).toBe(200);
    expectError(await c.outsider.api('GET', `/api/v1/posts/${posts.hiddenPost}`), 404, 'not_found');
    expectError(await c.outsider.api('GET', `/api/v1/posts/${posts.requestPost}`), 404);
    expectError(await c.partner.api('GET', `/api/v1/posts/${posts.openQuestion}`), 404);
    expectError(await c.outsider.api('GET', '/api/v1/posts/gibtesnicht'), 404);
    expectError(await c.outsider.api('GET', '/api/v1/posts/kaputt!id'), 400, 'bad_request');
    expectError(await c.outsider.api('GET', `/api/v1/posts/${'a'.repeat(41)}`), 400);
    expectError(await anonymous('GET', `/api/v1/posts/${posts.openQuestion}`), 401);
  });

  it('are edited by their author only, with the example fields kept', async () => {
    const post = await createPost(c.openMember, 'offene-runde', { type: 'example', title: 'Bürgerportal', body: 'Text', example: { problem: 'Warten', solution: 'Online', status: 'pilot' } });
    const patched = await c.openMember.api('PATCH', `/api/v1/posts/${post.id}`, { title: 'Bürgerportal neu', tags: 'Portal', example: { status: 'operation' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Bürgerportal neu', body: 'Text', tags: ['Portal'], edited: true, example: { problem: 'Warten', solution: 'Online', status: 'operation' } });
    expect(patched.json().editedAt).not.toBeNull();

    expectError(await c.lead.api('PATCH', `/api/v1/posts/${post.id}`, { title: 'Von der Leitung' }), 403, 'forbidden');
    expectError(await c.outsider.api('PATCH', `/api/v1/posts/${post.id}`, { title: 'Von außen' }), 403);
    expectError(await c.outsider.api('PATCH', `/api/v1/posts/${posts.hiddenPost}`, { title: 'Von außen' }), 404);
    expectError(await anonymous('PATCH', `/api/v1/posts/${post.id}`, { title: 'Anonym' }), 401);
    const exampleOnDiscussion = expectError(await c.requestMember.api('PATCH', `/api/v1/posts/${posts.requestPost}`, { example: { status: 'idea' } }), 422);
    expect(exampleOnDiscussion.fields?.example).toBeTruthy();
    expectError(await c.openMember.api('PATCH', `/api/v1/posts/${post.id}`, {}), 422);
    expectError(await c.openMember.api('PATCH', `/api/v1/posts/${post.id}`, { type: 'question' }), 422);
    expect((await c.openMember.api('GET', `/api/v1/posts/${post.id}`)).json().title).toBe('Bürgerportal neu');
  });

  it('are deleted by their author or a lead, and are gone afterwards', async () => {
    const mine = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Bald weg', body: 'Text' });
    expectError(await c.outsider.api('DELETE', `/api/v1/posts/${mine.id}`), 403);
    expectError(await anonymous('DELETE', `/api/v1/posts/${mine.id}`), 401);
    expect((await c.openMember.api('DELETE', `/api/v1/posts/${mine.id}`)).statusCode).toBe(204);
    expectError(await c.openMember.api('GET', `/api/v1/posts/${mine.id}`), 404);
    expectError(await c.openMember.api('DELETE', `/api/v1/posts/${mine.id}`), 404);
    const other = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Von der Leitung gelöscht', body: 'Text' });
    expect((await c.lead.api('DELETE', `/api/v1/posts/${other.id}`)).statusCode).toBe(204);
    expectError(await c.outsider.api('DELETE', `/api/v1/posts/${posts.hiddenPost}`), 404);
  });

  it('show null as the author once the author’s account is deleted', async () => {
    const gone = await createUser(t.db, { name: 'Gerda Gegangen' });
    const goneToken = await token(gone.id, ['read', 'write']);
    const res = await bearer(goneToken, 'POST', '/api/v1/communities/offene-runde/posts', { type: 'discussion', title: 'Vor dem Abschied', body: 'Text' });
    expect(res.statusCode, res.body).toBe(201);
    await t.db.deleteFrom('users').where('id', '=', gone.id).execute();
    expect((await c.openMember.api('GET', `/api/v1/posts/${res.json().id}`)).json().author).toBeNull();
    const listed = (await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?limit=50')).json().items.find((p: { id: string }) => p.id === res.json().id);
    expect(listed.author).toBeNull();
  });

  it('page with a cursor: every post exactly once over several pages', async () => {
    const pagingCommunity = await community('viele-beitraege', 'Viele Beiträge', 'open');
    // One statement: all rows share one timestamp, so the id must break the ties.
    await sql`insert into posts (id, community_id, type, title, body, author_id)
      select 'p' || lpad(n::text, 4, '0'), ${pagingCommunity.id}, 'discussion', 'Beitrag ' || n, 'Text ' || n, ${u.openMember.id}
      from generate_series(1, 123) as n`.execute(t.db);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await c.outsider.api('GET', `/api/v1/communities/viele-beitraege/posts?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(123);
      seen.push(...body.items.map((p: { id: string }) => p.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(123);
    expect(new Set(seen).size).toBe(123);
    // The default page is 20.
    expect((await c.outsider.api('GET', '/api/v1/communities/viele-beitraege/posts')).json().items).toHaveLength(20);
  });
});

describe('replies and answers', () => {
  it('are listed and written by readers; quotes show only what the caller may see', async () => {
    const list = await c.openMember.api('GET', `/api/v1/posts/${posts.openQuestion}/replies`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, nextCursor: null, items: [{ id: openReplyId, postId: posts.openQuestion, body: 'Wir, seit 2023.', author: { id: u.lead.id, name: 'Lea Leitung' }, accepted: false, quote: null }] });

    const quoted = await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'Dem stimme ich zu.', quoteReplyId: openReplyId });
    expect(quoted.statusCode, quoted.body).toBe(201);
    expect(quoted.json()).toMatchObject({ body: 'Dem stimme ich zu.', author: { id: u.outsider.id }, quote: { replyId: openReplyId, excerpt: 'Wir, seit 2023.', authorName: 'Lea Leitung' }, helpfulCount: 0, edited: false });
    const badQuote = expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'Zitat', quoteReplyId: hiddenReplyId }), 422);
    expect(badQuote.fields?.quoteReplyId).toBeTruthy();

    expectError(await c.outsider.api('GET', `/api/v1/posts/${posts.hiddenPost}/replies`), 404);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.hiddenPost}/replies`, { body: 'Hallo' }), 404);
    expectError(await c.outsider.api('GET', `/api/v1/posts/${posts.requestPost}/replies`), 404);
    expectError(await c.partner.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'Hallo' }), 404);
    expectError(await anonymous('GET', `/api/v1/posts/${posts.openQuestion}/replies`), 401);
    expectError(await anonymous('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'Hallo' }), 401);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: '   ' }), 422);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body: 'x'.repeat(20001) }), 422);
  });

  it('page with a cursor, each reply exactly once', async () => {
    const post = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Viele Antworten', body: 'Text' });
    await sql`insert into replies (id, post_id, body, author_id)
      select 'r' || lpad(n::text, 4, '0') || ${post.id.slice(0, 8)}, ${post.id}, 'Antwort ' || n, ${u.lead.id} from generate_series(1, 75) as n`.execute(t.db);
    const first = (await c.outsider.api('GET', `/api/v1/posts/${post.id}/replies`)).json();
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(75);
    const second = (await c.outsider.api('GET', `/api/v1/posts/${post.id}/replies?cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(25);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r: { id: string }) => r.id)).size).toBe(75);
  });

  it('accept one answer: the asker or a lead, nobody else; taking it back works too', async () => {
    const question = await createPost(c.openMember, 'offene-runde', { type: 'question', title: 'Welche Software?', body: 'Für Ratsinformation.' });
    const answer = (await c.outsider.api('POST', `/api/v1/posts/${question.id}/replies`, { body: 'Wir nutzen Open Source.' })).json();
    const other = (await c.lead.api('POST', `/api/v1/posts/${question.id}/replies`, { body: 'Wir auch.' })).json();

    expectError(await c.outsider.api('POST', `/api/v1/replies/${answer.id}/accept`), 403, 'forbidden');
    expectError(await anonymous('POST', `/api/v1/replies/${answer.id}/accept`), 401);
    const accepted = await c.openMember.api('POST', `/api/v1/replies/${answer.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ postId: question.id, acceptedReplyId: answer.id });
    expect((await c.openMember.api('GET', `/api/v1/posts/${question.id}`)).json().acceptedReplyId).toBe(answer.id);
    const replies = (await c.openMember.api('GET', `/api/v1/posts/${question.id}/replies`)).json().items as { id: string; accepted: boolean }[];
    expect(replies.map((r) => [r.id, r.accepted])).toEqual([
      [answer.id, true],
      [other.id, false],
    ]);
    const answered = (await c.openMember.api('GET', '/api/v1/communities/offene-runde/posts?answered=answered')).json().items.map((p: { id: string }) => p.id);
    expect(answered).toContain(question.id);

    // A lead may choose another one; taking back the one that is not accepted changes nothing.
    expect((await c.lead.api('POST', `/api/v1/replies/${other.id}/accept`)).json()).toEqual({ postId: question.id, acceptedReplyId: other.id });
    expect((await c.openMember.api('DELETE', `/api/v1/replies/${answer.id}/accept`)).json()).toEqual({ postId: question.id, acceptedReplyId: other.id });
    expect((await c.openMember.api('DELETE', `/api/v1/replies/${other.id}/accept`)).json()).toEqual({ postId: question.id, acceptedReplyId: null });

    // Only questions have answers; hidden replies do not exist for outsiders.
    const onDiscussion = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Keine Frage', body: 'Text' });
    const reply = (await c.outsider.api('POST', `/api/v1/posts/${onDiscussion.id}/replies`, { body: 'Antwort' })).json();
    expectError(await c.openMember.api('POST', `/api/v1/replies/${reply.id}/accept`), 403);
    expectError(await c.outsider.api('POST', `/api/v1/replies/${hiddenReplyId}/accept`), 404, 'not_found');
    expectError(await c.outsider.api('DELETE', `/api/v1/replies/${hiddenReplyId}/accept`), 404);
    expectError(await c.outsider.api('POST', '/api/v1/replies/kaputt.id/accept'), 400);
  });
});

describe('helpful marks, follows, bookmarks', () => {
  it('count once per member even under parallel requests', async () => {
    const post = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Hilfreich?', body: 'Text' });
    const voter = await token(u.outsider.id, ['read', 'write']);
    const same = await Promise.all(Array.from({ length: 10 }, () => bearer(voter, 'POST', `/api/v1/posts/${post.id}/helpful`)));
    for (const res of same) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().helpful).toBe(true);
    }
    expect((await c.outsider.api('GET', `/api/v1/posts/${post.id}`)).json()).toMatchObject({ helpfulCount: 1, viewer: { helpful: true } });

    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => createUser(t.db, { name: `Helfer ${i}` })));
    const tokens = await Promise.all(people.map((p) => token(p.id, ['read', 'write'])));
    const other = await createPost(c.openMember, 'offene-runde', { type: 'discussion', title: 'Noch hilfreicher?', body: 'Text' });
    const marks = await Promise.all(tokens.map((tk) => bearer(tk, 'POST', `/api/v1/posts/${other.id}/helpful`)));
    expect(marks.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(Math.max(...marks.map((r) => r.json().helpfulCount))).toBe(5);
    expect((await c.openMember.api('GET', `/api/v1/posts/${other.id}`)).json().helpfulCount).toBe(5);
    const undo = await Promise.all(tokens.map((tk) => bearer(tk, 'DELETE', `/api/v1/posts/${other.id}/helpful`)));
    expect(undo.map((r) => r.json().helpful)).toEqual([false, false, false, false, false]);
    expect((await c.openMember.api('GET', `/api/v1/posts/${other.id}`)).json().helpfulCount).toBe(0);
    expect((await bearer(tokens[0]!, 'DELETE', `/api/v1/posts/${other.id}/helpful`)).json()).toEqual({ helpfulCount: 0, helpful: false });
  });

  it('are for contributors, never on one’s own text, and work on replies', async () => {
    const own = expectError(await c.openMember.api('POST', `/api/v1/posts/${posts.openQuestion}/helpful`), 422, 'validation_failed');
    expect(own.fields?._form).toBeTruthy();
    const onReply = await c.openMember.api('POST', `/api/v1/replies/${openReplyId}/helpful`);
    expect(onReply.statusCode).toBe(200);
    expect(onReply.json()).toEqual({ helpfulCount: 1, helpful: true });
    expect((await c.openMember.api('GET', `/api/v1/posts/${posts.openQuestion}/replies`)).json().items[0]).toMatchObject({ id: openReplyId, helpfulCount: 1, viewer: { helpful: true } });
    expect((await c.openMember.api('DELETE', `/api/v1/replies/${openReplyId}/helpful`)).json()).toEqual({ helpfulCount: 0, helpful: false });
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.hiddenPost}/helpful`), 404);
    expectError(await c.outsider.api('POST', `/api/v1/replies/${hiddenReplyId}/helpful`), 404);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.requestPost}/helpful`), 404);
    expectError(await anonymous('POST', `/api/v1/posts/${posts.openQuestion}/helpful`), 401);
    expectError(await anonymous('DELETE', `/api/v1/replies/${openReplyId}/helpful`), 401);
  });

  it('follow and bookmark posts, reflected in the post', async () => {
    for (const mark of ['follow', 'bookmark'] as const) {
      expect((await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/${mark}`)).statusCode).toBe(204);
      expect((await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/${mark}`)).statusCode).toBe(204);
    }
    expect((await c.outsider.api('GET', `/api/v1/posts/${posts.openQuestion}`)).json().viewer).toMatchObject({ following: true, bookmarked: true });
    for (const mark of ['follow', 'bookmark'] as const) expect((await c.outsider.api('DELETE', `/api/v1/posts/${posts.openQuestion}/${mark}`)).statusCode).toBe(204);
    expect((await c.outsider.api('GET', `/api/v1/posts/${posts.openQuestion}`)).json().viewer).toMatchObject({ following: false, bookmarked: false });
    for (const mark of ['follow', 'bookmark'] as const) {
      expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.hiddenPost}/${mark}`), 404);
      expectError(await c.outsider.api('DELETE', `/api/v1/posts/${posts.hiddenPost}/${mark}`), 404);
      expectError(await anonymous('POST', `/api/v1/posts/${posts.openQuestion}/${mark}`), 401);
    }
  });
});

describe('reports', () => {
  it('are received once per person and text, for posts and their replies the caller can see', async () => {
    const first = await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'Werbung für ein Produkt' });
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ status: 'received' });
    expect((await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'Noch einmal' })).statusCode).toBe(202);
    expect((await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'Die Antwort', replyId: openReplyId })).statusCode).toBe(202);
    const open = await t.db.selectFrom('reports').select(['replyId']).where('reporterId', '=', u.outsider.id).execute();
    expect(open).toHaveLength(2);

    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.hiddenPost}/reports`, { reason: 'Unpassend' }), 404);
    expectError(await c.hiddenMember.api('POST', `/api/v1/posts/${posts.hiddenPost}/reports`, { reason: 'Falsche Antwort', replyId: openReplyId }), 404);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'Passt', replyId: hiddenReplyId }), 404);
    expectError(await anonymous('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'Unpassend' }), 401);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: 'ab' }), 422);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, { reason: ' 😀a ' }), 422);
    expectError(await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/reports`, {}), 422);
  });
});

describe('bad input', () => {
  const url = '/api/v1/communities/offene-runde/posts';
  const valid = { type: 'discussion', title: 'Ein gültiger Titel', body: 'Text' };

  it('answers 400 or 422 with a code and a message, never 500', async () => {
    const array = expectError(await c.outsider.api('POST', url, { ...valid, title: ['Ein', 'Titel'] }), 422, 'validation_failed');
    expect(array.fields).toEqual({ title: expect.any(String) });
    const missing = expectError(await c.outsider.api('POST', url, { type: 'discussion', body: 'Text' }), 422);
    expect(missing.fields?.title).toBeTruthy();
    expectError(await c.outsider.api('POST', url, { ...valid, title: 'x'.repeat(201) }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, title: 'ab' }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, title: '😀😀' }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, title: '      ' }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, body: 'x'.repeat(20001) }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, body: 'Null\u0000Byte' }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, tags: 'x'.repeat(301) }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, type: 'gossip' }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, extra: true }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, type: 'example', example: { problem: 'a', solution: 'b', status: 'done' } }), 422);
    expectError(await c.outsider.api('POST', url, { ...valid, type: 'example', example: { problem: 'a', solution: 'b', status: 'idea', contactId: 'nicht/da' } }), 422);
    const contact = expectError(await c.outsider.api('POST', url, { ...valid, type: 'example', example: { problem: 'a', solution: 'b', status: 'idea', contactId: u.partner.id } }), 422);
    expect(contact.fields?.contactId).toBeTruthy();
    expectError(await c.outsider.api('POST', url, [valid]), 422);
    expectError(await c.outsider.api('POST', url, 'Text'), 422);
    expectError(await c.outsider.api('POST', url, null), 422);

    const proto = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${await token(u.outsider.id, ['read', 'write'])}`, 'content-type': 'application/json' },
      payload: '{"type":"discussion","title":"Prototyp","body":"x","__proto__":{"admin":true}}',
    });
    expectError(proto, 400, 'bad_request');
    const constructor = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${await token(u.outsider.id, ['read', 'write'])}`, 'content-type': 'application/json' },
      payload: '{"type":"discussion","title":"Prototyp","body":"x","constructor":{"prototype":{"admin":true}}}',
    });
    expect([400, 422]).toContain(constructor.statusCode);
    const broken = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${await token(u.outsider.id, ['read', 'write'])}`, 'content-type': 'application/json' }, payload: '{"type":' });
    expectError(broken, 400);

    expectError(await c.outsider.api('GET', '/api/v1/communities?limit=0'), 400);
    expectError(await c.outsider.api('GET', '/api/v1/communities?limit=abc'), 400);
    expectError(await c.outsider.api('GET', `/api/v1/communities?q=${'x'.repeat(101)}`), 400);
    expectError(await c.outsider.api('GET', `/api/v1/posts/${posts.openQuestion}/replies?cursor=${'x'.repeat(401)}`), 400);
    expectError(await c.outsider.api('PATCH', '/api/v1/posts/%00', { title: 'Titel' }), 400);
    expectError(await c.outsider.api('POST', '/api/v1/replies/..%2F..%2Fetc/helpful'), 400);
  });

  it('keeps a long text with a mention within what the database accepts', async () => {
    const body = `@Lea Leitung ${'x'.repeat(20000 - 13)}`;
    expect(body).toHaveLength(20000);
    const res = await c.outsider.api('POST', url, { ...valid, body });
    expect(res.statusCode, res.body).toBe(201);
    // The link would not fit: the text stays as written, the person is still mentioned.
    expect(res.json().body).toBe(body);
    const mentioned = await t.db.selectFrom('mentions').select('userId').where('targetType', '=', 'post').where('targetId', '=', res.json().id).execute();
    expect(mentioned).toEqual([{ userId: u.lead.id }]);
    const reply = await c.outsider.api('POST', `/api/v1/posts/${posts.openQuestion}/replies`, { body });
    expect(reply.statusCode, reply.body).toBe(201);
    const edited = await c.outsider.api('PATCH', `/api/v1/posts/${res.json().id}`, { body: body.replace('x', 'y') });
    expect(edited.statusCode, edited.body).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents every communities route with its answers and errors', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected: [string, string, string[]][] = [
      ['/api/v1/communities', 'get', ['200', '401']],
      ['/api/v1/communities/{slug}', 'get', ['200', '404']],
      ['/api/v1/communities/{slug}/membership', 'post', ['200', '201', '404', '422']],
      ['/api/v1/communities/{slug}/membership', 'delete', ['204', '422']],
      ['/api/v1/communities/{slug}/members', 'get', ['200', '403', '404']],
      ['/api/v1/communities/{slug}/posts', 'get', ['200', '403', '404']],
      ['/api/v1/communities/{slug}/posts', 'post', ['201', '403', '404', '422', '429']],
      ['/api/v1/posts/{id}', 'get', ['200', '404']],
      ['/api/v1/posts/{id}', 'patch', ['200', '403', '422']],
      ['/api/v1/posts/{id}', 'delete', ['204', '403']],
      ['/api/v1/posts/{id}/replies', 'get', ['200', '404']],
      ['/api/v1/posts/{id}/replies', 'post', ['201', '422']],
      ['/api/v1/replies/{id}/accept', 'post', ['200', '403']],
      ['/api/v1/replies/{id}/accept', 'delete', ['200', '403']],
      ['/api/v1/posts/{id}/helpful', 'post', ['200', '422']],
      ['/api/v1/replies/{id}/helpful', 'delete', ['200']],
      ['/api/v1/posts/{id}/follow', 'post', ['204']],
      ['/api/v1/posts/{id}/bookmark', 'delete', ['204']],
      ['/api/v1/posts/{id}/reports', 'post', ['202', '422']],
    ];
    for (const [path, method, codes] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeTruthy();
      expect(op.tags).toEqual(['communities']);
      for (const code of codes) expect(op.responses[code], `${method} ${path} ${code}`).toBeTruthy();
    }
  });
});
