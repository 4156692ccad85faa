/** /suche, GET /api/v1/search and GET /api/v1/search/similar-questions. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readLenient } from '../../http/forms.js';
import { sendPage, viewContext } from '../../http/render.js';
import { translator } from '../../views/i18n/index.js';
import { ErrorResponse } from '../api/api.schema.js';
import { LevelSchema } from '../organisations/organisations.schema.js';
import { viewerOf } from '../members/members.service.js';
import { Slug } from '../communities/communities.schema.js';
import { presentResult, SearchResultOut } from './search.present.js';
import { communityChoices, SEARCH_TYPES, visibleCommunityBySlug } from './search.repo.js';
import { MAX_PAGE_SIZE, PERIODS, search, similarQuestions, type SearchStatus } from './search.service.js';
import { SearchPage, SimilarQuestions } from './search.views.js';
import { renderToString } from 'preact-render-to-string';

/** Longer input is cut before parsing (the parser reads MAX_QUERY_CHARS and says so). */
const PAGE_INPUT_CHARS = 2000;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const PageQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: PAGE_INPUT_CHARS })),
  typ: Type.Optional(literals(SEARCH_TYPES)),
  community: Type.Optional(Slug),
  ebene: Type.Optional(LevelSchema),
  zeitraum: Type.Optional(literals(PERIODS)),
  sortierung: Type.Optional(literals(['relevanz', 'datum'] as const)),
  nach: Type.Optional(Type.String({ maxLength: 400 })),
});

const ApiQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: PAGE_INPUT_CHARS, description: 'Words, "phrases" and -exclusions; the first 200 characters and 8 terms count' }),
  type: Type.Optional(literals(SEARCH_TYPES)),
  community: Type.Optional(Slug),
  level: Type.Optional(LevelSchema),
  period: Type.Optional(literals(PERIODS)),
  sort: Type.Optional(literals(['relevance', 'date'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
});

const SearchAnswer = Type.Object({
  status: Type.Union(['ok', 'empty', 'noWords', 'onlyCommon', 'onlyExcluded'].map((s) => Type.Literal(s)), { description: 'ok, or why nothing was searched' }),
  message: Type.Union([Type.String(), Type.Null()], { description: 'What to try instead, when nothing was searched or found' }),
  query: Type.String({ description: 'The query as it was read' }),
  truncated: Type.Boolean({ description: 'The query was cut (too long or too many terms)' }),
  correctedQuery: Type.Union([Type.String(), Type.Null()], { description: 'When the query found nothing: the corrected spelling whose results these are' }),
  total: Type.Integer({ description: 'Results the caller may read, at most 1000' }),
  totalCapped: Type.Boolean({ description: 'There are more than `total` results' }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page' }),
  items: Type.Array(SearchResultOut),
});

const SimilarQuery = Type.Object({
  title: Type.String({ maxLength: PAGE_INPUT_CHARS }),
  community: Type.Optional(Slug),
});
const SimilarAnswer = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), title: Type.String(), communityName: Type.String(), answered: Type.Boolean(), replyCount: Type.Integer(), createdAt: Type.String({ format: 'date-time' }) })),
});

export async function searchRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;

  app.get('/suche', { config: { access: 'inside' } }, async (request, reply) => {
    const raw = { ...((request.query ?? {}) as Record<string, unknown>) };
    if (typeof raw.q === 'string') raw.q = raw.q.slice(0, PAGE_INPUT_CHARS);
    const query = readLenient(PageQuery, raw);
    const viewer = viewerOf(request.actor);
    const [outcome, communities] = await Promise.all([
      search(db, viewer, {
        q: query.q ?? '',
        type: query.typ,
        community: query.community,
        level: query.ebene,
        period: query.zeitraum,
        sort: query.sortierung === 'datum' ? 'date' : 'relevance',
        cursor: query.nach,
      }),
      communityChoices(db, viewer),
    ]);
    const values = Object.fromEntries(Object.entries(query).filter(([k, v]) => typeof v === 'string' && k !== 'nach')) as Record<string, string>;
    values.q = outcome.query.text;
    return sendPage(reply, h(SearchPage, { ctx: viewContext(request, reply), form: { values, errors: {} }, outcome, communities }));
  });

  // The similar questions as an HTML fragment, for the question form's script (assets/js/app.js).
  app.get('/suche/aehnliche-fragen', { config: { access: 'inside' } }, async (request, reply) => {
    const query = readLenient(SimilarQuery, request.query);
    const viewer = viewerOf(request.actor);
    const community = query.community ? await visibleCommunityBySlug(db, viewer, query.community) : undefined;
    const questions = await similarQuestions(db, viewer, query.title ?? '', community?.id ?? null);
    const html = renderToString(h(SimilarQuestions, { ctx: viewContext(request, reply), questions, checked: false }));
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get(
    '/api/v1/search',
    {
      config: { access: 'inside' },
      schema: {
        tags: ['search'],
        summary: 'Search discussions, questions, practice examples, replies, communities, events, members and organisations the caller may read',
        querystring: ApiQuery,
        response: { 200: SearchAnswer, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query as typeof ApiQuery.static;
      const outcome = await search(db, viewerOf(request.actor), { ...query, q: query.q });
      if (outcome.status === 'unknownCommunity') throw new AppError('not_found');
      const t = translator(request.lang);
      const status = outcome.status as Exclude<SearchStatus, 'unknownCommunity'>;
      const message = status !== 'ok' ? t(`search.status.${status}`) : outcome.total === 0 ? t('search.none.spelling') : null;
      return {
        status,
        message,
        query: outcome.query.text,
        truncated: outcome.query.truncated,
        correctedQuery: outcome.correctedText,
        total: outcome.total,
        totalCapped: outcome.capped,
        next: outcome.next,
        items: outcome.items.map((row) => presentResult(config, row)),
      };
    },
  );

  app.get(
    '/api/v1/search/similar-questions',
    {
      config: { access: 'inside' },
      schema: {
        tags: ['search'],
        summary: 'Questions the caller may read that resemble a title being written',
        querystring: SimilarQuery,
        response: { 200: SimilarAnswer, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const query = request.query as typeof SimilarQuery.static;
      const viewer = viewerOf(request.actor);
      const community = query.community ? await visibleCommunityBySlug(db, viewer, query.community) : undefined;
      const items = await similarQuestions(db, viewer, query.title, community?.id ?? null);
      return { items: items.map((q) => ({ ...q, url: new URL(`/beitraege/${q.id}`, config.baseUrl).toString(), createdAt: q.createdAt.toISOString() })) };
    },
  );
}
