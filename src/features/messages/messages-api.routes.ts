/**
 * The JSON API of direct messages: the caller's conversations, starting one (or continuing the
 * existing one with that person), its messages, and sending. For people inside (verified
 * members and partners); errors are `{ code, message }`: 400 for a bad query, 404 for a
 * conversation or person that does not exist for the caller, 409 when a block stops the
 * message, 403 when the caller may not write to that person, 422 for an invalid body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { ErrorResponse, Text } from '../api/api.schema.js';
import { schemaError } from '../communities/communities-api.routes.js';
import { ConversationOut, MessageOut, presentConversation, presentMessage } from './messages.present.js';
import * as repo from './messages.repo.js';
import * as service from './messages.service.js';

const tags = ['messages'];
const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<number, TSchema>;
const readErrors = errors(400, 401, 403, 404);
const writeErrors = errors(400, 401, 403, 404, 409, 422, 429);

const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const IdParams = Type.Object({ id: Id });
const Body = Text(repo.MAX_BODY, { required: true, description: 'Plain text, 1 to 10,000 characters' });
const PageQuery = (max: number) =>
  Type.Object({
    cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max })),
  });
const ConversationQuery = PageQuery(repo.MAX_CONVERSATION_PAGE_SIZE);
const MessageQuery = PageQuery(repo.MAX_MESSAGE_PAGE_SIZE);
const ConversationIn = Type.Object({ recipientId: Id, body: Body }, { additionalProperties: false });
const MessageIn = Type.Object({ body: Body }, { additionalProperties: false });
const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function messagesApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const messageDeps: service.MessageDeps = { db, jobs: deps.jobs, config };
  app.setSchemaErrorFormatter((errs, dataVar) => schemaError(errs, dataVar));

  // Reads with a token need 'read' (writes need 'write', checked for every route by the HTTP foundation).
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (SAFE.has(request.method) && actor.kind === 'user' && actor.via === 'token' && !actor.scopes.includes('read')) throw new AppError('forbidden');
  });

  const route = <S extends Record<string, unknown>>(schema: S) => ({ config: { access: 'inside' as const }, schema: { tags, ...schema } });
  const me = (request: FastifyRequest) => service.messageViewer(request.actor).id;

  async function conversationOut(request: FastifyRequest, id: string): Promise<ConversationOut> {
    const viewer = service.messageViewer(request.actor);
    const found = await repo.listConversations(db, viewer, { id, limit: 1 });
    const item = found.items[0];
    if (!item) throw new AppError('not_found');
    return presentConversation(config.baseUrl, viewer.id, item);
  }

  app.get(
    '/api/v1/conversations',
    route({ summary: 'The caller’s conversations, newest activity first', querystring: ConversationQuery, response: { 200: PageOf(ConversationOut), ...readErrors } }),
    async (request) => {
      const q = request.query as Static<typeof ConversationQuery>;
      const viewer = service.messageViewer(request.actor);
      const page = await repo.listConversations(db, viewer, { cursor: q.cursor, limit: q.limit });
      return { items: page.items.map((c) => presentConversation(config.baseUrl, viewer.id, c)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/conversations',
    route({
      summary: 'Write to a person: starts the conversation with them, or continues the existing one (201 when it was created, 200 when it existed)',
      body: ConversationIn,
      response: { 200: ConversationOut, 201: ConversationOut, ...writeErrors },
    }),
    async (request, reply) => {
      const body = request.body as Static<typeof ConversationIn>;
      const sent = await service.startConversation(messageDeps, request.actor, body.recipientId, body.body);
      const out = await conversationOut(request, sent.conversationId);
      if (sent.created) return reply.code(201).header('location', `/api/v1/conversations/${sent.conversationId}/messages`).send(out);
      return out;
    },
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    route({ summary: 'Messages of a conversation, newest first; the first page marks the conversation read', params: IdParams, querystring: MessageQuery, response: { 200: PageOf(MessageOut), ...readErrors } }),
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const q = request.query as Static<typeof MessageQuery>;
      const conversation = await service.loadConversation(db, request.actor, id);
      const viewer = service.messageViewer(request.actor);
      const page = await repo.listMessages(db, viewer, conversation.id, { cursor: q.cursor, limit: q.limit });
      if (!q.cursor) await repo.markRead(db, conversation.id, viewer.id);
      return { items: page.items.map((m) => presentMessage(viewer.id, conversation.id, m)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    route({ summary: 'Send a message in a conversation', params: IdParams, body: MessageIn, response: { 201: MessageOut, ...writeErrors } }),
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const sent = await service.sendMessage(messageDeps, request.actor, id, (request.body as Static<typeof MessageIn>).body);
      const message = await repo.getMessage(db, sent.conversationId, sent.messageId);
      if (!message) throw new AppError('not_found');
      return reply.code(201).send(presentMessage(me(request), sent.conversationId, message));
    },
  );
}
