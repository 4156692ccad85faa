/** /wer-weiss-was and GET /api/v1/experts. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { readLenient } from '../../http/forms.js';
import { sendPage, viewContext } from '../../http/render.js';
import { translator } from '../../views/i18n/index.js';
import { ErrorResponse } from '../api/api.schema.js';
import { LevelSchema, StateSchema } from '../organisations/organisations.schema.js';
import { viewerOf } from '../members/members.service.js';
import { popularTopics } from './experts.repo.js';
import { expertsFor } from './experts.service.js';
import { ExpertsPage } from './experts.views.js';

const ExpertsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(LevelSchema),
  state: Type.Optional(StateSchema),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
});

const ExpertOut = Type.Object({
  id: Type.String(),
  url: Type.String(),
  name: Type.String(),
  partner: Type.Boolean(),
  organisation: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() }), Type.Null()]),
  level: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.String(), Type.Null()]),
  position: Type.Union([Type.String(), Type.Null()]),
  score: Type.Integer(),
  reasons: Type.Array(Type.String()),
});

export async function expertRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;

  app.get('/wer-weiss-was', { config: { access: 'inside' } }, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const query = readLenient(ExpertsQuery, raw);
    const q = query.q ?? '';
    const offset = query.offset ?? 0;
    const { experts, total } = q ? await expertsFor(db, viewerOf(request.actor), translator(request.lang), { ...query, q, offset }) : { experts: [], total: 0 };
    const topics = q ? [] : await popularTopics(db, viewerOf(request.actor));
    const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return sendPage(reply, h(ExpertsPage, { ctx: viewContext(request, reply), form: { values, errors: {} }, q, experts, total, topics, offset }));
  });

  app.get(
    '/api/v1/experts',
    {
      config: { access: 'inside' },
      schema: {
        tags: ['members'],
        summary: 'Who knows about a topic? People ranked by declared and confirmed expertise and contributions, each with reasons',
        querystring: Type.Composite([Type.Omit(ExpertsQuery, ['q']), Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) })]),
        response: { 200: Type.Object({ items: Type.Array(ExpertOut), total: Type.Integer() }), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query as { q: string; level?: 'bund' | 'land' | 'kommune' | 'sonstige'; state?: string; offset?: number };
      const { experts, total } = await expertsFor(db, viewerOf(request.actor), translator(request.lang), query);
      return {
        total,
        items: experts.map((e) => ({
          id: e.id,
          url: new URL(`/mitglieder/${e.id}`, config.baseUrl).toString(),
          name: e.name,
          partner: e.partner,
          organisation: e.organisationId ? { id: e.organisationId, name: e.organisationName ?? '', url: new URL(`/organisationen/${e.organisationId}`, config.baseUrl).toString() } : null,
          level: e.level,
          state: e.state,
          position: e.position,
          score: e.score,
          reasons: e.reasons,
        })),
      };
    },
  );
}
