/**
 * What office staff may do to a person's account. Pure predicates on top of accounts.policy,
 * used by the services (to refuse) and by the views (to offer only allowed actions).
 */
import type { Actor } from '../../http/actor.js';
import type { Role } from '../../db/schema.js';
import { canChangeRole, isAdmin, isOffice, isSignedIn } from '../accounts/accounts.policy.js';

export const allRoles: readonly Role[] = ['applicant', 'member', 'partner', 'office', 'admin'];
const staffRoles: readonly Role[] = ['office', 'admin'];

/** Suspending follows the role rule: never oneself; staff accounts only by an admin. */
export function canSuspend(actor: Actor, target: { id: string; role: Role }): boolean {
  if (!isSignedIn(actor) || actor.user.id === target.id) return false;
  if (isAdmin(actor)) return true;
  return isOffice(actor) && !staffRoles.includes(target.role);
}

/** The roles the actor may give the target now (the current role excluded). */
export function assignableRoles(actor: Actor, target: { id: string; role: Role }): Role[] {
  return allRoles.filter((role) => role !== target.role && canChangeRole(actor, target, role));
}
