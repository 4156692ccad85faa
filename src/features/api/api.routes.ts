import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** The OpenAPI document of /api/v1, generated from the same schemas that validate requests. */
export async function apiDocsRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
}
