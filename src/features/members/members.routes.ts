/** The member directory, profiles, one's own profile, expertise confirmations, and their API. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readLenient } from '../../http/forms.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { tagSlug } from '../../lib/tags.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { ErrorResponse } from '../api/api.schema.js';
import { LevelSchema, StateSchema } from '../organisations/organisations.schema.js';
import { canConfirmExpertise } from './members.policy.js';
import * as repo from './members.repo.js';
import { MemberDetail, MemberSummary, presentMemberDetail, presentMemberSummary } from './members.present.js';
import { ProfileForm, ProfilePatch } from './members.schema.js';
import * as service from './members.service.js';
import { communitiesOfPersonFor } from '../communities/communities.service.js';
import { mayWriteTo } from '../messages/messages.service.js';
import { DirectoryPage, ProfilePage } from './members.views.js';
import { ProfileEditPage } from './profile-edit.views.js';

const inside = { config: { access: 'inside' as const } };
const Id = Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });

export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  level: Type.Optional(LevelSchema),
  state: Type.Optional(StateSchema),
  organisation: Type.Optional(Id),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: repo.MEMBER_PAGE_SIZE })),
});

function toFilter(query: Record<string, unknown>): repo.MemberFilter {
  const q = query as { q?: string; topic?: string; level?: repo.MemberFilter['level']; state?: string; organisation?: string; offset?: number; limit?: number };
  return { q: q.q || undefined, topic: q.topic ? tagSlug(q.topic) || undefined : undefined, level: q.level, state: q.state, organisationId: q.organisation, offset: q.offset, limit: q.limit };
}


const missingKeys: Record<string, MessageKey> = {
  position: 'profile.missing.position',
  expertise: 'profile.missing.expertise',
  ask: 'profile.missing.ask',
  bio: 'profile.missing.bio',
  languages: 'profile.missing.languages',
};

export async function memberRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;

  // --- Directory ---------------------------------------------------------------------------
  app.get('/mitglieder', inside, async (request, reply) => {
    // A GET filter form: invalid values are ignored rather than refused, like any search box.
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const query = readLenient(DirectoryQuery, raw);
    const filter = toFilter(query);
    const result = await repo.listMembers(db, service.viewerOf(request.actor), filter);
    const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return sendPage(
      reply,
      h(DirectoryPage, {
        ctx: viewContext(request, reply),
        filter: { values, errors: {} },
        result,
        offset: filter.offset ?? 0,
      }),
    );
  });

  // --- A profile -----------------------------------------------------------------------------
  async function loadProfile(request: FastifyRequest, id: string) {
    const viewer = service.viewerOf(request.actor);
    const profile = await repo.getMemberProfile(db, viewer, id);
    if (!profile) throw new AppError('not_found');
    return { viewer, profile };
  }

  app.get('/mitglieder/:id', { ...inside, schema: { params: Type.Object({ id: Id }) } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { viewer, profile } = await loadProfile(request, id);
    const own = viewer.id === id;
    const missing = own ? service.missingProfileParts(await repo.getOwnProfile(db, id)).map((k) => missingKeys[k]!) : [];
    return sendPage(
      reply,
      h(ProfilePage, { ctx: viewContext(request, reply), p: profile, bioHtml: profile.bio ? renderMarkdown(profile.bio) : null, own, missing, canConfirm: canConfirmExpertise(request.actor, id), communities: await communitiesOfPersonFor(db, request.actor, id), canMessage: !own && (await mayWriteTo(db, request.actor, id)) }),
    );
  });

  const ConfirmParams = Type.Object({ id: Id, slug: Type.String({ maxLength: 60, pattern: '^[a-z0-9]+$' }) });
  app.post('/mitglieder/:id/expertise/:slug/bestaetigen', { schema: { params: ConfirmParams } }, async (request, reply) => {
    const { id, slug } = request.params as { id: string; slug: string };
    const visible = Boolean(await repo.getMemberProfile(db, service.viewerOf(request.actor), id).then((p) => p?.expertiseVisible));
    await service.confirmExpertise(db, request.actor, id, slug, visible);
    return redirectAfterPost(reply, `/mitglieder/${id}`, { kind: 'success', key: 'profile.confirmed' });
  });

  app.post('/mitglieder/:id/expertise/:slug/zuruecknehmen', { schema: { params: ConfirmParams } }, async (request, reply) => {
    const { id, slug } = request.params as { id: string; slug: string };
    await loadProfile(request, id);
    await service.withdrawConfirmation(db, request.actor, id, slug);
    return redirectAfterPost(reply, `/mitglieder/${id}`, { kind: 'success', key: 'profile.withdrawn' });
  });

  // --- One's own profile (applicants too: they may prepare it while they wait) -----------------
  const signedIn = { config: { access: 'signedIn' as const } };
  app.get('/konto/profil', signedIn, async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    const own = await repo.getOwnProfile(db, request.actor.user.id);
    const values = {
      position: own.position ?? '',
      bio: own.bio ?? '',
      phone: own.phone ?? '',
      contactOther: own.contactOther ?? '',
      languages: own.languages,
      expertise: own.expertise.join(', '),
      ask: own.ask.join(', '),
      listed: own.listed ? 'on' : '',
      visPosition: own.visibility.position,
      visBio: own.visibility.bio,
      visPhone: own.visibility.phone,
      visContactOther: own.visibility.contactOther,
      visLanguages: own.visibility.languages,
      visExpertise: own.visibility.expertise,
    };
    return showForm(request, reply, (ctx, form) => h(ProfileEditPage, { ctx, form }), { values, errors: {} });
  });

  app.post('/konto/profil', signedIn, async (request, reply) =>
    submitForm(request, reply, ProfileForm, (ctx, form) => h(ProfileEditPage, { ctx, form }), async (form) => {
      await service.updateOwnProfile(db, request.actor, service.changesFromForm(form));
      const target = request.actor.kind === 'user' && request.actor.user.role !== 'applicant' ? `/mitglieder/${request.actor.user.id}` : '/konto';
      return redirectAfterPost(reply, target, { kind: 'success', key: 'profile.saved' });
    }),
  );

  // --- API -----------------------------------------------------------------------------------
  app.get(
    '/api/v1/members',
    { ...inside, schema: { tags: ['members'], summary: 'Search the member directory', querystring: DirectoryQuery, response: { 200: Type.Object({ items: Type.Array(MemberSummary), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }), 400: ErrorResponse, 401: ErrorResponse } } },
    async (request) => {
      const filter = toFilter(request.query as Record<string, unknown>);
      const result = await repo.listMembers(db, service.viewerOf(request.actor), filter);
      return { items: result.items.map((row) => presentMemberSummary(config, row)), total: result.total, limit: result.limit, offset: filter.offset ?? 0 };
    },
  );

  app.get(
    '/api/v1/members/:id',
    { ...inside, schema: { tags: ['members'], summary: 'A member, with the fields the caller may see (others are null)', params: Type.Object({ id: Id }), response: { 200: MemberDetail, 401: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const { profile } = await loadProfile(request, (request.params as { id: string }).id);
      return presentMemberDetail(config, profile);
    },
  );

  app.patch(
    '/api/v1/me/profile',
    { ...signedIn, schema: { tags: ['me'], summary: 'Change one’s own profile; absent fields stay as they are', body: ProfilePatch, response: { 200: MemberDetail, 401: ErrorResponse, 422: ErrorResponse } } },
    async (request) => {
      if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
      await service.updateOwnProfile(db, request.actor, service.changesFromPatch(request.body as ProfilePatch));
      const { profile } = await loadProfile(request, request.actor.user.id);
      return presentMemberDetail(config, profile);
    },
  );

  app.get(
    '/api/v1/tags',
    { ...inside, schema: { tags: ['members'], summary: 'Suggestions for expertise tags while typing', querystring: Type.Object({ q: Type.String({ maxLength: 60 }) }), response: { 200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), label: Type.String(), uses: Type.Integer() })) }) } } },
    async (request) => ({ items: (await repo.suggestTags(db, service.viewerOf(request.actor), tagSlug((request.query as { q: string }).q))).map((t) => ({ slug: t.slug, label: t.label, uses: t.uses ?? 0 })) }),
  );
}
