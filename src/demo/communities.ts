/**
 * Demo communities of practice (./communities-data.ts) with their posts and replies
 * (./communities-posts-*.ts): members chosen from the demo people by their topics, replies,
 * helpful marks, reuses of practice examples, bookmarks and follows, with counters that match
 * the rows. Choices and times are deterministic (a seeded generator per community, offsets
 * from `now`); ids come from newId().
 *
 * Idempotent: a community whose slug exists already is skipped with everything in it, so a
 * second run inserts nothing and never fails. Each community is one transaction with one
 * insert per table.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, Level, PostsTable, RepliesTable } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { tagLabel, tagSlug } from '../lib/tags.js';
import { ACCOUNT_EMAILS, COMMUNITIES, COMMUNITY_PROPOSAL, type AccountKey, type By, type CommunitySeed, type PostSeed, type ReplyBy } from './communities-data.js';
import { POSTS_1 } from './communities-posts-1.js';
import { POSTS_2 } from './communities-posts-2.js';
import { POSTS_3 } from './communities-posts-3.js';
import { prng, type DemoPerson } from './people.js';

export const COMMUNITY_POSTS: Record<string, PostSeed[]> = { ...POSTS_1, ...POSTS_2, ...POSTS_3 };

export interface CommunitiesSeedResult {
  communitiesCreated: number;
  postsCreated: number;
  repliesCreated: number;
}

interface Member {
  id: string;
  organisationId: string | null;
  level: Level | null;
  /** Set for the demo accounts; the demo people have none. */
  account: AccountKey | null;
}

type Rng = () => number;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** FNV-1a: a seed for the generator from a community's slug. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
/** A moment between `from` and `to` (ms); never after `to`. */
const between = (rng: Rng, from: number, to: number): Date => new Date(Math.min(from, to) + rng() * Math.max(0, to - from));

export async function seedCommunities(db: Kysely<DB>, opts: { people: readonly DemoPerson[]; now?: Date }): Promise<CommunitiesSeedResult> {
  const result: CommunitiesSeedResult = { communitiesCreated: 0, postsCreated: 0, repliesCreated: 0 };
  const slugs = [...COMMUNITIES.map((c) => c.slug), COMMUNITY_PROPOSAL.slug];
  const existing = new Set((await db.selectFrom('communities').select('slug').where('slug', 'in', slugs).execute()).map((r) => r.slug));
  const todo = COMMUNITIES.filter((c) => !existing.has(c.slug));
  const proposal = !existing.has(COMMUNITY_PROPOSAL.slug);
  if (todo.length === 0 && !proposal) return result; // a restart: nothing to do

  const now = (opts.now ?? new Date()).getTime();
  const accountRows = await db.selectFrom('users').select(['id', 'email', 'organisationId']).where('email', 'in', Object.values(ACCOUNT_EMAILS)).execute();
  const accounts = new Map<AccountKey, Member>();
  for (const [key, email] of Object.entries(ACCOUNT_EMAILS) as [AccountKey, string][]) {
    const row = accountRows.find((r) => r.email === email);
    if (row) accounts.set(key, { id: row.id, organisationId: row.organisationId, level: null, account: key });
  }
  // Demo people who exist as verified, active members (a tester may have changed some).
  const personRows = opts.people.length
    ? await db
        .selectFrom('users')
        .select(['id', 'organisationId'])
        .where('id', 'in', opts.people.map((p) => p.id))
        .where('role', '=', 'member')
        .where('verifiedAt', 'is not', null)
        .where('suspendedAt', 'is', null)
        .execute()
    : [];
  const orgOf = new Map(personRows.map((r) => [r.id, r.organisationId]));
  const people = opts.people.filter((p) => orgOf.has(p.id));

  const tagIds = await ensureTags(db, [...todo.flatMap((c) => c.topics), ...(proposal ? COMMUNITY_PROPOSAL.topics : [])]);
  const ctx: Context = { accounts, people, orgOf, tagIds, now };
  for (const seed of todo) {
    const posts = COMMUNITY_POSTS[seed.slug];
    if (!posts) throw new Error(`No demo posts for community ${seed.slug}`);
    const counts = await seedCommunity(db, seed, posts, ctx);
    result.communitiesCreated += counts.communities;
    result.postsCreated += counts.posts;
    result.repliesCreated += counts.replies;
  }
  if (proposal) result.communitiesCreated += await seedProposal(db, ctx);
  return result;
}

interface Context {
  accounts: Map<AccountKey, Member>;
  people: readonly DemoPerson[];
  orgOf: Map<string, string | null>;
  tagIds: Map<string, string>;
  now: number;
}

/** Creates the tags of the topics that do not exist yet; returns slug -> id. */
async function ensureTags(db: Kysely<DB>, labels: string[]): Promise<Map<string, string>> {
  const bySlug = new Map<string, string>();
  for (const l of labels) {
    const label = tagLabel(l);
    const slug = tagSlug(label);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, label);
  }
  if (bySlug.size === 0) return new Map();
  await db
    .insertInto('tags')
    .values([...bySlug].map(([slug, label]) => ({ id: newId(), slug, label, createdBy: null })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select(['id', 'slug']).where('slug', 'in', [...bySlug.keys()]).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** How well a demo person fits a community: their topics first, then field and position. */
function fit(p: DemoPerson, seed: CommunitySeed, topics: Set<string>): number {
  let score = 0;
  for (const t of p.expertise) if (topics.has(tagSlug(t))) score += 3;
  for (const t of p.ask) if (topics.has(tagSlug(t))) score += 2;
  if (seed.prefer?.fields?.includes(p.field)) score += 1.5;
  if (seed.prefer?.position?.test(p.position)) score += 3;
  return score;
}

async function seedCommunity(db: Kysely<DB>, seed: CommunitySeed, posts: PostSeed[], ctx: Context): Promise<{ communities: number; posts: number; replies: number }> {
  const rng = prng(hash(seed.slug));
  const { now } = ctx;
  const createdAt = now - seed.createdDaysAgo * DAY;
  const firstPost = now - Math.max(0, ...posts.map((p) => p.days)) * DAY - 9 * HOUR;
  if (firstPost <= createdAt) throw new Error(`Community ${seed.slug}: a post is older than the community`);
  const joinedBy = createdAt + (firstPost - createdAt) / 2;

  // Members: the accounts of the seed, then the demo people who fit best and some others.
  const fixed = (Object.entries(seed.accounts ?? {}) as [AccountKey, 'lead' | 'member'][])
    .filter(([key]) => ctx.accounts.has(key))
    .map(([key, role]) => ({ m: ctx.accounts.get(key)!, role }));
  const topics = new Set(seed.topics.map(tagSlug));
  const ranked = ctx.people
    .map((p) => ({ p, score: fit(p, seed, topics) + rng() * 2 }))
    .sort((a, b) => b.score - a.score)
    .map(({ p }): Member => ({ id: p.id, organisationId: ctx.orgOf.get(p.id) ?? null, level: p.level, account: null }));
  const personCount = Math.max(0, Math.min(seed.size - fixed.length, ranked.length));
  const best = Math.round(personCount * 0.75);
  const chosen = [...ranked.slice(0, best), ...shuffled(rng, ranked.slice(best)).slice(0, personCount - best)];
  const personLeads = seed.personLeads ?? (fixed.some((f) => f.role === 'lead') ? 0 : 1);
  const members = [...fixed, ...chosen.map((m, i) => ({ m, role: i < personLeads ? ('lead' as const) : ('member' as const) }))];
  const memberIds = new Set(members.map(({ m }) => m.id));
  const others = ranked.filter((m) => !memberIds.has(m.id));
  const requests = (seed.requests ?? []).map((message, i) => ({ m: others[i], message })).filter((r): r is { m: Member; message: string } => Boolean(r.m));
  const invites = others.slice(requests.length, requests.length + (seed.invites ?? 0));
  const leads = members.filter((x) => x.role === 'lead').map((x) => x.m);
  const lead = leads[0] ?? members[0]?.m;
  const all = members.map((x) => x.m);
  const persons = all.filter((m) => !m.account);

  const author = (by: By | undefined, announcement: boolean, exclude: Set<string>): Member => {
    if (by && by in ACCOUNT_EMAILS) {
      const account = ctx.accounts.get(by as AccountKey);
      if (account && !memberIds.has(account.id)) throw new Error(`Community ${seed.slug}: ${by} writes but is no member`);
      if (account && (!announcement || leads.includes(account))) return account;
    }
    if (announcement) return lead!;
    const free = (list: Member[]) => list.filter((m) => !exclude.has(m.id));
    const pools = [free(persons.filter((m) => m.level === by)), free(persons), free(all), all];
    return pick(rng, pools.find((pool) => pool.length > 0)!);
  };

  const communityId = newId();
  const memberRows = [
    ...members.map(({ m, role }) => {
      const joined = role === 'lead' ? new Date(createdAt) : between(rng, createdAt, joinedBy);
      return { communityId, userId: m.id, role, status: 'active' as const, message: null, invitedBy: null, createdAt: joined, updatedAt: joined };
    }),
    ...requests.map(({ m, message }) => {
      const at = between(rng, now - 6 * DAY, now - 2 * HOUR);
      return { communityId, userId: m.id, role: 'member' as const, status: 'requested' as const, message, invitedBy: null, createdAt: at, updatedAt: at };
    }),
    ...invites.map((m) => {
      const at = between(rng, now - 9 * DAY, now - 3 * HOUR);
      return { communityId, userId: m.id, role: 'member' as const, status: 'invited' as const, message: null, invitedBy: lead?.id ?? null, createdAt: at, updatedAt: at };
    }),
  ];

  // Posts with their replies, counters computed from the rows made here.
  const postRows: Insertable<PostsTable>[] = [];
  const replyRows: (Insertable<RepliesTable> & { id: string; authorId: string; createdAt: Date })[] = [];
  const exampleRows: Insertable<DB['practiceExamples']>[] = [];
  const postTagRows: Insertable<DB['postTags']>[] = [];
  const accepted: [string, string][] = [];
  const marks: Insertable<DB['helpfulMarks']>[] = [];
  const reuses: Insertable<DB['exampleReuses']>[] = [];
  const follows = new Map<string, Insertable<DB['postFollows']>>();
  const bookmarks: Insertable<DB['bookmarks']>[] = [];
  const member = ctx.accounts.get('member');
  const memberBelongs = Boolean(member && memberIds.has(member.id));
  let lastActivity = createdAt;

  const markBy = (targetType: 'post' | 'reply', targetId: string, authorId: string, at: number, count: number) => {
    for (const voter of shuffled(rng, all.filter((m) => m.id !== authorId)).slice(0, count)) {
      marks.push({ targetType, targetId, userId: voter.id, createdAt: between(rng, at + HOUR, now - MINUTE) });
    }
  };
  const follow = (postId: string, userId: string, at: Date) => follows.set(`${postId}|${userId}`, { postId, userId, createdAt: at });

  if (all.length > 0) {
    for (const post of posts) {
      const id = newId();
      const by = author(post.by, post.type === 'announcement', new Set());
      const created = now - post.days * DAY - (1 + rng() * 8) * HOUR;
      const tags = post.tags.map((t) => {
        if (!topics.has(tagSlug(t))) throw new Error(`Community ${seed.slug}: "${t}" is not one of its topics`);
        return ctx.tagIds.get(tagSlug(t));
      });
      for (const tagId of new Set(tags)) if (tagId) postTagRows.push({ postId: id, tagId });

      const seeds = (post.replies ?? []).map((r) => (typeof r === 'string' ? { text: r } : r));
      const start = created + 20 * MINUTE;
      const end = Math.min(created + (2 + seeds.length * 1.5) * DAY, now - 10 * MINUTE);
      const times = seeds.map(() => start + rng() * (end - start)).sort((a, b) => a - b);
      const replies: (typeof replyRows)[number][] = [];
      let previous = by.id;
      seeds.forEach((r, k) => {
        const writer: Member = r.by === 'op' ? by : author(r.by as Exclude<ReplyBy, 'op'> | undefined, false, new Set([by.id, previous]));
        previous = writer.id;
        const at = new Date(times[k]!);
        const quoted = r.quote === undefined ? null : replies[r.quote];
        if (r.quote !== undefined && !quoted) throw new Error(`Community ${seed.slug}: reply quotes a later reply in "${post.title}"`);
        replies.push({
          id: newId(), postId: id, body: r.text, authorId: writer.id, quoteReplyId: quoted?.id ?? null,
          hiddenAt: r.hidden ? new Date(Math.min(times[k]! + 2 * HOUR, now - MINUTE)) : null,
          hiddenReason: r.hidden ?? null, hiddenBy: r.hidden ? (lead?.id ?? null) : null,
          helpfulCount: 0, createdAt: at, updatedAt: at,
        });
      });
      const answer = post.accepted === undefined ? undefined : replies[post.accepted];
      if (post.accepted !== undefined && (!answer || answer.hiddenAt)) throw new Error(`Community ${seed.slug}: no visible reply ${post.accepted} to accept in "${post.title}"`);
      if (answer) accepted.push([id, answer.id]);

      // Helpful marks: on the post, and on visible replies (the accepted answer gets a few more).
      const before = marks.length;
      markBy('post', id, by.id, created, Math.floor(rng() * (post.type === 'example' ? 8 : post.type === 'announcement' ? 3 : 5)));
      const postMarks = marks.length - before;
      for (const reply of replies) {
        if (reply.hiddenAt) continue;
        const from = marks.length;
        markBy('reply', reply.id, reply.authorId, reply.createdAt.getTime(), Math.floor(rng() * 3) + (reply === answer ? 2 : 0));
        reply.helpfulCount = marks.length - from;
      }
      const visible = replies.filter((r) => !r.hiddenAt);
      const activity = Math.max(created, ...visible.map((r) => r.createdAt.getTime()));
      lastActivity = Math.max(lastActivity, activity);
      postRows.push({
        id, communityId, type: post.type, title: post.title, body: post.body, authorId: by.id, acceptedReplyId: null,
        replyCount: visible.length, helpfulCount: postMarks, pinnedAt: post.pinned ? new Date(created) : null,
        lastActivityAt: new Date(activity), createdAt: new Date(created), updatedAt: new Date(created),
      });
      replyRows.push(...replies);

      if (post.example) {
        const e = post.example;
        exampleRows.push({ postId: id, problem: e.problem, solution: e.solution, organisationId: by.organisationId, status: e.status, contactId: by.id, materials: e.materials, reuse: e.reuse });
        const candidates = all.filter((m) => m.id !== by.id && m.organisationId && m.organisationId !== by.organisationId);
        for (const user of shuffled(rng, candidates).slice(0, Math.floor(rng() * 4))) {
          reuses.push({ postId: id, userId: user.id, organisationId: user.organisationId, createdAt: between(rng, created + DAY, now - HOUR) });
        }
      }
      // Authors and repliers follow their posts; the member account keeps a few for later.
      follow(id, by.id, new Date(created));
      for (const r of replies) if (!follows.has(`${id}|${r.authorId}`)) follow(id, r.authorId, r.createdAt);
      if (member && memberBelongs && by.id !== member.id) {
        const at = between(rng, created + HOUR, now - MINUTE);
        if (post.type === 'example') bookmarks.push({ postId: id, userId: member.id, createdAt: at });
        if (post.type === 'question' && !answer && !follows.has(`${id}|${member.id}`)) follow(id, member.id, at);
      }
    }
  }

  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('communities')
      .values({
        id: communityId, slug: seed.slug, name: seed.name, description: seed.description, guidelines: seed.guidelines,
        visibility: seed.visibility, partnersAllowed: seed.partnersAllowed ?? false, chathamHouse: seed.chathamHouse ?? true, status: 'active',
        memberCount: members.length, lastActivityAt: new Date(lastActivity), createdAt: new Date(createdAt), updatedAt: new Date(createdAt),
        createdBy: lead?.id ?? null, updatedBy: null,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) return { communities: 0, posts: 0, replies: 0 }; // created in between by another run
    const topicIds = [...new Set(seed.topics.map((t) => ctx.tagIds.get(tagSlug(t))).filter((t): t is string => Boolean(t)))];
    if (topicIds.length) await trx.insertInto('communityTopics').values(topicIds.map((tagId) => ({ communityId, tagId }))).execute();
    if (memberRows.length) await trx.insertInto('communityMembers').values(memberRows).execute();
    if (postRows.length) await trx.insertInto('posts').values(postRows).execute();
    if (exampleRows.length) await trx.insertInto('practiceExamples').values(exampleRows).execute();
    if (postTagRows.length) await trx.insertInto('postTags').values(postTagRows).execute();
    if (replyRows.length) await trx.insertInto('replies').values(replyRows).execute();
    if (accepted.length) {
      const values = sql.join(accepted.map(([postId, replyId]) => sql`(${postId}::text, ${replyId}::text)`));
      await sql`update posts set accepted_reply_id = v.reply_id from (values ${values}) as v(post_id, reply_id) where posts.id = v.post_id`.execute(trx);
    }
    if (marks.length) await trx.insertInto('helpfulMarks').values(marks).execute();
    if (reuses.length) await trx.insertInto('exampleReuses').values(reuses).execute();
    if (follows.size) await trx.insertInto('postFollows').values([...follows.values()]).execute();
    if (bookmarks.length) await trx.insertInto('bookmarks').values(bookmarks).execute();
    return { communities: 1, posts: postRows.length, replies: replyRows.length };
  });
}

/** A proposal by a demo person from procurement, waiting for the office's decision. */
async function seedProposal(db: Kysely<DB>, ctx: Context): Promise<number> {
  const p = COMMUNITY_PROPOSAL;
  const proposer = ctx.people.find((person) => person.field === p.proposerField) ?? ctx.people[0];
  const at = new Date(ctx.now - p.daysAgo * DAY - 5 * HOUR);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const inserted = await trx
      .insertInto('communities')
      .values({
        id, slug: p.slug, name: p.name, description: p.description, guidelines: '', visibility: 'open', status: 'proposed',
        proposalReason: p.proposalReason, memberCount: 0, lastActivityAt: at, createdAt: at, updatedAt: at,
        createdBy: proposer?.id ?? null, updatedBy: proposer?.id ?? null,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .execute();
    if (inserted.length === 0) return 0;
    const topicIds = [...new Set(p.topics.map((t) => ctx.tagIds.get(tagSlug(t))).filter((t): t is string => Boolean(t)))];
    if (topicIds.length) await trx.insertInto('communityTopics').values(topicIds.map((tagId) => ({ communityId: id, tagId }))).execute();
    return 1;
  });
}
