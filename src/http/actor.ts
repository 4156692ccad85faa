/**
 * Who is asking: a session cookie (pages and the API) or a personal access token
 * (`Authorization: Bearer …`, API only). Only hashes of secrets are stored; the session
 * identifier is new at every sign-in and deleted at sign-out.
 */
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../db/connect.js';
import type { DB, Role } from '../db/schema.js';
import { newId, newSecret, sha256 } from '../lib/ids.js';

export type Scope = 'read' | 'write';
export const allScopes: readonly Scope[] = ['read', 'write'];

export interface ActorUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  locale: 'de' | 'en';
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: ActorUser; via: 'session'; sessionId: string; scopes: readonly Scope[] }
  | { kind: 'user'; user: ActorUser; via: 'token'; tokenId: string; scopes: readonly Scope[] };

export const anonymous: Actor = { kind: 'anonymous' };

const userColumns = ['users.id', 'users.name', 'users.email', 'users.role', 'users.organisationId', 'users.locale'] as const;

/** Sessions touched within this many ms are not written again: one write per 5 minutes at most. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export async function actorFromSession(db: Kysely<DB>, secret: string, ttlDays: number): Promise<Actor> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .modifyFront(sql.raw(PREPARED('actor_from_session')))
    .select([...userColumns, 'sessions.id as sessionId', 'sessions.lastSeenAt'])
    .where('sessions.tokenHash', '=', sha256(secret))
    .where('sessions.expiresAt', '>', new Date())
    .where('users.suspendedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return anonymous;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlDays * 86400_000) })
      .where('id', '=', row.sessionId)
      .execute();
  }
  const { sessionId, lastSeenAt: _seen, ...user } = row;
  return { kind: 'user', user, via: 'session', sessionId, scopes: allScopes };
}

export async function actorFromAccessToken(db: Kysely<DB>, token: string): Promise<Actor> {
  const row = await db
    .selectFrom('accessTokens')
    .innerJoin('users', 'users.id', 'accessTokens.userId')
    .modifyFront(sql.raw(PREPARED('actor_from_token')))
    .select([...userColumns, 'accessTokens.id as tokenId', 'accessTokens.scopes', 'accessTokens.lastUsedAt'])
    .where('accessTokens.tokenHash', '=', sha256(token))
    .where('accessTokens.revokedAt', 'is', null)
    .where('users.suspendedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return anonymous;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('accessTokens').set({ lastUsedAt: new Date() }).where('id', '=', row.tokenId).execute();
  }
  const { tokenId, scopes, lastUsedAt: _used, ...user } = row;
  return { kind: 'user', user, via: 'token', tokenId, scopes: scopes.filter((s): s is Scope => s === 'read' || s === 'write') };
}

export interface NewSession {
  secret: string;
  sessionId: string;
}

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  meta: { userAgent: string | undefined; ip: string; ttlDays: number },
): Promise<NewSession> {
  const secret = newSecret();
  const sessionId = newId();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      tokenHash: sha256(secret),
      userId,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip.slice(0, 64),
      expiresAt: new Date(Date.now() + meta.ttlDays * 86400_000),
    })
    .execute();
  return { secret, sessionId };
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
