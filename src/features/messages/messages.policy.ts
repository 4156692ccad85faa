/**
 * Who may write to whom. The same rule exists as SQL in messages.repo.ts (`writableTo`), used
 * by every list; tests check both on the same fixtures.
 *
 * - Only people inside may use messages at all: verified members (member, office, admin) and
 *   partners. Applicants and suspended people have none (they are not inside).
 * - Verified members may write to any verified member.
 * - Partners may write with, and be written to by, people who share an active community with
 *   them (memberships that count, see communities.visibility.ts).
 * - Nobody writes to themselves; nobody writes to a suspended, deleted or unconfirmed person.
 * - A block (either direction) stops sending both ways.
 */
import type { Actor } from '../../http/actor.js';
import type { Role } from '../../db/schema.js';
import { isInside } from '../accounts/accounts.policy.js';

const verifiedRoles: readonly Role[] = ['member', 'office', 'admin'];

export const mayUseMessages = (actor: Actor): actor is Extract<Actor, { kind: 'user' }> => actor.kind === 'user' && isInside(actor);

export interface Person {
  id: string;
  role: Role;
}

export interface Recipient extends Person {
  /** Suspended, not confirmed, or gone: nobody writes to them. */
  reachable: boolean;
}

export interface WriteRelation {
  sharesCommunity: boolean;
  /** The sender blocked the recipient. */
  blocking: boolean;
  /** The recipient blocked the sender. */
  blockedBy: boolean;
}

/** Why writing is not possible, or null when it is. */
export type WriteRefusal = 'self' | 'notAllowed' | 'blocking' | 'blockedBy';

export function writeRefusal(sender: Person, recipient: Recipient | null, relation: WriteRelation): WriteRefusal | null {
  if (recipient && sender.id === recipient.id) return 'self';
  if (!recipient || !recipient.reachable) return 'notAllowed';
  const senderVerified = verifiedRoles.includes(sender.role);
  const recipientVerified = verifiedRoles.includes(recipient.role);
  const senderInside = senderVerified || sender.role === 'partner';
  const recipientInside = recipientVerified || recipient.role === 'partner';
  if (!senderInside || !recipientInside) return 'notAllowed';
  if (!(senderVerified && recipientVerified) && !relation.sharesCommunity) return 'notAllowed';
  if (relation.blocking) return 'blocking';
  if (relation.blockedBy) return 'blockedBy';
  return null;
}

export function canWrite(sender: Person, recipient: Recipient | null, relation: WriteRelation): boolean {
  return writeRefusal(sender, recipient, relation) === null;
}
