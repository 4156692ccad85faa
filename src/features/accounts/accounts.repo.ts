/** All SQL about people's accounts, their one-time tokens, sessions and access tokens. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, TokenPurpose } from '../../db/schema.js';
import { sha256 } from '../../lib/ids.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'passwordHash', 'role', 'emailConfirmedAt', 'suspendedAt', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'passwordHash', 'role', 'emailConfirmedAt', 'suspendedAt', 'locale', 'organisationId', 'reviewStatus'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertToken(db: Db, token: string, row: { userId: string; purpose: TokenPurpose; email: string; ttlMinutes: number }) {
  await db
    .insertInto('oneTimeTokens')
    .values({ tokenHash: sha256(token), userId: row.userId, purpose: row.purpose, email: row.email, expiresAt: new Date(Date.now() + row.ttlMinutes * 60_000) })
    .execute();
}

/**
 * Uses a token once: atomically marks it used and answers its row, if it was unused, unexpired,
 * of this purpose, and (except for address changes) still bound to the person's current address.
 */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose) {
  const row = await db
    .updateTable('oneTimeTokens as t')
    .from('users as u')
    .set({ usedAt: new Date() })
    .whereRef('u.id', '=', 't.userId')
    .where('t.tokenHash', '=', sha256(token))
    .where('t.purpose', '=', purpose)
    .where('t.usedAt', 'is', null)
    .where('t.expiresAt', '>', new Date())
    .where('u.suspendedAt', 'is', null)
    .where((eb) => (purpose === 'change_email' ? eb.val(true) : eb('t.email', '=', eb.ref('u.email'))))
    .returning(['t.userId', 't.email'])
    .executeTakeFirst();
  return row;
}

/** Checks a token without using it (to show the form behind a link). */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db
    .selectFrom('oneTimeTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select('t.userId')
    .where('t.tokenHash', '=', sha256(token))
    .where('t.purpose', '=', purpose)
    .where('t.usedAt', 'is', null)
    .where('t.expiresAt', '>', new Date())
    .where((eb) => (purpose === 'change_email' ? eb.val(true) : eb('t.email', '=', eb.ref('u.email'))))
    .executeTakeFirst();
  return Boolean(row);
}

export async function invalidateTokens(db: Db, userId: string, purposes: TokenPurpose[]) {
  await db.updateTable('oneTimeTokens').set({ usedAt: new Date() }).where('userId', '=', userId).where('purpose', 'in', purposes).where('usedAt', 'is', null).execute();
}

export async function listSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'userAgent', 'ip', 'createdAt', 'lastSeenAt'])
    .where('userId', '=', userId)
    .where('expiresAt', '>', new Date())
    .orderBy('lastSeenAt', 'desc')
    .limit(100)
    .execute();
}

export async function deleteSessions(db: Db, userId: string, opts: { only?: string; except?: string }) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (opts.only) q = q.where('id', '=', opts.only);
  if (opts.except) q = q.where('id', '!=', opts.except);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listAccessTokens(db: Db, userId: string) {
  return db
    .selectFrom('accessTokens')
    .select(['id', 'name', 'scopes', 'createdAt', 'lastUsedAt'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();
}

export async function countActiveAccessTokens(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('accessTokens').select(sql<number>`count(*)`.as('n')).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirstOrThrow();
  return row.n;
}

/** The person as the API and the account page show them. */
export async function getProfileSummary(db: Db, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.role',
      'u.emailConfirmedAt',
      'u.verifiedVia',
      'u.verifiedAt',
      'u.reviewStatus',
      'u.reviewMessage',
      'u.organisationOther',
      'u.locale',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.level as organisationLevel',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
