/**
 * The one visibility rule of communities and their content, as SQL. Every list, count, feed,
 * start page, profile, organisation page, API answer (and later search, notification and
 * mail) about communities, posts and replies filters with these expressions. The twin
 * single-object checks are in communities.policy.ts; tests assert both on the same fixtures.
 *
 * - A community *exists* for a viewer (`communityVisible`) when it is active and the viewer
 *   is office or admin, or a verified member and it is not hidden, or the viewer belongs to
 *   it (active or invited; partners only where partners are allowed).
 * - Its content is *readable* (`communityReadable`) when the viewer is office or admin, or a
 *   verified member and it is open, or an active member (partners only where allowed).
 * - A post or reply is readable when its community is, it is not deleted, and it is not
 *   hidden, unless the viewer wrote it, leads the community, or is office or admin.
 * - A membership counts only while its holder could hold it now: verified staff anywhere,
 *   partners where partners are allowed. Rows left over from an earlier role (a member who
 *   became a partner or applicant) open nothing, share nothing and are listed nowhere.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../members/members.repo.js';

type Bool = RawBuilder<boolean>;

/** Whether the viewer has a membership of `statuses` in the community `c` (a column reference). */
function memberOf(viewer: Viewer, community: RawBuilder<unknown>, statuses: string[], role?: 'lead'): Bool {
  return sql<boolean>`exists (select 1 from community_members cm where cm.community_id = ${community} and cm.user_id = ${viewer.id}
    and cm.status in (${sql.join(statuses)})${role ? sql` and cm.role = ${role}` : sql``})`;
}

/** The viewer is a partner (not an applicant: a non-verified viewer may be either). */
function isPartner(viewer: Viewer): Bool {
  return sql<boolean>`exists (select 1 from users vu where vu.id = ${viewer.id} and vu.role = 'partner')`;
}

/** Partners take part only where partners are allowed; verified members wherever they belong; applicants nowhere. */
function partnerGuard(viewer: Viewer, alias: string): Bool {
  return viewer.verified ? sql<boolean>`true` : sql<boolean>`(${sql.ref(`${alias}.partners_allowed`)} and ${isPartner(viewer)})`;
}

/**
 * The membership row `membership` (of community `community`) counts: its holder is verified
 * staff, or a partner and partners are allowed there. For lists of a person's communities, of
 * a community's members, member counts and the people rule.
 */
export function membershipCounts(membership = 'cm', community = 'c'): Bool {
  return sql<boolean>`exists (select 1 from users mu where mu.id = ${sql.ref(`${membership}.user_id`)}
    and (mu.role in ('member', 'office', 'admin') or (mu.role = 'partner' and ${sql.ref(`${community}.partners_allowed`)})))`;
}

/** The community `alias` exists for the viewer. */
export function communityVisible(viewer: Viewer, alias = 'c'): Bool {
  const status = sql<boolean>`${sql.ref(`${alias}.status`)} = 'active'`;
  if (viewer.staff) return status;
  const id = sql.ref(`${alias}.id`);
  const belongs = sql<boolean>`(${memberOf(viewer, id, ['active', 'invited'])} and ${partnerGuard(viewer, alias)})`;
  if (viewer.verified) return sql<boolean>`(${status} and (${sql.ref(`${alias}.visibility`)} <> 'hidden' or ${belongs}))`;
  return sql<boolean>`(${status} and ${belongs})`;
}

/** The content of community `alias` is readable for the viewer. */
export function communityReadable(viewer: Viewer, alias = 'c'): Bool {
  const status = sql<boolean>`${sql.ref(`${alias}.status`)} = 'active'`;
  if (viewer.staff) return status;
  const id = sql.ref(`${alias}.id`);
  const active = sql<boolean>`(${memberOf(viewer, id, ['active'])} and ${partnerGuard(viewer, alias)})`;
  if (viewer.verified) return sql<boolean>`(${status} and (${sql.ref(`${alias}.visibility`)} = 'open' or ${active}))`;
  return sql<boolean>`(${status} and ${active})`;
}

/** Ids of the communities whose content the viewer may read: `x.community_id in (…)`. */
export function readableCommunityIds(viewer: Viewer): RawBuilder<unknown> {
  return sql`(select rc.id from communities rc where ${communityReadable(viewer, 'rc')})`;
}

/** Ids of the communities that exist for the viewer. */
export function visibleCommunityIds(viewer: Viewer): RawBuilder<unknown> {
  return sql`(select vc.id from communities vc where ${communityVisible(viewer, 'vc')})`;
}

/**
 * A post or reply row `alias` (with `deleted_at`, `hidden_at`, `author_id`) of community
 * `communityId` is shown to the viewer, given that the community is readable.
 */
export function contentShown(viewer: Viewer, alias: string, communityId: RawBuilder<unknown>): Bool {
  const notDeleted = sql<boolean>`${sql.ref(`${alias}.deleted_at`)} is null`;
  if (viewer.staff) return notDeleted;
  return sql<boolean>`(${notDeleted} and (${sql.ref(`${alias}.hidden_at`)} is null or ${sql.ref(`${alias}.author_id`)} = ${viewer.id}
    or ${memberOf(viewer, communityId, ['active'], 'lead')}))`;
}

/** The post `alias` is readable for the viewer: its community is, and it is shown. */
export function postReadable(viewer: Viewer, alias = 'p'): Bool {
  const communityId = sql.ref(`${alias}.community_id`);
  return sql<boolean>`(${communityId} in ${readableCommunityIds(viewer)} and ${contentShown(viewer, alias, communityId)})`;
}

/**
 * Whether the viewer and the person in `u` are active members of one community, with
 * memberships that count (see `membershipCounts`) on both sides. Used by the
 * people rule in members.repo.ts ("shared" profile fields, and the people partners may see).
 */
export function sharesCommunity(viewer: Viewer, userColumn = 'u.id'): Bool {
  return sql<boolean>`exists (select 1 from community_members mine join community_members theirs on theirs.community_id = mine.community_id
    join communities sc on sc.id = mine.community_id
    where mine.user_id = ${viewer.id} and mine.status = 'active' and theirs.user_id = ${sql.ref(userColumn)} and theirs.status = 'active'
      and sc.status = 'active'${viewer.verified ? sql`` : sql` and ${partnerGuard(viewer, 'sc')}`} and ${membershipCounts('theirs', 'sc')})`;
}
