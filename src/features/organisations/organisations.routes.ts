/** The organisation directory for members: pages and the JSON API. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { sendPage, viewContext } from '../../http/render.js';
import { ErrorResponse } from '../api/api.schema.js';
import * as service from './organisations.service.js';
import { ApiOrganisationsQuery, DirectoryQuery, IdParams, OrganisationDetail, OrganisationList } from './organisations.schema.js';
import { presentOrganisationDetail, presentOrganisationList } from './organisations.present.js';
import { OrganisationPage, OrganisationsPage } from './organisations.views.js';

const PageQuery = Type.Object({ offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) });

export async function organisationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;

  // --- Pages (members) -------------------------------------------------------------------------
  app.get('/organisationen', { schema: { querystring: DirectoryQuery } }, async (request, reply) => {
    const query = request.query as DirectoryQuery;
    const page = await service.browseOrganisations(db, request.actor, { q: query.q, level: query.level || undefined, state: query.state || undefined, offset: query.offset });
    return sendPage(reply, h(OrganisationsPage, { ctx: viewContext(request, reply), query, page }));
  });

  app.get('/organisationen/:id', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const memberOffset = (request.query as { offset?: number }).offset ?? 0;
    const data = await service.organisationPage(db, request.actor, id, memberOffset);
    return sendPage(reply, h(OrganisationPage, { ctx: viewContext(request, reply), data, memberOffset }));
  });

  // --- JSON API ----------------------------------------------------------------------------------
  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'The organisation directory',
        description: 'Filtered by name, level and federal state; sorted in German order; at most 50 per page.',
        querystring: ApiOrganisationsQuery,
        response: { 200: OrganisationList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query as ApiOrganisationsQuery;
      const offset = query.offset ?? 0;
      const page = await service.browseOrganisations(db, request.actor, { q: query.q, level: query.level, state: query.state, offset, limit: query.limit });
      return presentOrganisationList(config, page, { q: query.q, level: query.level, state: query.state, offset });
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation with its parent and subordinate organisations',
        params: IdParams,
        response: { 200: OrganisationDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { organisation, children } = await service.organisationWithChildren(db, request.actor, id);
      return presentOrganisationDetail(config, organisation, children);
    },
  );
}
