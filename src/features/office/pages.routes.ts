/** /geschaeftsstelle/seiten: the texts of the landing page and the legal pages, per language. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type, type Static } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import type { Lang } from '../../views/i18n/index.js';
import { sitePages, type SitePage } from '../site/site.repo.js';
import * as service from './office.service.js';
import { PageTextForm } from './office.schema.js';
import { PagesPage, PageTextPage, pageSlugs } from './pages.views.js';

const office = { config: { access: 'office' as const } };
const PageParams = Type.Object({ page: Type.String({ maxLength: 40 }), lang: Type.String({ maxLength: 5 }) });

/** The page and language named in the path; anything else does not exist. */
function target(request: FastifyRequest): { page: SitePage; lang: Lang } {
  const params = request.params as Static<typeof PageParams>;
  const page = sitePages.find((p) => pageSlugs[p].slug === params.page);
  if (!page || (params.lang !== 'de' && params.lang !== 'en')) throw new AppError('not_found');
  return { page, lang: params.lang };
}

export async function pageRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  app.get('/geschaeftsstelle/seiten', office, async (request, reply) => {
    const rows = await service.pageOverview(db, request.actor);
    return sendPage(reply, h(PagesPage, { ctx: viewContext(request, reply), rows }));
  });

  app.get('/geschaeftsstelle/seiten/:page/:lang', { ...office, schema: { params: PageParams } }, async (request, reply) => {
    const { page, lang } = target(request);
    const text = await service.currentPageText(db, request.actor, page, lang);
    return showForm(request, reply, (ctx, form) => h(PageTextPage, { ctx, page, lang, form }), { values: { title: text.title, body: text.body }, errors: {} });
  });

  app.post('/geschaeftsstelle/seiten/:page/:lang', { ...office, schema: { params: PageParams } }, async (request, reply) => {
    const { page, lang } = target(request);
    return submitForm(request, reply, PageTextForm, (ctx, form) => h(PageTextPage, { ctx, page, lang, form }), async (form) => {
      await service.savePageText(db, request.actor, page, lang, { title: form.title, body: form.body });
      return redirectAfterPost(reply, '/geschaeftsstelle/seiten', { kind: 'success', key: 'office.pages.saved' });
    });
  });
}
