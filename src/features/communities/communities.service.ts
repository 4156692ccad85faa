/** Use cases of communities: loading one for a viewer, creating, proposing, and memberships. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { Jobs } from '../../jobs/jobs.js';
import { newId } from '../../lib/ids.js';
import { parseTagList, tagSlug } from '../../lib/tags.js';
import { writeAudit } from '../audit/audit.repo.js';
import { ensureTags } from '../members/members.service.js';
import { notify } from '../notifications/notify.js';
import * as policy from './communities.policy.js';
import * as repo from './communities.repo.js';
import { viewerOf } from '../members/members.service.js';

export const MAX_TOPICS = 10;

/** Membership use cases that tell people about it: the database and the job queue. */
export interface MembershipDeps {
  db: Kysely<DB>;
  jobs: Jobs;
}

function actorId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

/** A community the viewer may see, or 404 exactly like one that does not exist. */
export async function loadCommunity(db: Kysely<DB>, actor: Actor, slug: string): Promise<repo.CommunityRow> {
  const community = await repo.getCommunityBySlug(db, slug, actorId(actor));
  if (!community || !policy.canSeeCommunity(actor, community, community.membership)) throw new AppError('not_found');
  return community;
}

/** A community whose members the viewer manages (lead or office); others get 404 or 403. */
export async function loadManagedCommunity(db: Kysely<DB>, actor: Actor, slug: string): Promise<repo.CommunityRow> {
  const community = await loadCommunity(db, actor, slug);
  if (!policy.canModerate(actor, community.membership)) throw new AppError('forbidden');
  return community;
}

export interface CommunitySettings {
  slug: string;
  name: string;
  description?: string;
  guidelines?: string;
  topics?: string;
  visibility: 'open' | 'request' | 'hidden';
  partnersAllowed: boolean;
  chathamHouse: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

async function saveTopics(db: Kysely<DB>, communityId: string, topics: string | undefined, userId: string): Promise<void> {
  const labels = parseTagList(topics ?? '', MAX_TOPICS);
  await db.transaction().execute(async (trx) => repo.setTopics(trx, communityId, await ensureTags(trx, labels, userId)));
}

/** The office creates a community and names its first lead. */
export async function createCommunity(db: Kysely<DB>, actor: Actor, input: CommunitySettings & { leadId?: string }): Promise<string> {
  if (!policy.canManageCommunities(actor)) throw new AppError('not_found');
  const userId = actorId(actor);
  const id = newId();
  if (input.leadId) {
    const lead = await db.selectFrom('users').select('id').where('id', '=', input.leadId).where('role', 'in', ['member', 'office', 'admin']).executeTakeFirst();
    if (!lead) throw new AppError('validation_failed', { leadId: 'community.error.lead' });
  }
  try {
    await db
      .insertInto('communities')
      .values({
        id,
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        guidelines: input.guidelines ?? '',
        visibility: input.visibility,
        partnersAllowed: input.partnersAllowed,
        chathamHouse: input.chathamHouse,
        status: 'active',
        createdBy: userId,
        updatedBy: userId,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation_failed', { slug: 'community.error.slugTaken' });
    throw error;
  }
  await saveTopics(db, id, input.topics, userId);
  if (input.leadId) {
    await db.insertInto('communityMembers').values({ communityId: id, userId: input.leadId, role: 'lead', status: 'active', invitedBy: userId }).execute();
    await repo.refreshMemberCount(db, id);
  }
  await writeAudit(db, actor, { action: 'community.create', targetType: 'community', targetId: id, details: { slug: input.slug, visibility: input.visibility } });
  return id;
}

/** Leads and the office change a community's settings; only the office changes its address. */
export async function updateCommunity(db: Kysely<DB>, actor: Actor, slug: string, input: CommunitySettings): Promise<string> {
  const community = await loadManagedCommunity(db, actor, slug);
  const newSlug = policy.canManageCommunities(actor) ? input.slug : community.slug;
  try {
    await db
      .updateTable('communities')
      .set({
        slug: newSlug,
        name: input.name,
        description: input.description ?? '',
        guidelines: input.guidelines ?? '',
        visibility: input.visibility,
        partnersAllowed: input.partnersAllowed,
        chathamHouse: input.chathamHouse,
        updatedAt: new Date(),
        updatedBy: actorId(actor),
      })
      .where('id', '=', community.id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation_failed', { slug: 'community.error.slugTaken' });
    throw error;
  }
  await saveTopics(db, community.id, input.topics, actorId(actor));
  if (community.partnersAllowed && !input.partnersAllowed) {
    // Partners were inside because partners were allowed; they leave with that permission.
    await db.deleteFrom('communityMembers').where('communityId', '=', community.id).where('userId', 'in', db.selectFrom('users').select('id').where('role', '=', 'partner')).execute();
    await repo.refreshMemberCount(db, community.id);
  }
  await writeAudit(db, actor, { action: 'community.update', targetType: 'community', targetId: community.id, details: { slug: newSlug, visibility: input.visibility, partnersAllowed: input.partnersAllowed } });
  return newSlug;
}

/** A member proposes a community; the office decides. */
export async function proposeCommunity(db: Kysely<DB>, actor: Actor, input: { name: string; description?: string; topics?: string; visibility: 'open' | 'request' | 'hidden'; reason: string }): Promise<string> {
  if (!policy.canProposeCommunity(actor)) throw new AppError('forbidden');
  const userId = actorId(actor);
  const base = tagSlug(input.name).slice(0, 50) || 'community';
  const slug = `${base}-${newId().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const id = newId();
  await db
    .insertInto('communities')
    .values({ id, slug, name: input.name, description: input.description ?? '', visibility: input.visibility, status: 'proposed', proposalReason: input.reason, createdBy: userId, updatedBy: userId })
    .execute();
  await saveTopics(db, id, input.topics, userId);
  await db.insertInto('communityMembers').values({ communityId: id, userId, role: 'lead', status: 'active' }).execute();
  await repo.refreshMemberCount(db, id);
  await writeAudit(db, actor, { action: 'community.propose', targetType: 'community', targetId: id, details: { name: input.name } });
  return id;
}

/** The office approves (the proposer leads it) or declines a proposal, exactly once. */
export async function decideProposal(db: Kysely<DB>, actor: Actor, id: string, decision: 'approve' | 'decline', message?: string): Promise<{ slug: string }> {
  if (!policy.canManageCommunities(actor)) throw new AppError('not_found');
  const row = await db
    .updateTable('communities')
    .set({ status: decision === 'approve' ? 'active' : 'declined', decisionMessage: message ?? null, decidedBy: actorId(actor), decidedAt: new Date(), updatedAt: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .returning(['slug'])
    .executeTakeFirst();
  if (!row) throw new AppError('conflict');
  await writeAudit(db, actor, { action: `community.proposal.${decision}`, targetType: 'community', targetId: id });
  return row;
}

// --- Memberships ---------------------------------------------------------------------------

/** The active leads of a community (they hear of requests to join). */
async function activeLeads(db: Kysely<DB> | Transaction<DB>, communityId: string): Promise<string[]> {
  const rows = await db.selectFrom('communityMembers').select('userId').where('communityId', '=', communityId).where('status', '=', 'active').where('role', '=', 'lead').execute();
  return rows.map((r) => r.userId);
}

/**
 * Joins an open community, asks to join one on request (its leads are told), or accepts an
 * invitation.
 */
export async function joinCommunity(deps: MembershipDeps, actor: Actor, slug: string, message?: string): Promise<'joined' | 'requested'> {
  const { db } = deps;
  const community = await loadCommunity(db, actor, slug);
  const userId = actorId(actor);
  const how = policy.canJoin(actor, community, community.membership);
  if (community.membership?.status === 'active') return 'joined';
  if (community.membership?.status === 'requested') return 'requested';
  if (!how) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    if (how === 'accept') {
      await trx.updateTable('communityMembers').set({ status: 'active', updatedAt: new Date() }).where('communityId', '=', community.id).where('userId', '=', userId).where('status', '=', 'invited').execute();
    } else {
      const inserted = await trx
        .insertInto('communityMembers')
        .values({ communityId: community.id, userId, status: how === 'join' ? 'active' : 'requested', message: message ?? null })
        .onConflict((oc) => oc.columns(['communityId', 'userId']).doNothing())
        .returning('userId')
        .executeTakeFirst();
      // Asked twice at once: the leads hear of it once.
      if (inserted && how === 'request') await notify(trx, deps.jobs, await activeLeads(trx, community.id), { kind: 'membership_request', actorId: userId, communityId: community.id });
    }
    await repo.refreshMemberCount(trx, community.id);
    if (how !== 'request') await trx.insertInto('communityFollows').values({ communityId: community.id, userId }).onConflict((oc) => oc.doNothing()).execute();
  });
  return how === 'request' ? 'requested' : 'joined';
}

/** What a membership ends with: following the community and its mail setting (mailing-list mode). */
async function endMembership(trx: Transaction<DB>, communityId: string, userId: string): Promise<void> {
  await trx.deleteFrom('communityMembers').where('communityId', '=', communityId).where('userId', '=', userId).execute();
  await trx.deleteFrom('communityFollows').where('communityId', '=', communityId).where('userId', '=', userId).execute();
  await trx.deleteFrom('communityMailSettings').where('communityId', '=', communityId).where('userId', '=', userId).execute();
  await repo.refreshMemberCount(trx, communityId);
}

/** Leaves (or withdraws a request, or declines an invitation). The last lead cannot leave. */
export async function leaveCommunity(db: Kysely<DB>, actor: Actor, slug: string): Promise<void> {
  const community = await loadCommunity(db, actor, slug);
  const userId = actorId(actor);
  if (!community.membership) return;
  if (policy.isLead(community.membership) && (await repo.countActiveLeads(db, community.id)) <= 1) throw new AppError('validation_failed', { _form: 'community.error.lastLead' });
  await db.transaction().execute((trx) => endMembership(trx, community.id, userId));
}

/**
 * A lead invites someone: a verified member, or a partner where partners are allowed. The
 * invitation is bound to that account; they accept it on the community page.
 */
export async function inviteMember(deps: MembershipDeps, actor: Actor, slug: string, userId: string): Promise<void> {
  const { db } = deps;
  const community = await loadManagedCommunity(db, actor, slug);
  const target = await db.selectFrom('users').select(['id', 'role', 'suspendedAt']).where('id', '=', userId).executeTakeFirst();
  const allowed = target && !target.suspendedAt && (['member', 'office', 'admin'].includes(target.role) || (target.role === 'partner' && community.partnersAllowed));
  if (!allowed) throw new AppError('validation_failed', { person: target?.role === 'partner' ? 'community.error.partnersNotAllowed' : 'community.error.person' });
  await db.transaction().execute(async (trx) => {
    const invited = await trx
      .insertInto('communityMembers')
      .values({ communityId: community.id, userId, status: 'invited', invitedBy: actorId(actor) })
      .onConflict((oc) => oc.columns(['communityId', 'userId']).doNothing())
      .returning('userId')
      .executeTakeFirst();
    if (invited) await notify(trx, deps.jobs, [userId], { kind: 'membership_decision', action: 'invited', actorId: actorId(actor), communityId: community.id });
    await writeAudit(trx, actor, { action: 'community.member.invite', targetType: 'community', targetId: community.id, details: { userId } });
  });
}

/** Approves or declines a request to join (the person is told); deciding twice changes nothing. */
export async function decideRequest(deps: MembershipDeps, actor: Actor, slug: string, userId: string, decision: 'approve' | 'decline'): Promise<void> {
  const { db } = deps;
  const community = await loadManagedCommunity(db, actor, slug);
  await db.transaction().execute(async (trx) => {
    const changed =
      decision === 'approve'
        ? (await trx.updateTable('communityMembers').set({ status: 'active', updatedAt: new Date() }).where('communityId', '=', community.id).where('userId', '=', userId).where('status', '=', 'requested').executeTakeFirst()).numUpdatedRows
        : (await trx.deleteFrom('communityMembers').where('communityId', '=', community.id).where('userId', '=', userId).where('status', '=', 'requested').executeTakeFirst()).numDeletedRows;
    if (Number(changed) === 0) throw new AppError('not_found');
    await repo.refreshMemberCount(trx, community.id);
    if (decision === 'approve') await trx.insertInto('communityFollows').values({ communityId: community.id, userId }).onConflict((oc) => oc.doNothing()).execute();
    await notify(trx, deps.jobs, [userId], { kind: 'membership_decision', action: decision === 'approve' ? 'approved' : 'declined', actorId: actorId(actor), communityId: community.id });
    await writeAudit(trx, actor, { action: `community.member.${decision}`, targetType: 'community', targetId: community.id, details: { userId } });
  });
}

/** Removes a member; the last lead stays. */
export async function removeMember(db: Kysely<DB>, actor: Actor, slug: string, userId: string): Promise<void> {
  const community = await loadManagedCommunity(db, actor, slug);
  const membership = await repo.getMembership(db, community.id, userId);
  if (!membership) throw new AppError('not_found');
  if (policy.isLead(membership) && (await repo.countActiveLeads(db, community.id)) <= 1) throw new AppError('validation_failed', { _form: 'community.error.lastLead' });
  // Not notified: the community may not even exist for them afterwards.
  await db.transaction().execute(async (trx) => {
    await endMembership(trx, community.id, userId);
    await writeAudit(trx, actor, { action: 'community.member.remove', targetType: 'community', targetId: community.id, details: { userId } });
  });
}

/** Names an active verified member lead (they are told), or makes a lead a member again (never the last one). */
export async function setMemberRole(deps: MembershipDeps, actor: Actor, slug: string, userId: string, role: 'member' | 'lead'): Promise<void> {
  const { db } = deps;
  const community = await loadManagedCommunity(db, actor, slug);
  const membership = await repo.getMembership(db, community.id, userId);
  if (membership?.status !== 'active') throw new AppError('not_found');
  if (role === 'member' && policy.isLead(membership) && (await repo.countActiveLeads(db, community.id)) <= 1) throw new AppError('validation_failed', { _form: 'community.error.lastLead' });
  if (role === 'lead') {
    const target = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
    if (!target || target.role === 'partner') throw new AppError('validation_failed', { _form: 'community.error.leadPartner' });
  }
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('communityMembers').set({ role, updatedAt: new Date() }).where('communityId', '=', community.id).where('userId', '=', userId).where('role', '<>', role).executeTakeFirst();
    if (role === 'lead' && Number(changed.numUpdatedRows) > 0) await notify(trx, deps.jobs, [userId], { kind: 'membership_decision', action: 'lead', actorId: actorId(actor), communityId: community.id });
    await writeAudit(trx, actor, { action: 'community.member.role', targetType: 'community', targetId: community.id, details: { userId, role } });
  });
}

/** Following a community: its new posts reach the follower (notifications arrive with issue 7). */
export async function setCommunityFollow(db: Kysely<DB>, actor: Actor, slug: string, follow: boolean): Promise<void> {
  const community = await loadCommunity(db, actor, slug);
  if (!policy.canReadCommunity(actor, community, community.membership)) throw new AppError('forbidden');
  const userId = actorId(actor);
  if (follow) await db.insertInto('communityFollows').values({ communityId: community.id, userId }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('communityFollows').where('communityId', '=', community.id).where('userId', '=', userId).execute();
}

/** The communities a person is active in, as far as they exist for the viewer (profile pages). */
export const communitiesOfPersonFor = (db: Kysely<DB>, actor: Actor, userId: string) => repo.communitiesOfPerson(db, viewerOf(actor), userId);

/** The communities an organisation's staff are active in, as far as they exist for the viewer. */
export const communitiesOfOrganisationFor = (db: Kysely<DB>, actor: Actor, organisationId: string) => repo.communitiesOfOrganisation(db, viewerOf(actor), organisationId);

/**
 * After a role change: memberships the person could no longer hold go (all of them for an
 * applicant; for a partner those where partners are not allowed), and member counts follow.
 */
export async function dropMembershipsAfterRoleChange(db: Kysely<DB>, userId: string, role: string): Promise<void> {
  if (role !== 'applicant' && role !== 'partner') return;
  let q = db.deleteFrom('communityMembers').where('userId', '=', userId);
  if (role === 'partner') q = q.where('communityId', 'in', db.selectFrom('communities').select('id').where('partnersAllowed', '=', false));
  const dropped = await q.returning('communityId').execute();
  await repo.refreshMemberCount(db, dropped.map((d) => d.communityId));
}
