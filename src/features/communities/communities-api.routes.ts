/**
 * The JSON API of communities: communities and memberships, members, posts, replies, accepted
 * answers, helpful marks, follows, bookmarks and reports. Every route is open to members and
 * partners ('inside'); the use cases and the policy decide the rest (404 where something does
 * not exist for the caller, 403 where they see it but may not act). Answers are built by the
 * presenters in communities.present.ts.
 */
import type { FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { tagSlug } from '../../lib/tags.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { ErrorResponse, Text } from '../api/api.schema.js';
import { viewerOf } from '../members/members.service.js';
import * as policy from './communities.policy.js';
import * as repo from './communities.repo.js';
import * as service from './communities.service.js';
import * as moderation from './moderation.service.js';
import * as postsRepo from './posts.repo.js';
import * as posts from './posts.service.js';
import { Id, Slug } from './communities.schema.js';
import {
  AcceptAnswer,
  CommunityDetail,
  CommunityPerson,
  CommunitySummary,
  ExampleStatusSchema,
  HelpfulAnswer,
  MembershipAnswer,
  Page,
  PostDetail,
  PostSummary,
  PostTypeSchema,
  ReplyOut,
  ReportAnswer,
  presentCommunityDetail,
  presentCommunityPerson,
  presentCommunitySummary,
  presentNewReply,
  presentPostDetail,
  presentPostSummary,
  presentReply,
} from './communities.present.js';

// --- Request schemas ---------------------------------------------------------------------------

const SlugParams = Type.Object({ slug: Slug });
const IdParams = Type.Object({ id: Id });
const Cursor = Type.String({ maxLength: 400 });
const Limit = Type.Integer({ minimum: 1, maximum: 50 });

export const CommunityListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  mine: Type.Optional(Type.Boolean({ description: 'Only communities the caller is an active member of' })),
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Limit),
});

const MembersQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('requested'), Type.Literal('invited')], { description: 'requested and invited: leads and the office only' })),
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Limit),
});

const PostListQuery = Type.Object({
  type: Type.Optional(PostTypeSchema),
  answered: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered')], { description: 'Questions only: without or with an accepted answer' })),
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Limit),
});

const PageQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) });

const JoinBody = Type.Union([Type.Object({ message: Type.Optional(Text(1000, { description: 'For the leads, with a request to join' })) }, { additionalProperties: false }), Type.Null()]);

const ExampleIn = Type.Object(
  {
    problem: Text(5000, { required: true }),
    solution: Text(5000, { required: true }),
    status: ExampleStatusSchema,
    contactId: Type.Optional(Id),
    materials: Type.Optional(Text(5000)),
    reuse: Type.Optional(Text(5000)),
  },
  { additionalProperties: false },
);

const ExamplePatch = Type.Partial(ExampleIn, { additionalProperties: false });

const Tags = Text(300, { description: 'Comma-separated, at most 5' });

export const PostCreate = Type.Object(
  {
    type: PostTypeSchema,
    title: Text(200, { required: true, minLength: 3 }),
    body: Text(20000, { required: true, description: 'Markdown' }),
    tags: Type.Optional(Tags),
    example: Type.Optional(ExampleIn),
  },
  { additionalProperties: false },
);
type PostCreate = Static<typeof PostCreate>;

export const PostPatch = Type.Object(
  {
    title: Type.Optional(Text(200, { required: true, minLength: 3 })),
    body: Type.Optional(Text(20000, { required: true, description: 'Markdown' })),
    tags: Type.Optional(Tags),
    example: Type.Optional(ExamplePatch),
  },
  { additionalProperties: false, minProperties: 1 },
);
type PostPatch = Static<typeof PostPatch>;

const ReplyCreate = Type.Object({ body: Text(20000, { required: true, description: 'Markdown' }), quoteReplyId: Type.Optional(Id) }, { additionalProperties: false });
const ReportCreate = Type.Object({ reason: Text(1000, { required: true, minLength: 3 }), replyId: Type.Optional(Id) }, { additionalProperties: false });

// --- Answers -------------------------------------------------------------------------------------

const NoContent = Type.Null({ description: 'No content' });
const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<number, TSchema>;
const readErrors = errors(400, 401, 403, 404);
const writeErrors = errors(400, 401, 403, 404, 409, 422, 429);

// --- Helpers -------------------------------------------------------------------------------------

const tags = ['communities'];

/** Schema errors as the API's errors: the body is 422 with fields, anything else 400. */
export function schemaError(errs: FastifySchemaValidationError[], part: string): AppError {
  const fields: Record<string, MessageKey> = {};
  for (const e of errs) {
    const name = e.instancePath.split('/').filter(Boolean).join('.');
    if (!name || fields[name]) continue;
    fields[name] = /required/i.test(e.message ?? '') ? 'form.required' : 'form.invalid';
  }
  return new AppError(part === 'body' ? 'validation_failed' : 'bad_request', fields);
}

/** Minimum lengths count characters as PostgreSQL does (an emoji is one character, not two). */
function assertMinLength(name: 'title' | 'reason', value: string | undefined, min: number): void {
  if (value !== undefined && [...value.trim()].length < min) throw new AppError('validation_failed', { [name]: name === 'title' ? 'communitiesApi.error.title' : 'communitiesApi.error.reason' });
}

function userId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function communitiesApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;

  app.setSchemaErrorFormatter((errs, dataVar) => schemaError(errs, dataVar));

  // Writes with a token need 'write' (checked for every route by the HTTP foundation); reads need 'read'.
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (SAFE.has(request.method) && actor.kind === 'user' && actor.via === 'token' && !actor.scopes.includes('read')) throw new AppError('forbidden');
  });

  const route = <S extends Record<string, unknown>>(schema: S) => ({ config: { access: 'inside' as const }, schema: { tags, ...schema } });
  const params = <T>(request: FastifyRequest) => request.params as T;

  async function postDetail(actor: Actor, id: string) {
    return presentPostDetail(config, actor, await posts.loadPost(db, actor, id));
  }

  // --- Communities --------------------------------------------------------------------------
  app.get(
    '/api/v1/communities',
    route({ summary: 'Communities that exist for the caller, by name', querystring: CommunityListQuery, response: { 200: Page(CommunitySummary), ...readErrors } }),
    async (request) => {
      const q = request.query as Static<typeof CommunityListQuery>;
      const result = await repo.listCommunities(db, viewerOf(request.actor), {
        q: q.q?.trim() || undefined,
        topic: q.topic ? tagSlug(q.topic) || undefined : undefined,
        mine: q.mine === true,
        cursor: q.cursor,
        limit: q.limit,
      });
      return { items: result.items.map((row) => presentCommunitySummary(config, row)), total: result.total, nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/communities/:slug',
    route({ summary: 'A community, with its guidelines, leads and what the caller may do there', params: SlugParams, response: { 200: CommunityDetail, ...readErrors } }),
    async (request) => {
      const community = await service.loadCommunity(db, request.actor, params<{ slug: string }>(request).slug);
      return presentCommunityDetail(config, request.actor, community, community.leads);
    },
  );

  app.post(
    '/api/v1/communities/:slug/membership',
    route({
      summary: 'Join an open community, ask to join one on request, or accept an invitation',
      description: '201 when the membership or request is new, 200 when it already existed.',
      params: SlugParams,
      body: JoinBody,
      response: { 200: MembershipAnswer, 201: MembershipAnswer, ...writeErrors },
    }),
    async (request, reply) => {
      const { slug } = params<{ slug: string }>(request);
      const before = await service.loadCommunity(db, request.actor, slug);
      const message = (request.body as { message?: string } | null)?.message?.trim() || undefined;
      const outcome = await service.joinCommunity(deps, request.actor, slug, message);
      const existed = before.membership?.status === 'active' || before.membership?.status === 'requested';
      return reply.code(existed ? 200 : 201).send({ status: outcome === 'joined' ? 'active' : 'requested' });
    },
  );

  app.delete(
    '/api/v1/communities/:slug/membership',
    route({ summary: 'Leave, withdraw a request or decline an invitation (the last lead cannot leave)', params: SlugParams, response: { 204: NoContent, ...writeErrors } }),
    async (request, reply) => {
      await service.leaveCommunity(db, request.actor, params<{ slug: string }>(request).slug);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/communities/:slug/members',
    route({ summary: 'Members of a community whose content the caller may read; leads first, then by name', params: SlugParams, querystring: MembersQuery, response: { 200: Page(CommunityPerson), ...readErrors } }),
    async (request) => {
      const { actor } = request;
      const community = await service.loadCommunity(db, actor, params<{ slug: string }>(request).slug);
      if (!policy.canReadCommunity(actor, community, community.membership)) throw new AppError('forbidden');
      const q = request.query as Static<typeof MembersQuery>;
      const status = q.status ?? 'active';
      if (status !== 'active' && !policy.canModerate(actor, community.membership)) throw new AppError('forbidden');
      const result = await repo.listCommunityMembers(db, viewerOf(actor), community.id, { status, cursor: q.cursor, limit: q.limit });
      return { items: result.items.map((row) => presentCommunityPerson(config, row)), total: result.total, nextCursor: result.nextCursor };
    },
  );

  // --- Posts -----------------------------------------------------------------------------------
  app.get(
    '/api/v1/communities/:slug/posts',
    route({ summary: 'Posts of a community, newest activity first', params: SlugParams, querystring: PostListQuery, response: { 200: Page(PostSummary), ...readErrors } }),
    async (request) => {
      const { actor } = request;
      const community = await service.loadCommunity(db, actor, params<{ slug: string }>(request).slug);
      if (!policy.canReadCommunity(actor, community, community.membership)) throw new AppError('forbidden');
      const q = request.query as Static<typeof PostListQuery>;
      const result = await postsRepo.listPosts(db, viewerOf(actor), { communityId: community.id, type: q.type, answered: q.answered, cursor: q.cursor, limit: q.limit });
      return { items: result.items.map((row) => presentPostSummary(config, row)), total: result.total, nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/v1/communities/:slug/posts',
    route({
      summary: 'Write a post; `example` is required for practice examples, announcements are for leads',
      params: SlugParams,
      body: PostCreate,
      response: { 201: PostDetail, ...writeErrors },
    }),
    async (request, reply) => {
      const body = request.body as PostCreate;
      assertMinLength('title', body.title, 3);
      const id = await posts.createPost(deps, request.actor, params<{ slug: string }>(request).slug, {
        type: body.type,
        title: body.title.trim(),
        body: body.body,
        tags: body.tags,
        example: body.type === 'example' && body.example ? { ...body.example, contactId: body.example.contactId ?? null } : undefined,
      });
      return reply.code(201).send(await postDetail(request.actor, id));
    },
  );

  app.get(
    '/api/v1/posts/:id',
    route({ summary: 'A post, with its practice-example fields, tags and the caller’s marks', params: IdParams, response: { 200: PostDetail, ...readErrors } }),
    async (request) => postDetail(request.actor, params<{ id: string }>(request).id),
  );

  app.patch(
    '/api/v1/posts/:id',
    route({ summary: 'Edit one’s own post; absent fields stay as they are, the previous version goes to the history', params: IdParams, body: PostPatch, response: { 200: PostDetail, ...writeErrors } }),
    async (request) => {
      const { actor } = request;
      const { id } = params<{ id: string }>(request);
      const patch = request.body as PostPatch;
      assertMinLength('title', patch.title, 3);
      const { post, membership } = await posts.loadPost(db, actor, id);
      if (!policy.canEdit(actor, post, Boolean(post.lockedAt), membership)) throw new AppError('forbidden');
      if (patch.example && post.type !== 'example') throw new AppError('validation_failed', { example: 'communitiesApi.error.exampleOnly' });
      const example: posts.ExampleInput | undefined =
        post.type === 'example'
          ? {
              problem: patch.example?.problem ?? post.problem ?? '',
              solution: patch.example?.solution ?? post.solution ?? '',
              status: patch.example?.status ?? post.exampleStatus ?? 'idea',
              contactId: patch.example?.contactId ?? post.contactId,
              materials: patch.example?.materials ?? post.materials ?? '',
              reuse: patch.example?.reuse ?? post.reuse ?? '',
            }
          : undefined;
      await posts.editPost(deps, actor, id, { title: patch.title?.trim() ?? post.title, body: patch.body ?? post.body, tags: patch.tags, example });
      return postDetail(actor, id);
    },
  );

  app.delete(
    '/api/v1/posts/:id',
    route({ summary: 'Delete a post: authors their own, leads and the office any in the community', params: IdParams, response: { 204: NoContent, ...writeErrors } }),
    async (request, reply) => {
      await posts.deletePost(db, request.actor, params<{ id: string }>(request).id);
      return reply.code(204).send();
    },
  );

  // --- Replies -----------------------------------------------------------------------------------
  app.get(
    '/api/v1/posts/:id/replies',
    route({ summary: 'Replies to a post, oldest first', params: IdParams, querystring: PageQuery, response: { 200: Page(ReplyOut), ...readErrors } }),
    async (request) => {
      const { post } = await posts.loadPost(db, request.actor, params<{ id: string }>(request).id);
      const q = request.query as Static<typeof PageQuery>;
      const result = await postsRepo.listReplies(db, viewerOf(request.actor), { id: post.id, communityId: post.communityId }, { cursor: q.cursor, limit: q.limit });
      return { items: result.items.map((row) => presentReply(row, post)), total: result.total, nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/v1/posts/:id/replies',
    route({ summary: 'Reply to a post, optionally quoting another reply to it', params: IdParams, body: ReplyCreate, response: { 201: ReplyOut, ...writeErrors } }),
    async (request, reply) => {
      const { id: postId } = params<{ id: string }>(request);
      const body = request.body as Static<typeof ReplyCreate>;
      const id = await posts.createReply(deps, request.actor, postId, { body: body.body, quoteReplyId: body.quoteReplyId });
      const [created, quote] = await Promise.all([postsRepo.getReply(db, id), body.quoteReplyId ? postsRepo.getReply(db, body.quoteReplyId) : undefined]);
      if (!created) throw new AppError('not_found');
      return reply.code(201).send(presentNewReply(created, quote ?? null, { id: postId, acceptedReplyId: null }));
    },
  );

  for (const [method, accept] of [['post', true], ['delete', false]] as const) {
    app[method](
      '/api/v1/replies/:id/accept',
      route({
        summary: accept ? 'Accept a reply as the answer to a question (the asker, leads and the office)' : 'Take back the accepted answer',
        params: IdParams,
        response: { 200: AcceptAnswer, ...writeErrors },
      }),
      async (request) => {
        const { postId } = await posts.acceptReply(deps, request.actor, params<{ id: string }>(request).id, accept);
        const post = await postsRepo.getPost(db, postId, userId(request.actor));
        return { postId, acceptedReplyId: post?.acceptedReplyId ?? null };
      },
    );
  }

  // --- Marks -------------------------------------------------------------------------------------
  for (const kind of ['post', 'reply'] as const) {
    for (const [method, on] of [['post', true], ['delete', false]] as const) {
      app[method](
        `/api/v1/${kind === 'post' ? 'posts' : 'replies'}/:id/helpful`,
        route({ summary: on ? `Mark a ${kind} as helpful (once per member, never one’s own)` : `Take back the helpful mark on a ${kind}`, params: IdParams, response: { 200: HelpfulAnswer, ...writeErrors } }),
        async (request) => {
          const { helpfulCount } = await posts.setHelpful(db, request.actor, { kind, id: params<{ id: string }>(request).id }, on);
          return { helpfulCount, helpful: on };
        },
      );
    }
  }

  for (const mark of ['follow', 'bookmark'] as const) {
    for (const [method, on] of [['post', true], ['delete', false]] as const) {
      app[method](
        `/api/v1/posts/:id/${mark}`,
        route({ summary: `${on ? 'Set' : 'Remove'} the caller’s ${mark === 'follow' ? 'follow of' : 'bookmark on'} a post`, params: IdParams, response: { 204: NoContent, ...writeErrors } }),
        async (request, reply) => {
          const { id } = params<{ id: string }>(request);
          if (mark === 'follow') await posts.setPostFollow(db, request.actor, id, on);
          else await posts.setBookmark(db, request.actor, id, on);
          return reply.code(204).send();
        },
      );
    }
  }

  // --- Reports -----------------------------------------------------------------------------------
  app.post(
    '/api/v1/posts/:id/reports',
    route({ summary: 'Report a post or one of its replies to the leads; one open report per person and text', params: IdParams, body: ReportCreate, response: { 202: ReportAnswer, ...writeErrors } }),
    async (request, reply) => {
      const body = request.body as Static<typeof ReportCreate>;
      assertMinLength('reason', body.reason, 3);
      await moderation.report(deps, request.actor, { postId: params<{ id: string }>(request).id, replyId: body.replyId }, body.reason.trim());
      return reply.code(202).send({ status: 'received' as const });
    },
  );
}
