/**
 * All SQL about communities and memberships. Lists filter with the rule in
 * communities.visibility.ts; single objects are loaded whole and checked by the policy.
 */
import { sql, type Kysely } from 'kysely';
import type { CommunityVisibility, DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { pageTotal, totalOf } from '../../db/paging.js';
import { fieldVisible, memberVisible, type Viewer } from '../members/members.repo.js';
import { communityVisible, membershipCounts } from './communities.visibility.js';
import type { MembershipFacts } from './communities.policy.js';

export const COMMUNITY_PAGE_SIZE = 50;
export const MEMBER_LIST_PAGE_SIZE = 50;

/** A timestamp as an exact text key for cursors (JavaScript dates lose the microseconds). */
export const exactTime = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const topicLabels = (alias: string) =>
  sql<string[]>`array(select t.label from community_topics ct join tags t on t.id = ct.tag_id where ct.community_id = ${sql.ref(`${alias}.id`)} order by t.label collate "de-x-icu")`;

export interface CommunityListFilter {
  q?: string;
  topic?: string;
  /** Only communities the viewer belongs to (active). */
  mine?: boolean;
  cursor?: string;
  limit?: number;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The communities that exist for the viewer, by name, with the viewer's own membership. */
export async function listCommunities(db: Kysely<DB>, viewer: Viewer, filter: CommunityListFilter) {
  const limit = Math.min(filter.limit ?? COMMUNITY_PAGE_SIZE, COMMUNITY_PAGE_SIZE);
  let q = db
    .selectFrom('communities as c')
    .leftJoin('communityMembers as me', (join) => join.onRef('me.communityId', '=', 'c.id').on('me.userId', '=', viewer.id))
    .where(communityVisible(viewer, 'c'));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', pattern), eb('c.description', 'ilike', pattern)]));
  }
  if (filter.topic) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('communityTopics as ct').innerJoin('tags as t', 't.id', 'ct.tagId').select('ct.tagId').whereRef('ct.communityId', '=', 'c.id').where('t.slug', '=', filter.topic!)),
    );
  }
  if (filter.mine) q = q.where('me.status', '=', 'active');
  const after = decodeCursor(filter.cursor, ['string', 'string']);
  const base = q;
  if (after) q = q.where(sql<boolean>`(c.name collate "de-x-icu", c.id) > (${after[0]} collate "de-x-icu", ${after[1]})`);
  const rows = await q
      .select(['c.id', 'c.slug', 'c.name', 'c.description', 'c.visibility', 'c.partnersAllowed', 'c.chathamHouse', 'c.memberCount', 'c.lastActivityAt', 'me.status as myStatus', 'me.role as myRole'])
      .select(topicLabels('c').as('topics'))
      .orderBy(sql`c.name collate "de-x-icu"`)
      .orderBy('c.id')
      .limit(limit + 1)
      .select(totalOf(base).as('total'))
      .execute();
  const total = await pageTotal(rows, base);
  const items = rows.slice(0, limit).map(({ total: _t, ...r }) => r);
  const last = items.at(-1);
  return { items, total, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}

export type CommunityRow = NonNullable<Awaited<ReturnType<typeof getCommunityBySlug>>>;

/** One community by its address, whole, with the viewer's membership: the policy decides. */
export async function getCommunityBySlug(db: Kysely<DB>, slug: string, viewerId: string) {
  const row = await db
    .selectFrom('communities as c')
    .leftJoin('communityMembers as me', (join) => join.onRef('me.communityId', '=', 'c.id').on('me.userId', '=', viewerId))
    .where('c.slug', '=', slug)
    .selectAll('c')
    .select(['me.status as myStatus', 'me.role as myRole'])
    .select(topicLabels('c').as('topics'))
    .select(
      sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', lu.id, 'name', lu.name) order by lu.name collate "de-x-icu")
        from community_members lm join users lu on lu.id = lm.user_id where lm.community_id = c.id and lm.status = 'active' and lm.role = 'lead'), '[]')`.as('leads'),
    )
    .select(sql<boolean>`exists (select 1 from community_follows f where f.community_id = c.id and f.user_id = ${viewerId})`.as('following'))
    .executeTakeFirst();
  if (!row) return undefined;
  const membership: MembershipFacts | null = row.myStatus ? { status: row.myStatus, role: row.myRole ?? 'member' } : null;
  return { ...row, membership };
}

export async function getCommunityById(db: Kysely<DB>, id: string, viewerId: string) {
  const row = await db.selectFrom('communities').select('slug').where('id', '=', id).executeTakeFirst();
  return row ? getCommunityBySlug(db, row.slug, viewerId) : undefined;
}

export async function getMembership(db: Kysely<DB>, communityId: string, userId: string): Promise<MembershipFacts | null> {
  const row = await db.selectFrom('communityMembers').select(['role', 'status']).where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
  return row ?? null;
}

/**
 * Members of a community with the given status, as people the viewer may see (the people rule
 * of members.repo.ts), with position only where visible, by name, cursor-paged.
 */
export async function listCommunityMembers(db: Kysely<DB>, viewer: Viewer, communityId: string, opts: { status?: 'active' | 'requested' | 'invited'; cursor?: string; limit?: number }) {
  const limit = Math.min(opts.limit ?? MEMBER_LIST_PAGE_SIZE, MEMBER_LIST_PAGE_SIZE);
  let q = db
    .selectFrom('communityMembers as cm')
    .innerJoin('users as u', 'u.id', 'cm.userId')
    .innerJoin('communities as c', 'c.id', 'cm.communityId')
    .leftJoin('profiles as p', 'p.userId', 'u.id')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .where('cm.communityId', '=', communityId)
    .where('cm.status', '=', opts.status ?? 'active')
    .where(membershipCounts('cm', 'c'))
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the people rule's expression builder
    .where(memberVisible(viewer));
  const base = q;
  // Leads come first, so the cursor carries the rank too (name and id alone would repeat or skip people).
  const rank = sql<number>`case when cm.role = 'lead' then 0 else 1 end`;
  const after = decodeCursor(opts.cursor, ['number', 'string', 'string']);
  if (after) q = q.where(sql<boolean>`(${rank}, u.name collate "de-x-icu", u.id) > (${after[0]}::int, ${after[1]} collate "de-x-icu", ${after[2]})`);
  const rows = await q
      .select(['u.id', 'u.name', 'u.role', 'cm.role as communityRole', 'cm.status', 'cm.message', 'cm.createdAt as since', 'o.id as organisationId', 'o.name as organisationName', 'o.level', 'o.state'])
      .select(sql<string | null>`case when ${fieldVisible('position', viewer)} then p.position end`.as('position'))
      .orderBy(rank)
      .orderBy(sql`u.name collate "de-x-icu"`)
      .orderBy('u.id')
      .limit(limit + 1)
      .select(totalOf(base).as('total'))
      .execute();
  const total = await pageTotal(rows, base);
  const items = rows.slice(0, limit).map(({ total: _t, ...r }) => r);
  const last = items.at(-1);
  return { items, total, limit, nextCursor: rows.length > limit && last ? encodeCursor([last.communityRole === 'lead' ? 0 : 1, last.name, last.id]) : null };
}

/**
 * A few members for the community page: its leads and the newest members, as people the viewer
 * may see. Reads only the newest memberships (index), never the whole member list.
 */
export async function previewMembers(db: Kysely<DB>, viewer: Viewer, communityId: string, limit = 12) {
  const newest = db
    .selectFrom('communityMembers as n')
    .select(['n.userId', 'n.role', 'n.createdAt'])
    .where('n.communityId', '=', communityId)
    .where('n.status', '=', 'active')
    .orderBy(sql`n.role = 'lead' desc`)
    .orderBy('n.createdAt', 'desc')
    .limit(limit * 4);
  return db
    .selectFrom(newest.as('cm'))
    .innerJoin('communities as c', (join) => join.on('c.id', '=', communityId))
    .innerJoin('users as u', 'u.id', 'cm.userId')
    .leftJoin('profiles as p', 'p.userId', 'u.id')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .where(membershipCounts('cm', 'c'))
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the people rule's expression builder
    .where(memberVisible(viewer))
    .select(['u.id', 'u.name', 'u.role', 'cm.role as communityRole', 'o.id as organisationId', 'o.name as organisationName', 'o.level', 'o.state'])
    .select(sql<string | null>`case when ${fieldVisible('position', viewer)} then p.position end`.as('position'))
    .orderBy(sql`cm.role = 'lead' desc`)
    .orderBy('cm.createdAt', 'desc')
    .limit(limit)
    .execute();
}

/** The communities a person is an active member of, among those that exist for the viewer. */
export async function communitiesOfPerson(db: Kysely<DB>, viewer: Viewer, userId: string) {
  return db
    .selectFrom('communityMembers as cm')
    .innerJoin('communities as c', 'c.id', 'cm.communityId')
    .where('cm.userId', '=', userId)
    .where('cm.status', '=', 'active')
    .where(membershipCounts('cm', 'c'))
    .where(communityVisible(viewer, 'c'))
    .select(['c.slug', 'c.name', 'cm.role'])
    .orderBy(sql`c.name collate "de-x-icu"`)
    .limit(100)
    .execute();
}

/** Communities (that exist for the viewer) in which staff of an organisation are active, most first. */
export async function communitiesOfOrganisation(db: Kysely<DB>, viewer: Viewer, organisationId: string) {
  return db
    .selectFrom('communityMembers as cm')
    .innerJoin('users as u', 'u.id', 'cm.userId')
    .innerJoin('communities as c', 'c.id', 'cm.communityId')
    .where('u.organisationId', '=', organisationId)
    .where('u.role', 'in', ['member', 'office', 'admin'])
    .where('u.suspendedAt', 'is', null)
    .where('cm.status', '=', 'active')
    .where(communityVisible(viewer, 'c'))
    .groupBy(['c.id', 'c.slug', 'c.name'])
    .select(['c.slug', 'c.name', sql<number>`count(*)::int`.as('people')])
    .orderBy('people', 'desc')
    .orderBy(sql`c.name collate "de-x-icu"`)
    .limit(30)
    .execute();
}

/**
 * Communities the viewer may want to join: they exist for the viewer, the viewer is not in
 * them, and their topics meet the viewer's expertise or "ask me about" topics.
 */
export async function suggestedCommunities(db: Kysely<DB>, viewer: Viewer, limit = 5) {
  return db
    .selectFrom('communities as c')
    .where(communityVisible(viewer, 'c'))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('communityMembers as cm').select('cm.userId').whereRef('cm.communityId', '=', 'c.id').where('cm.userId', '=', viewer.id))))
    .select(['c.slug', 'c.name', 'c.description', 'c.visibility', 'c.memberCount'])
    .select(sql<number>`(select count(*)::int from community_topics ct join profile_tags pt on pt.tag_id = ct.tag_id and pt.user_id = ${viewer.id} where ct.community_id = c.id)`.as('overlap'))
    .where(sql<boolean>`exists (select 1 from community_topics ct join profile_tags pt on pt.tag_id = ct.tag_id and pt.user_id = ${viewer.id} where ct.community_id = c.id)`)
    .orderBy('overlap', 'desc')
    .orderBy('c.memberCount', 'desc')
    .limit(limit)
    .execute();
}

export interface CommunityInput {
  slug: string;
  name: string;
  description: string;
  guidelines: string;
  visibility: CommunityVisibility;
  partnersAllowed: boolean;
  chathamHouse: boolean;
}

/** The topics of a community, replaced by these tag ids. */
export async function setTopics(db: Kysely<DB>, communityId: string, tagIds: string[]): Promise<void> {
  await db.deleteFrom('communityTopics').where('communityId', '=', communityId).execute();
  if (tagIds.length) await db.insertInto('communityTopics').values(tagIds.map((tagId) => ({ communityId, tagId }))).onConflict((oc) => oc.doNothing()).execute();
}

/** Keeps the stored member count equal to the active memberships that count. */
export async function refreshMemberCount(db: Kysely<DB>, communityId: string | string[]): Promise<void> {
  const ids = Array.isArray(communityId) ? communityId : [communityId];
  if (ids.length === 0) return;
  await sql`update communities c set member_count = (select count(*) from community_members cm where cm.community_id = c.id and cm.status = 'active' and ${membershipCounts('cm', 'c')}) where c.id in (${sql.join(ids)})`.execute(db);
}

export async function countActiveLeads(db: Kysely<DB>, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('communityMembers')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('communityId', '=', communityId)
    .where('status', '=', 'active')
    .where('role', '=', 'lead')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Proposals waiting for the office, oldest first. */
export async function listProposals(db: Kysely<DB>) {
  return db
    .selectFrom('communities as c')
    .leftJoin('users as u', 'u.id', 'c.createdBy')
    .where('c.status', '=', 'proposed')
    .select(['c.id', 'c.slug', 'c.name', 'c.description', 'c.visibility', 'c.proposalReason', 'c.createdAt', 'u.id as proposerId', 'u.name as proposerName'])
    .select(topicLabels('c').as('topics'))
    .orderBy('c.createdAt')
    .limit(100)
    .execute();
}
