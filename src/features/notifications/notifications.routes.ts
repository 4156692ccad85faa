/**
 * Notification pages: the list (newest first, unread marked, filter, cursor paging), opening
 * one (marks it read and goes where it points), marking all read, and the live stream of the
 * unread count (Server-Sent Events) that assets/js/notifications.js uses to update the bell.
 * `unreadCountHook` puts the count into every page's header, one query per page request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { readLenient } from '../../http/forms.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { withQuery } from '../../views/components/list.js';
import { Id } from '../communities/communities.schema.js';
import type { Viewer } from '../members/members.repo.js';
import { countUnread, listNotifications, markRead, viewerForUser, visibleNotifications } from './notifications.repo.js';
import { describeNotification } from './notifications.present.js';
import { signalUsers } from './notify.js';
import { createNotificationHub } from './live.js';
import { NotificationListPage } from './notifications.views.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread notifications of the signed-in person, for the bell in the page header (null: not computed). */
    unreadCount: number | null;
  }
  interface FastifyContextConfig {
    /** false: the route renders no page, so the header's unread count is not computed. */
    unreadCount?: boolean;
  }
}

/** Heartbeat of the event stream: keeps proxies from closing an idle connection. */
export const HEARTBEAT_MS = 25_000;

export function viewerOfActor(actor: Actor): Viewer {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return viewerForUser(actor.user);
}

/**
 * The header's unread count: computed once for each page a signed-in person loads (GET, not
 * the API, not assets), so that the bell is right without JavaScript.
 */
export const unreadCountHook = fp(async (app: FastifyInstance, { db }: Pick<AppDeps, 'db'>) => {
  app.decorateRequest('unreadCount', null);
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const actor = request.actor;
    if (actor?.kind !== 'user' || actor.via !== 'session') return;
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) return;
    if (request.routeOptions.config.unreadCount === false) return;
    request.unreadCount = await countUnread(db, viewerForUser(actor.user));
  });
}, { name: 'unread-count' });

const ListQuery = Type.Object({
  ungelesen: Type.Optional(Type.String({ maxLength: 1 })),
  nach: Type.Optional(Type.String({ maxLength: 400 })),
});
const IdParams = Type.Object({ id: Id });

export async function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const signedIn = { config: { access: 'signedIn' as const } };

  app.get('/benachrichtigungen', signedIn, async (request, reply) => {
    const viewer = viewerOfActor(request.actor);
    const query = readLenient(ListQuery, request.query);
    const unreadOnly = query.ungelesen === '1';
    const [page, unread] = await Promise.all([
      listNotifications(db, viewer, { cursor: query.nach, unreadOnly }),
      request.unreadCount ?? countUnread(db, viewer),
    ]);
    const ctx = viewContext(request, reply);
    const items = page.items.map((item) => ({ item, ...describeNotification(item, ctx.lang) }));
    return sendPage(
      reply,
      h(NotificationListPage, {
        ctx,
        items,
        unread,
        unreadOnly,
        next: page.next ? withQuery('/benachrichtigungen', { ungelesen: unreadOnly ? '1' : undefined, nach: page.next }) : null,
        first: query.nach ? withQuery('/benachrichtigungen', { ungelesen: unreadOnly ? '1' : undefined }) : null,
      }),
    );
  });

  app.post('/benachrichtigungen/gelesen', signedIn, async (request, reply) => {
    const viewer = viewerOfActor(request.actor);
    if ((await markRead(db, viewer.id)) > 0) await signalUsers(db, [viewer.id]);
    return redirectAfterPost(reply, '/benachrichtigungen', { kind: 'success', key: 'notificationsUi.markedAllRead' });
  });

  // Opening a notification marks it read and leads to what it is about. A GET, since marking
  // read is all it changes; someone else's id or one no longer visible is 404.
  app.get('/benachrichtigungen/:id', { ...signedIn, schema: { params: IdParams } }, async (request, reply) => {
    const viewer = viewerOfActor(request.actor);
    const { id } = request.params as { id: string };
    const [item] = await visibleNotifications(db, viewer, [id]);
    if (!item) throw new AppError('not_found');
    if (!item.readAt && (await markRead(db, viewer.id, [id])) > 0) await signalUsers(db, [viewer.id]);
    return reply.redirect(describeNotification(item, request.lang).path, 303);
  });

  // --- live unread count -------------------------------------------------------------------
  const hub = createNotificationHub({ databaseUrl: deps.databaseUrl ?? (config.DATABASE_URL || undefined), log: app.log });
  const streams = new Set<FastifyReply['raw']>();
  // Open streams would keep the server from closing: end them first, then the listener.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    streams.clear();
  });
  app.addHook('onClose', async () => hub.close());

  app.get('/benachrichtigungen/live', { config: { access: 'signedIn', unreadCount: false } }, async (request: FastifyRequest, reply) => {
    const viewer = viewerOfActor(request.actor);
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    streams.add(res);
    let closed = false;
    let busy = false;
    let again = false;
    let last = -1;
    const send = async () => {
      if (closed) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const count = await countUnread(db, viewer);
          if (!closed && count !== last) {
            last = count;
            res.write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`);
          }
        } while (again && !closed);
      } catch (error) {
        request.log.warn({ err: error }, 'unread count for the live stream failed');
      } finally {
        busy = false;
      }
    };
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    // Listen first, then count: a notification made in between is counted either way.
    const unsubscribe = await hub.subscribe(viewer.id, () => void send());
    const cleanup = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    request.raw.on('close', cleanup);
    res.on('close', cleanup);
    if (res.destroyed) cleanup();
    // Reconnect after 5 s when the connection drops (the browser's EventSource does so itself).
    res.write('retry: 5000\n\n');
    await send();
  });
}
