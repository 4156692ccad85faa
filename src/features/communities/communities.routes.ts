/** Pages of communities: the list, a community, its members; joining, leaving, following; the new-post form. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readForm, readLenient } from '../../http/forms.js';
import { showForm, submitForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { normaliseEmail } from '../../lib/email.js';
import { tagSlug } from '../../lib/tags.js';
import type { PostType } from '../../db/schema.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import { withQuery } from '../../views/components/list.js';
import { viewerOf } from '../members/members.service.js';
import { findUserByEmail } from '../accounts/accounts.repo.js';
import * as policy from './communities.policy.js';
import * as repo from './communities.repo.js';
import * as service from './communities.service.js';
import { listPosts, POST_PAGE_SIZE } from './posts.repo.js';
import { createPost } from './posts.service.js';
import { PostForm, postInputFromForm, resolveContact } from './posts.schema.js';
import { CommunityListPage, CommunityPage, MembersPage } from './communities.views.js';
import { PostFormPage } from './posts.views.js';
import { similarQuestions } from '../search/search.service.js';
import { listEvents } from '../events/events.repo.js';
import { Id, Slug, SlugParams as SlugParamsSchema } from './communities.schema.js';
import { effectiveCommunityDelivery } from '../notifications/settings.service.js';
import { translator } from '../../views/i18n/index.js';

const inside = { config: { access: 'inside' as const } };
const SlugParams = { params: SlugParamsSchema };
const MemberParams = { params: Type.Object({ slug: Slug, userId: Id }) };

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  mine: Type.Optional(Type.String({ maxLength: 1 })),
  nach: Type.Optional(Type.String({ maxLength: 400 })),
});

const CursorQuery = Type.Object({ nach: Type.Optional(Type.String({ maxLength: 400 })) });
const NewPostQuery = Type.Object({ typ: Type.Optional(Type.String({ maxLength: 20 })) });

const postTypes: PostType[] = ['discussion', 'question', 'example', 'announcement'];
const PageQuery = Type.Object({
  typ: Type.Optional(Type.Union(postTypes.map((t) => Type.Literal(t)))),
  offen: Type.Optional(Type.String({ maxLength: 1 })),
  nach: Type.Optional(Type.String({ maxLength: 400 })),
});

function stringValues(raw: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((raw ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

export async function communitiesRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  app.get('/communities', inside, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const query = readLenient(ListQuery, raw);
    const result = await repo.listCommunities(db, viewerOf(request.actor), {
      q: query.q || undefined,
      topic: query.topic ? tagSlug(query.topic) || undefined : undefined,
      mine: query.mine === '1',
      cursor: query.nach,
    });
    const values = stringValues(raw);
    delete values.nach;
    return sendPage(reply, h(CommunityListPage, { ctx: viewContext(request, reply), filter: { values, errors: {} }, result, canPropose: policy.canProposeCommunity(request.actor) }));
  });

  // --- A community ---------------------------------------------------------------------------
  /** A community's page with its request form: for reading, and shown again when a request has an error. */
  function communityPage(request: FastifyRequest): FormPage {
    return async (ctx, requestForm) => {
      const { slug } = request.params as { slug: string };
      const actor = request.actor;
      const community = await service.loadCommunity(db, actor, slug);
      const viewer = viewerOf(actor);
      const m = community.membership;
      const readable = policy.canReadCommunity(actor, community, m);
      const query = readLenient(PageQuery, request.query);
      const type = query.typ;
      const openOnly = query.offen === '1';
      const empty = { items: [], total: 0, limit: 0, nextCursor: null };
      const { leads, following } = community;
      const [pinned, latest, openQuestions, members, events, mailDelivery] = await Promise.all([
        readable && !query.nach && !type ? listPosts(db, viewer, { communityId: community.id, pinnedOnly: true, limit: 5, withTotal: false }) : Promise.resolve(empty),
        readable ? listPosts(db, viewer, { communityId: community.id, type, answered: openOnly ? 'open' : undefined, cursor: query.nach }) : Promise.resolve(empty),
        readable ? listPosts(db, viewer, { communityId: community.id, answered: 'open', limit: 5 }) : Promise.resolve(empty),
        readable ? repo.previewMembers(db, viewer, community.id) : Promise.resolve(null),
        readable ? listEvents(db, viewer, { communityId: community.id, limit: 3 }).then((r) => r.items) : Promise.resolve([]),
        m?.status === 'active' ? effectiveCommunityDelivery(db, viewer.id, community.id) : Promise.resolve(null),
      ]);
      const moreHref = latest.nextCursor ? withQuery(`/communities/${slug}`, { typ: type, offen: openOnly ? '1' : undefined, nach: latest.nextCursor }) : null;
      const canLeave = Boolean(m) && !(policy.isLead(m) && leads.length <= 1);
      return h(CommunityPage, {
        ctx,
        d: {
          community,
          leads,
          readable,
          pinned: pinned.items,
          latest,
          openQuestions,
          members,
          events,
          guidelinesHtml: community.guidelines ? renderMarkdown(community.guidelines) : '',
          join: policy.canJoin(actor, community, m),
          canLeave,
          canPost: policy.canContribute(actor, community, m),
          canModerate: policy.canModerate(actor, m),
          following,
          typeFilter: type ?? '',
          moreHref,
          requestForm,
          mailDelivery,
        },
      });
    };
  }

  app.get('/communities/:slug', { ...inside, schema: SlugParams }, async (request, reply) => showForm(request, reply, communityPage(request), emptyForm));

  const MessageForm = Type.Object({ message: Type.Optional(Type.String({ maxLength: 1000 })) });
  app.post('/communities/:slug/mitgliedschaft', { ...inside, schema: SlugParams }, async (request, reply) =>
    submitForm(request, reply, MessageForm, communityPage(request), async (form) => {
      const { slug } = request.params as { slug: string };
      const outcome = await service.joinCommunity(deps, request.actor, slug, form.message);
      if (outcome !== 'joined') return redirectAfterPost(reply, `/communities/${slug}`, { kind: 'success', key: 'community.requested' });
      // Joined: the flash says how mails from the community reach them (the defaults, unless they chose).
      const { id: communityId } = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      const delivery = await effectiveCommunityDelivery(db, viewerOf(request.actor).id, communityId);
      return redirectAfterPost(reply, `/communities/${slug}`, { kind: 'success', key: 'notificationsUi.community.joined', params: { delivery: translator(request.lang)(`notificationSettings.delivery.${delivery}`) } });
    }),
  );

  app.post('/communities/:slug/austreten', { ...inside, schema: SlugParams }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    try {
      await service.leaveCommunity(db, request.actor, slug);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return redirectAfterPost(reply, `/communities/${slug}`, { kind: 'warning', key: 'community.error.lastLead' });
      throw error;
    }
    return redirectAfterPost(reply, '/communities', { kind: 'success', key: 'community.left' });
  });

  const FollowForm = Type.Object({ follow: Type.Union([Type.Literal('on'), Type.Literal('off')]) });
  app.post('/communities/:slug/folgen', { ...inside, schema: SlugParams }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const form = readForm(FollowForm, request.body);
    if (!form.ok) throw new AppError('bad_request');
    await service.setCommunityFollow(db, request.actor, slug, form.value.follow === 'on');
    return redirectAfterPost(reply, `/communities/${slug}`, { kind: 'success', key: form.value.follow === 'on' ? 'community.followed' : 'community.unfollowed' });
  });

  // --- Members -------------------------------------------------------------------------------
  /** The members page with its invitation form: for reading, and shown again when an invitation has an error. */
  function membersPage(request: FastifyRequest): FormPage {
    return async (ctx, invite) => {
      const { slug } = request.params as { slug: string };
      const actor = request.actor;
      const community = await service.loadCommunity(db, actor, slug);
      if (!policy.canReadCommunity(actor, community, community.membership)) throw new AppError('forbidden');
      const viewer = viewerOf(actor);
      const canManage = policy.canModerate(actor, community.membership);
      const cursor = readLenient(CursorQuery, request.query).nach;
      const [members, requests, invitations] = await Promise.all([
        repo.listCommunityMembers(db, viewer, community.id, { cursor }),
        canManage ? repo.listCommunityMembers(db, viewer, community.id, { status: 'requested' }) : Promise.resolve(null),
        canManage ? repo.listCommunityMembers(db, viewer, community.id, { status: 'invited' }) : Promise.resolve(null),
      ]);
      const moreHref = members.nextCursor ? withQuery(`/communities/${slug}/mitglieder`, { nach: members.nextCursor }) : null;
      return h(MembersPage, { ctx, d: { community, members, requests, invitations, canManage, moreHref, viewerId: viewer.id }, invite });
    };
  }

  app.get('/communities/:slug/mitglieder', { ...inside, schema: SlugParams }, async (request, reply) => showForm(request, reply, membersPage(request), emptyForm));

  const InviteForm = Type.Object({ person: Type.String({ minLength: 3, maxLength: 254, format: 'email', errorMessage: 'community.error.invitePerson' }) });
  app.post('/communities/:slug/einladen', { ...inside, schema: SlugParams }, async (request, reply) =>
    submitForm(request, reply, InviteForm, membersPage(request), async (form) => {
      const { slug } = request.params as { slug: string };
      const email = normaliseEmail(form.person)?.address;
      const person = email ? await findUserByEmail(db, email) : undefined;
      if (!person) throw new AppError('validation_failed', { person: 'community.error.person' });
      await service.inviteMember(deps, request.actor, slug, person.id);
      return redirectAfterPost(reply, `/communities/${slug}/mitglieder`, { kind: 'success', key: 'community.invited' });
    }),
  );

  const memberAction = (path: string, act: (request: FastifyRequest, slug: string, userId: string) => Promise<void>, flash: 'community.approved' | 'community.declined' | 'community.removed' | 'community.roleChanged') =>
    app.post(`/communities/:slug/mitglieder/:userId/${path}`, { ...inside, schema: MemberParams }, async (request, reply) => {
      const { slug, userId } = request.params as { slug: string; userId: string };
      try {
        await act(request, slug, userId);
      } catch (error) {
        if (error instanceof AppError && error.status === 422) return redirectAfterPost(reply, `/communities/${slug}/mitglieder`, { kind: 'warning', key: error.fields._form ?? 'error.validation' });
        throw error;
      }
      return redirectAfterPost(reply, `/communities/${slug}/mitglieder`, { kind: 'success', key: flash });
    });
  memberAction('annehmen', (request, slug, userId) => service.decideRequest(deps, request.actor, slug, userId, 'approve'), 'community.approved');
  memberAction('ablehnen', (request, slug, userId) => service.decideRequest(deps, request.actor, slug, userId, 'decline'), 'community.declined');
  memberAction('entfernen', (request, slug, userId) => service.removeMember(db, request.actor, slug, userId), 'community.removed');
  const RoleForm = Type.Object({ role: Type.Union([Type.Literal('member'), Type.Literal('lead')]) });
  memberAction(
    'rolle',
    async (request, slug, userId) => {
      const form = readForm(RoleForm, request.body);
      if (!form.ok) throw new AppError('bad_request');
      await service.setMemberRole(deps, request.actor, slug, userId, form.value.role);
    },
    'community.roleChanged',
  );

  // --- A new post ----------------------------------------------------------------------------
  async function newPostContext(request: FastifyRequest) {
    const { slug } = request.params as { slug: string };
    const community = await service.loadCommunity(db, request.actor, slug);
    if (!policy.canContribute(request.actor, community, community.membership)) throw new AppError('forbidden');
    const types = postTypes.filter((type) => policy.canPostType(request.actor, community, community.membership, type));
    return { community, types };
  }

  app.get('/communities/:slug/neu', { ...inside, schema: SlugParams }, async (request, reply) => {
    const { community, types } = await newPostContext(request);
    const requested = readLenient(NewPostQuery, request.query).typ;
    const type = types.includes(requested as PostType) ? requested! : 'discussion';
    return showForm(request, reply, (ctx, form) => h(PostFormPage, { ctx, form, community, action: `/communities/${community.slug}/neu`, types, editing: false }), { values: { type, status: 'idea' }, errors: {} });
  });

  app.post('/communities/:slug/neu', { ...inside, schema: SlugParams }, async (request, reply) => {
    const { community, types } = await newPostContext(request);
    const page = (ctx: Parameters<typeof PostFormPage>[0]['ctx'], form: FormState) => h(PostFormPage, { ctx, form, community, action: `/communities/${community.slug}/neu`, types, editing: false });
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.aktion === 'aehnliche-fragen') {
      // "Ähnliche Fragen prüfen" without JavaScript: the form again, as typed, with the questions.
      const similar = await similarQuestions(db, viewerOf(request.actor), typeof body.title === 'string' ? body.title : '', community.id);
      const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf' && k !== 'aktion')) as Record<string, string>;
      return showForm(request, reply, (ctx, form) => h(PostFormPage, { ctx, form, community, action: `/communities/${community.slug}/neu`, types, editing: false, similar }), { values, errors: {} });
    }
    return submitForm(request, reply, PostForm, page, async (form) => {
      const contactId = await resolveContact(db, form.contactId);
      const id = await createPost(deps, request.actor, community.slug, postInputFromForm(form, contactId));
      return redirectAfterPost(reply, `/beitraege/${id}`, { kind: 'success', key: 'post.published' });
    });
  });
}
