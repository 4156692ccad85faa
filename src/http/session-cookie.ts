import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { createSession, deleteSession } from './actor.js';
import { SESSION_COOKIE } from './plugin.js';

/** Signs a person in: the previous session (if any) ends, and a new identifier is issued. */
export async function startSession(db: Kysely<DB>, config: Config, request: FastifyRequest, reply: FastifyReply, userId: string): Promise<string> {
  if (request.actor.kind === 'user' && request.actor.via === 'session') await deleteSession(db, request.actor.sessionId);
  const session = await createSession(db, userId, { userAgent: request.headers['user-agent'], ip: request.ip, ttlDays: config.SESSION_TTL_DAYS });
  reply.setCookie(SESSION_COOKIE, session.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    signed: true,
    maxAge: config.SESSION_TTL_DAYS * 86400,
  });
  return session.sessionId;
}

export async function endSession(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor.kind === 'user' && request.actor.via === 'session') await deleteSession(db, request.actor.sessionId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
