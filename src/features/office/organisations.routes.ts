/** /geschaeftsstelle/organisationen: the office maintains the directory and its mail domains. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import type { ViewContext } from '../../views/context.js';
import * as organisations from '../organisations/organisations.service.js';
import { DirectoryQuery, DomainForm, OrganisationForm } from '../organisations/organisations.schema.js';
import { IdParams } from './office.schema.js';
import { EditOrganisationPage, NewOrganisationPage, OfficeOrganisationsPage } from './organisations.views.js';

const office = { config: { access: 'office' as const } };
const LIST = '/geschaeftsstelle/organisationen';

type Stored = Awaited<ReturnType<typeof organisations.organisationForOffice>>;

/** The form filled with what is stored. */
function valuesOf(o: Stored): FormState {
  return {
    values: { name: o.name, shortName: o.shortName ?? '', level: o.level, state: o.state ?? '', type: o.type, parentId: o.parentId ?? '', allowSubdomains: o.allowSubdomains ? 'on' : '' },
    errors: {},
  };
}

export async function officeOrganisationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const idOf = (request: FastifyRequest) => (request.params as IdParams).id;

  /** The edit page; `which` says which of its two forms came back with the request. */
  async function editPage(request: FastifyRequest, which: 'details' | 'domain') {
    const organisation = await organisations.organisationForOffice(db, request.actor, idOf(request));
    const choices = await organisations.organisationChoices(db);
    return (ctx: ViewContext, form: FormState) =>
      h(EditOrganisationPage, {
        ctx,
        organisation,
        choices,
        form: which === 'details' ? form : valuesOf(organisation),
        domainForm: which === 'domain' ? form : emptyForm,
      });
  }

  app.get(LIST, { ...office, schema: { querystring: DirectoryQuery } }, async (request, reply) => {
    const query = request.query as DirectoryQuery;
    const page = await organisations.browseOrganisations(db, request.actor, { q: query.q, level: query.level || undefined, state: query.state || undefined, offset: query.offset });
    return sendPage(reply, h(OfficeOrganisationsPage, { ctx: viewContext(request, reply), query, page }));
  });

  const newPage = async () => {
    const choices = await organisations.organisationChoices(db);
    return (ctx: ViewContext, form: FormState) => h(NewOrganisationPage, { ctx, form, choices });
  };

  app.get(`${LIST}/neu`, office, async (request, reply) => showForm(request, reply, await newPage(), emptyForm));

  app.post(`${LIST}/neu`, office, async (request, reply) =>
    submitForm(request, reply, OrganisationForm, await newPage(), async (form) => {
      const id = await organisations.createOrganisation(db, request.actor, form);
      return redirectAfterPost(reply, `${LIST}/${id}`, { kind: 'success', key: 'org.office.created', params: { name: form.name } });
    }),
  );

  app.get(`${LIST}/:id`, { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const organisation = await organisations.organisationForOffice(db, request.actor, idOf(request));
    return showForm(request, reply, await editPage(request, 'details'), valuesOf(organisation));
  });

  app.post(`${LIST}/:id`, { ...office, schema: { params: IdParams } }, async (request, reply) =>
    submitForm(request, reply, OrganisationForm, await editPage(request, 'details'), async (form) => {
      await organisations.updateOrganisation(db, request.actor, idOf(request), form);
      return redirectAfterPost(reply, `${LIST}/${idOf(request)}`, { kind: 'success', key: 'org.office.saved' });
    }),
  );

  app.post(`${LIST}/:id/domains`, { ...office, schema: { params: IdParams } }, async (request, reply) =>
    submitForm(request, reply, DomainForm, await editPage(request, 'domain'), async (form) => {
      const domain = await organisations.addDomain(db, request.actor, idOf(request), form.domain);
      return redirectAfterPost(reply, `${LIST}/${idOf(request)}#domains-title`, { kind: 'success', key: 'org.office.domainAdded', params: { domain } });
    }),
  );

  app.post(`${LIST}/:id/domains/entfernen`, { ...office, schema: { params: IdParams } }, async (request, reply) =>
    submitForm(request, reply, DomainForm, await editPage(request, 'domain'), async (form) => {
      await organisations.removeDomain(db, request.actor, idOf(request), form.domain);
      return redirectAfterPost(reply, `${LIST}/${idOf(request)}#domains-title`, { kind: 'success', key: 'org.office.domainRemoved', params: { domain: form.domain } });
    }),
  );
}
