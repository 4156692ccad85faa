/**
 * Pure permission predicates about people and roles, used by routes and by views (to decide
 * which actions to show). Built from small facts; tested as a role-by-action table.
 */
import type { Actor } from '../../http/actor.js';
import type { Role } from '../../db/schema.js';

const verifiedRoles: readonly Role[] = ['member', 'office', 'admin'];
const staffRoles: readonly Role[] = ['office', 'admin'];

export const isSignedIn = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user';

/** Verified public-sector staff: inside the protected space. */
export const isVerifiedMember = (actor: Actor): boolean => isSignedIn(actor) && verifiedRoles.includes(actor.user.role);

/** Inside the protected space at all: verified staff, and partners (for what invited them). */
export const isInside = (actor: Actor): boolean => isSignedIn(actor) && (verifiedRoles.includes(actor.user.role) || actor.user.role === 'partner');

export const isOffice = (actor: Actor): boolean => isSignedIn(actor) && staffRoles.includes(actor.user.role);

export const isAdmin = (actor: Actor): boolean => isSignedIn(actor) && actor.user.role === 'admin';

export const canReviewApplicants = isOffice;
export const canManageOrganisations = isOffice;
export const canReadAuditLog = isOffice;
export const canEditLandingPage = isOffice;

/**
 * The office may move people between applicant, member and partner; only an admin may grant
 * or take away the office and admin roles. Nobody changes their own role.
 */
export function canChangeRole(actor: Actor, target: { id: string; role: Role }, newRole: Role): boolean {
  if (!isSignedIn(actor) || actor.user.id === target.id) return false;
  if (isAdmin(actor)) return true;
  if (!isOffice(actor)) return false;
  return !staffRoles.includes(target.role) && !staffRoles.includes(newRole);
}

/** The access levels a route can require (deny by default: routes without one need 'member'). */
export type Access = 'public' | 'signedIn' | 'inside' | 'member' | 'office' | 'admin';

export function meetsAccess(actor: Actor, access: Access): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'signedIn':
      return isSignedIn(actor);
    case 'inside':
      return isInside(actor);
    case 'member':
      return isVerifiedMember(actor);
    case 'office':
      return isOffice(actor);
    case 'admin':
      return isAdmin(actor);
  }
}
