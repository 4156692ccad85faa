/**
 * Who sees whose profile, field by field. The same rule exists as SQL in members.repo.ts
 * (`visibleMembers`, `fieldVisibleSql`); tests check both on the same fixtures.
 */
import type { Actor } from '../../http/actor.js';
import type { FieldVisibility, Role } from '../../db/schema.js';
import { isVerifiedMember } from '../accounts/accounts.policy.js';

/** Roles whose profiles exist for others: verified staff and invited partners. */
export const profileRoles: readonly Role[] = ['member', 'office', 'admin', 'partner'];

export interface Relation {
  self: boolean;
  /** The viewer and the member share at least one community. */
  sharesCommunity: boolean;
}

export function canSeeProfile(viewer: Actor, target: { role: Role; suspended: boolean }, relation: Relation): boolean {
  if (viewer.kind !== 'user') return false;
  if (relation.self) return true;
  if (target.suspended || !profileRoles.includes(target.role)) return false;
  if (isVerifiedMember(viewer)) return true;
  // Partners see only the people of the communities that invited them.
  return viewer.user.role === 'partner' && relation.sharesCommunity;
}

export function canSeeField(viewer: Actor, visibility: FieldVisibility, relation: Relation): boolean {
  if (relation.self) return true;
  if (visibility === 'nobody') return false;
  if (relation.sharesCommunity) return true;
  return visibility === 'members' && isVerifiedMember(viewer);
}

/** Confirming a colleague's expertise: verified members, never oneself. */
export function canConfirmExpertise(viewer: Actor, targetId: string): boolean {
  return isVerifiedMember(viewer) && viewer.kind === 'user' && viewer.user.id !== targetId;
}
