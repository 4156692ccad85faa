/** The landing and start page, the legal pages with the feedback form, the language switch, health. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { readForm } from '../../http/forms.js';
import { redirectAfterPost, safeNext, sendPage, viewContext } from '../../http/render.js';
import { LANG_COOKIE } from '../../http/plugin.js';
import { emptyForm } from '../../views/components/forms.js';
import { getProfileSummary } from '../accounts/accounts.repo.js';
import { startPageData } from '../communities/start.service.js';
import { AccessibilityFeedbackForm, LandingPage, LegalPage, StartPage } from './site.views.js';
import { pageText, submitAccessibilityFeedback } from './site.service.js';
import type { SitePage } from './site.repo.js';

const publicRoute = { config: { access: 'public' as const } };

export const FeedbackForm = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 5000 }),
  page: Type.Optional(Type.String({ maxLength: 500 })),
  name: Type.Optional(Type.String({ maxLength: 120 })),
  email: Type.Optional(Type.String({ maxLength: 254, format: 'email', errorMessage: 'account.error.email' })),
});

export async function siteRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;

  app.get('/', publicRoute, async (request, reply) => {
    const ctx = viewContext(request, reply);
    if (request.actor.kind === 'anonymous') return sendPage(reply, h(LandingPage, { ctx, text: await pageText(db, 'landing', request.lang) }));
    const me = await getProfileSummary(db, request.actor.user.id);
    const state = me?.reviewStatus === 'pending' ? 'pending' : me?.reviewStatus === 'declined' ? 'declined' : me?.role === 'partner' ? 'partner' : me?.role === 'applicant' ? 'pending' : 'member';
    const communities = await startPageData(db, request.actor);
    return sendPage(reply, h(StartPage, { ctx, name: request.actor.user.name, state, reviewMessage: me?.reviewMessage ?? null, communities }));
  });

  const legal: [string, SitePage][] = [
    ['/impressum', 'imprint'],
    ['/datenschutz', 'privacy'],
  ];
  for (const [path, page] of legal) {
    app.get(path, publicRoute, async (request, reply) => sendPage(reply, h(LegalPage, { ctx: viewContext(request, reply), text: await pageText(db, page, request.lang) })));
  }

  const accessibilityPage = async (lang: 'de' | 'en') => {
    const text = await pageText(db, 'accessibility', lang);
    return (ctx: Parameters<typeof LegalPage>[0]['ctx'], form: Parameters<typeof AccessibilityFeedbackForm>[0]['form']) =>
      h(LegalPage, { ctx, text, children: h(AccessibilityFeedbackForm, { ctx, form }) });
  };

  app.get('/barrierefreiheit', publicRoute, async (request, reply) => showForm(request, reply, await accessibilityPage(request.lang), emptyForm));

  app.post('/barrierefreiheit', publicRoute, async (request, reply) =>
    submitForm(request, reply, FeedbackForm, await accessibilityPage(request.lang), async (form) => {
      await submitAccessibilityFeedback(deps, form, request.ip);
      return redirectAfterPost(reply, '/barrierefreiheit', { kind: 'success', key: 'feedback.done' });
    }),
  );

  const LanguageForm = Type.Object({ lang: Type.Union([Type.Literal('de'), Type.Literal('en')]), next: Type.Optional(Type.String({ maxLength: 500 })) });
  app.post('/sprache', publicRoute, async (request, reply) => {
    const form = readForm(LanguageForm, request.body);
    const lang = form.ok ? form.value.lang : 'de';
    reply.setCookie(LANG_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 365 * 86400 });
    if (request.actor.kind === 'user') await db.updateTable('users').set({ locale: lang }).where('id', '=', request.actor.user.id).execute();
    return reply.redirect(safeNext(form.ok ? form.value.next : undefined), 303);
  });

  // --- Operations -----------------------------------------------------------------------------
  app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await Promise.race([sql`select 1`.execute(db), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return { status: 'ready' };
    } catch {
      return reply.status(503).header('retry-after', '5').send({ status: 'unavailable' });
    }
  });
}
