/**
 * The one visibility rule, everywhere: one fixture of communities (open, on request, hidden,
 * partners allowed, partners not allowed with a stale partner membership, proposed, declined),
 * posts (shown, hidden with a reason, deleted, a question with an accepted, a hidden and a
 * deleted reply) and people of every role. For every viewer and every community, post and
 * reply, the SQL of communities.visibility.ts (through every repo list, count and helper) must
 * say exactly what the single-object policy says; over HTTP, whatever the viewer may not see
 * answers like something that does not exist, and its names never appear in any answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import type { Actor } from '../../http/actor.js';
import type { CommunityVisibility, PostType, Role } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { viewerOf } from '../members/members.service.js';
import { getMemberProfile, listMembers, type Viewer } from '../members/members.repo.js';
import { canSeeField, canSeeProfile, profileRoles } from '../members/members.policy.js';
import * as policy from './communities.policy.js';
import * as communitiesRepo from './communities.repo.js';
import * as postsRepo from './posts.repo.js';
import { communityReadable, communityVisible, contentShown, postReadable, sharesCommunity } from './communities.visibility.js';

// --- The fixture, as data -------------------------------------------------------------------

const userKeys = ['applicant', 'partner', 'outsider', 'member', 'lead', 'office', 'admin', 'invitee', 'requester', 'colleague'] as const;
type UserKey = (typeof userKeys)[number];
const roles: Record<UserKey, Role> = {
  applicant: 'applicant', // a member moved back to applicant: a stale active membership in 'partners'
  partner: 'partner', // active in 'partners'; a stale active membership in 'stale' (partners not allowed)
  outsider: 'member', // no memberships at all
  member: 'member', // active in 'open' and 'request'; not in 'hidden'
  lead: 'member', // leads 'open', 'request', 'hidden' and 'stale'
  office: 'office',
  admin: 'admin',
  invitee: 'member', // invited to 'hidden'
  requester: 'member', // asked to join 'request'
  colleague: 'member', // leads 'partners'; proposed 'proposed' and 'declined'
};
/** Viewers of the repo checks: everybody signed in (the anonymous visitor is checked over HTTP). */
const viewers = userKeys;

const communityKeys = ['open', 'request', 'hidden', 'partners', 'stale', 'proposed', 'declined'] as const;
type CommunityKey = (typeof communityKeys)[number];
type MemberStatus = 'active' | 'requested' | 'invited';

interface CommunityDef {
  visibility: CommunityVisibility;
  partnersAllowed: boolean;
  status: 'proposed' | 'active' | 'declined';
  members: [UserKey, 'member' | 'lead', MemberStatus][];
  /** Authors of the fixture's posts and replies in this community. */
  authors: Record<PostKey | ReplyKey, UserKey>;
}

const postKeys = ['plain', 'hidden', 'deleted', 'question'] as const;
type PostKey = (typeof postKeys)[number];
const replyKeys = ['accepted', 'hiddenReply', 'deletedReply'] as const;
type ReplyKey = (typeof replyKeys)[number];

const defs: Record<CommunityKey, CommunityDef> = {
  open: {
    visibility: 'open',
    partnersAllowed: false,
    status: 'active',
    members: [['lead', 'lead', 'active'], ['member', 'member', 'active']],
    authors: { plain: 'member', hidden: 'member', deleted: 'member', question: 'outsider', accepted: 'lead', hiddenReply: 'outsider', deletedReply: 'member' },
  },
  request: {
    visibility: 'request',
    partnersAllowed: false,
    status: 'active',
    members: [['lead', 'lead', 'active'], ['member', 'member', 'active'], ['requester', 'member', 'requested']],
    authors: { plain: 'lead', hidden: 'member', deleted: 'member', question: 'member', accepted: 'lead', hiddenReply: 'requester', deletedReply: 'member' },
  },
  hidden: {
    visibility: 'hidden',
    partnersAllowed: false,
    status: 'active',
    members: [['lead', 'lead', 'active'], ['invitee', 'member', 'invited']],
    // 'member' wrote the hidden post when they still belonged: being its author opens nothing now.
    authors: { plain: 'lead', hidden: 'member', deleted: 'lead', question: 'lead', accepted: 'lead', hiddenReply: 'invitee', deletedReply: 'lead' },
  },
  partners: {
    visibility: 'open',
    partnersAllowed: true,
    status: 'active',
    members: [['colleague', 'lead', 'active'], ['partner', 'member', 'active'], ['applicant', 'member', 'active']],
    authors: { plain: 'colleague', hidden: 'partner', deleted: 'partner', question: 'partner', accepted: 'colleague', hiddenReply: 'applicant', deletedReply: 'partner' },
  },
  stale: {
    visibility: 'request',
    partnersAllowed: false,
    status: 'active',
    members: [['lead', 'lead', 'active'], ['partner', 'member', 'active']],
    authors: { plain: 'lead', hidden: 'partner', deleted: 'lead', question: 'lead', accepted: 'partner', hiddenReply: 'partner', deletedReply: 'lead' },
  },
  proposed: {
    visibility: 'open',
    partnersAllowed: false,
    status: 'proposed',
    members: [['colleague', 'lead', 'active']],
    authors: { plain: 'colleague', hidden: 'colleague', deleted: 'colleague', question: 'colleague', accepted: 'colleague', hiddenReply: 'colleague', deletedReply: 'colleague' },
  },
  declined: {
    visibility: 'open',
    partnersAllowed: true,
    status: 'declined',
    members: [['colleague', 'lead', 'active'], ['partner', 'member', 'active']],
    authors: { plain: 'colleague', hidden: 'colleague', deleted: 'colleague', question: 'colleague', accepted: 'colleague', hiddenReply: 'colleague', deletedReply: 'colleague' },
  },
};

/** Unique texts: any of them found in an answer tells that the thing is there. */
const mark = (...parts: string[]) => `${parts.join('-')}-Q7Z`;
const communityName = (c: CommunityKey) => mark('Geheimrunde', c.toUpperCase());
const communityDescription = (c: CommunityKey) => mark('Zweck', c.toUpperCase());
const communitySlug = (c: CommunityKey) => `kreis-${c}-q7z`;
const postTitle = (c: CommunityKey, p: PostKey) => mark('Titel', c.toUpperCase(), p.toUpperCase());
const postBody = (c: CommunityKey, p: PostKey) => mark('Inhalt', c.toUpperCase(), p.toUpperCase());
const replyBody = (c: CommunityKey, r: ReplyKey) => mark('Antwort', c.toUpperCase(), r.toUpperCase());
const hiddenReason = (c: CommunityKey, what: string) => mark('Grund', c.toUpperCase(), what.toUpperCase());
const phoneOf = (u: UserKey) => `+49 30 ${userKeys.indexOf(u) + 100}-${u.length}77`;
const positionOf = (u: UserKey) => mark('Stelle', u.toUpperCase());

interface CommunityFx {
  key: CommunityKey;
  id: string;
  slug: string;
  name: string;
  facts: policy.CommunityFacts;
}
interface ContentFx {
  id: string;
  community: CommunityKey;
  authorId: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  texts: string[];
}
interface PostFx extends ContentFx {
  key: PostKey;
  type: PostType;
}
interface ReplyFx extends ContentFx {
  key: ReplyKey;
  postId: string;
}

let t: TestApp;
const users = {} as Record<UserKey, Awaited<ReturnType<typeof createUser>>>;
const communities = {} as Record<CommunityKey, CommunityFx>;
const posts: PostFx[] = [];
const replies: ReplyFx[] = [];
const organisations: { id: string; name: string }[] = [];
const orgOf: Partial<Record<UserKey, number>> = { member: 0, lead: 0, outsider: 0, requester: 0, applicant: 0, colleague: 1, invitee: 1, office: 1, partner: 2 };

// --- The policy side ---------------------------------------------------------------------------

function actorOf(u: UserKey): Actor {
  const user = users[u];
  return { kind: 'user', via: 'session', sessionId: 'test', scopes: ['read', 'write'], user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId, locale: 'de' } };
}
const viewerFor = (u: UserKey): Viewer => viewerOf(actorOf(u));

function membership(u: UserKey, c: CommunityKey): policy.MembershipFacts | null {
  const row = defs[c].members.find(([who]) => who === u);
  return row ? { role: row[1], status: row[2] } : null;
}
const seesCommunity = (v: UserKey, c: CommunityKey) => policy.canSeeCommunity(actorOf(v), communities[c].facts, membership(v, c));
const readsCommunity = (v: UserKey, c: CommunityKey) => policy.canReadCommunity(actorOf(v), communities[c].facts, membership(v, c));
/** As posts.service.loadPost decides. */
const readsPost = (v: UserKey, p: PostFx) => readsCommunity(v, p.community) && policy.canSeeContent(actorOf(v), p, membership(v, p.community));
const postById = (id: string) => posts.find((p) => p.id === id)!;
/** As posts.service.loadReply decides. */
const seesReply = (v: UserKey, r: ReplyFx) => readsPost(v, postById(r.postId)) && policy.canSeeContent(actorOf(v), r, membership(v, r.community));
/**
 * A membership counts (for the people rule, a person's communities and member lists) when it
 * is active and would let its holder read the community: a partner's only where partners are
 * allowed, an applicant's never.
 */
const countsAsMember = (u: UserKey, c: CommunityKey) => policy.isActiveMember(membership(u, c)) && readsCommunity(u, c);
const sharesWith = (v: UserKey, u: UserKey) => communityKeys.some((c) => countsAsMember(v, c) && countsAsMember(u, c));
const relationOf = (v: UserKey, u: UserKey) => ({ self: v === u, sharesCommunity: v !== u && sharesWith(v, u) });
const seesProfile = (v: UserKey, u: UserKey) => canSeeProfile(actorOf(v), { role: roles[u], suspended: false }, relationOf(v, u));

const sorted = (xs: Iterable<string>) => [...xs].sort();
const keyOfCommunity = (idOrSlug: string) => communityKeys.find((c) => communities[c].id === idOrSlug || communities[c].slug === idOrSlug);
const keyOfUser = (id: string) => userKeys.find((u) => users[u].id === id);
const label = (ids: string[]) => ids.map((id) => keyOfCommunity(id) ?? posts.find((p) => p.id === id)?.texts[0] ?? replies.find((r) => r.id === id)?.texts[0] ?? keyOfUser(id) ?? id).sort();

// --- Building the fixture -----------------------------------------------------------------------

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t;
  for (const n of ['Stadt Q7Z-Nord', 'Land Q7Z-Mitte', 'Partnerfirma Q7Z']) organisations.push(await createOrganisation(db, { name: n }));
  for (const u of userKeys) {
    const org = orgOf[u];
    users[u] = await createUser(db, { role: roles[u], name: `Person ${u} Q7Z`, email: `${u}@q7z.example`, organisationId: org === undefined ? null : organisations[org]!.id });
    await db.insertInto('profiles').values({ userId: users[u].id, position: positionOf(u), bio: null, phone: phoneOf(u), contactOther: null }).execute();
  }
  // One topic for every community and every person: each community is a candidate suggestion.
  const tagId = newId();
  await db.insertInto('tags').values({ id: tagId, slug: 'q7z-verwaltung', label: 'Q7Z Verwaltung', createdBy: null }).execute();
  for (const u of userKeys) await db.insertInto('profileTags').values({ userId: users[u].id, tagId, kind: 'expertise' }).execute();

  const now = Date.now();
  let tick = 0;
  const at = () => new Date(now - 3600_000 + 1000 * tick++);
  for (const c of communityKeys) {
    const def = defs[c];
    const id = newId();
    communities[c] = { key: c, id, slug: communitySlug(c), name: communityName(c), facts: { visibility: def.visibility, status: def.status, partnersAllowed: def.partnersAllowed } };
    await db
      .insertInto('communities')
      .values({ id, slug: communitySlug(c), name: communityName(c), description: communityDescription(c), visibility: def.visibility, partnersAllowed: def.partnersAllowed, status: def.status, createdBy: users.office.id, updatedBy: users.office.id })
      .execute();
    await db.insertInto('communityTopics').values({ communityId: id, tagId }).execute();
    for (const [u, role, status] of def.members) await db.insertInto('communityMembers').values({ communityId: id, userId: users[u].id, role, status }).execute();
    await communitiesRepo.refreshMemberCount(db, id);

    const moderator = users[def.members.find(([, role]) => role === 'lead')![0]].id;
    for (const p of postKeys) {
      const postId = newId();
      const author = users[def.authors[p]].id;
      const hiddenAt = p === 'hidden' ? at() : null;
      const deletedAt = p === 'deleted' ? at() : null;
      const type: PostType = p === 'question' ? 'question' : 'discussion';
      await db
        .insertInto('posts')
        .values({
          id: postId, communityId: id, type, title: postTitle(c, p), body: postBody(c, p), authorId: author, lastActivityAt: at(), updatedBy: author,
          hiddenAt, hiddenReason: hiddenAt ? hiddenReason(c, p) : null, hiddenBy: hiddenAt ? moderator : null, deletedAt, deletedBy: deletedAt ? author : null,
        })
        .execute();
      const texts = [postTitle(c, p), postBody(c, p), ...(hiddenAt ? [hiddenReason(c, p)] : [])];
      posts.push({ id: postId, key: p, type, community: c, authorId: author, hiddenAt, deletedAt, texts });
      if (p !== 'question') continue;
      for (const r of replyKeys) {
        const replyId = newId();
        const rAuthor = users[def.authors[r]].id;
        const rHidden = r === 'hiddenReply' ? at() : null;
        const rDeleted = r === 'deletedReply' ? at() : null;
        await db
          .insertInto('replies')
          .values({ id: replyId, postId, body: replyBody(c, r), authorId: rAuthor, createdAt: at(), updatedBy: rAuthor, hiddenAt: rHidden, hiddenReason: rHidden ? hiddenReason(c, r) : null, hiddenBy: rHidden ? moderator : null, deletedAt: rDeleted, deletedBy: rDeleted ? rAuthor : null })
          .execute();
        replies.push({ id: replyId, key: r, postId, community: c, authorId: rAuthor, hiddenAt: rHidden, deletedAt: rDeleted, texts: [replyBody(c, r), ...(rHidden ? [hiddenReason(c, r)] : [])] });
        if (r === 'accepted') await db.updateTable('posts').set({ acceptedReplyId: replyId, replyCount: 1 }).where('id', '=', postId).execute();
      }
    }
  }
  // Every viewer bookmarked every post (when they still could, or by a bug): lists must filter.
  for (const u of userKeys) await db.insertInto('bookmarks').values(posts.map((p) => ({ postId: p.id, userId: users[u].id }))).execute();
});
afterAll(() => t?.close());

// --- (a)–(c) The repo lists, their counts and the SQL helpers agree with the policy ---------------

describe('the SQL rule and the policy agree', () => {
  it('has a fixture where the rule matters', () => {
    // Sanity: the fixture tells the roles apart.
    expect(communityKeys.filter((c) => seesCommunity('member', c))).toEqual(['open', 'request', 'partners', 'stale']);
    expect(communityKeys.filter((c) => seesCommunity('lead', c))).toEqual(['open', 'request', 'hidden', 'partners', 'stale']);
    expect(communityKeys.filter((c) => seesCommunity('partner', c))).toEqual(['partners']);
    expect(communityKeys.filter((c) => seesCommunity('invitee', c))).toContain('hidden');
    expect(communityKeys.filter((c) => readsCommunity('invitee', c))).not.toContain('hidden');
    expect(communityKeys.filter((c) => seesCommunity('applicant', c))).toEqual([]);
    expect(communityKeys.filter((c) => seesCommunity('office', c))).toEqual(['open', 'request', 'hidden', 'partners', 'stale']);
  });

  it.each(viewers)('communityVisible / communityReadable / postReadable / contentShown for %s', async (v) => {
    const { db } = t;
    const viewer = viewerFor(v);
    const visible = await db.selectFrom('communities as c').select('c.id').where(communityVisible(viewer, 'c')).execute();
    expect(label(visible.map((r) => r.id))).toEqual(label(communityKeys.filter((c) => seesCommunity(v, c)).map((c) => communities[c].id)));
    const readable = await db.selectFrom('communities as c').select('c.id').where(communityReadable(viewer, 'c')).execute();
    expect(label(readable.map((r) => r.id))).toEqual(label(communityKeys.filter((c) => readsCommunity(v, c)).map((c) => communities[c].id)));
    const readablePosts = await db.selectFrom('posts as p').select('p.id').where(postReadable(viewer, 'p')).execute();
    expect(label(readablePosts.map((r) => r.id))).toEqual(label(posts.filter((p) => readsPost(v, p)).map((p) => p.id)));
    // Replies: the post is readable and the reply is shown.
    const shownReplies = await db
      .selectFrom('replies as r')
      .innerJoin('posts as p', 'p.id', 'r.postId')
      .select('r.id')
      .where(postReadable(viewer, 'p'))
      .where(contentShown(viewer, 'r', sql.ref('p.community_id')))
      .execute();
    expect(label(shownReplies.map((r) => r.id))).toEqual(label(replies.filter((r) => seesReply(v, r)).map((r) => r.id)));
  });

  it.each(viewers)('listCommunities (all and mine): ids and totals for %s', async (v) => {
    const viewer = viewerFor(v);
    const all = await communitiesRepo.listCommunities(t.db, viewer, { limit: 50 });
    const expected = communityKeys.filter((c) => seesCommunity(v, c)).map((c) => communities[c].id);
    expect(label(all.items.map((i) => i.id))).toEqual(label(expected));
    expect(all.total).toBe(expected.length);
    for (const item of all.items) {
      const c = keyOfCommunity(item.id)!;
      expect(item.myStatus ?? null, `${v} ${c} membership`).toBe(membership(v, c)?.status ?? null);
    }
    const mine = await communitiesRepo.listCommunities(t.db, viewer, { mine: true });
    const expectedMine = communityKeys.filter((c) => seesCommunity(v, c) && policy.isActiveMember(membership(v, c))).map((c) => communities[c].id);
    expect(label(mine.items.map((i) => i.id))).toEqual(label(expectedMine));
    expect(mine.total).toBe(expectedMine.length);
    // Paging one at a time gives the same communities and the same total on every page.
    const paged: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await communitiesRepo.listCommunities(t.db, viewer, { limit: 1, cursor });
      expect(page.total).toBe(expected.length);
      paged.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(label(paged)).toEqual(label(expected));
  });

  it.each(viewers)('listPosts (everything, per community, feed) with totals for %s', async (v) => {
    const viewer = viewerFor(v);
    const all = await postsRepo.listPosts(t.db, viewer, { limit: 50 });
    const expected = posts.filter((p) => readsPost(v, p));
    expect(label(all.items.map((i) => i.id))).toEqual(label(expected.map((p) => p.id)));
    expect(all.total).toBe(expected.length);
    for (const c of communityKeys) {
      const one = await postsRepo.listPosts(t.db, viewer, { communityId: communities[c].id, limit: 50 });
      const exp = expected.filter((p) => p.community === c);
      expect(label(one.items.map((i) => i.id)), `${v} in ${c}`).toEqual(label(exp.map((p) => p.id)));
      expect(one.total).toBe(exp.length);
    }
    const feed = await postsRepo.listPosts(t.db, viewer, { feed: true, limit: 50 });
    const expectedFeed = expected.filter((p) => policy.isActiveMember(membership(v, p.community)));
    expect(label(feed.items.map((i) => i.id))).toEqual(label(expectedFeed.map((p) => p.id)));
    expect(feed.total).toBe(expectedFeed.length);
    const questions = await postsRepo.listPosts(t.db, viewer, { answered: 'answered', limit: 50 });
    const expectedQuestions = expected.filter((p) => p.type === 'question');
    expect(label(questions.items.map((i) => i.id))).toEqual(label(expectedQuestions.map((p) => p.id)));
    expect(questions.total).toBe(expectedQuestions.length);
  });

  it.each(viewers)('listReplies of every post %s may read, with totals', async (v) => {
    const viewer = viewerFor(v);
    for (const p of posts.filter((x) => readsPost(v, x))) {
      const list = await postsRepo.listReplies(t.db, viewer, { id: p.id, communityId: communities[p.community].id }, {});
      const expected = replies.filter((r) => r.postId === p.id && seesReply(v, r));
      expect(label(list.items.map((i) => i.id)), `${v} on ${p.texts[0]}`).toEqual(label(expected.map((r) => r.id)));
      expect(list.total).toBe(expected.length);
    }
  });

  it.each(viewers)('listBookmarks keeps only posts %s may still read', async (v) => {
    const list = await postsRepo.listBookmarks(t.db, viewerFor(v), 50);
    expect(label(list.map((i) => i.id))).toEqual(label(posts.filter((p) => readsPost(v, p)).map((p) => p.id)));
  });

  it.each(viewers)('suggestedCommunities for %s: visible ones they are not in', async (v) => {
    const list = await communitiesRepo.suggestedCommunities(t.db, viewerFor(v), 50);
    const expected = communityKeys.filter((c) => seesCommunity(v, c) && membership(v, c) === null);
    expect(list.map((i) => keyOfCommunity(i.slug)).sort()).toEqual([...expected].sort());
  });

  it.each(viewers)('communitiesOfPerson, seen by %s, for every person', async (v) => {
    for (const u of userKeys) {
      const list = await communitiesRepo.communitiesOfPerson(t.db, viewerFor(v), users[u].id);
      const expected = communityKeys.filter((c) => seesCommunity(v, c) && countsAsMember(u, c));
      expect(list.map((i) => keyOfCommunity(i.slug)).sort(), `${v} looks at ${u}`).toEqual([...expected].sort());
    }
  });

  it.each(viewers)('communitiesOfOrganisation, seen by %s, with the number of people', async (v) => {
    for (const [index, org] of organisations.entries()) {
      const list = await communitiesRepo.communitiesOfOrganisation(t.db, viewerFor(v), org.id);
      const expected: Record<string, number> = {};
      for (const c of communityKeys) {
        if (!seesCommunity(v, c)) continue;
        // An organisation's own staff (verified roles), not its guests.
        const people = userKeys.filter((u) => orgOf[u] === index && ['member', 'office', 'admin'].includes(roles[u]) && countsAsMember(u, c)).length;
        if (people > 0) expected[c] = people;
      }
      expect(Object.fromEntries(list.map((i) => [keyOfCommunity(i.slug), i.people])), `${v} looks at ${org.name}`).toEqual(expected);
    }
  });

  it.each(viewers)('listCommunityMembers of every community %s sees: members that count, as people they may see', async (v) => {
    for (const c of communityKeys.filter((x) => seesCommunity(v, x))) {
      const list = await communitiesRepo.listCommunityMembers(t.db, viewerFor(v), communities[c].id, { status: 'active' });
      const expected = userKeys.filter((u) => countsAsMember(u, c) && seesProfile(v, u));
      expect(list.items.map((i) => keyOfUser(i.id)).sort(), `${v} looks at ${c}`).toEqual([...expected].sort());
      expect(list.total).toBe(expected.length);
    }
  });

  it('member counts count only memberships that count', async () => {
    const rows = await t.db.selectFrom('communities').select(['id', 'memberCount']).execute();
    for (const row of rows) {
      const c = keyOfCommunity(row.id)!;
      if (communities[c].facts.status !== 'active') continue;
      expect(row.memberCount, c).toBe(userKeys.filter((u) => countsAsMember(u, c)).length);
    }
  });
});

// --- (d) The people rule: who sees whom, and the 'shared' fields ------------------------------------

describe('the people rule follows community memberships', () => {
  it.each(viewers)('sharesCommunity, getMemberProfile and listMembers for %s', async (v) => {
    const { db } = t;
    const viewer = viewerFor(v);
    const shared = await db.selectFrom('users as u').select('u.id').where(sharesCommunity(viewer, 'u.id')).execute();
    const expectedShared = userKeys.filter((u) => u !== v && sharesWith(v, u));
    expect(shared.map((r) => keyOfUser(r.id)).filter((u) => u !== v).sort(), 'sharesCommunity').toEqual([...expectedShared].sort());

    for (const u of userKeys) {
      const profile = await getMemberProfile(db, viewer, users[u].id);
      const relation = relationOf(v, u);
      expect(Boolean(profile), `${v} sees the profile of ${u}`).toBe(seesProfile(v, u));
      if (!profile) continue;
      expect(profile.phone !== null, `${v} sees the phone ('shared') of ${u}`).toBe(canSeeField(actorOf(v), 'shared', relation));
      expect(profile.position !== null, `${v} sees the position ('members') of ${u}`).toBe(canSeeField(actorOf(v), 'members', relation));
    }
    const all = await listMembers(db, viewer, { limit: 50 });
    const others = await db.selectFrom('users').select(['id', 'role']).where('id', 'not in', userKeys.map((u) => users[u].id)).execute();
    const expected = userKeys.filter((u) => seesProfile(v, u)).map((u) => users[u].id);
    // People outside the fixture (none expected) have no communities: verified viewers see them as usual.
    for (const o of others) if (viewer.verified && profileRoles.includes(o.role)) expected.push(o.id);
    expect(label(all.items.map((i) => i.id))).toEqual(label(expected));
    expect(all.total).toBe(expected.length);
  });

  it('a partner sees the people of the community that invited them, and nobody else', async () => {
    const p = viewerFor('partner');
    const list = await listMembers(t.db, p, { limit: 50 });
    expect(list.items.map((i) => keyOfUser(i.id)).sort()).toEqual(['colleague', 'partner']);
    // The lead of 'stale' shares only the stale membership with the partner: it does not count.
    expect(await getMemberProfile(t.db, p, users.lead.id)).toBeUndefined();
    expect(await getMemberProfile(t.db, p, users.member.id)).toBeUndefined();
    expect((await getMemberProfile(t.db, p, users.colleague.id))?.phone).toBe(phoneOf('colleague'));
  });

  it("'shared' fields reach co-members only, and a stale membership shares nothing", async () => {
    const phone = async (v: UserKey, u: UserKey) => (await getMemberProfile(t.db, viewerFor(v), users[u].id))?.phone ?? null;
    expect(await phone('member', 'lead')).toBe(phoneOf('lead')); // together in 'open' and 'request'
    expect(await phone('outsider', 'lead')).toBeNull();
    expect(await phone('colleague', 'partner')).toBe(phoneOf('partner'));
    expect(await phone('partner', 'colleague')).toBe(phoneOf('colleague'));
    // Only the stale row in 'stale' (partners not allowed) joins these two.
    expect(await phone('lead', 'partner')).toBeNull();
    // A request is not a membership; an invitation neither.
    expect(await phone('requester', 'member')).toBeNull();
    expect(await phone('invitee', 'lead')).toBeNull();
  });
});

// --- (e) Over HTTP: the same rule in every answer ---------------------------------------------------

const clients = {} as Record<UserKey, TestClient>;
let anonymousClient: TestClient;
async function signedIn(): Promise<void> {
  if (anonymousClient) return;
  for (const u of userKeys) {
    clients[u] = new TestClient(t.app);
    await clients[u].signIn(users[u].email, TEST_PASSWORD);
  }
  anonymousClient = new TestClient(t.app);
}

/** Texts the viewer may not come across anywhere. */
function forbiddenTexts(v: UserKey | 'anonymous'): string[] {
  const out: string[] = [];
  for (const c of communityKeys) if (v === 'anonymous' || !seesCommunity(v, c)) out.push(communityName(c), communityDescription(c));
  for (const p of posts) if (v === 'anonymous' || !readsPost(v, p)) out.push(...p.texts);
  for (const r of replies) if (v === 'anonymous' || !seesReply(v, r)) out.push(...r.texts);
  return out;
}
function expectNoLeak(v: UserKey | 'anonymous', where: string, body: string): void {
  const leaked = forbiddenTexts(v).filter((text) => body.includes(text));
  expect(leaked, `${v}: ${where} shows what it may not`).toEqual([]);
}
/** An error page with the requested address and per-request tokens taken out. */
function normalise(body: string, ...tokens: string[]): string {
  let out = body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
  for (const token of tokens) out = out.split(encodeURIComponent(token)).join('§').split(token).join('§');
  return out;
}
function itemIds(json: unknown): string[] {
  const items = (json as { items?: { id?: string; slug?: string }[] }).items ?? [];
  return items.map((i) => i.id ?? i.slug ?? '?');
}

/** Routes inside the protected space: who may not enter at all, and how they are turned away. */
async function expectTurnedAway(v: 'anonymous' | 'applicant', url: string): Promise<void> {
  const api = url.startsWith('/api/');
  const res = v === 'anonymous' ? await anonymousClient.get(url) : await clients.applicant.get(url);
  if (v === 'anonymous') {
    expect(res.statusCode, url).toBe(api ? 401 : 303);
    if (!api) expect(res.headers.location, url).toMatch(/^\/anmelden\?next=/);
  } else {
    expect(res.statusCode, url).toBe(403);
  }
  expectNoLeak(v, url, res.body);
}

const insideViewers = viewers.filter((v) => v !== 'applicant');

describe('over HTTP', () => {
  beforeAll(signedIn);

  it('anonymous visitors and applicants are turned away from every community address, and see none of it', async () => {
    const urls = ['/api/v1/communities', '/communities'];
    for (const c of communityKeys) urls.push(`/api/v1/communities/${communities[c].slug}`, `/api/v1/communities/${communities[c].slug}/posts`, `/communities/${communities[c].slug}`);
    for (const p of posts) urls.push(`/api/v1/posts/${p.id}`, `/api/v1/posts/${p.id}/replies`, `/beitraege/${p.id}`);
    for (const u of userKeys) urls.push(`/mitglieder/${users[u].id}`);
    for (const o of organisations) urls.push(`/organisationen/${o.id}`);
    for (const url of urls) {
      await expectTurnedAway('anonymous', url);
      await expectTurnedAway('applicant', url);
    }
    // The start page is for everybody: the landing page, or the applicant's waiting page.
    const landing = await anonymousClient.get('/');
    expect(landing.statusCode).toBe(200);
    expectNoLeak('anonymous', '/', landing.body);
    const waiting = await clients.applicant.get('/');
    expect(waiting.statusCode).toBe(200);
    expectNoLeak('applicant', '/', waiting.body);
  });

  it.each(insideViewers)('JSON API: communities for %s', async (v) => {
    const client = clients[v];
    const list = await client.api('GET', '/api/v1/communities?limit=50');
    expect(list.statusCode).toBe(200);
    expectNoLeak(v, '/api/v1/communities', list.body);
    const expected = communityKeys.filter((c) => seesCommunity(v, c));
    expect(itemIds(list.json()).map((id) => keyOfCommunity(id)).sort()).toEqual([...expected].sort());
    expect(list.json().total).toBe(expected.length);

    const missingSlug = `kreis-unbekannt-${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const missing = await client.api('GET', `/api/v1/communities/${missingSlug}`);
    expect(missing.statusCode).toBe(404);
    const missingPosts = await client.api('GET', `/api/v1/communities/${missingSlug}/posts`);
    expect(missingPosts.statusCode).toBe(404);
    for (const c of communityKeys) {
      const { slug } = communities[c];
      const one = await client.api('GET', `/api/v1/communities/${slug}`);
      const postsRes = await client.api('GET', `/api/v1/communities/${slug}/posts?limit=50`);
      expectNoLeak(v, `/api/v1/communities/${slug}`, one.body);
      expectNoLeak(v, `/api/v1/communities/${slug}/posts`, postsRes.body);
      if (!seesCommunity(v, c)) {
        expect(one.statusCode, `${v} ${c}`).toBe(404);
        expect(one.json(), `${v} ${c}: the same answer as for nothing`).toEqual(missing.json());
        expect(postsRes.statusCode, `${v} ${c} posts`).toBe(404);
        expect(postsRes.json()).toEqual(missingPosts.json());
        continue;
      }
      expect(one.statusCode, `${v} ${c}`).toBe(200);
      expect(one.body).toContain(communityName(c));
      if (!readsCommunity(v, c)) {
        // Listed, but its content is for members: refused, never shown.
        expect([403, 404], `${v} ${c} posts`).toContain(postsRes.statusCode);
        continue;
      }
      expect(postsRes.statusCode, `${v} ${c} posts`).toBe(200);
      const expectedPosts = posts.filter((p) => p.community === c && readsPost(v, p)).map((p) => p.id);
      expect(label(itemIds(postsRes.json())), `${v} ${c} posts`).toEqual(label(expectedPosts));
      expect(postsRes.json().total).toBe(expectedPosts.length);
    }
  });

  it.each(insideViewers)('JSON API: posts and replies for %s', async (v) => {
    const client = clients[v];
    const missingId = newId();
    const missing = await client.api('GET', `/api/v1/posts/${missingId}`);
    expect(missing.statusCode).toBe(404);
    const missingReplies = await client.api('GET', `/api/v1/posts/${missingId}/replies`);
    expect(missingReplies.statusCode).toBe(404);
    for (const p of posts) {
      const one = await client.api('GET', `/api/v1/posts/${p.id}`);
      const rs = await client.api('GET', `/api/v1/posts/${p.id}/replies`);
      expectNoLeak(v, `/api/v1/posts/${p.texts[0]}`, one.body);
      expectNoLeak(v, `/api/v1/posts/${p.texts[0]}/replies`, rs.body);
      if (!readsPost(v, p)) {
        expect(one.statusCode, `${v} ${p.texts[0]}`).toBe(404);
        expect(one.json()).toEqual(missing.json());
        expect(rs.statusCode, `${v} ${p.texts[0]} replies`).toBe(404);
        expect(rs.json()).toEqual(missingReplies.json());
        continue;
      }
      expect(one.statusCode, `${v} ${p.texts[0]}`).toBe(200);
      expect(one.body).toContain(postTitle(p.community, p.key));
      expect(rs.statusCode).toBe(200);
      const expected = replies.filter((r) => r.postId === p.id && seesReply(v, r)).map((r) => r.id);
      expect(label(itemIds(rs.json())), `${v} replies of ${p.texts[0]}`).toEqual(label(expected));
      expect(rs.json().total).toBe(expected.length);
    }
  });

  it.each(insideViewers)('pages: /communities, /communities/{slug} and /beitraege/{id} for %s', async (v) => {
    const client = clients[v];
    const list = await client.get('/communities');
    expect(list.statusCode).toBe(200);
    expectNoLeak(v, '/communities', list.body);
    for (const c of communityKeys.filter((x) => seesCommunity(v, x))) expect(list.body, `${v} /communities lists ${c}`).toContain(communityName(c));

    const missingSlug = `kreis-unbekannt-${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const missing = await client.get(`/communities/${missingSlug}`);
    expect(missing.statusCode).toBe(404);
    for (const c of communityKeys) {
      const { slug } = communities[c];
      const page = await client.get(`/communities/${slug}`);
      expectNoLeak(v, `/communities/${slug}`, page.body);
      if (!seesCommunity(v, c)) {
        expect(page.statusCode, `${v} ${c}`).toBe(404);
        expect(normalise(page.body, slug), `${v} ${c}: the same page as for nothing`).toBe(normalise(missing.body, missingSlug));
      } else {
        expect(page.statusCode, `${v} ${c}`).toBe(200);
        expect(page.body).toContain(communityName(c));
      }
    }

    const missingId = newId();
    const missingPost = await client.get(`/beitraege/${missingId}`);
    expect(missingPost.statusCode).toBe(404);
    for (const p of posts) {
      const page = await client.get(`/beitraege/${p.id}`);
      expectNoLeak(v, `/beitraege/${p.texts[0]}`, page.body);
      if (!readsPost(v, p)) {
        expect(page.statusCode, `${v} ${p.texts[0]}`).toBe(404);
        expect(normalise(page.body, p.id), `${v} ${p.texts[0]}: the same page as for nothing`).toBe(normalise(missingPost.body, missingId));
      } else {
        expect(page.statusCode, `${v} ${p.texts[0]}`).toBe(200);
        expect(page.body).toContain(postTitle(p.community, p.key));
        for (const r of replies.filter((x) => x.postId === p.id && seesReply(v, x))) expect(page.body, `${v} sees ${r.texts[0]}`).toContain(replyBody(r.community, r.key));
      }
    }
  });

  it.each(insideViewers)('pages: the start page, profiles and organisations for %s', async (v) => {
    const client = clients[v];
    const start = await client.get('/');
    expect(start.statusCode).toBe(200);
    expectNoLeak(v, '/', start.body);

    const missingId = newId();
    const missingProfile = await client.get(`/mitglieder/${missingId}`);
    expect(missingProfile.statusCode).toBe(404);
    for (const u of userKeys) {
      const page = await client.get(`/mitglieder/${users[u].id}`);
      expectNoLeak(v, `/mitglieder/${u}`, page.body);
      if (!seesProfile(v, u)) {
        expect(page.statusCode, `${v} looks at ${u}`).toBe(404);
        expect(normalise(page.body, users[u].id)).toBe(normalise(missingProfile.body, missingId));
        continue;
      }
      expect(page.statusCode, `${v} looks at ${u}`).toBe(200);
      // 'shared' fields (the phone) for co-members only; 'members' fields (the position) for verified members.
      const relation = relationOf(v, u);
      expect(page.body.includes(phoneOf(u)), `${v} sees the phone of ${u}`).toBe(canSeeField(actorOf(v), 'shared', relation));
      expect(page.body.includes(positionOf(u)), `${v} sees the position of ${u}`).toBe(canSeeField(actorOf(v), 'members', relation));
      // The person's communities, as far as they exist for the viewer.
      for (const c of communityKeys.filter((x) => seesCommunity(v, x) && countsAsMember(u, x))) expect(page.body, `${v} sees that ${u} is in ${c}`).toContain(communityName(c));
      for (const c of communityKeys.filter((x) => !countsAsMember(u, x))) expect(page.body, `${v} is told that ${u} is in ${c}`).not.toContain(communityName(c));
    }

    for (const [index, org] of organisations.entries()) {
      const page = await client.get(`/organisationen/${org.id}`);
      expectNoLeak(v, `/organisationen/${org.name}`, page.body);
      if (!policy.canProposeCommunity(actorOf(v))) {
        // The organisation directory is for verified members.
        expect(page.statusCode).toBe(403);
        continue;
      }
      expect(page.statusCode).toBe(200);
      for (const c of communityKeys) {
        const staffIn = userKeys.some((u) => orgOf[u] === index && ['member', 'office', 'admin'].includes(roles[u]) && countsAsMember(u, c));
        if (seesCommunity(v, c) && staffIn) expect(page.body, `${v}: ${org.name} is active in ${c}`).toContain(communityName(c));
      }
    }
  });
});
