/** A person's own account: name, sessions and personal access tokens. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, Scope } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import * as repo from '../accounts/accounts.repo.js';

/** A person may hold this many active tokens; more is a sign of leaking them into scripts. */
export const MAX_ACCESS_TOKENS = 20;

function me(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
}

export async function renameSelf(db: Kysely<DB>, actor: Actor, name: string): Promise<void> {
  await db.updateTable('users').set({ name, updatedAt: new Date() }).where('id', '=', me(actor).user.id).execute();
}

export async function listOwnSessions(db: Kysely<DB>, actor: Actor) {
  const self = me(actor);
  const current = self.via === 'session' ? self.sessionId : null;
  const rows = await repo.listSessions(db, self.user.id);
  return rows.map((row) => ({ ...row, current: row.id === current }));
}

/** Ends one of one's own sessions; someone else's session id is simply not found. */
export async function endOwnSession(db: Kysely<DB>, actor: Actor, sessionId: string): Promise<void> {
  const removed = await repo.deleteSessions(db, me(actor).user.id, { only: sessionId });
  if (removed === 0) throw new AppError('not_found');
}

export async function endOtherSessions(db: Kysely<DB>, actor: Actor): Promise<number> {
  const self = me(actor);
  return repo.deleteSessions(db, self.user.id, { except: self.via === 'session' ? self.sessionId : undefined });
}

export const listOwnAccessTokens = (db: Kysely<DB>, actor: Actor) => repo.listAccessTokens(db, me(actor).user.id);

/** Creates a token and answers its secret, which is shown once and stored only as a hash. */
export async function createAccessToken(db: Kysely<DB>, actor: Actor, name: string, scopes: Scope[]): Promise<string> {
  const self = me(actor);
  if (self.via !== 'session') throw new AppError('forbidden'); // a token cannot mint tokens
  if ((await repo.countActiveAccessTokens(db, self.user.id)) >= MAX_ACCESS_TOKENS) throw new AppError('validation_failed', { name: 'tokens.error.tooMany' }, { max: MAX_ACCESS_TOKENS });
  // The prefix lets secret scanners recognise a leaked token.
  const secret = `kp_${newSecret()}`;
  await db
    .insertInto('accessTokens')
    .values({ id: newId(), userId: self.user.id, name, tokenHash: sha256(secret), scopes: [...new Set(scopes)] })
    .execute();
  return secret;
}

export async function revokeAccessToken(db: Kysely<DB>, actor: Actor, tokenId: string): Promise<void> {
  const result = await db
    .updateTable('accessTokens')
    .set({ revokedAt: new Date() })
    .where('id', '=', tokenId)
    .where('userId', '=', me(actor).user.id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found');
}
