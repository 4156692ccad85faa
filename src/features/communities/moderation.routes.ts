/**
 * Moderation pages: the report queue (/moderation) for leads and the office; hiding, locking,
 * pinning and moving posts; hiding replies; and the report form for everyone who reads a post.
 * The services check visibility (404) and the lead role (403) and write the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type, type Static } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readForm } from '../../http/forms.js';
import { showForm, submitForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm } from '../../views/components/forms.js';
import { ErrorPage } from '../../views/error-page.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { isOffice } from '../accounts/accounts.policy.js';
import * as policy from './communities.policy.js';
import * as moderation from './moderation.service.js';
import { loadPost, loadReply, type LoadedPost } from './posts.service.js';
import type { PostRow } from './posts.repo.js';
import { HidePage, MovePage, ReportPage, ReportQueuePage, postHref, type PostSummary, type ReplySummary } from './moderation.views.js';

const ID_PATTERN = '^[A-Za-z0-9_-]+$';
const idPattern = new RegExp(ID_PATTERN);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40, pattern: ID_PATTERN }) });
type IdParams = Static<typeof IdParams>;

const QueueQuery = Type.Object({
  community: Type.Optional(Type.String({ maxLength: 60 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
});
type QueueQuery = Static<typeof QueueQuery>;

/** `?antwort=` names the reply being reported; empty means the post. */
const ReportQuery = Type.Object({ antwort: Type.Optional(Type.String({ maxLength: 40 })) });
type ReportQuery = Static<typeof ReportQuery>;

const OutcomeForm = Type.Object({ outcome: Type.Union([Type.Literal('resolved'), Type.Literal('dismissed')]) });
const postActions = ['lock', 'unlock', 'pin', 'unpin', 'unhide'] as const satisfies readonly moderation.PostAction[];
const PostActionForm = Type.Object({ action: Type.Union(postActions.map((a) => Type.Literal(a))) });
const ReasonForm = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) });
const MoveForm = Type.Object({ target: Type.String({ maxLength: 60, errorMessage: 'moderation.error.target' }), confirmWider: Type.Boolean() });
const ReportForm = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }), antwort: Type.Optional(Type.String({ maxLength: 40 })) });

const actionFlash: Record<moderation.PostAction, MessageKey> = {
  lock: 'moderation.post.lock',
  unlock: 'moderation.post.unlock',
  pin: 'moderation.post.pin',
  unpin: 'moderation.post.unpin',
  unhide: 'moderation.post.unhide',
};

const summary = (post: PostRow): PostSummary => ({ id: post.id, title: post.title, communitySlug: post.communitySlug, communityName: post.communityName });
const replySummary = (reply: { id: string; body: string; authorName: string | null }): ReplySummary => ({ id: reply.id, body: reply.body, authorName: reply.authorName });

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * Members who may read the post but do not lead its community get 403 with a page that says
 * who may do this (the general 403 text is about verification, which they have).
 */
function leadsOnly(handler: Handler): Handler {
  return async (request, reply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      return sendPage(reply, h(ErrorPage, { ctx: viewContext(request, reply), status: 403, message: 'moderation.error.notLead' }), 403);
    }
  };
}

/** A reply id from the form or the query; one that cannot be an id is not found. */
function replyIdOf(request: FastifyRequest): string | undefined {
  const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
  const fromBody = typeof body.antwort === 'string' ? body.antwort.trim() : '';
  const value = fromBody || (request.query as ReportQuery).antwort?.trim() || '';
  if (!value) return undefined;
  if (!idPattern.test(value) || value.length > 40) throw new AppError('not_found');
  return value;
}

export async function moderationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const idOf = (request: FastifyRequest) => (request.params as IdParams).id;

  /** The post, if the actor may read it (404) and moderates its community (403). */
  async function moderatedPost(request: FastifyRequest): Promise<LoadedPost> {
    const loaded = await loadPost(db, request.actor, idOf(request));
    if (!policy.canModerate(request.actor, loaded.membership)) throw new AppError('forbidden');
    return loaded;
  }

  async function moderatedReply(request: FastifyRequest) {
    const loaded = await loadReply(db, request.actor, idOf(request));
    if (!policy.canModerate(request.actor, loaded.membership)) throw new AppError('forbidden');
    return loaded;
  }

  // --- The report queue ---------------------------------------------------------------------

  app.get('/moderation', { schema: { querystring: QueueQuery } }, async (request, reply) => {
    const query = request.query as QueueQuery;
    const communities = await moderation.moderatedCommunities(db, request.actor);
    const office = isOffice(request.actor);
    // The queue exists for leads and the office only.
    if (!office && communities.length === 0) throw new AppError('not_found');
    const filter = query.community ? communities.find((c) => c.slug === query.community) : undefined;
    const page = await moderation.listReports(db, request.actor, { communityId: filter?.id, cursor: query.cursor });
    return sendPage(
      reply,
      h(ReportQueuePage, {
        ctx: viewContext(request, reply),
        page,
        cursor: query.cursor || undefined,
        communities: communities.map((c) => ({ slug: c.slug, name: c.name })),
        community: filter?.slug,
        office,
      }),
    );
  });

  app.post('/moderation/meldungen/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const form = readForm(OutcomeForm, request.body);
    if (!form.ok) throw new AppError('bad_request');
    const { outcome } = form.value;
    try {
      await moderation.resolveReport(db, request.actor, idOf(request), outcome);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return redirectAfterPost(reply, '/moderation', { kind: 'info', key: 'moderation.reports.handled' });
      throw error;
    }
    return redirectAfterPost(reply, '/moderation', { kind: 'success', key: outcome === 'resolved' ? 'moderation.reports.resolved' : 'moderation.reports.dismissed' });
  });

  // --- Lock, unlock, pin, unpin, show again -------------------------------------------------

  app.post(
    '/beitraege/:id/moderation',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const form = readForm(PostActionForm, request.body);
      if (!form.ok) throw new AppError('bad_request');
      await moderation.moderatePost(deps, request.actor, idOf(request), form.value.action);
      return redirectAfterPost(reply, postHref(idOf(request)), { kind: 'success', key: actionFlash[form.value.action] });
    }),
  );

  // --- Hide a post or a reply, with a reason its author sees --------------------------------

  const postHidePage =
    (post: PostRow): FormPage =>
    (ctx, form) =>
      h(HidePage, { ctx, post: summary(post), form });

  app.get(
    '/beitraege/:id/ausblenden',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const { post } = await moderatedPost(request);
      return showForm(request, reply, postHidePage(post), { values: { reason: post.hiddenReason ?? '' }, errors: {} });
    }),
  );

  app.post(
    '/beitraege/:id/ausblenden',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const { post } = await moderatedPost(request);
      return submitForm(request, reply, ReasonForm, postHidePage(post), async (form) => {
        await moderation.hideContent(deps, request.actor, { kind: 'post', id: post.id }, form.reason);
        return redirectAfterPost(reply, postHref(post.id), { kind: 'success', key: 'moderation.hide.postHidden' });
      });
    }),
  );

  const replyHidePage =
    (loaded: Awaited<ReturnType<typeof moderatedReply>>): FormPage =>
    (ctx, form) =>
      h(HidePage, { ctx, post: summary(loaded.post), reply: replySummary(loaded.reply), form });

  app.get(
    '/antworten/:id/ausblenden',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const loaded = await moderatedReply(request);
      return showForm(request, reply, replyHidePage(loaded), { values: { reason: loaded.reply.hiddenReason ?? '' }, errors: {} });
    }),
  );

  app.post(
    '/antworten/:id/ausblenden',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const loaded = await moderatedReply(request);
      return submitForm(request, reply, ReasonForm, replyHidePage(loaded), async (form) => {
        await moderation.hideContent(deps, request.actor, { kind: 'reply', id: loaded.reply.id }, form.reason);
        return redirectAfterPost(reply, postHref(loaded.post.id, loaded.reply.id), { kind: 'success', key: 'moderation.hide.replyHidden' });
      });
    }),
  );

  app.post(
    '/antworten/:id/einblenden',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const { postId } = await moderation.hideContent(deps, request.actor, { kind: 'reply', id: idOf(request) }, '', false);
      return redirectAfterPost(reply, postHref(postId, idOf(request)), { kind: 'success', key: 'moderation.hide.replyShown' });
    }),
  );

  // --- Move a post to another community the actor moderates ---------------------------------

  async function movePage(request: FastifyRequest, loaded: LoadedPost) {
    const communities = await moderation.moderatedCommunities(db, request.actor);
    const targets = communities
      .filter((c) => c.id !== loaded.post.communityId)
      .map((c) => ({ slug: c.slug, name: c.name, widens: moderation.audienceWidens(loaded.community, { visibility: c.visibility, status: 'active', partnersAllowed: c.partnersAllowed }) }));
    const page: FormPage = (ctx, form) => h(MovePage, { ctx, post: summary(loaded.post), targets, form });
    return { targets, page };
  }

  app.get(
    '/beitraege/:id/verschieben',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const { page } = await movePage(request, await moderatedPost(request));
      return showForm(request, reply, page, emptyForm);
    }),
  );

  app.post(
    '/beitraege/:id/verschieben',
    { schema: { params: IdParams } },
    leadsOnly(async (request, reply) => {
      const loaded = await moderatedPost(request);
      const { targets, page } = await movePage(request, loaded);
      return submitForm(request, reply, MoveForm, page, async (form) => {
        const { slug } = await moderation.movePost(deps, request.actor, loaded.post.id, form.target, form.confirmWider);
        const name = targets.find((c) => c.slug === slug)?.name ?? slug;
        return redirectAfterPost(reply, postHref(loaded.post.id), { kind: 'success', key: 'moderation.move.moved', params: { name } });
      });
    }),
  );

  // --- Report a post or a reply: everyone who may read it -----------------------------------

  const inside = { config: { access: 'inside' as const } };

  async function reportPage(request: FastifyRequest): Promise<{ post: PostRow; replyId?: string; page: FormPage }> {
    const replyId = replyIdOf(request);
    if (replyId) {
      const loaded = await loadReply(db, request.actor, replyId);
      if (loaded.post.id !== idOf(request)) throw new AppError('not_found');
      return { post: loaded.post, replyId, page: (ctx, form) => h(ReportPage, { ctx, post: summary(loaded.post), reply: replySummary(loaded.reply), form }) };
    }
    const { post } = await loadPost(db, request.actor, idOf(request));
    return { post, page: (ctx, form) => h(ReportPage, { ctx, post: summary(post), form }) };
  }

  app.get('/beitraege/:id/melden', { ...inside, schema: { params: IdParams, querystring: ReportQuery } }, async (request, reply) => {
    const { page } = await reportPage(request);
    return showForm(request, reply, page, emptyForm);
  });

  app.post('/beitraege/:id/melden', { ...inside, schema: { params: IdParams, querystring: ReportQuery } }, async (request, reply) => {
    const { post, replyId, page } = await reportPage(request);
    return submitForm(request, reply, ReportForm, page, async (form) => {
      await moderation.report(deps, request.actor, { postId: post.id, replyId }, form.reason);
      return redirectAfterPost(reply, postHref(post.id, replyId), { kind: 'success', key: 'moderation.report.sent' });
    });
  });
}
