/**
 * Reply addresses for replying by e-mail: one per recipient and post, signed so that nobody can
 * make one up for another person or another post.
 *
 *   antwort+{postId}.{userId}.{sig}@{replyDomain}
 *
 * The ids are our 16-character base64url ids (src/lib/ids.ts), which never contain a dot. The
 * signature is the first 10 bytes of HMAC-SHA256(sessionSecret, 'reply:' + postId + ':' + userId)
 * in base64url (14 characters), so the local part has 56 characters (RFC 5321 allows 64).
 * The domain is compared without regard to case; the local part is case-sensitive (base64url).
 * Changing SESSION_SECRET makes every reply address given out so far invalid.
 */
import { createHmac } from 'node:crypto';
import type { Config } from '../config.js';
import { safeEqual } from '../lib/ids.js';

export const REPLY_PREFIX = 'antwort+';
const ID = /^[A-Za-z0-9_-]{16}$/;
const LOCAL_PART = /^antwort\+([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{14})$/;

type ReplyConfig = Pick<Config, 'sessionSecret' | 'replyDomain'>;

function signature(secret: string, postId: string, userId: string): string {
  return createHmac('sha256', secret).update(`reply:${postId}:${userId}`).digest().subarray(0, 10).toString('base64url');
}

/** The address at which `userId` replies to post `postId` by e-mail. */
export function replyAddress(config: ReplyConfig, userId: string, postId: string): string {
  if (!ID.test(postId) || !ID.test(userId)) throw new Error(`reply address: not an id (${postId}, ${userId})`);
  return `${REPLY_PREFIX}${postId}.${userId}.${signature(config.sessionSecret, postId, userId)}@${config.replyDomain}`;
}

/** Whether an address is of our reply domain at all (the signature is not checked). */
export function isReplyDomain(config: ReplyConfig, address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && address.slice(at + 1).toLowerCase() === config.replyDomain.toLowerCase();
}

/**
 * The post and person of a reply address, or null when it is not one of ours: another domain,
 * another form, or a signature that does not match (compared in constant time).
 */
export function readReplyAddress(config: ReplyConfig, address: string): { postId: string; userId: string } | null {
  let value = address.trim();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1);
  if (value.length > 254 || !config.replyDomain) return null;
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.slice(at + 1).toLowerCase() !== config.replyDomain.toLowerCase()) return null;
  const match = LOCAL_PART.exec(value.slice(0, at));
  if (!match) return null;
  const [, postId, userId, sig] = match as unknown as [string, string, string, string];
  if (!safeEqual(signature(config.sessionSecret, postId, userId), sig)) return null;
  return { postId, userId };
}
