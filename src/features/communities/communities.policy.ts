/**
 * Who may see and do what in a community, for one object at a time. The same rule exists as
 * SQL in communities.visibility.ts for lists; tests check both on the same fixtures.
 */
import type { Actor } from '../../http/actor.js';
import type { CommunityVisibility, PostType } from '../../db/schema.js';
import { isOffice, isVerifiedMember } from '../accounts/accounts.policy.js';

export interface CommunityFacts {
  visibility: CommunityVisibility;
  status: 'proposed' | 'active' | 'declined';
  partnersAllowed: boolean;
}

/** The viewer's membership of the community, if any. */
export interface MembershipFacts {
  role: 'member' | 'lead';
  status: 'active' | 'requested' | 'invited';
}

export interface ContentFacts {
  authorId: string | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
}

const userId = (actor: Actor) => (actor.kind === 'user' ? actor.user.id : null);
const isPartner = (actor: Actor) => actor.kind === 'user' && actor.user.role === 'partner';

/** Partners take part only where partners are allowed; verified members wherever they belong. */
function belongs(actor: Actor, c: CommunityFacts, m: MembershipFacts | null, statuses: MembershipFacts['status'][]): boolean {
  if (!m || !statuses.includes(m.status)) return false;
  if (isVerifiedMember(actor)) return true;
  return isPartner(actor) && c.partnersAllowed;
}

/** The community exists for the viewer (otherwise: 404). */
export function canSeeCommunity(actor: Actor, c: CommunityFacts, m: MembershipFacts | null): boolean {
  if (c.status !== 'active') return false;
  if (isOffice(actor)) return true;
  if (isVerifiedMember(actor) && c.visibility !== 'hidden') return true;
  return belongs(actor, c, m, ['active', 'invited']);
}

/** The viewer may read the community's posts and replies. */
export function canReadCommunity(actor: Actor, c: CommunityFacts, m: MembershipFacts | null): boolean {
  if (c.status !== 'active') return false;
  if (isOffice(actor)) return true;
  if (isVerifiedMember(actor) && c.visibility === 'open') return true;
  return belongs(actor, c, m, ['active']);
}

export function isActiveMember(m: MembershipFacts | null): boolean {
  return m?.status === 'active';
}

export function isLead(m: MembershipFacts | null): boolean {
  return m?.status === 'active' && m.role === 'lead';
}

/** Leads of the community and the office moderate and manage members. */
export function canModerate(actor: Actor, m: MembershipFacts | null): boolean {
  return isOffice(actor) || isLead(m);
}

/**
 * Writing posts and replies, marking helpful, reporting: members of the community; in an open
 * community every verified member (joining is one click away, and nobody should have to).
 */
export function canContribute(actor: Actor, c: CommunityFacts, m: MembershipFacts | null): boolean {
  if (!canReadCommunity(actor, c, m)) return false;
  if (belongs(actor, c, m, ['active'])) return true;
  return isVerifiedMember(actor) && c.visibility === 'open';
}

/** Announcements are for leads (and the office); the other types for everyone who contributes. */
export function canPostType(actor: Actor, c: CommunityFacts, m: MembershipFacts | null, type: PostType): boolean {
  if (!canContribute(actor, c, m)) return false;
  return type !== 'announcement' || canModerate(actor, m);
}

/** Joining directly (open) or asking to join (on request); hidden communities only by invitation. */
export function canJoin(actor: Actor, c: CommunityFacts, m: MembershipFacts | null): 'join' | 'request' | 'accept' | null {
  if (c.status !== 'active' || m?.status === 'active' || m?.status === 'requested') return null;
  if (m?.status === 'invited') return belongs(actor, c, m, ['invited']) ? 'accept' : null;
  if (!isVerifiedMember(actor)) return null;
  if (c.visibility === 'open') return 'join';
  if (c.visibility === 'request') return 'request';
  return null;
}

/** A post or reply (in a readable community) is shown to the viewer. */
export function canSeeContent(actor: Actor, content: ContentFacts, m: MembershipFacts | null): boolean {
  if (content.deletedAt) return false;
  if (isOffice(actor)) return true;
  if (!content.hiddenAt) return true;
  return content.authorId !== null && content.authorId === userId(actor) ? true : isLead(m);
}

/** Authors edit their own posts and replies, as long as the post is not locked. */
export function canEdit(actor: Actor, content: ContentFacts, locked: boolean, m: MembershipFacts | null): boolean {
  if (content.deletedAt || content.authorId === null || content.authorId !== userId(actor)) return false;
  return !locked || canModerate(actor, m);
}

/** Authors delete their own content; leads and the office delete anything in the community. */
export function canDelete(actor: Actor, content: ContentFacts, m: MembershipFacts | null): boolean {
  if (content.deletedAt) return false;
  return canModerate(actor, m) || (content.authorId !== null && content.authorId === userId(actor));
}

/** Replying: contributors, unless the post is locked (leads and the office still may). */
export function canReply(actor: Actor, c: CommunityFacts, m: MembershipFacts | null, locked: boolean): boolean {
  return canContribute(actor, c, m) && (!locked || canModerate(actor, m));
}

/** The asker or a lead (or the office) accepts one answer to a question. */
export function canAccept(actor: Actor, post: { type: PostType; authorId: string | null }, m: MembershipFacts | null): boolean {
  if (post.type !== 'question') return false;
  return canModerate(actor, m) || (post.authorId !== null && post.authorId === userId(actor));
}

/** The edit history: the author, leads and the office. */
export function canSeeHistory(actor: Actor, content: ContentFacts, m: MembershipFacts | null): boolean {
  return canModerate(actor, m) || (content.authorId !== null && content.authorId === userId(actor));
}

/** Proposing a community: verified members. Creating and deciding: the office. */
export const canProposeCommunity = isVerifiedMember;
export const canManageCommunities = isOffice;
