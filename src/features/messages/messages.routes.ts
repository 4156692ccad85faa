/**
 * Pages of direct messages (/nachrichten…) and the office's list of reported messages
 * (/geschaeftsstelle/nachrichten). Everything works without JavaScript; forms with errors
 * answer 422 with the message at the field and everything typed kept. A conversation that is
 * not the viewer's is 404, like one that does not exist.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { Text } from '../api/api.schema.js';
import * as repo from './messages.repo.js';
import * as service from './messages.service.js';
import { ConversationListPage, ConversationPage, NewMessagePage, OfficeReportsPage, ReportPage } from './messages.views.js';

const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const inside = { config: { access: 'inside' as const } };
const office = { config: { access: 'office' as const } };
const IdParams = { params: Type.Object({ id: Id }) };
const ReportParams = { params: Type.Object({ id: Id, messageId: Id }) };

export const BodyForm = Type.Object({ body: Text(repo.MAX_BODY, { required: true }) });
export const ReportForm = Type.Object({ reason: Text(repo.MAX_REASON, { required: true }) });

/** A cursor from the query string; anything else is the first page. */
function cursorOf(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 400 ? value : undefined;
}

/** Refusals (blocked, not allowed) are shown at the field like any other form error. */
async function refusalsAtField<T>(act: () => Promise<T>, field = 'body'): Promise<T> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'message_blocked' || error.code === 'message_not_allowed')) {
      const key: MessageKey = Object.values(error.fields)[0] ?? error.messageKey;
      throw new AppError('validation_failed', { [field]: key });
    }
    throw error;
  }
}

export async function messagesRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const messageDeps: service.MessageDeps = { db, jobs: deps.jobs, config: deps.config };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  // --- My conversations ----------------------------------------------------------------------
  app.get('/nachrichten', inside, async (request, reply) => {
    const viewer = service.messageViewer(request.actor);
    const cursor = cursorOf(request, 'nach');
    const [page, counts] = await Promise.all([repo.listConversations(db, viewer, { cursor }), repo.conversationCounts(db, viewer)]);
    return sendPage(reply, h(ConversationListPage, { ctx: viewContext(request, reply), items: page.items, counts, next: page.nextCursor, paged: cursor !== undefined }));
  });

  // --- The first message to a person ----------------------------------------------------------
  const newPage =
    (person: { id: string; name: string }, refusal: Awaited<ReturnType<typeof service.refusalFor>>): FormPage =>
    (ctx, form) =>
      h(NewMessagePage, { ctx, person, form, refusal });

  app.get('/nachrichten/neu', { ...inside, schema: { querystring: Type.Object({ an: Id }) } }, async (request, reply) => {
    const { an } = request.query as { an: string };
    const person = await service.loadRecipient(db, request.actor, an);
    const existing = await repo.conversationWith(db, service.messageViewer(request.actor), person.id);
    if (existing) return reply.redirect(`/nachrichten/${existing}`, 303);
    return showForm(request, reply, newPage(person, await service.refusalFor(db, request.actor, person.id)), emptyForm);
  });

  app.post('/nachrichten/neu', inside, async (request, reply) => {
    const raw = (request.body as Record<string, unknown> | undefined)?.an;
    if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(raw)) throw new AppError('bad_request');
    const person = await service.loadRecipient(db, request.actor, raw);
    return submitForm(request, reply, BodyForm, newPage(person, null), async (form) => {
      const sent = await refusalsAtField(() => service.startConversation(messageDeps, request.actor, person.id, form.body));
      return redirectAfterPost(reply, `/nachrichten/${sent.conversationId}#nachricht-${sent.messageId}`, { kind: 'success', key: 'messages.flash.sent' });
    });
  });

  // --- One conversation ----------------------------------------------------------------------
  async function conversationPage(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const conversation = await service.loadConversation(db, request.actor, idOf(request));
    const viewer = service.messageViewer(request.actor);
    const cursor = cursorOf(request, 'vor');
    const page = await repo.listMessages(db, viewer, conversation.id, { cursor });
    // Opening the conversation (its newest messages) marks it read.
    if (!cursor) await repo.markRead(db, conversation.id, viewer.id);
    return sendPage(
      reply,
      h(ConversationPage, {
        ctx: viewContext(request, reply),
        conversation,
        messages: [...page.items].reverse(),
        older: page.nextCursor,
        paged: cursor !== undefined,
        refusal: service.conversationRefusal(conversation),
        form,
      }),
    );
  }

  app.get('/nachrichten/:id', { ...inside, schema: IdParams }, async (request, reply) => conversationPage(request, reply, emptyForm));

  /** The conversation page as a view, for the reply form shown again with errors (fresh state). */
  async function conversationView(request: FastifyRequest, ctx: Parameters<FormPage>[0], form: FormState) {
    const conversation = await service.loadConversation(db, request.actor, idOf(request));
    const page = await repo.listMessages(db, service.messageViewer(request.actor), conversation.id, {});
    return h(ConversationPage, { ctx, conversation, messages: [...page.items].reverse(), older: page.nextCursor, paged: false, refusal: service.conversationRefusal(conversation), form });
  }

  app.post('/nachrichten/:id', { ...inside, schema: IdParams }, async (request, reply) => {
    const conversation = await service.loadConversation(db, request.actor, idOf(request));
    return submitForm(request, reply, BodyForm, (ctx, form) => conversationView(request, ctx, form), async (form) => {
      const sent = await refusalsAtField(() => service.sendMessage(messageDeps, request.actor, conversation.id, form.body));
      return redirectAfterPost(reply, `/nachrichten/${conversation.id}#nachricht-${sent.messageId}`, { kind: 'success', key: 'messages.flash.sent' });
    });
  });

  app.post('/nachrichten/:id/blockieren', { ...inside, schema: IdParams }, async (request, reply) => {
    await service.blockInConversation(db, request.actor, idOf(request));
    return redirectAfterPost(reply, `/nachrichten/${idOf(request)}`, { kind: 'success', key: 'messages.flash.blocked' });
  });

  app.post('/nachrichten/:id/freigeben', { ...inside, schema: IdParams }, async (request, reply) => {
    await service.unblockInConversation(db, request.actor, idOf(request));
    return redirectAfterPost(reply, `/nachrichten/${idOf(request)}`, { kind: 'success', key: 'messages.flash.unblocked' });
  });

  // --- Reporting a message -------------------------------------------------------------------
  async function reportPage(request: FastifyRequest): Promise<FormPage> {
    const { id, messageId } = request.params as { id: string; messageId: string };
    const { conversation, message } = await service.loadReportable(db, request.actor, id, messageId);
    return (ctx, form) => h(ReportPage, { ctx, conversation, message, form });
  }

  app.get('/nachrichten/:id/melden/:messageId', { ...inside, schema: ReportParams }, async (request, reply) => showForm(request, reply, await reportPage(request), emptyForm));

  app.post('/nachrichten/:id/melden/:messageId', { ...inside, schema: ReportParams }, async (request, reply) => {
    const { id, messageId } = request.params as { id: string; messageId: string };
    return submitForm(request, reply, ReportForm, await reportPage(request), async (form) => {
      await service.reportMessage(messageDeps, request.actor, id, messageId, form.reason);
      return redirectAfterPost(reply, `/nachrichten/${id}#nachricht-${messageId}`, { kind: 'success', key: 'messages.flash.reported' });
    });
  });

  // --- The office: reported messages ---------------------------------------------------------
  app.get('/geschaeftsstelle/nachrichten', { ...office, schema: { querystring: Type.Object({ offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) }) } }, async (request, reply) => {
    const offset = (request.query as { offset?: number }).offset ?? 0;
    const page = await service.openReports(db, request.actor, offset);
    return sendPage(reply, h(OfficeReportsPage, { ctx: viewContext(request, reply), page, offset }));
  });

  for (const [path, decision, flash] of [
    ['erledigt', 'resolved', 'messages.office.flash.resolved'],
    ['verworfen', 'dismissed', 'messages.office.flash.dismissed'],
  ] as const) {
    app.post(`/geschaeftsstelle/nachrichten/:id/${path}`, { ...office, schema: IdParams }, async (request, reply) => {
      await service.decideReport(db, request.actor, idOf(request), decision);
      return redirectAfterPost(reply, '/geschaeftsstelle/nachrichten', { kind: 'success', key: flash });
    });
  }
}
