/**
 * Unsubscribe links from mails (RFC 8058). GET shows what the link is about and one button,
 * and changes nothing (link checkers in mail gateways open links). POST unsubscribes: it is
 * what a mail program sends for one-click unsubscribe (`List-Unsubscribe=One-Click`, as
 * urlencoded or multipart form, without cookies), so this one route is exempt from the CSRF
 * check. The signed token is the authorisation; a forged or stale one is 404 and changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { sendPage, viewContext } from '../../http/render.js';
import { readUnsubscribeToken } from '../../mail/unsubscribe.js';
import { describeScope, unsubscribe } from './settings.service.js';
import { UnsubscribedPage, UnsubscribePage } from './settings.views.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });

export async function unsubscribeRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  // One-click requests may come as multipart/form-data; the body says nothing the URL does not.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, _body, done) => done(null, {}));

  const path = (token: string) => `/benachrichtigungen/abbestellen/${encodeURIComponent(token)}`;

  app.get('/benachrichtigungen/abbestellen/:token', { config: { access: 'public', unreadCount: false }, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const read = readUnsubscribeToken(config.sessionSecret, token);
    const subject = read ? await describeScope(db, read.scope) : null;
    const exists = read ? await db.selectFrom('users').select('id').where('id', '=', read.userId).executeTakeFirst() : undefined;
    const valid = subject && exists ? subject : null;
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(reply, h(UnsubscribePage, { ctx: viewContext(request, reply), subject: valid, action: path(token) }), valid ? 200 : 404);
  });

  app.post(
    '/benachrichtigungen/abbestellen/:token',
    { config: { access: 'public', csrf: false }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const read = readUnsubscribeToken(config.sessionSecret, token);
      const done = read ? await unsubscribe(db, read.userId, read.scope) : false;
      const ctx = viewContext(request, reply);
      reply.header('referrer-policy', 'no-referrer');
      if (!done) return sendPage(reply, h(UnsubscribePage, { ctx, subject: null, action: path(token) }), 404);
      return sendPage(reply, h(UnsubscribedPage, { ctx }), 200);
    },
  );
}
