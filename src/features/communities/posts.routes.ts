/** Pages of posts and replies: read, reply (with quote), edit with history, delete, accept, marks. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type, type TObject } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readForm, readLenient } from '../../http/forms.js';
import { showForm, submitForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { PostType } from '../../db/schema.js';
import { withQuery } from '../../views/components/list.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { viewerOf } from '../members/members.service.js';
import * as policy from './communities.policy.js';
import { Id, IdParams as IdParamsSchema } from './communities.schema.js';
import * as repo from './posts.repo.js';
import * as service from './posts.service.js';
import { PostForm, postInputFromForm, ReplyForm, resolveContact } from './posts.schema.js';
import { HistoryPage, PostFormPage, PostPage, ReplyEditPage } from './posts.views.js';

const inside = { config: { access: 'inside' as const } };
const IdParams = { params: IdParamsSchema };

// Schemas are compiled once (forms.ts caches by schema object), never per request.
const toggles = new Map<string, TObject>(['helpful', 'follow', 'bookmark', 'reuse', 'accept'].map((name) => [name, Type.Object({ [name]: Type.Union([Type.Literal('on'), Type.Literal('off')]) })]));
const PostPageQuery = Type.Object({ ab: Type.Optional(Type.String({ maxLength: 400 })), zitat: Type.Optional(Id), antwort: Type.Optional(Id) });

/** Reads an on/off toggle form; anything else is a malformed request. */
function readToggle(request: FastifyRequest, name: string): boolean {
  const form = readForm(toggles.get(name)!, request.body);
  if (!form.ok) throw new AppError('bad_request');
  return (form.value as Record<string, string>)[name] === 'on';
}

export async function postsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  /** The post page with its reply form: for reading, and shown again when a reply has an error. */
  function postPage(request: FastifyRequest): FormPage {
    return async (ctx, replyForm) => {
      const { id } = request.params as { id: string };
      const actor = request.actor;
      const { post, membership, community } = await service.loadPost(db, actor, id);
      const viewer = viewerOf(actor);
      const query = readLenient(PostPageQuery, request.query);
      const postRef = { id: post.id, communityId: post.communityId };
      let [replies, reuses] = await Promise.all([
        repo.listReplies(db, viewer, postRef, { cursor: query.ab }),
        post.type === 'example' ? repo.listReuses(db, post.id) : Promise.resolve([]),
      ]);
      // ?antwort={id} (a search result): the replies from that one on, unless it is on the first page anyway.
      const startsAtReply = Boolean(query.antwort && !query.ab && replies.nextCursor && !replies.items.some((r) => r.id === query.antwort));
      if (startsAtReply) replies = await repo.listReplies(db, viewer, postRef, { fromReplyId: query.antwort });
      const locked = Boolean(post.lockedAt);
      const canReply = policy.canReply(actor, community, membership, locked);
      const quoteId = (typeof replyForm.values.quoteReplyId === 'string' && replyForm.values.quoteReplyId) || query.zitat;
      let quote: { id: string; authorName: string; html: string } | null = null;
      if (quoteId && canReply) {
        const quoted = await repo.getReply(db, quoteId);
        if (quoted && quoted.postId === post.id && policy.canSeeContent(actor, quoted, membership) && !quoted.hiddenAt) {
          quote = { id: quoted.id, authorName: quoted.authorName ?? ctx.t('post.formerMember'), html: renderMarkdown(quoted.body, 300) };
        }
      }
      const md = (text: string | null) => (text ? renderMarkdown(text) : '');
      return h(PostPage, {
        ctx,
        d: {
          post,
          html: { body: md(post.body), problem: md(post.problem), solution: md(post.solution), materials: md(post.materials), reuse: md(post.reuse) },
          replies: { items: replies.items.map((r) => ({ ...r, html: md(r.body), quoteHtml: md(r.quoteBody) })), total: replies.total, moreHref: replies.nextCursor ? withQuery(`/beitraege/${post.id}`, { ab: replies.nextCursor }) : null, firstHref: startsAtReply || query.ab ? `/beitraege/${post.id}` : null },
          reuses,
          viewerId: viewer.id,
          can: {
            reply: canReply,
            contribute: policy.canContribute(actor, community, membership),
            edit: policy.canEdit(actor, post, locked, membership),
            delete: policy.canDelete(actor, post, membership),
            accept: policy.canAccept(actor, post, membership),
            moderate: policy.canModerate(actor, membership),
            history: policy.canSeeHistory(actor, post, membership),
            reuse: post.type === 'example' && policy.canContribute(actor, community, membership) && actor.kind === 'user' && actor.user.role !== 'partner' && post.authorId !== viewer.id && post.contactId !== viewer.id,
          },
          locked,
          quote,
          replyForm,
        },
      });
    };
  }

  app.get('/beitraege/:id', { ...inside, schema: IdParams }, async (request, reply) => showForm(request, reply, postPage(request), emptyForm));

  app.post('/beitraege/:id/antworten', { ...inside, schema: IdParams }, async (request, reply) =>
    submitForm(request, reply, ReplyForm, postPage(request), async (form) => {
      const { id } = request.params as { id: string };
      const replyId = await service.createReply(deps, request.actor, id, form);
      return redirectAfterPost(reply, `/beitraege/${id}#antwort-${replyId}`, { kind: 'success', key: 'reply.published' });
    }),
  );

  // --- Editing a post --------------------------------------------------------------------------
  async function editContext(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const loaded = await service.loadPost(db, request.actor, id);
    if (!policy.canEdit(request.actor, loaded.post, Boolean(loaded.post.lockedAt), loaded.membership)) throw new AppError('forbidden');
    const p = loaded.post;
    const types: PostType[] = p.type === 'example' ? ['example'] : (['discussion', 'question', 'announcement'] as PostType[]).filter((type) => type === p.type || policy.canPostType(request.actor, loaded.community, loaded.membership, type));
    const page = (ctx: Parameters<typeof PostFormPage>[0]['ctx'], form: FormState) =>
      h(PostFormPage, { ctx, form, community: { slug: p.communitySlug, name: p.communityName, chathamHouse: p.chathamHouse }, action: `/beitraege/${p.id}/bearbeiten`, types, editing: true });
    return { post: p, page };
  }

  app.get('/beitraege/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const { post, page } = await editContext(request);
    const values = {
      type: post.type,
      title: post.title,
      body: post.body,
      tags: post.tags.join(', '),
      problem: post.problem ?? '',
      solution: post.solution ?? '',
      status: post.exampleStatus ?? 'idea',
      contactId: post.contactId ?? '',
      materials: post.materials ?? '',
      reuse: post.reuse ?? '',
    };
    return showForm(request, reply, page, { values, errors: {} });
  });

  app.post('/beitraege/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const { post, page } = await editContext(request);
    return submitForm(request, reply, PostForm, page, async (form) => {
      const contactId = await resolveContact(db, form.contactId);
      await service.editPost(deps, request.actor, post.id, postInputFromForm(form, contactId));
      return redirectAfterPost(reply, `/beitraege/${post.id}`, { kind: 'success', key: 'post.saved' });
    });
  });

  app.post('/beitraege/:id/loeschen', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { communitySlug } = await service.deletePost(db, request.actor, id);
    return redirectAfterPost(reply, `/communities/${communitySlug}`, { kind: 'success', key: 'post.deleted' });
  });

  app.get('/beitraege/:id/verlauf', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { post, membership } = await service.loadPost(db, request.actor, id);
    if (!policy.canSeeHistory(request.actor, post, membership)) throw new AppError('forbidden');
    const revisions = await repo.listRevisions(db, 'post', id);
    return sendPage(reply, h(HistoryPage, { ctx: viewContext(request, reply), back: `/beitraege/${id}`, title: post.title, current: { title: post.title, body: post.body, at: post.editedAt }, revisions }));
  });

  // --- Marks on a post ---------------------------------------------------------------------------
  const postToggle = (path: string, field: string, act: (request: FastifyRequest, id: string, on: boolean) => Promise<unknown>, flash: [MessageKey, MessageKey]) =>
    app.post(`/beitraege/:id/${path}`, { ...inside, schema: IdParams }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const on = readToggle(request, field);
      await act(request, id, on);
      return redirectAfterPost(reply, `/beitraege/${id}`, { kind: 'success', key: on ? flash[0] : flash[1] });
    });
  postToggle('hilfreich', 'helpful', (r, id, on) => service.setHelpful(db, r.actor, { kind: 'post', id }, on), ['post.helpfulDone', 'post.helpfulDone']);
  postToggle('folgen', 'follow', (r, id, on) => service.setPostFollow(db, r.actor, id, on), ['post.followed', 'post.unfollowed']);
  postToggle('merken', 'bookmark', (r, id, on) => service.setBookmark(db, r.actor, id, on), ['post.bookmarked', 'post.unbookmarked']);
  postToggle('nachnutzen', 'reuse', (r, id, on) => service.setReuse(db, r.actor, id, on), ['example.reused', 'example.reuseRemoved']);

  // --- Replies ---------------------------------------------------------------------------------
  app.post('/antworten/:id/hilfreich', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const on = readToggle(request, 'helpful');
    const { postId } = await service.setHelpful(db, request.actor, { kind: 'reply', id }, on);
    return redirectAfterPost(reply, `/beitraege/${postId}#antwort-${id}`, { kind: 'success', key: 'post.helpfulDone' });
  });

  app.post('/antworten/:id/akzeptieren', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const on = readToggle(request, 'accept');
    const { postId } = await service.acceptReply(deps, request.actor, id, on);
    return redirectAfterPost(reply, `/beitraege/${postId}#antwort-${id}`, { kind: 'success', key: on ? 'reply.acceptedDone' : 'reply.unacceptedDone' });
  });

  app.post('/antworten/:id/loeschen', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { postId } = await service.deleteReply(db, request.actor, id);
    return redirectAfterPost(reply, `/beitraege/${postId}`, { kind: 'success', key: 'reply.deleted' });
  });

  async function replyEditContext(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const loaded = await service.loadReply(db, request.actor, id);
    if (!policy.canEdit(request.actor, loaded.reply, Boolean(loaded.post.lockedAt), loaded.membership)) throw new AppError('forbidden');
    const page = (ctx: Parameters<typeof ReplyEditPage>[0]['ctx'], form: FormState) => h(ReplyEditPage, { ctx, form, post: { id: loaded.post.id, title: loaded.post.title }, action: `/antworten/${id}/bearbeiten` });
    return { ...loaded, page };
  }

  app.get('/antworten/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const { reply: r, page } = await replyEditContext(request);
    return showForm(request, reply, page, { values: { body: r.body }, errors: {} });
  });

  const ReplyBody = Type.Object({ body: ReplyForm.properties.body });
  app.post('/antworten/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const { reply: r, page } = await replyEditContext(request);
    return submitForm(request, reply, ReplyBody, page, async (form) => {
      const { postId } = await service.editReply(deps, request.actor, r.id, form.body);
      return redirectAfterPost(reply, `/beitraege/${postId}#antwort-${r.id}`, { kind: 'success', key: 'reply.saved' });
    });
  });

  app.get('/antworten/:id/verlauf', { ...inside, schema: IdParams }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { reply: r, post, membership } = await service.loadReply(db, request.actor, id);
    if (!policy.canSeeHistory(request.actor, r, membership)) throw new AppError('forbidden');
    const revisions = await repo.listRevisions(db, 'reply', id);
    return sendPage(reply, h(HistoryPage, { ctx: viewContext(request, reply), back: `/beitraege/${post.id}#antwort-${id}`, title: post.title, current: { title: null, body: r.body, at: r.editedAt }, revisions }));
  });
}
