/**
 * The JSON API of notifications and mail settings, for the signed-in caller (session cookie or
 * a token: reading needs the 'read' scope, writing 'write'). Errors are `{ code, message }`:
 * 400 for a malformed query, 422 for an invalid body, 404 for a community the caller may not see.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { ErrorResponse } from '../api/api.schema.js';
import { schemaError } from '../communities/communities-api.routes.js';
import { Id, Slug } from '../communities/communities.schema.js';
import { COMMUNITY_DELIVERIES, DELIVERIES, NOTIFICATION_KINDS } from './kinds.js';
import { countUnread, listNotifications, markRead, MAX_NOTIFICATION_PAGE_SIZE } from './notifications.repo.js';
import { presentNotification } from './notifications.present.js';
import { signalUsers } from './notify.js';
import { viewerOfActor } from './notifications.routes.js';
import { loadSettings, saveSettings } from './settings.service.js';

const tags = ['notifications'];
const errors = (...codes: (400 | 401 | 403 | 404 | 422)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<number, TSchema>;
const SAFE = new Set(['GET', 'HEAD']);

const Delivery = Type.Union(DELIVERIES.map((d) => Type.Literal(d)), { description: 'immediate: a mail at once; daily, weekly: in a digest; off: no mail' });
const CommunityDelivery = Type.Union(COMMUNITY_DELIVERIES.map((d) => Type.Literal(d)), { description: 'all: every post and reply as a mail (mailing-list mode); otherwise as for kinds' });
const Kind = Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k)));

const NotificationOut = Type.Object({
  id: Type.String(),
  kind: Kind,
  action: Type.String(),
  text: Type.String({ description: 'What happened, in the caller’s language' }),
  url: Type.String({ format: 'uri', description: 'Where it leads' }),
  read: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  actorName: Type.Union([Type.String(), Type.Null()]),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  postId: Type.Union([Type.String(), Type.Null()]),
  replyId: Type.Union([Type.String(), Type.Null()]),
  eventId: Type.Union([Type.String(), Type.Null()]),
  conversationId: Type.Union([Type.String(), Type.Null()]),
});

const ListQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'next of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_NOTIFICATION_PAGE_SIZE })),
  unread: Type.Optional(Type.Boolean({ description: 'true: only unread notifications' })),
});
const ListOut = Type.Object({ items: Type.Array(NotificationOut), next: Type.Union([Type.String(), Type.Null()]), unreadCount: Type.Integer() });

const ReadIn = Type.Union([
  Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
]);
const ReadOut = Type.Object({ updated: Type.Integer(), unreadCount: Type.Integer() });

const KindsSettings = Type.Object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Type.Optional(Delivery)])), { additionalProperties: false });
const CommunitySettingOut = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  delivery: Type.Union([CommunityDelivery, Type.Null()], { description: 'null: as the setting for the kind activity' }),
  effective: CommunityDelivery,
});
const SettingsOut = Type.Object({ kinds: Type.Object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Delivery]))), communities: Type.Array(CommunitySettingOut) });
// The same shape as the answer; `name` and `effective` may be sent back and are ignored.
const CommunitySettingIn = Type.Object({
  id: Id,
  slug: Type.Optional(Slug),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  delivery: Type.Union([CommunityDelivery, Type.Null()]),
  effective: Type.Optional(CommunityDelivery),
}, { additionalProperties: false });
const SettingsIn = Type.Object({ kinds: Type.Optional(KindsSettings), communities: Type.Optional(Type.Array(CommunitySettingIn, { maxItems: 1000 })) }, { additionalProperties: false });

export async function notificationsApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  app.setSchemaErrorFormatter((errs, dataVar) => schemaError(errs, dataVar));
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (SAFE.has(request.method) && actor.kind === 'user' && actor.via === 'token' && !actor.scopes.includes('read')) throw new AppError('forbidden');
  });
  const route = <S extends Record<string, unknown>>(schema: S) => ({ config: { access: 'signedIn' as const }, schema: { tags, ...schema } });

  app.get(
    '/api/v1/notifications',
    route({ summary: 'The caller’s notifications, newest first (only what they may see now)', querystring: ListQuery, response: { 200: ListOut, ...errors(400, 401, 403) } }),
    async (request) => {
      const viewer = viewerOfActor(request.actor);
      const q = request.query as Static<typeof ListQuery>;
      const [page, unreadCount] = await Promise.all([listNotifications(db, viewer, { cursor: q.cursor, limit: q.limit, unreadOnly: q.unread === true }), countUnread(db, viewer)]);
      return { items: page.items.map((item) => presentNotification(item, request.lang, config.baseUrl)), next: page.next, unreadCount };
    },
  );

  app.post(
    '/api/v1/notifications/read',
    route({ summary: 'Mark notifications read: up to 100 by id, or all', body: ReadIn, response: { 200: ReadOut, ...errors(400, 401, 403, 422) } }),
    async (request) => {
      const viewer = viewerOfActor(request.actor);
      const body = request.body as Static<typeof ReadIn>;
      const updated = await markRead(db, viewer.id, 'ids' in body ? body.ids : undefined);
      if (updated > 0) await signalUsers(db, [viewer.id]);
      return { updated, unreadCount: await countUnread(db, viewer) };
    },
  );

  app.get(
    '/api/v1/me/notification-settings',
    route({ summary: 'The caller’s mail settings per kind and per community they belong to or follow', response: { 200: SettingsOut, ...errors(401, 403) } }),
    async (request) => loadSettings(db, viewerOfActor(request.actor)),
  );

  app.put(
    '/api/v1/me/notification-settings',
    route({ summary: 'Change mail settings; what is not sent stays as it is', body: SettingsIn, response: { 200: SettingsOut, ...errors(400, 401, 403, 404, 422) } }),
    async (request) => {
      const viewer = viewerOfActor(request.actor);
      const body = request.body as Static<typeof SettingsIn>;
      await saveSettings(db, viewer, { kinds: body.kinds as never, communities: body.communities?.map((c) => ({ id: c.id, delivery: c.delivery })) });
      return loadSettings(db, viewer);
    },
  );
}
