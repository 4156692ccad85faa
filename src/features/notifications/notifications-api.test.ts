/**
 * The notifications API over real HTTP with personal access tokens: listing with cursor, limit
 * cap and unread filter, marking read by id (only one's own) or all, scopes, and the mail
 * settings round trip with 422 for unknown kinds or values and 404 for communities the caller
 * may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { createCommunity, createPost } from '../../../test/helpers/communities.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { notify } from './notify.js';

let t: TestApp;
type User = Awaited<ReturnType<typeof createUser>>;
let ana: User;
let ben: User;
let community: Awaited<ReturnType<typeof createCommunity>>;
let hidden: Awaited<ReturnType<typeof createCommunity>>;
let postId: string;
const tokens = new Map<string, string>();

async function token(user: User, scopes: string[] = ['read', 'write']): Promise<string> {
  const secret = newSecret();
  await t.db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Test', tokenHash: sha256(secret), scopes }).execute();
  return secret;
}

async function call(method: string, path: string, secret?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** n notifications, one transaction each (as happenings are), a minute apart, newest last. */
async function make(userId: string, n = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const actorId = userId === ben.id ? ana.id : ben.id;
    const [id] = await t.db.transaction().execute((trx) => notify(trx, t.jobs, [userId], { kind: 'activity', action: 'post', actorId, communityId: community.id, postId }));
    await t.db.updateTable('notifications').set({ createdAt: new Date(Date.now() - (n - i) * 60_000) }).where('id', '=', id!).execute();
    ids.push(id!);
  }
  return ids;
}

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  ana = await createUser(t.db, { name: 'Ana Anders' });
  ben = await createUser(t.db, { name: 'Ben Beispiel' });
  community = await createCommunity(t.db, { name: 'Digitale Akte', members: [{ userId: ana.id }, { userId: ben.id }] });
  hidden = await createCommunity(t.db, { name: 'Verborgen', visibility: 'hidden', members: [{ userId: ben.id }] });
  postId = (await createPost(t.db, { communityId: community.id, authorId: ben.id, title: 'E-Akte' })).id;
  tokens.set(ana.id, await token(ana));
  tokens.set(ben.id, await token(ben));
});
afterAll(() => t?.close());

describe('GET /api/v1/notifications', () => {
  it('lists the caller’s notifications with the shared text, a cursor and the unread count; 401 without identity', async () => {
    await make(ana.id, 3);
    const first = await call('GET', '/api/v1/notifications?limit=2', tokens.get(ana.id));
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.unreadCount).toBe(3);
    expect(first.json.items[0]).toMatchObject({ kind: 'activity', action: 'post', read: false, text: 'Neuer Beitrag in Digitale Akte: „E-Akte“ von Ben Beispiel.', url: `${t.baseUrl}/beitraege/${postId}`, community: { slug: community.slug, name: 'Digitale Akte' } });
    const second = await call('GET', `/api/v1/notifications?limit=2&cursor=${encodeURIComponent(first.json.next)}`, tokens.get(ana.id));
    expect(second.json.items).toHaveLength(1);
    expect(second.json.next).toBeNull();
    expect((await call('GET', '/api/v1/notifications', tokens.get(ben.id))).json.items).toEqual([]);
    expect((await call('GET', '/api/v1/notifications')).status).toBe(401);
    expect((await call('GET', '/api/v1/notifications?limit=101', tokens.get(ana.id))).status).toBe(400);
    expect((await call('GET', '/api/v1/notifications?unread=vielleicht', tokens.get(ana.id))).json.code).toBe('bad_request');
  });

  it('marks read by id (only one’s own, at most 100) or all; the unread filter follows', async () => {
    const [mine] = await make(ana.id);
    const [theirs] = await make(ben.id);
    expect((await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), { ids: [theirs] })).json).toMatchObject({ updated: 0 });
    const before = (await call('GET', '/api/v1/notifications?unread=true', tokens.get(ana.id))).json.unreadCount as number;
    const read = await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), { ids: [mine] });
    expect(read.json).toEqual({ updated: 1, unreadCount: before - 1 });
    const unread = (await call('GET', '/api/v1/notifications?unread=true&limit=100', tokens.get(ana.id))).json;
    expect(unread.items.map((i: { id: string }) => i.id)).not.toContain(mine);
    expect(unread.items.every((i: { read: boolean }) => !i.read)).toBe(true);

    const tooMany = await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), { ids: Array.from({ length: 101 }, (_, i) => `id${i}`) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.code).toBe('validation_failed');
    expect((await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), {})).status).toBe(422);
    expect((await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), { all: false })).status).toBe(422);
    const readOnly = await token(ana, ['read']);
    expect((await call('POST', '/api/v1/notifications/read', readOnly, { all: true })).status).toBe(403);
    expect((await call('GET', '/api/v1/notifications', await token(ana, ['write']))).status).toBe(403);

    const all = await call('POST', '/api/v1/notifications/read', tokens.get(ana.id), { all: true });
    expect(all.json).toEqual({ updated: before - 1, unreadCount: 0 });
    expect((await call('POST', '/api/v1/notifications/read', undefined, { all: true })).status).toBe(401);
    // ben's stays unread
    expect((await call('GET', '/api/v1/notifications', tokens.get(ben.id))).json.unreadCount).toBe(1);
  });
});

describe('/api/v1/me/notification-settings', () => {
  it('answers the defaults, takes a part of the settings, and answers what applies', async () => {
    const start = await call('GET', '/api/v1/me/notification-settings', tokens.get(ana.id));
    expect(start.status).toBe(200);
    expect(start.json.kinds).toMatchObject({ reply: 'immediate', mention: 'immediate', activity: 'daily', accepted: 'daily' });
    expect(start.json.communities).toEqual([{ id: community.id, slug: community.slug, name: 'Digitale Akte', delivery: null, effective: 'daily' }]);

    const put = await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { kinds: { activity: 'weekly' } });
    expect(put.status).toBe(200);
    expect(put.json.kinds.activity).toBe('weekly');
    expect(put.json.kinds.reply).toBe('immediate');
    expect(put.json.communities[0]).toMatchObject({ delivery: null, effective: 'weekly' });

    // the answer sent back as it came, with one change
    const echoed = { ...put.json, communities: [{ ...put.json.communities[0], delivery: 'all' }] };
    const again = await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), echoed);
    expect(again.status).toBe(200);
    expect(again.json.communities[0]).toMatchObject({ delivery: 'all', effective: 'all' });
    const reset = await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { communities: [{ id: community.id, delivery: null }] });
    expect(reset.json.communities[0]).toMatchObject({ delivery: null, effective: 'weekly' });
  });

  it('refuses unknown kinds and values (422, nothing changes) and communities the caller may not see (404)', async () => {
    const before = (await call('GET', '/api/v1/me/notification-settings', tokens.get(ana.id))).json;
    const unknownKind = await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { kinds: { reply: 'off', gossip: 'off' } });
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.json).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    expect((await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { kinds: { reply: 'hourly' } })).status).toBe(422);
    expect((await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { kinds: { reply: 'all' } })).status).toBe(422);
    expect((await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { communities: [{ id: community.id, delivery: 'sometimes' }] })).status).toBe(422);
    const secret = await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { kinds: { reply: 'off' }, communities: [{ id: hidden.id, delivery: 'all' }] });
    expect(secret.status).toBe(404);
    expect((await call('PUT', '/api/v1/me/notification-settings', tokens.get(ana.id), { communities: [{ id: 'gibt-es-nicht', delivery: 'off' }] })).status).toBe(404);
    expect((await call('GET', '/api/v1/me/notification-settings', tokens.get(ana.id))).json).toEqual(before);
    expect((await call('GET', '/api/v1/me/notification-settings')).status).toBe(401);
  });
});
