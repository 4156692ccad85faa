/**
 * One-click unsubscribe (RFC 8058). Every notification mail, list mail and digest carries a
 * signed link for its recipient and what it is about ("scope"): a kind of notification, a
 * community, or digests. `List-Unsubscribe` names the link, `List-Unsubscribe-Post` says a
 * POST to it unsubscribes without further questions; a GET shows a page with one button, so
 * that link checkers in mail gateways unsubscribe nobody.
 *
 * Token: base64url of `userId:scope`, a dot, and 16 bytes of HMAC-SHA256 with the session
 * secret. Nothing is stored.
 */
import { createHmac } from 'node:crypto';
import type { NotificationKind } from '../db/schema.js';
import { safeEqual } from '../lib/ids.js';

export type UnsubscribeScope = { kind: NotificationKind } | { communityId: string } | { digest: true };

function scopeText(scope: UnsubscribeScope): string {
  if ('kind' in scope) return `k:${scope.kind}`;
  if ('communityId' in scope) return `c:${scope.communityId}`;
  return 'd:';
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest().subarray(0, 16).toString('base64url');
}

export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = `${userId}:${scopeText(scope)}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  if (token.length > 300) return null;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return null;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!safeEqual(signature, sign(secret, payload))) return null;
  const match = /^([A-Za-z0-9_-]{1,40}):(k|c|d):([A-Za-z0-9_-]{0,60})$/.exec(payload);
  if (!match) return null;
  const [, userId, type, value] = match as unknown as [string, string, string, string];
  if (type === 'k') return { userId, scope: { kind: value as NotificationKind } };
  if (type === 'c') return { userId, scope: { communityId: value } };
  return { userId, scope: { digest: true } };
}

export function unsubscribeUrl(baseUrl: URL, secret: string, userId: string, scope: UnsubscribeScope): string {
  return new URL(`/benachrichtigungen/abbestellen/${unsubscribeToken(secret, userId, scope)}`, baseUrl).toString();
}

/** The RFC 8058 headers for a mail with this unsubscribe link. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
