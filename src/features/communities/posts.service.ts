/** Use cases of posts and replies: write, edit with history, delete, accept, mark, follow, reuse. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, ExampleStatus, PostType } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { enforceLimits } from '../../http/rate-limit.js';
import type { Jobs } from '../../jobs/jobs.js';
import { newId } from '../../lib/ids.js';
import { parseTagList } from '../../lib/tags.js';
import { writeAudit } from '../audit/audit.repo.js';
import { notify, notifyFollowers } from '../notifications/notify.js';
import { ensureTags } from '../members/members.service.js';
import * as policy from './communities.policy.js';
import { loadCommunity } from './communities.service.js';
import { linkMentions, resolveMentions, type Mentioned } from './mentions.js';
import * as repo from './posts.repo.js';

export const MAX_POST_TAGS = 5;

/** What use cases that notify people need: the database and the job queue (notification mails). */
export interface NotifyDeps {
  db: Kysely<DB>;
  jobs: Jobs;
}

/** Writing posts and replies also needs the rate limits of the configuration. */
export interface WriteDeps extends NotifyDeps {
  config: Config;
}

function actorId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

export interface LoadedPost {
  post: repo.PostRow;
  membership: policy.MembershipFacts | null;
  community: policy.CommunityFacts;
}

/** A post the viewer may read, or 404 exactly like one that does not exist. */
export async function loadPost(db: Kysely<DB>, actor: Actor, id: string): Promise<LoadedPost> {
  const post = await repo.getPost(db, id, actorId(actor));
  if (!post) throw new AppError('not_found');
  const membership: policy.MembershipFacts | null = post.myStatus ? { status: post.myStatus, role: post.myRole ?? 'member' } : null;
  const community: policy.CommunityFacts = { visibility: post.visibility, status: post.communityStatus, partnersAllowed: post.partnersAllowed };
  if (!policy.canReadCommunity(actor, community, membership) || !policy.canSeeContent(actor, post, membership)) throw new AppError('not_found');
  return { post, membership, community };
}

/** A reply the viewer may see, with its post. */
export async function loadReply(db: Kysely<DB>, actor: Actor, id: string) {
  const reply = await repo.getReply(db, id);
  if (!reply) throw new AppError('not_found');
  const loaded = await loadPost(db, actor, reply.postId);
  if (!policy.canSeeContent(actor, reply, loaded.membership)) throw new AppError('not_found');
  return { reply, ...loaded };
}

/** Posts and replies hold at most this many characters (the database checks it too). */
const MAX_TEXT = 20000;

/** Mentions become links only while the text still fits; the people are stored as mentioned either way. */
function linkFitting(text: string, people: Mentioned[]): string {
  const linked = linkMentions(text, people);
  return linked.length <= MAX_TEXT ? linked : text;
}

async function limitWriting(db: Kysely<DB>, config: Config, userId: string): Promise<void> {
  await enforceLimits(db, [{ key: `content:user:${userId}`, max: config.CONTENT_RATE_LIMIT_PER_MINUTE }], 60);
}

export interface ExampleInput {
  problem: string;
  solution: string;
  status: ExampleStatus;
  organisationId?: string | null;
  contactId?: string | null;
  materials?: string;
  reuse?: string;
}

export interface PostInput {
  type: PostType;
  title: string;
  body: string;
  tags?: string;
  example?: ExampleInput;
}

/** The contact person of a practice example must be a verified member. */
async function assertContact(db: Kysely<DB>, contactId: string | null | undefined): Promise<void> {
  if (!contactId) return;
  const row = await db.selectFrom('users').select('id').where('id', '=', contactId).where('role', 'in', ['member', 'office', 'admin']).where('suspendedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('validation_failed', { contactId: 'post.error.contact' });
}

async function saveTags(trx: Transaction<DB>, postId: string, tags: string | undefined, userId: string): Promise<void> {
  const ids = await ensureTags(trx, parseTagList(tags ?? '', MAX_POST_TAGS), userId);
  await trx.deleteFrom('postTags').where('postId', '=', postId).execute();
  if (ids.length) await trx.insertInto('postTags').values(ids.map((tagId) => ({ postId, tagId }))).onConflict((oc) => oc.doNothing()).execute();
}

/** Stores the mentioned people; returns those not mentioned in this text before (they are told). */
async function saveMentions(trx: Transaction<DB>, targetType: 'post' | 'reply', targetId: string, people: { id: string }[]): Promise<string[]> {
  if (people.length === 0) return [];
  const added = await trx
    .insertInto('mentions')
    .values(people.map((p) => ({ targetType, targetId, userId: p.id })))
    .onConflict((oc) => oc.doNothing())
    .returning('userId')
    .execute();
  return added.map((row) => row.userId);
}

export async function createPost(deps: WriteDeps, actor: Actor, slug: string, input: PostInput): Promise<string> {
  const { db } = deps;
  const community = await loadCommunity(db, actor, slug);
  const userId = actorId(actor);
  if (!policy.canContribute(actor, community, community.membership)) throw new AppError('forbidden');
  if (!policy.canPostType(actor, community, community.membership, input.type)) throw new AppError('validation_failed', { type: 'post.error.announcement' });
  if (input.type === 'example') {
    if (!input.example?.problem) throw new AppError('validation_failed', { problem: 'form.required' });
    if (!input.example.solution) throw new AppError('validation_failed', { solution: 'form.required' });
    await assertContact(db, input.example.contactId);
  }
  await limitWriting(db, deps.config, userId);
  const mentioned = await resolveMentions(db, input.body, community.id, userId);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('posts').values({ id, communityId: community.id, type: input.type, title: input.title, body: linkFitting(input.body, mentioned), authorId: userId, updatedBy: userId }).execute();
    if (input.type === 'example' && input.example) {
      const organisationId = input.example.organisationId ?? (actor.kind === 'user' ? actor.user.organisationId : null);
      await trx
        .insertInto('practiceExamples')
        .values({ postId: id, problem: input.example.problem, solution: input.example.solution, status: input.example.status, organisationId, contactId: input.example.contactId ?? userId, materials: input.example.materials ?? '', reuse: input.example.reuse ?? '' })
        .execute();
    }
    await saveTags(trx, id, input.tags, userId);
    const told = await saveMentions(trx, 'post', id, mentioned);
    await trx.insertInto('postFollows').values({ postId: id, userId }).onConflict((oc) => oc.doNothing()).execute();
    await trx.updateTable('communities').set({ lastActivityAt: sql`now()` }).where('id', '=', community.id).execute();
    await notify(trx, deps.jobs, told, { kind: 'mention', actorId: userId, communityId: community.id, postId: id });
    await notifyFollowers(trx, deps.jobs, { communityId: community.id, postId: id, actorId: userId, except: told });
  });
  return id;
}

/** The author edits; the previous version goes to the history. People newly mentioned are told. */
export async function editPost(deps: NotifyDeps, actor: Actor, id: string, input: Omit<PostInput, 'type'> & { type?: PostType }): Promise<void> {
  const { db } = deps;
  const { post, membership, community } = await loadPost(db, actor, id);
  const userId = actorId(actor);
  if (!policy.canEdit(actor, post, Boolean(post.lockedAt), membership)) throw new AppError('forbidden');
  const type = input.type ?? post.type;
  if (type !== post.type && (type === 'example' || post.type === 'example')) throw new AppError('validation_failed', { type: 'post.error.typeChange' });
  if (type === 'announcement' && post.type !== 'announcement' && !policy.canPostType(actor, community, membership, type)) throw new AppError('validation_failed', { type: 'post.error.announcement' });
  if (type === 'example') await assertContact(db, input.example?.contactId);
  const mentioned = await resolveMentions(db, input.body, post.communityId, userId);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('revisions').values({ targetType: 'post', targetId: id, title: post.title, body: post.body, editedBy: userId }).execute();
    await trx.updateTable('posts').set({ type, title: input.title, body: linkFitting(input.body, mentioned), editedAt: sql`now()`, updatedAt: sql`now()`, updatedBy: userId }).where('id', '=', id).execute();
    if (type === 'example' && input.example) {
      await trx
        .updateTable('practiceExamples')
        .set({ problem: input.example.problem, solution: input.example.solution, status: input.example.status, contactId: input.example.contactId ?? post.contactId, materials: input.example.materials ?? '', reuse: input.example.reuse ?? '' })
        .where('postId', '=', id)
        .execute();
    }
    if (input.tags !== undefined) await saveTags(trx, id, input.tags, userId);
    const told = await saveMentions(trx, 'post', id, mentioned);
    await notify(trx, deps.jobs, told, { kind: 'mention', actorId: userId, communityId: post.communityId, postId: id });
  });
}

/** Deleting hides the post for good; moderators' deletions are audit-logged. */
export async function deletePost(db: Kysely<DB>, actor: Actor, id: string): Promise<{ communitySlug: string }> {
  const { post, membership } = await loadPost(db, actor, id);
  if (!policy.canDelete(actor, post, membership)) throw new AppError('forbidden');
  const userId = actorId(actor);
  await db.updateTable('posts').set({ deletedAt: sql`now()`, deletedBy: userId, updatedAt: sql`now()` }).where('id', '=', id).where('deletedAt', 'is', null).execute();
  if (post.authorId !== userId) await writeAudit(db, actor, { action: 'post.delete', targetType: 'post', targetId: id, details: { community: post.communitySlug, title: post.title } });
  return { communitySlug: post.communitySlug };
}

// --- Replies -----------------------------------------------------------------------------------

/**
 * A reply tells the post's author (an answer to a question, else a reply), the people it
 * mentions, and the post's followers: one notification per person and reply, the most specific.
 */
export async function createReply(deps: WriteDeps, actor: Actor, postId: string, input: { body: string; quoteReplyId?: string }): Promise<string> {
  const { db } = deps;
  const { post, membership, community } = await loadPost(db, actor, postId);
  const userId = actorId(actor);
  if (!policy.canReply(actor, community, membership, Boolean(post.lockedAt))) {
    if (post.lockedAt && policy.canContribute(actor, community, membership)) throw new AppError('validation_failed', { body: 'post.error.locked' });
    throw new AppError('forbidden');
  }
  if (input.quoteReplyId) {
    const quoted = await repo.getReply(db, input.quoteReplyId);
    if (!quoted || quoted.postId !== postId || !policy.canSeeContent(actor, quoted, membership)) throw new AppError('validation_failed', { quoteReplyId: 'reply.error.quote' });
  }
  await limitWriting(db, deps.config, userId);
  const mentioned = await resolveMentions(db, input.body, post.communityId, userId);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('replies').values({ id, postId, body: linkFitting(input.body, mentioned), authorId: userId, quoteReplyId: input.quoteReplyId ?? null, updatedBy: userId }).execute();
    await trx.updateTable('posts').set({ replyCount: sql`reply_count + 1`, lastActivityAt: sql`now()` }).where('id', '=', postId).execute();
    await trx.updateTable('communities').set({ lastActivityAt: sql`now()` }).where('id', '=', post.communityId).execute();
    await trx.insertInto('postFollows').values({ postId, userId }).onConflict((oc) => oc.doNothing()).execute();
    const told = (await saveMentions(trx, 'reply', id, mentioned)).filter((m) => m !== post.authorId);
    const facts = { actorId: userId, communityId: post.communityId, postId, replyId: id };
    await notify(trx, deps.jobs, [post.authorId], { ...facts, kind: post.type === 'question' ? 'answer' : 'reply' });
    await notify(trx, deps.jobs, told, { ...facts, kind: 'mention' });
    await notifyFollowers(trx, deps.jobs, { communityId: post.communityId, postId, replyId: id, actorId: userId, except: [...(post.authorId ? [post.authorId] : []), ...told] });
  });
  return id;
}

/** The author edits a reply; people newly mentioned are told. */
export async function editReply(deps: NotifyDeps, actor: Actor, id: string, body: string): Promise<{ postId: string }> {
  const { db } = deps;
  const { reply, post, membership } = await loadReply(db, actor, id);
  const userId = actorId(actor);
  if (!policy.canEdit(actor, reply, Boolean(post.lockedAt), membership)) throw new AppError('forbidden');
  const mentioned = await resolveMentions(db, body, post.communityId, userId);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('revisions').values({ targetType: 'reply', targetId: id, title: null, body: reply.body, editedBy: userId }).execute();
    await trx.updateTable('replies').set({ body: linkFitting(body, mentioned), editedAt: sql`now()`, updatedAt: sql`now()`, updatedBy: userId }).where('id', '=', id).execute();
    const told = await saveMentions(trx, 'reply', id, mentioned);
    await notify(trx, deps.jobs, told, { kind: 'mention', actorId: userId, communityId: post.communityId, postId: post.id, replyId: id });
  });
  return { postId: post.id };
}

export async function deleteReply(db: Kysely<DB>, actor: Actor, id: string): Promise<{ postId: string }> {
  const { reply, post, membership } = await loadReply(db, actor, id);
  const userId = actorId(actor);
  if (!policy.canDelete(actor, reply, membership)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.updateTable('replies').set({ deletedAt: sql`now()`, deletedBy: userId }).where('id', '=', id).where('deletedAt', 'is', null).returning('hiddenAt').executeTakeFirst();
    // Hidden replies were already left out of the count.
    if (deleted && !deleted.hiddenAt) await trx.updateTable('posts').set({ replyCount: sql`greatest(reply_count - 1, 0)` }).where('id', '=', post.id).execute();
    await trx.updateTable('posts').set({ acceptedReplyId: null }).where('id', '=', post.id).where('acceptedReplyId', '=', id).execute();
  });
  if (reply.authorId !== userId) await writeAudit(db, actor, { action: 'reply.delete', targetType: 'reply', targetId: id, details: { postId: post.id } });
  return { postId: post.id };
}

/**
 * The asker or a lead accepts one answer (another one replaces it); `accept = false` takes it
 * back. The reply's author is told when their answer becomes the accepted one (once).
 */
export async function acceptReply(deps: NotifyDeps, actor: Actor, replyId: string, accept = true): Promise<{ postId: string }> {
  const { db } = deps;
  const { reply, post, membership } = await loadReply(db, actor, replyId);
  if (!policy.canAccept(actor, post, membership)) throw new AppError('forbidden');
  if (reply.hiddenAt) throw new AppError('conflict');
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('posts')
      .set({ acceptedReplyId: accept ? replyId : null })
      .where('id', '=', post.id)
      .$if(accept, (q) => q.where(sql<boolean>`accepted_reply_id is distinct from ${replyId}`))
      .$if(!accept, (q) => q.where('acceptedReplyId', '=', replyId))
      .executeTakeFirst();
    if (accept && Number(changed.numUpdatedRows) > 0) {
      await notify(trx, deps.jobs, [reply.authorId], { kind: 'accepted', actorId: actorId(actor), communityId: post.communityId, postId: post.id, replyId });
    }
  });
  return { postId: post.id };
}

// --- Marks ---------------------------------------------------------------------------------------

/** "Hilfreich", once per member, never on one's own text. Counted atomically. */
export async function setHelpful(db: Kysely<DB>, actor: Actor, target: { kind: 'post' | 'reply'; id: string }, on: boolean): Promise<{ helpfulCount: number; postId: string }> {
  const userId = actorId(actor);
  const loaded = target.kind === 'post' ? { ...(await loadPost(db, actor, target.id)), reply: null } : await loadReply(db, actor, target.id);
  const content = loaded.reply ?? loaded.post;
  if (!policy.canContribute(actor, loaded.community, loaded.membership)) throw new AppError('forbidden');
  if (content.authorId === userId) throw new AppError('validation_failed', { _form: 'helpful.error.own' });
  const table = target.kind === 'post' ? 'posts' : 'replies';
  const count = await db.transaction().execute(async (trx) => {
    const changed = on
      ? (await trx.insertInto('helpfulMarks').values({ targetType: target.kind, targetId: target.id, userId }).onConflict((oc) => oc.doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows
      : (await trx.deleteFrom('helpfulMarks').where('targetType', '=', target.kind).where('targetId', '=', target.id).where('userId', '=', userId).executeTakeFirst()).numDeletedRows;
    const delta = Number(changed ?? 0) > 0 ? (on ? 1 : -1) : 0;
    const row = await trx
      .updateTable(table)
      .set({ helpfulCount: sql`greatest(helpful_count + ${delta}, 0)` })
      .where('id', '=', target.id)
      .returning('helpfulCount')
      .executeTakeFirstOrThrow();
    return row.helpfulCount;
  });
  return { helpfulCount: count, postId: loaded.post.id };
}

export async function setPostFollow(db: Kysely<DB>, actor: Actor, postId: string, on: boolean): Promise<void> {
  const userId = actorId(actor);
  await loadPost(db, actor, postId);
  if (on) await db.insertInto('postFollows').values({ postId, userId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('postFollows').where('postId', '=', postId).where('userId', '=', userId).execute();
}

export async function setBookmark(db: Kysely<DB>, actor: Actor, postId: string, on: boolean): Promise<void> {
  const userId = actorId(actor);
  await loadPost(db, actor, postId);
  if (on) await db.insertInto('bookmarks').values({ postId, userId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('bookmarks').where('postId', '=', postId).where('userId', '=', userId).execute();
}

/** "Wir nutzen das nach": verified members, for their organisation, once. */
export async function setReuse(db: Kysely<DB>, actor: Actor, postId: string, on: boolean): Promise<void> {
  const { post, community, membership } = await loadPost(db, actor, postId);
  if (post.type !== 'example') throw new AppError('not_found');
  if (!policy.canContribute(actor, community, membership) || actor.kind !== 'user' || actor.user.role === 'partner') throw new AppError('forbidden');
  const userId = actor.user.id;
  if (on && (post.authorId === userId || post.contactId === userId)) throw new AppError('validation_failed', { _form: 'example.error.ownReuse' });
  if (on) await db.insertInto('exampleReuses').values({ postId, userId, organisationId: actor.user.organisationId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('exampleReuses').where('postId', '=', postId).where('userId', '=', userId).execute();
}
