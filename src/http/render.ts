/** Rendering pages: the view context, flash messages across a redirect, and safe `next` targets. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Flash, ViewContext } from '../views/context.js';
import { formattersFor, isMessageKey, translator } from '../views/i18n/index.js';

const FLASH_COOKIE = 'kp_flash';

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = JSON.parse(unsigned.value) as Flash;
    return isMessageKey(parsed.key) ? parsed : null;
  } catch {
    return null;
  }
}

export function viewContext(request: FastifyRequest, reply: FastifyReply): ViewContext {
  return {
    t: translator(request.lang),
    lang: request.lang,
    fmt: formattersFor(request.lang),
    actor: request.actor,
    csrfToken: reply.generateCsrf(),
    path: request.url.split('?')[0] ?? '/',
    flash: takeFlash(request, reply),
    unread: request.unreadCount ?? null,
  };
}

/** Sends a rendered page. Pages are never cached by proxies: they may be personal. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page component
export function sendPage(reply: FastifyReply, page: VNode<any>, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** A redirect target only on our own origin: a path, not `//host` or `/\host`. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f]/.test(next)) return fallback;
  return next;
}

/** 303 See Other after a successful POST, with an optional flash message. */
export function redirectAfterPost(reply: FastifyReply, location: string, flash?: Flash): FastifyReply {
  if (flash) setFlash(reply, flash);
  return reply.redirect(location, 303);
}
