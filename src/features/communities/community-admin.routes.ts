/**
 * /geschaeftsstelle/communities: the office sees every community (hidden ones too), decides
 * on members' proposals and creates communities with a first lead. Others get 404.
 * /communities/vorschlagen: a verified member proposes a community.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { readForm } from '../../http/forms.js';
import { showForm, submitForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import type { ViewContext } from '../../views/context.js';
import { normaliseEmail } from '../../lib/email.js';
import { findUserByEmail } from '../accounts/accounts.repo.js';
import { viewerOf } from '../members/members.service.js';
import * as repo from './communities.repo.js';
import * as service from './communities.service.js';
import { canManageCommunities } from './communities.policy.js';
import { CommunitiesAdminPage, NewCommunityPage, ProposeCommunityPage, type ProposalDecision } from './community-admin.views.js';

const office = { config: { access: 'office' as const } };
const LIST = '/geschaeftsstelle/communities';

/** Addresses under /communities/ that are pages, not communities. */
const reservedSlugs = new Set(['neu', 'vorschlagen']);

import { IdParams, SlugParams } from './communities.schema.js';
type IdParams = Static<typeof IdParams>;
const CursorQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 400 })) });
type CursorQuery = Static<typeof CursorQuery>;

const Visibility = Type.Union([Type.Literal('open'), Type.Literal('request'), Type.Literal('hidden')], { errorMessage: 'communityAdmin.error.visibility' });

const CreateForm = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120 }),
  slug: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', errorMessage: 'communityAdmin.error.slug' }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  guidelines: Type.Optional(Type.String({ maxLength: 10_000 })),
  topics: Type.Optional(Type.String({ maxLength: 1000 })),
  visibility: Visibility,
  partnersAllowed: Type.Boolean(),
  chathamHouse: Type.Boolean(),
  lead: Type.String({ maxLength: 254, format: 'email', errorMessage: 'communityAdmin.error.leadEmail' }),
});

const ProposalForm = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  topics: Type.Optional(Type.String({ maxLength: 1000 })),
  visibility: Visibility,
  reason: Type.String({ minLength: 10, maxLength: 2000 }),
});

const DecisionForm = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('decline')]),
  message: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** The first lead: a verified, confirmed, not suspended member with this address. */
async function leadIdByEmail(db: Kysely<DB>, email: string): Promise<string> {
  const address = normaliseEmail(email)?.address;
  const user = address ? await findUserByEmail(db, address) : undefined;
  const verified = user && ['member', 'office', 'admin'].includes(user.role) && user.emailConfirmedAt && !user.suspendedAt;
  if (!verified) throw new AppError('validation_failed', { lead: 'communityAdmin.error.leadUnknown' });
  return user.id;
}

export async function communityAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  async function listPage(request: FastifyRequest, cursor: string | undefined, decision?: ProposalDecision) {
    const [proposals, page] = await Promise.all([cursor ? Promise.resolve([]) : repo.listProposals(db), repo.listCommunities(db, viewerOf(request.actor), { cursor })]);
    return (ctx: ViewContext) => h(CommunitiesAdminPage, { ctx, proposals, page, cursor, decision });
  }

  app.get(LIST, { ...office, schema: { querystring: CursorQuery } }, async (request, reply) => {
    const cursor = (request.query as CursorQuery).cursor || undefined;
    const page = await listPage(request, cursor);
    return sendPage(reply, page(viewContext(request, reply)));
  });

  app.post(`${LIST}/vorschlaege/:id`, { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const id = (request.params as IdParams).id;
    const form = readForm(DecisionForm, request.body);
    if (!form.ok) {
      if (form.errors.decision) throw new AppError('bad_request');
      const page = await listPage(request, undefined, { id, form });
      return sendPage(reply, page(viewContext(request, reply)), 422);
    }
    const { decision, message } = form.value;
    const proposal = await repo.getCommunityById(db, id, request.actor.kind === 'user' ? request.actor.user.id : '');
    try {
      await service.decideProposal(db, request.actor, id, decision, message);
    } catch (error) {
      // A colleague decided first (or there is no such proposal): nothing was saved.
      if (error instanceof AppError && error.code === 'conflict') return redirectAfterPost(reply, LIST, { kind: 'danger', key: 'communityAdmin.proposals.handled' });
      throw error;
    }
    const name = proposal?.name ?? '';
    return redirectAfterPost(reply, LIST, decision === 'approve' ? { kind: 'success', key: 'communityAdmin.proposals.approved', params: { name } } : { kind: 'success', key: 'communityAdmin.proposals.declined', params: { name } });
  });

  const newPage: FormPage = (ctx, form) => h(NewCommunityPage, { ctx, form });

  app.get(`${LIST}/neu`, office, async (request, reply) => showForm(request, reply, newPage, { values: { visibility: 'open' }, errors: {} }));

  app.post(`${LIST}/neu`, office, async (request, reply) =>
    submitForm(request, reply, CreateForm, newPage, async (form) => {
      const { lead, ...settings } = form;
      if (reservedSlugs.has(settings.slug)) throw new AppError('validation_failed', { slug: 'communityAdmin.error.slugReserved' });
      const leadId = await leadIdByEmail(db, lead);
      try {
        await service.createCommunity(db, request.actor, { ...settings, leadId });
      } catch (error) {
        if (error instanceof AppError && error.fields.leadId) throw new AppError('validation_failed', { lead: 'communityAdmin.error.leadUnknown' });
        throw error;
      }
      return redirectAfterPost(reply, `/communities/${settings.slug}`, { kind: 'success', key: 'communityAdmin.created', params: { name: settings.name } });
    }),
  );

  // --- Settings of a community: its leads and the office ----------------------------------------

  const SettingsForm = Type.Object({ ...CreateForm.properties, slug: Type.Optional(CreateForm.properties.slug), lead: Type.Optional(Type.String({ maxLength: 254 })) });
  const SettingsParams = { schema: { params: SlugParams } };
  const inside = { config: { access: 'inside' as const } };

  async function settingsContext(request: FastifyRequest) {
    const { slug } = request.params as { slug: string };
    const community = await service.loadManagedCommunity(db, request.actor, slug);
    const edit = { slug: community.slug, name: community.name, slugEditable: canManageCommunities(request.actor) };
    const page: FormPage = (ctx, form) => h(NewCommunityPage, { ctx, form, edit });
    return { community, page };
  }

  app.get('/communities/:slug/einstellungen', { ...inside, ...SettingsParams }, async (request, reply) => {
    const { community: c, page } = await settingsContext(request);
    const values = {
      name: c.name,
      slug: c.slug,
      description: c.description,
      guidelines: c.guidelines,
      topics: c.topics.join(', '),
      visibility: c.visibility,
      partnersAllowed: c.partnersAllowed ? 'on' : '',
      chathamHouse: c.chathamHouse ? 'on' : '',
    };
    return showForm(request, reply, page, { values, errors: {} });
  });

  app.post('/communities/:slug/einstellungen', { ...inside, ...SettingsParams }, async (request, reply) => {
    const { community, page } = await settingsContext(request);
    return submitForm(request, reply, SettingsForm, page, async (form) => {
      const slug = form.slug ?? community.slug;
      if (reservedSlugs.has(slug)) throw new AppError('validation_failed', { slug: 'communityAdmin.error.slugReserved' });
      const saved = await service.updateCommunity(db, request.actor, community.slug, { ...form, slug });
      return redirectAfterPost(reply, `/communities/${saved}`, { kind: 'success', key: 'communityAdmin.saved' });
    });
  });

  // --- A member proposes a community ----------------------------------------------------------

  const proposePage: FormPage = (ctx, form) => h(ProposeCommunityPage, { ctx, form });

  app.get('/communities/vorschlagen', async (request, reply) => showForm(request, reply, proposePage, { values: { visibility: 'open' }, errors: {} }));

  app.post('/communities/vorschlagen', async (request, reply) =>
    submitForm(request, reply, ProposalForm, proposePage, async (form) => {
      await service.proposeCommunity(db, request.actor, form);
      return redirectAfterPost(reply, '/communities', { kind: 'success', key: 'communityProposal.sent' });
    }),
  );
}
