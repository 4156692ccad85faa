/**
 * The office area (/geschaeftsstelle/…): the overview and audit log here, every other section
 * from its own file, listed by name. All of it is 'office' access: others get 404.
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import { sendPage, viewContext } from '../../http/render.js';
import * as service from './office.service.js';
import { AuditQuery } from './office.schema.js';
import { OfficePage } from './office.views.js';
import { AuditLogPage } from './audit-log.views.js';
import { reviewRoutes } from './review.routes.js';
import { userRoutes } from './users.routes.js';
import { officeOrganisationRoutes } from './organisations.routes.js';
import { pageRoutes } from './pages.routes.js';
import { feedbackRoutes } from './feedback.routes.js';

const office = { config: { access: 'office' as const } };

export async function officeRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  app.get('/geschaeftsstelle', office, async (request, reply) => {
    const counts = await service.overviewCounts(db, request.actor);
    return sendPage(reply, h(OfficePage, { ctx: viewContext(request, reply), ...counts }));
  });

  app.get('/geschaeftsstelle/protokoll', { ...office, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const before = (request.query as { before?: number }).before;
    const log = await service.auditLog(db, request.actor, before);
    return sendPage(reply, h(AuditLogPage, { ctx: viewContext(request, reply), entries: log.entries, nextBefore: log.nextBefore, paged: before !== undefined }));
  });

  await reviewRoutes(app, deps);
  await userRoutes(app, deps);
  await officeOrganisationRoutes(app, deps);
  await pageRoutes(app, deps);
  await feedbackRoutes(app, deps);
}
