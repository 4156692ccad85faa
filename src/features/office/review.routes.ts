/** /geschaeftsstelle/pruefung: the queue of applicants, one application, approve and decline. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import type { ViewContext } from '../../views/context.js';
import { organisationChoices } from '../organisations/organisations.service.js';
import * as service from './review.service.js';
import { ApproveForm, DeclineForm, IdParams, OffsetQuery } from './office.schema.js';
import { AlreadyHandledPage, ApplicantPage, ReviewQueuePage, type ApplicantRow } from './review.views.js';

const office = { config: { access: 'office' as const } };

export async function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  const handled = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, h(AlreadyHandledPage, { ctx: viewContext(request, reply) }), 409);

  /** The page of one application; `which` says which of its two forms came back. */
  async function applicantPage(applicant: ApplicantRow, which: 'approve' | 'decline') {
    const organisations = await organisationChoices(db);
    const approveDefaults: FormState = { values: { organisationId: applicant.organisationId ?? '' }, errors: {} };
    return (ctx: ViewContext, form: FormState) =>
      h(ApplicantPage, { ctx, applicant, organisations, forms: which === 'approve' ? { approve: form, decline: emptyForm } : { approve: approveDefaults, decline: form } });
  }

  app.get('/geschaeftsstelle/pruefung', { ...office, schema: { querystring: OffsetQuery } }, async (request, reply) => {
    const offset = (request.query as OffsetQuery).offset ?? 0;
    const page = await service.pendingApplicants(db, request.actor, offset);
    return sendPage(reply, h(ReviewQueuePage, { ctx: viewContext(request, reply), page, offset }));
  });

  app.get('/geschaeftsstelle/pruefung/:id', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const applicant = await service.applicant(db, request.actor, (request.params as IdParams).id);
    if (applicant.state !== 'pending') throw new AppError('not_found');
    const page = await applicantPage(applicant, 'approve');
    return showForm(request, reply, page, { values: { organisationId: applicant.organisationId ?? '' }, errors: {} });
  });

  app.post('/geschaeftsstelle/pruefung/:id/annehmen', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const applicant = await service.applicant(db, request.actor, (request.params as IdParams).id);
    if (applicant.state !== 'pending') return handled(request, reply);
    return submitForm(request, reply, ApproveForm, await applicantPage(applicant, 'approve'), async (form) => {
      try {
        const outcome = await service.approveApplicant(deps, request.actor, applicant.id, form);
        return redirectAfterPost(
          reply,
          '/geschaeftsstelle/pruefung',
          outcome.domain
            ? { kind: 'success', key: 'office.review.approvedWithDomain', params: { name: outcome.name, domain: outcome.domain, organisation: outcome.organisationName ?? '' } }
            : { kind: 'success', key: 'office.review.approved', params: { name: outcome.name } },
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return handled(request, reply);
        throw error;
      }
    });
  });

  app.post('/geschaeftsstelle/pruefung/:id/ablehnen', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const applicant = await service.applicant(db, request.actor, (request.params as IdParams).id);
    if (applicant.state !== 'pending') return handled(request, reply);
    return submitForm(request, reply, DeclineForm, await applicantPage(applicant, 'decline'), async (form) => {
      try {
        const outcome = await service.declineApplicant(deps, request.actor, applicant.id, form.message);
        return redirectAfterPost(reply, '/geschaeftsstelle/pruefung', { kind: 'success', key: 'office.review.declined', params: { name: outcome.name } });
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return handled(request, reply);
        throw error;
      }
    });
  });
}
