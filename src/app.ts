/**
 * buildApp: the table of contents. HTTP foundation first, then every feature by name.
 * No folder is loaded automatically; a feature exists when it is listed here.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import type { Mailer } from './mail/mailer.js';
import type { Jobs } from './jobs/jobs.js';
import { httpFoundation } from './http/plugin.js';
import { registerNotificationJobs } from './features/notifications/notifications-jobs.js';
import { mailLogRoutes } from './features/notifications/mail-log.routes.js';
import { metrics } from './http/metrics.js';
import { siteRoutes } from './features/site/site.routes.js';
import { accountRoutes } from './features/accounts/accounts.routes.js';
import { selfServiceRoutes } from './features/account/account.routes.js';
import { organisationRoutes } from './features/organisations/organisations.routes.js';
import { officeRoutes } from './features/office/office.routes.js';
import { apiDocsRoutes } from './features/api/api.routes.js';
import { barcampRoutes } from './features/events/barcamp.routes.js';
import { memberRoutes } from './features/members/members.routes.js';
import { expertRoutes } from './features/experts/experts.routes.js';
import { directoryAdminRoutes } from './features/organisations/directory-admin.routes.js';
import { communitiesRoutes } from './features/communities/communities.routes.js';
import { postsRoutes } from './features/communities/posts.routes.js';
import { moderationRoutes } from './features/communities/moderation.routes.js';
import { communityAdminRoutes } from './features/communities/community-admin.routes.js';
import { communitiesApiRoutes } from './features/communities/communities-api.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { eventsApiRoutes } from './features/events/events-api.routes.js';
import { calendarRoutes } from './features/events/calendar.routes.js';
import { eventsRoutes } from './features/events/events.routes.js';
import { notificationsRoutes, unreadCountHook } from './features/notifications/notifications.routes.js';
import { notificationsApiRoutes } from './features/notifications/notifications-api.routes.js';
import { notificationSettingsRoutes } from './features/notifications/settings.routes.js';
import { unsubscribeRoutes } from './features/notifications/unsubscribe.routes.js';
import { messagesRoutes } from './features/messages/messages.routes.js';
import { messagesApiRoutes } from './features/messages/messages-api.routes.js';

export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  mailer: Mailer;
  jobs: Jobs;
  /** The database's connection string, for the one LISTEN connection of live notifications (embedded databases have no DATABASE_URL). */
  databaseUrl?: string;
}

export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Long ids, long queries and deeply nested JSON are refused before any work is done.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Knotenpunkt API', version: '1.0.0', description: 'JSON API of Knotenpunkt. Errors are { code, message }. Authenticate with the session cookie (writes need the x-csrf-token header) or a personal access token (Authorization: Bearer …).' },
      servers: [{ url: config.baseUrl.origin }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'kp_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    hideUntagged: true,
  });

  await app.register(httpFoundation, { config, db: deps.db });
  await app.register(metrics, { db: deps.db });
  await app.register(unreadCountHook, { db: deps.db });

  registerNotificationJobs(deps);
  await app.register(siteRoutes, deps);
  await app.register(accountRoutes, deps);
  await app.register(selfServiceRoutes, deps);
  await app.register(organisationRoutes, deps);
  await app.register(officeRoutes, deps);
  await app.register(memberRoutes, deps);
  await app.register(expertRoutes, deps);
  await app.register(directoryAdminRoutes, deps);
  await app.register(communitiesRoutes, deps);
  await app.register(postsRoutes, deps);
  await app.register(moderationRoutes, deps);
  await app.register(communityAdminRoutes, deps);
  await app.register(communitiesApiRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(eventsApiRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(eventsRoutes, deps);
  await app.register(barcampRoutes, deps);
  await app.register(notificationsRoutes, deps);
  await app.register(notificationsApiRoutes, deps);
  await app.register(notificationSettingsRoutes, deps);
  await app.register(unsubscribeRoutes, deps);
  await app.register(messagesRoutes, deps);
  await app.register(messagesApiRoutes, deps);
  await app.register(mailLogRoutes, deps);
  await app.register(apiDocsRoutes, deps);
  return app;
}
