/**
 * Where notifications are made (issue 7): posts and replies, accepted answers, mentions,
 * community activity, memberships, moderation and the verification decision. Each happening
 * is caused as a user would (API or forms) and must give the right person exactly one row of
 * the right kind and action, the actor none, and nobody two for one happening. Rows are made
 * in the transaction of the happening: a use case that fails leaves none behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Actor } from '../../http/actor.js';
import type { CommunityVisibility, NotificationKind } from '../../db/schema.js';
import type { Jobs } from '../../jobs/jobs.js';
import { newId } from '../../lib/ids.js';
import { hideContent } from '../communities/moderation.service.js';
import { createReply } from '../communities/posts.service.js';

type Person = Awaited<ReturnType<typeof createUser>>;
const names = {
  lead: 'Lena Leitner',
  lead2: 'Leo Zweitleitung',
  asker: 'Anton Autor',
  helper: 'Hanna Helfer',
  mentioned: 'Mira Meier',
  follower: 'Fritz Folger',
  requester: 'Rita Request',
  invitee: 'Ivo Eingeladen',
  pendingLead: 'Paul Eingeladen',
  office: 'Olga Office',
} as const;
type Key = keyof typeof names;

let t: TestApp;
const p = {} as Record<Key, Person>;
const c = {} as Record<Key, TestClient>;
const communities = {} as Record<'open' | 'request' | 'target', { id: string; slug: string }>;

async function community(slug: string, visibility: CommunityVisibility, members: [Key, 'lead' | 'member', ('active' | 'invited')?][]) {
  const id = newId();
  await t.db.insertInto('communities').values({ id, slug, name: `Runde ${slug}`, visibility, status: 'active' }).execute();
  for (const [key, role, status] of members) await t.db.insertInto('communityMembers').values({ communityId: id, userId: p[key].id, role, status: status ?? 'active' }).execute();
  return { id, slug };
}

interface Row {
  id: string;
  userId: string;
  kind: NotificationKind;
  action: string;
  actorId: string | null;
  communityId: string | null;
  postId: string | null;
  replyId: string | null;
  note: string | null;
  mailedAt: Date | null;
}

/** The notifications of one person, optionally about one post, reply or community. */
async function of(key: Key, about: { postId?: string; replyId?: string; communityId?: string; kind?: NotificationKind } = {}): Promise<Row[]> {
  let q = t.db.selectFrom('notifications').select(['id', 'userId', 'kind', 'action', 'actorId', 'communityId', 'postId', 'replyId', 'note', 'mailedAt']).where('userId', '=', p[key].id);
  if (about.postId) q = q.where('postId', '=', about.postId);
  if (about.replyId) q = q.where('replyId', '=', about.replyId);
  if (about.communityId) q = q.where('communityId', '=', about.communityId);
  if (about.kind) q = q.where('kind', '=', about.kind);
  return q.orderBy('createdAt').orderBy('id').execute();
}

const summary = (rows: Row[]) => rows.map((r) => `${r.kind}:${r.action}`);

/** Every notification about a post, for anyone. */
const aboutPost = async (postId: string) => (await t.db.selectFrom('notifications').select('id').where('postId', '=', postId).orderBy('id').execute()).map((r) => r.id);

async function newPost(author: Key, body: Record<string, unknown>, slug = communities.open.slug): Promise<string> {
  const res = await c[author].api('POST', `/api/v1/communities/${slug}/posts`, { type: 'discussion', title: `Beitrag ${newId()}`, body: 'Wie machen Sie das?', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function newReply(author: Key, postId: string, body: string): Promise<string> {
  const res = await c[author].api('POST', `/api/v1/posts/${postId}/replies`, { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const actorOf = (person: Person): Actor => ({
  kind: 'user',
  user: { id: person.id, name: person.name, email: person.email, role: person.role, organisationId: person.organisationId, locale: 'de' },
  via: 'session',
  sessionId: 'test',
  scopes: ['read', 'write'],
});

/** The job queue, except that queueing fails: the use case fails after its rows were written. */
const failingJobs = (): Jobs => ({
  ...t.jobs,
  enqueue: async () => {
    throw new Error('queue down');
  },
  enqueueMany: async () => {
    throw new Error('queue down');
  },
});

beforeAll(async () => {
  t = await createTestApp({ env: { CONTENT_RATE_LIMIT_PER_MINUTE: 10000 } });
  for (const key of Object.keys(names) as Key[]) {
    p[key] = await createUser(t.db, { name: names[key], role: key === 'office' ? 'office' : 'member' });
    c[key] = new TestClient(t.app);
    await c[key].signIn(p[key].email, TEST_PASSWORD);
  }
  communities.open = await community('offen', 'open', [['lead', 'lead'], ['asker', 'member'], ['helper', 'member'], ['mentioned', 'member'], ['follower', 'member']]);
  communities.request = await community('anfrage', 'request', [['lead', 'lead'], ['lead2', 'lead'], ['pendingLead', 'lead', 'invited'], ['asker', 'member']]);
  communities.target = await community('ziel', 'open', [['lead', 'lead']]);
  // Followers of the open community (the author follows too: never told of their own post).
  for (const key of ['follower', 'mentioned', 'asker'] as Key[]) await t.db.insertInto('communityFollows').values({ communityId: communities.open.id, userId: p[key].id }).execute();
});
afterAll(() => t?.close());

describe('a new post', () => {
  it('tells the mentioned person (mention) and the community’s other followers (activity), the author nothing', async () => {
    const postId = await newPost('asker', { body: `Was meinen Sie, @${names.mentioned}?` });
    expect(summary(await of('mentioned', { postId }))).toEqual(['mention:']);
    const [mention] = await of('mentioned', { postId });
    expect(mention).toMatchObject({ actorId: p.asker.id, communityId: communities.open.id, replyId: null });
    expect(summary(await of('follower', { postId }))).toEqual(['activity:post']);
    expect((await of('follower', { postId }))[0]!.communityId).toBe(communities.open.id);
    expect(await of('asker', { postId })).toEqual([]);
    expect(await of('helper', { postId })).toEqual([]);
  });

  it('tells people newly mentioned by an edit, once', async () => {
    const postId = await newPost('asker', { body: `Frage an @${names.mentioned}.` });
    const edit = (body: string) => c.asker.api('PATCH', `/api/v1/posts/${postId}`, { body });
    expect((await edit(`Frage an @${names.mentioned} und @${names.helper}.`)).statusCode).toBe(200);
    expect((await edit(`Frage an @${names.mentioned} und @${names.helper}, noch einmal.`)).statusCode).toBe(200);
    expect(summary(await of('helper', { postId }))).toEqual(['mention:']);
    expect(summary(await of('mentioned', { postId }))).toEqual(['mention:']);
  });
});

describe('a new reply', () => {
  it('is an answer for the asker of a question, a mention for the mentioned, activity for other followers', async () => {
    const postId = await newPost('asker', { type: 'question' });
    await t.db.insertInto('postFollows').values([postId].flatMap((id) => [{ postId: id, userId: p.follower.id }, { postId: id, userId: p.mentioned.id }])).execute();
    const replyId = await newReply('helper', postId, `Wir machen das so, @${names.mentioned} weiß mehr.`);
    expect(summary(await of('asker', { replyId }))).toEqual(['answer:']);
    expect((await of('asker', { replyId }))[0]).toMatchObject({ actorId: p.helper.id, postId, communityId: communities.open.id });
    // The mentioned person follows the post too, but hears of this reply once: as a mention.
    expect(summary(await of('mentioned', { replyId }))).toEqual(['mention:']);
    expect(summary(await of('follower', { replyId }))).toEqual(['activity:reply']);
    expect(await of('helper', { postId })).toEqual([]);
  });

  it('is a reply for the author of a discussion; mentioning the author gives one notification, not two', async () => {
    const postId = await newPost('asker', { type: 'discussion' });
    const replyId = await newReply('helper', postId, `Danke, @${names.asker}!`);
    expect(summary(await of('asker', { replyId }))).toEqual(['reply:']);
    expect((await of('asker', { replyId }))[0]!.replyId).toBe(replyId);
  });

  it('by the author to their own question tells the followers, not the author', async () => {
    const postId = await newPost('asker', { type: 'question' });
    await t.db.insertInto('postFollows').values({ postId, userId: p.follower.id }).execute();
    const replyId = await newReply('asker', postId, 'Nachtrag: es geht um 300 Arbeitsplätze.');
    expect(summary(await of('follower', { replyId }))).toEqual(['activity:reply']);
    expect(await of('asker', { replyId })).toEqual([]);
  });

  it('20 at once give every follower exactly 20 activity notifications', async () => {
    const postId = await newPost('asker', { type: 'discussion' });
    await t.db.insertInto('postFollows').values([{ postId, userId: p.follower.id }, { postId, userId: p.mentioned.id }]).execute();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => c.helper.api('POST', `/api/v1/posts/${postId}/replies`, { body: `Antwort ${i}` })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const replyIds = new Set(results.map((r) => r.json().id as string));
    for (const key of ['follower', 'mentioned'] as Key[]) {
      // (Both follow the community too: the post itself gave them one `activity:post`.)
      const rows = (await of(key, { postId })).filter((r) => r.replyId !== null);
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.kind === 'activity' && r.action === 'reply')).toBe(true);
      expect(new Set(rows.map((r) => r.replyId))).toEqual(replyIds);
    }
    expect(summary(await of('asker', { postId }))).toEqual(Array(20).fill('reply:'));
    expect(await of('helper', { postId })).toEqual([]);
  });

  it('that fails leaves no notification behind: a locked post, or a failure after the rows were written', async () => {
    const postId = await newPost('asker', { type: 'question' });
    await t.db.insertInto('postFollows').values({ postId, userId: p.follower.id }).execute();
    expect((await c.lead.post(`/beitraege/${postId}/moderation`, { action: 'lock' })).statusCode).toBe(303);
    const before = await aboutPost(postId);
    const refused = await c.helper.api('POST', `/api/v1/posts/${postId}/replies`, { body: `Trotzdem, @${names.mentioned}.` });
    expect(refused.statusCode).toBe(422);
    expect(await aboutPost(postId)).toEqual(before);

    const open = await newPost('asker', { type: 'question' });
    await t.db.insertInto('postFollows').values({ postId: open, userId: p.follower.id }).execute();
    const beforeOpen = await aboutPost(open);
    await expect(createReply({ db: t.db, config: t.config, jobs: failingJobs() }, actorOf(p.helper), open, { body: `Hallo @${names.mentioned}` })).rejects.toThrow('queue down');
    expect(await t.db.selectFrom('replies').select('id').where('postId', '=', open).execute()).toEqual([]);
    expect(await aboutPost(open)).toEqual(beforeOpen);

    const replyId = await newReply('helper', open, 'Eine Antwort.');
    await expect(hideContent({ db: t.db, jobs: failingJobs() }, actorOf(p.lead), { kind: 'reply', id: replyId }, 'Nicht zum Thema.')).rejects.toThrow('queue down');
    expect((await t.db.selectFrom('replies').select('hiddenAt').where('id', '=', replyId).executeTakeFirstOrThrow()).hiddenAt).toBeNull();
    expect(await of('helper', { replyId })).toEqual([]);
  });
});

describe('an accepted answer', () => {
  it('tells the answer’s author once; the asker who accepts is not told', async () => {
    const postId = await newPost('asker', { type: 'question' });
    const replyId = await newReply('helper', postId, 'So geht das.');
    for (let i = 0; i < 2; i++) expect((await c.asker.api('POST', `/api/v1/replies/${replyId}/accept`)).statusCode).toBe(200);
    expect(summary(await of('helper', { replyId }))).toEqual(['accepted:']);
    expect((await of('helper', { replyId }))[0]).toMatchObject({ actorId: p.asker.id, postId, communityId: communities.open.id });
    expect(await of('asker', { kind: 'accepted' })).toEqual([]);
    // Taking it back tells nobody.
    expect((await c.asker.api('DELETE', `/api/v1/replies/${replyId}/accept`)).statusCode).toBe(200);
    expect(summary(await of('helper', { replyId }))).toEqual(['accepted:']);
  });
});

describe('memberships', () => {
  it('a request tells every active lead once; the decision tells the person', async () => {
    const { id: communityId, slug } = communities.request;
    for (let i = 0; i < 2; i++) {
      const res = await c.requester.api('POST', `/api/v1/communities/${slug}/membership`, { message: 'Ich arbeite im Bauamt.' });
      expect(res.statusCode).toBe(i === 0 ? 201 : 200);
    }
    for (const lead of ['lead', 'lead2'] as Key[]) {
      const rows = await of(lead, { communityId, kind: 'membership_request' });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actorId).toBe(p.requester.id);
    }
    expect(await of('pendingLead', { communityId })).toEqual([]);
    expect(await of('requester', { communityId })).toEqual([]);

    expect((await c.lead.post(`/communities/${slug}/mitglieder/${p.requester.id}/annehmen`)).statusCode).toBe(303);
    expect(summary(await of('requester', { communityId }))).toEqual(['membership_decision:approved']);
    expect((await of('requester', { communityId }))[0]!.actorId).toBe(p.lead.id);
    expect(await of('lead', { communityId, kind: 'membership_decision' })).toEqual([]);
    expect(await of('lead2', { communityId, kind: 'membership_decision' })).toEqual([]);

    // Declining: a second requester.
    const res = await c.helper.api('POST', `/api/v1/communities/${slug}/membership`, {});
    expect(res.statusCode).toBe(201);
    expect((await c.lead2.post(`/communities/${slug}/mitglieder/${p.helper.id}/ablehnen`)).statusCode).toBe(303);
    expect(summary(await of('helper', { communityId }))).toEqual(['membership_decision:declined']);
    expect(await of('lead2', { communityId, kind: 'membership_decision' })).toEqual([]);
  });

  it('an invitation and being named lead tell the person, once each', async () => {
    const { id: communityId, slug } = communities.request;
    for (let i = 0; i < 2; i++) expect((await c.lead.post(`/communities/${slug}/einladen`, { person: p.invitee.email })).statusCode).toBe(303);
    expect(summary(await of('invitee', { communityId }))).toEqual(['membership_decision:invited']);
    expect(await of('lead', { communityId, kind: 'membership_decision' })).toEqual([]);

    for (let i = 0; i < 2; i++) expect((await c.lead.post(`/communities/${slug}/mitglieder/${p.asker.id}/rolle`, { role: 'lead' })).statusCode).toBe(303);
    expect(summary(await of('asker', { communityId }))).toEqual(['membership_decision:lead']);
    // Made a member again: not a decision anyone is told of.
    expect((await c.lead.post(`/communities/${slug}/mitglieder/${p.asker.id}/rolle`, { role: 'member' })).statusCode).toBe(303);
    expect(summary(await of('asker', { communityId }))).toEqual(['membership_decision:lead']);
  });

  it('ends with following the community and its mail setting, when leaving or removed (removal tells nobody)', async () => {
    const slug = `ende-${newId().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
    const { id: communityId } = await community(slug, 'open', [['lead', 'lead'], ['follower', 'member'], ['mentioned', 'member']]);
    for (const key of ['follower', 'mentioned'] as Key[]) {
      await t.db.insertInto('communityFollows').values({ communityId, userId: p[key].id }).execute();
      await t.db.insertInto('communityMailSettings').values({ communityId, userId: p[key].id, delivery: 'all' }).execute();
    }
    const rowsOf = async (key: Key) => [
      ...(await t.db.selectFrom('communityFollows').select('userId').where('communityId', '=', communityId).where('userId', '=', p[key].id).execute()),
      ...(await t.db.selectFrom('communityMailSettings').select('userId').where('communityId', '=', communityId).where('userId', '=', p[key].id).execute()),
    ];
    expect(await rowsOf('follower')).toHaveLength(2);

    expect((await c.follower.api('DELETE', `/api/v1/communities/${slug}/membership`)).statusCode).toBe(204);
    expect(await rowsOf('follower')).toEqual([]);

    expect((await c.lead.post(`/communities/${slug}/mitglieder/${p.mentioned.id}/entfernen`)).statusCode).toBe(303);
    expect(await rowsOf('mentioned')).toEqual([]);
    expect(await t.db.selectFrom('communityMembers').select('userId').where('communityId', '=', communityId).where('userId', '=', p.mentioned.id).execute()).toEqual([]);
    expect(await of('mentioned', { communityId })).toEqual([]);

    // A new post there reaches neither of them any more.
    const postId = await newPost('lead', {}, slug);
    expect(await of('follower', { postId })).toEqual([]);
    expect(await of('mentioned', { postId })).toEqual([]);
  });
});

describe('moderation decisions', () => {
  it('hiding and showing a post tell its author, with the reason; the moderator is not told', async () => {
    const postId = await newPost('asker', {});
    const reason = 'Enthält Namen von Bürgerinnen und Bürgern.';
    expect((await c.lead.post(`/beitraege/${postId}/ausblenden`, { reason })).statusCode).toBe(303);
    // The same reason again changes nothing and tells nobody again.
    expect((await c.lead.post(`/beitraege/${postId}/ausblenden`, { reason })).statusCode).toBe(303);
    expect((await c.lead.post(`/beitraege/${postId}/moderation`, { action: 'unhide' })).statusCode).toBe(303);
    const rows = await of('asker', { postId, kind: 'moderation' });
    expect(summary(rows)).toEqual(['moderation:hidden', 'moderation:unhidden']);
    expect(rows[0]).toMatchObject({ note: reason, actorId: p.lead.id, communityId: communities.open.id, replyId: null });
    expect(rows[1]!.note).toBeNull();
    expect(await of('lead', { postId })).toEqual([]);
  });

  it('hiding and showing a reply tell its author', async () => {
    const postId = await newPost('lead', {});
    const replyId = await newReply('helper', postId, 'Bei Frau M. aus der Hauptstraße hat das nicht geklappt.');
    expect((await c.lead.post(`/antworten/${replyId}/ausblenden`, { reason: 'Nennt eine Bürgerin.' })).statusCode).toBe(303);
    expect((await c.lead.post(`/antworten/${replyId}/einblenden`)).statusCode).toBe(303);
    const rows = await of('helper', { replyId, kind: 'moderation' });
    expect(summary(rows)).toEqual(['moderation:reply_hidden', 'moderation:reply_unhidden']);
    expect(rows[0]).toMatchObject({ note: 'Nennt eine Bürgerin.', postId, communityId: communities.open.id });
    expect(await of('lead', { replyId, kind: 'moderation' })).toEqual([]);
  });

  it('locking (once) and moving tell the author; the move names the new community', async () => {
    const postId = await newPost('asker', {});
    for (let i = 0; i < 2; i++) expect((await c.lead.post(`/beitraege/${postId}/moderation`, { action: 'lock' })).statusCode).toBe(303);
    expect((await c.lead.post(`/beitraege/${postId}/moderation`, { action: 'pin' })).statusCode).toBe(303);
    expect((await c.lead.post(`/beitraege/${postId}/verschieben`, { target: communities.target.slug })).statusCode).toBe(303);
    const rows = await of('asker', { postId, kind: 'moderation' });
    expect(summary(rows)).toEqual(['moderation:locked', 'moderation:moved']);
    expect(rows[0]!.communityId).toBe(communities.open.id);
    expect(rows[1]!.communityId).toBe(communities.target.id);
    expect(await of('lead', { postId })).toEqual([]);
  });

  it('about the moderator’s own post tells nobody', async () => {
    const postId = await newPost('lead', {});
    expect((await c.lead.post(`/beitraege/${postId}/ausblenden`, { reason: 'Doppelt gepostet.' })).statusCode).toBe(303);
    expect(await t.db.selectFrom('notifications').select('id').where('postId', '=', postId).where('kind', '=', 'moderation').execute()).toEqual([]);
  });
});

describe('the verification decision', () => {
  it('tells the applicant in the list, already mailed (the decision has its own mail); the office is not told', async () => {
    const approved = await createUser(t.db, { role: 'applicant', name: 'Anna Annahme' });
    const declined = await createUser(t.db, { role: 'applicant', name: 'Dora Ablehnung' });
    expect((await c.office.post(`/geschaeftsstelle/pruefung/${approved.id}/annehmen`, {})).statusCode).toBe(303);
    const message = 'Wir konnten Ihre Zugehörigkeit zur Verwaltung nicht bestätigen.';
    expect((await c.office.post(`/geschaeftsstelle/pruefung/${declined.id}/ablehnen`, { message })).statusCode).toBe(303);
    const rowsOf = (id: string) => t.db.selectFrom('notifications').select(['kind', 'action', 'actorId', 'note', 'mailedAt']).where('userId', '=', id).execute();
    const [yes] = await rowsOf(approved.id);
    expect(await rowsOf(approved.id)).toHaveLength(1);
    expect(yes).toMatchObject({ kind: 'verification', action: 'approved', actorId: p.office.id });
    expect(yes!.mailedAt).not.toBeNull();
    const [no] = await rowsOf(declined.id);
    expect(await rowsOf(declined.id)).toHaveLength(1);
    expect(no).toMatchObject({ kind: 'verification', action: 'declined', note: message });
    expect(no!.mailedAt).not.toBeNull();
    expect(await rowsOf(p.office.id)).toEqual([]);
  });
});
