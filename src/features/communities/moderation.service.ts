/**
 * Moderation: reports by members; hide (with a reason the author sees), lock, pin, move and
 * resolve by leads of the community and the office. Every action is audit-logged.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { enforceLimits } from '../../http/rate-limit.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { isOffice } from '../accounts/accounts.policy.js';
import { writeAudit } from '../audit/audit.repo.js';
import { notify } from '../notifications/notify.js';
import * as policy from './communities.policy.js';
import { exactTime, getCommunityBySlug } from './communities.repo.js';
import { loadPost, loadReply, type NotifyDeps } from './posts.service.js';

function actorId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

/** A member reports a post or reply they can see; one open report per person and text. */
export async function report(deps: { db: Kysely<DB>; config: Config }, actor: Actor, target: { postId: string; replyId?: string }, reason: string): Promise<void> {
  const { db } = deps;
  const userId = actorId(actor);
  const loaded = target.replyId ? await loadReply(db, actor, target.replyId) : await loadPost(db, actor, target.postId);
  if (loaded.post.id !== target.postId) throw new AppError('not_found');
  await enforceLimits(db, [{ key: `content:user:${userId}`, max: deps.config.CONTENT_RATE_LIMIT_PER_MINUTE }], 60);
  await db
    .insertInto('reports')
    .values({ id: newId(), communityId: loaded.post.communityId, postId: loaded.post.id, replyId: target.replyId ?? null, reporterId: userId, reason })
    .onConflict((oc) => oc.expression(sql`reporter_id, post_id, coalesce(reply_id, '')`).where('status', '=', 'open').doNothing())
    .execute();
}

async function requireModerator(db: Kysely<DB>, actor: Actor, postId: string) {
  const loaded = await loadPost(db, actor, postId);
  if (!policy.canModerate(actor, loaded.membership)) throw new AppError('forbidden');
  return loaded;
}

export type PostAction = 'lock' | 'unlock' | 'pin' | 'unpin' | 'unhide';

/** The decision's note in a notification (the column holds at most 2000 characters). */
function noteOf(reason: string): string | null {
  return reason ? reason.slice(0, 2000) : null;
}

/**
 * Hides a post (or changes the reason) or shows it again, and tells its author when that
 * changed something; the caller's transaction holds both.
 */
async function setPostHidden(trx: Transaction<DB>, deps: NotifyDeps, actor: Actor, post: { id: string; communityId: string }, reason: string, hide: boolean): Promise<void> {
  const userId = actorId(actor);
  const changed = await trx
    .updateTable('posts')
    .set(hide ? { hiddenAt: sql`coalesce(hidden_at, now())`, hiddenReason: reason, hiddenBy: userId } : { hiddenAt: null, hiddenReason: null, hiddenBy: null })
    .where('id', '=', post.id)
    // Hiding again with the same reason, or showing what is shown, changes nothing and tells nobody.
    .where(hide ? sql<boolean>`(hidden_at is null or hidden_reason is distinct from ${reason})` : sql<boolean>`hidden_at is not null`)
    .returning('authorId')
    .executeTakeFirst();
  if (changed) await notify(trx, deps.jobs, [changed.authorId], { kind: 'moderation', action: hide ? 'hidden' : 'unhidden', actorId: userId, communityId: post.communityId, postId: post.id, note: hide ? noteOf(reason) : null });
}

/** Lock, unlock, pin, unpin or show again a post. Its author hears of a lock and of it being shown again. */
export async function moderatePost(deps: NotifyDeps, actor: Actor, postId: string, action: PostAction): Promise<void> {
  const { db } = deps;
  const { post } = await requireModerator(db, actor, postId);
  const userId = actorId(actor);
  await db.transaction().execute(async (trx) => {
    const q = trx.updateTable('posts').where('id', '=', postId);
    if (action === 'lock') {
      const locked = await q.set({ lockedAt: sql`now()` }).where('lockedAt', 'is', null).returning('authorId').executeTakeFirst();
      if (locked) await notify(trx, deps.jobs, [locked.authorId], { kind: 'moderation', action: 'locked', actorId: userId, communityId: post.communityId, postId });
    } else if (action === 'unlock') await q.set({ lockedAt: null }).execute();
    else if (action === 'pin' || action === 'unpin') await q.set({ pinnedAt: action === 'pin' ? sql`now()` : null }).execute();
    else await setPostHidden(trx, deps, actor, post, '', false);
    await writeAudit(trx, actor, { action: `post.${action}`, targetType: 'post', targetId: postId });
  });
}

/**
 * Hides a post or reply with a reason that its author sees (and is told of), or shows it
 * again; hidden replies leave the count.
 */
export async function hideContent(deps: NotifyDeps, actor: Actor, target: { kind: 'post' | 'reply'; id: string }, reason: string, hide = true): Promise<{ postId: string }> {
  const { db } = deps;
  const userId = actorId(actor);
  if (target.kind === 'post') {
    const { post } = await requireModerator(db, actor, target.id);
    await db.transaction().execute(async (trx) => {
      await setPostHidden(trx, deps, actor, post, reason, hide);
      await writeAudit(trx, actor, { action: hide ? 'post.hide' : 'post.unhide', targetType: 'post', targetId: target.id, details: { reason } });
    });
    return { postId: target.id };
  }
  const { reply, post, membership } = await loadReply(db, actor, target.id);
  if (!policy.canModerate(actor, membership)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('replies')
      .set(hide ? { hiddenAt: sql`now()`, hiddenReason: reason, hiddenBy: userId } : { hiddenAt: null, hiddenReason: null, hiddenBy: null })
      .where('id', '=', reply.id)
      .where('hiddenAt', hide ? 'is' : 'is not', null)
      .returning('authorId')
      .executeTakeFirst();
    if (changed) {
      await trx.updateTable('posts').set({ replyCount: sql`greatest(reply_count + ${hide ? -1 : 1}, 0)` }).where('id', '=', post.id).execute();
      if (hide) await trx.updateTable('posts').set({ acceptedReplyId: null }).where('id', '=', post.id).where('acceptedReplyId', '=', reply.id).execute();
      await notify(trx, deps.jobs, [changed.authorId], {
        kind: 'moderation',
        action: hide ? 'reply_hidden' : 'reply_unhidden',
        actorId: userId,
        communityId: post.communityId,
        postId: post.id,
        replyId: reply.id,
        note: hide ? noteOf(reason) : null,
      });
    }
    await writeAudit(trx, actor, { action: hide ? 'reply.hide' : 'reply.unhide', targetType: 'reply', targetId: reply.id, details: { reason, postId: post.id } });
  });
  return { postId: post.id };
}

/**
 * The audience widens when the post leaves a members-only community (its readers there are
 * not the readers elsewhere), or when guests may read in the target but not in the source.
 */
export function audienceWidens(source: policy.CommunityFacts, target: policy.CommunityFacts): boolean {
  return source.visibility !== 'open' || (target.partnersAllowed && !source.partnersAllowed);
}

/** Moves a post to another community the moderator also moderates; a wider audience needs confirming. */
export async function movePost(deps: NotifyDeps, actor: Actor, postId: string, targetSlug: string, confirmWider: boolean): Promise<{ slug: string }> {
  const { db } = deps;
  const { post, community } = await requireModerator(db, actor, postId);
  const target = await getCommunityBySlug(db, targetSlug, actorId(actor));
  if (!target || !policy.canSeeCommunity(actor, target, target.membership) || target.id === post.communityId) throw new AppError('validation_failed', { target: 'moderation.error.target' });
  if (!policy.canModerate(actor, target.membership)) throw new AppError('validation_failed', { target: 'moderation.error.targetNotLed' });
  if (audienceWidens(community, target) && !confirmWider) throw new AppError('validation_failed', { confirmWider: 'moderation.error.confirmWider' });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('posts').set({ communityId: target.id, pinnedAt: null, updatedAt: sql`now()` }).where('id', '=', postId).execute();
    await trx.updateTable('reports').set({ communityId: target.id }).where('postId', '=', postId).execute();
    await notify(trx, deps.jobs, [post.authorId], { kind: 'moderation', action: 'moved', actorId: actorId(actor), communityId: target.id, postId });
    await writeAudit(trx, actor, { action: 'post.move', targetType: 'post', targetId: postId, details: { from: post.communitySlug, to: target.slug, widened: audienceWidens(community, target) } });
  });
  return { slug: target.slug };
}

/** Communities the actor moderates (for the move form and the report queue). */
export async function moderatedCommunities(db: Kysely<DB>, actor: Actor) {
  const userId = actorId(actor);
  let q = db.selectFrom('communities as c').where('c.status', '=', 'active').select(['c.id', 'c.slug', 'c.name', 'c.visibility', 'c.partnersAllowed']).orderBy(sql`c.name collate "de-x-icu"`);
  if (!isOffice(actor)) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('communityMembers as cm').select('cm.userId').whereRef('cm.communityId', '=', 'c.id').where('cm.userId', '=', userId).where('cm.status', '=', 'active').where('cm.role', '=', 'lead')),
    );
  }
  return q.limit(500).execute();
}

export const REPORT_PAGE_SIZE = 50;

/** Open reports the actor handles: of the communities they lead, or all for the office. */
export async function listReports(db: Kysely<DB>, actor: Actor, opts: { communityId?: string; cursor?: string }) {
  const userId = actorId(actor);
  let q = db
    .selectFrom('reports as r')
    .innerJoin('posts as p', 'p.id', 'r.postId')
    .innerJoin('communities as c', 'c.id', 'r.communityId')
    .leftJoin('replies as rp', 'rp.id', 'r.replyId')
    .leftJoin('users as reporter', 'reporter.id', 'r.reporterId')
    .where('r.status', '=', 'open')
    .where('p.deletedAt', 'is', null);
  if (!isOffice(actor)) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('communityMembers as cm').select('cm.userId').whereRef('cm.communityId', '=', 'r.communityId').where('cm.userId', '=', userId).where('cm.status', '=', 'active').where('cm.role', '=', 'lead')),
    );
  }
  if (opts.communityId) q = q.where('r.communityId', '=', opts.communityId);
  const after = decodeCursor(opts.cursor, ['string', 'string']);
  if (after) q = q.where(sql<boolean>`(r.created_at, r.id) < (${after[0]}::timestamptz, ${after[1]})`);
  const rows = await q
    .select(['r.id', 'r.reason', 'r.createdAt', 'r.postId', 'r.replyId', 'p.title as postTitle', 'p.hiddenAt as postHiddenAt', 'p.lockedAt as postLockedAt', 'rp.body as replyBody', 'rp.hiddenAt as replyHiddenAt', 'rp.deletedAt as replyDeletedAt', 'c.slug as communitySlug', 'c.name as communityName', 'reporter.name as reporterName'])
    .select(exactTime('r.created_at').as('timeKey'))
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(REPORT_PAGE_SIZE + 1)
    .execute();
  const items = rows.slice(0, REPORT_PAGE_SIZE).map(({ timeKey: _k, ...r }) => r);
  const last = rows[REPORT_PAGE_SIZE - 1];
  return { items, nextCursor: rows.length > REPORT_PAGE_SIZE && last ? encodeCursor([last.timeKey, last.id]) : null };
}

/** Closes a report (after acting on it, or dismissing it). */
export async function resolveReport(db: Kysely<DB>, actor: Actor, reportId: string, outcome: 'resolved' | 'dismissed'): Promise<void> {
  const row = await db.selectFrom('reports as r').innerJoin('communities as c', 'c.id', 'r.communityId').select(['r.id', 'c.slug', 'r.status']).where('r.id', '=', reportId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const community = await getCommunityBySlug(db, row.slug, actorId(actor));
  if (!community || !policy.canSeeCommunity(actor, community, community.membership) || !policy.canModerate(actor, community.membership)) throw new AppError('not_found');
  const changed = await db.updateTable('reports').set({ status: outcome, resolvedBy: actorId(actor), resolvedAt: sql`now()` }).where('id', '=', reportId).where('status', '=', 'open').executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) throw new AppError('conflict');
  await writeAudit(db, actor, { action: `report.${outcome}`, targetType: 'report', targetId: reportId });
}
