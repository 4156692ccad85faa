/**
 * The office's user management: find people, change roles (the role rule is canChangeRole),
 * suspend and unsuspend. Every change is audit-logged with what it was before.
 */
import type { Kysely, Updateable } from 'kysely';
import type { DB, Role, UsersTable } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { dropMembershipsAfterRoleChange } from '../communities/communities.service.js';
import { writeAudit } from '../audit/audit.repo.js';
import { canChangeRole, isOffice } from '../accounts/accounts.policy.js';
import { deleteSessions } from '../accounts/accounts.repo.js';
import { canSuspend } from './office.policy.js';
import * as repo from './users.repo.js';

function staffId(actor: Actor): string {
  if (!isOffice(actor) || actor.kind !== 'user') throw new AppError('not_found');
  return actor.user.id;
}

export async function searchUsers(db: Kysely<DB>, actor: Actor, query: { q?: string; offset?: number }) {
  staffId(actor);
  return repo.searchUsers(db, query);
}

export async function userForOffice(db: Kysely<DB>, actor: Actor, id: string) {
  staffId(actor);
  const user = await repo.findUser(db, id);
  if (!user) throw new AppError('not_found');
  return user;
}

const verifiedRoles: readonly Role[] = ['member', 'office', 'admin'];

/** What else changes with a role: verified staff keep or gain a verification; others lose it. */
function verificationFor(to: Role, current: { verifiedAt: Date | null }, actorId: string): Updateable<UsersTable> {
  if (verifiedRoles.includes(to)) {
    const verification: Updateable<UsersTable> = current.verifiedAt ? {} : { verifiedVia: 'review', verifiedAt: new Date(), verifiedBy: actorId };
    return { ...verification, reviewStatus: null, reviewMessage: null };
  }
  // A partner is a guest, not verified staff; an applicant goes back into the review queue.
  return { verifiedVia: null, verifiedAt: null, verifiedBy: null, reviewStatus: to === 'applicant' ? 'pending' : null };
}

/**
 * Gives a person a new role. Refused with 403 (`forbidden`, message at the role field) when
 * canChangeRole says no: the office moves people between applicant, member and partner, only
 * an admin grants or takes office and admin, nobody changes their own role.
 */
export async function changeRole(db: Kysely<DB>, actor: Actor, id: string, to: Role): Promise<{ name: string; role: Role }> {
  const actorId = staffId(actor);
  const target = await userForOffice(db, actor, id);
  if (!canChangeRole(actor, target, to)) throw new AppError('forbidden', { role: 'office.users.error.roleNotAllowed' });
  if (target.role === to) return { name: target.name, role: to };
  await db.transaction().execute(async (trx) => {
    const row = await repo.updateRole(trx, id, target.role, to, verificationFor(to, target, actorId));
    if (!row) throw new AppError('conflict');
    await writeAudit(trx, actor, { action: 'user.role', targetType: 'user', targetId: id, details: { name: target.name, oldRole: target.role, newRole: to } });
    await dropMembershipsAfterRoleChange(trx, id, to);
  });
  return { name: target.name, role: to };
}

/** Suspends an account: the person is signed out everywhere at once and cannot sign in. */
export async function suspendUser(db: Kysely<DB>, actor: Actor, id: string): Promise<{ name: string }> {
  staffId(actor);
  const target = await userForOffice(db, actor, id);
  if (!canSuspend(actor, target)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const row = await repo.setSuspended(trx, id, true);
    // Sessions go in any case: a suspended account must not keep one.
    await deleteSessions(trx, id, {});
    if (row) await writeAudit(trx, actor, { action: 'user.suspend', targetType: 'user', targetId: id, details: { name: target.name, role: target.role } });
  });
  return { name: target.name };
}

export async function unsuspendUser(db: Kysely<DB>, actor: Actor, id: string): Promise<{ name: string }> {
  staffId(actor);
  const target = await userForOffice(db, actor, id);
  if (!canSuspend(actor, target)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const row = await repo.setSuspended(trx, id, false);
    if (row) await writeAudit(trx, actor, { action: 'user.unsuspend', targetType: 'user', targetId: id, details: { name: target.name, role: target.role } });
  });
  return { name: target.name };
}
