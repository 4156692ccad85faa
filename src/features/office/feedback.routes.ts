/** /geschaeftsstelle/rueckmeldungen: accessibility feedback and marking it handled. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import * as service from './office.service.js';
import { IdParams, OffsetQuery } from './office.schema.js';
import { FeedbackPage } from './feedback.views.js';

const office = { config: { access: 'office' as const } };

export async function feedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  app.get('/geschaeftsstelle/rueckmeldungen', { ...office, schema: { querystring: OffsetQuery } }, async (request, reply) => {
    const offset = (request.query as OffsetQuery).offset ?? 0;
    const page = await service.feedbackList(db, request.actor, offset);
    return sendPage(reply, h(FeedbackPage, { ctx: viewContext(request, reply), page, offset }));
  });

  app.post('/geschaeftsstelle/rueckmeldungen/:id/erledigt', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    await service.markFeedbackHandled(db, request.actor, (request.params as IdParams).id);
    return redirectAfterPost(reply, '/geschaeftsstelle/rueckmeldungen', { kind: 'success', key: 'office.feedback.handled' });
  });
}
