/** Joining and signing in: pages and the JSON session API. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { emptyForm, type OptionGroup } from '../../views/components/forms.js';
import { redirectAfterPost, safeNext, sendPage, viewContext } from '../../http/render.js';
import { endSession, startSession } from '../../http/session-cookie.js';
import { translator } from '../../views/i18n/index.js';
import { listOrganisationChoices } from '../organisations/organisations.repo.js';
import { levels } from '../organisations/organisations.schema.js';
import * as service from './accounts.service.js';
import { EmailOnlyForm, NewPasswordForm, RegisterForm, SignInBody } from './accounts.schema.js';
import { ConfirmLinkPage, EmailRequestPage, MessagePage, RegisterPage, ResetPasswordPage, SignInPage } from './accounts.views.js';
import { MeResponse, presentMe } from './accounts.present.js';
import { ErrorResponse } from '../api/api.schema.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const publicRoute = { config: { access: 'public' as const } };

export async function accountRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const meta = (request: { ip: string; lang: 'de' | 'en' }) => ({ ip: request.ip, lang: request.lang });

  async function organisationGroups(lang: 'de' | 'en'): Promise<OptionGroup[]> {
    const t = translator(lang);
    const rows = await listOrganisationChoices(db);
    return levels.map((level) => ({ label: t(`level.${level}`), options: rows.filter((r) => r.level === level).map((r) => ({ value: r.id, label: r.name })) }));
  }

  const invalidLink = (request: Parameters<typeof viewContext>[0], reply: Parameters<typeof viewContext>[1]) =>
    sendPage(reply, h(MessagePage, { ctx: viewContext(request, reply), title: 'token.invalidTitle', body: 'token.invalidBody', kind: 'warning' }), 410);

  // --- Registration and confirmation -------------------------------------------------------
  app.get('/registrieren', publicRoute, async (request, reply) => {
    const groups = await organisationGroups(request.lang);
    return showForm(request, reply, (ctx, form) => h(RegisterPage, { ctx, form, organisations: groups }), emptyForm);
  });

  app.post('/registrieren', publicRoute, async (request, reply) => {
    const groups = await organisationGroups(request.lang);
    return submitForm(request, reply, RegisterForm, (ctx, form) => h(RegisterPage, { ctx, form, organisations: groups }), async (form) => {
      await service.register(deps, form, meta(request));
      return redirectAfterPost(reply, '/registrieren/postfach');
    });
  });

  app.get('/registrieren/postfach', publicRoute, async (request, reply) =>
    sendPage(reply, h(MessagePage, { ctx: viewContext(request, reply), title: 'register.checkMailTitle', body: 'register.checkMailBody' })),
  );

  app.get('/registrieren/bestaetigen/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token) || !(await service.isConfirmTokenValid(deps, token))) return invalidLink(request, reply);
    return sendPage(reply, h(ConfirmLinkPage, { ctx: viewContext(request, reply), title: 'confirm.title', lead: 'confirm.lead', action: `/registrieren/bestaetigen/${token}`, submit: 'confirm.submit' }));
  });

  app.post('/registrieren/bestaetigen/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token)) return invalidLink(request, reply);
    try {
      const outcome = await service.confirmEmail(deps, token);
      await startSession(db, config, request, reply, outcome.userId);
      return redirectAfterPost(reply, '/', { kind: 'success', key: outcome.verified ? 'confirm.doneMember' : 'confirm.doneApplicant' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'token_invalid') return invalidLink(request, reply);
      throw error;
    }
  });

  // --- Sign in and out ----------------------------------------------------------------------
  const signInPage = (next: string) => (ctx: Parameters<typeof SignInPage>[0]['ctx'], form: Parameters<typeof SignInPage>[0]['form']) => h(SignInPage, { ctx, form, next });

  app.get('/anmelden', publicRoute, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.actor.kind === 'user') return reply.redirect(next, 303);
    return showForm(request, reply, signInPage(next), emptyForm);
  });

  app.post('/anmelden', publicRoute, async (request, reply) => {
    const next = safeNext((request.body as Record<string, unknown> | undefined)?.next);
    return submitForm(request, reply, SignInBody, signInPage(next), async (form) => {
      try {
        const userId = await service.signInWithPassword(deps, form.email, form.password, meta(request));
        await startSession(db, config, request, reply, userId);
        return redirectAfterPost(reply, next, { kind: 'success', key: 'signIn.done' });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'invalid_credentials' || error.code === 'email_unconfirmed')) {
          throw new AppError('validation_failed', { password: error.messageKey });
        }
        throw error;
      }
    });
  });

  app.post('/abmelden', publicRoute, async (request, reply) => {
    await endSession(db, request, reply);
    return redirectAfterPost(reply, '/', { kind: 'info', key: 'signOut.done' });
  });

  const linkRequestPage = (ctx: Parameters<typeof EmailRequestPage>[0]['ctx'], form: Parameters<typeof EmailRequestPage>[0]['form']) =>
    h(EmailRequestPage, { ctx, form, title: 'link.title', lead: 'link.lead', action: '/anmelden/link', submit: 'link.submit' });

  app.get('/anmelden/link', publicRoute, async (request, reply) => showForm(request, reply, linkRequestPage, emptyForm));

  app.post('/anmelden/link', publicRoute, async (request, reply) =>
    submitForm(request, reply, EmailOnlyForm, linkRequestPage, async (form) => {
      await service.requestSignInLink(deps, form.email, meta(request));
      return redirectAfterPost(reply, '/anmelden/link/gesendet');
    }),
  );

  app.get('/anmelden/link/gesendet', publicRoute, async (request, reply) =>
    sendPage(reply, h(MessagePage, { ctx: viewContext(request, reply), title: 'link.sentTitle', body: 'link.sentBody' })),
  );

  app.get('/anmelden/link/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token) || !(await service.isSignInTokenValid(deps, token))) return invalidLink(request, reply);
    return sendPage(reply, h(ConfirmLinkPage, { ctx: viewContext(request, reply), title: 'link.useTitle', lead: 'link.useLead', action: `/anmelden/link/${token}`, submit: 'signIn.submit' }));
  });

  app.post('/anmelden/link/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token)) return invalidLink(request, reply);
    try {
      const userId = await service.consumeSignInLink(deps, token);
      await startSession(db, config, request, reply, userId);
      return redirectAfterPost(reply, '/', { kind: 'success', key: 'signIn.done' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'token_invalid') return invalidLink(request, reply);
      throw error;
    }
  });

  // --- Forgotten password -------------------------------------------------------------------
  const resetRequestPage = (ctx: Parameters<typeof EmailRequestPage>[0]['ctx'], form: Parameters<typeof EmailRequestPage>[0]['form']) =>
    h(EmailRequestPage, { ctx, form, title: 'forgot.title', lead: 'forgot.lead', action: '/passwort-vergessen', submit: 'forgot.submit' });

  app.get('/passwort-vergessen', publicRoute, async (request, reply) => showForm(request, reply, resetRequestPage, emptyForm));

  app.post('/passwort-vergessen', publicRoute, async (request, reply) =>
    submitForm(request, reply, EmailOnlyForm, resetRequestPage, async (form) => {
      await service.requestPasswordReset(deps, form.email, meta(request));
      return redirectAfterPost(reply, '/passwort-vergessen/gesendet');
    }),
  );

  app.get('/passwort-vergessen/gesendet', publicRoute, async (request, reply) =>
    sendPage(reply, h(MessagePage, { ctx: viewContext(request, reply), title: 'forgot.sentTitle', body: 'forgot.sentBody' })),
  );

  app.get('/passwort-zuruecksetzen/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token) || !(await service.isResetTokenValid(deps, token))) return invalidLink(request, reply);
    return showForm(request, reply, (ctx, form) => h(ResetPasswordPage, { ctx, form, token }), emptyForm);
  });

  app.post('/passwort-zuruecksetzen/:token', { ...publicRoute, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token) || !(await service.isResetTokenValid(deps, token))) return invalidLink(request, reply);
    try {
      return await submitForm(request, reply, NewPasswordForm, (ctx, form) => h(ResetPasswordPage, { ctx, form, token }), async (form) => {
        await service.resetPassword(deps, token, form.password);
        await endSession(db, request, reply);
        return redirectAfterPost(reply, '/anmelden', { kind: 'success', key: 'reset.done' });
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'token_invalid') return invalidLink(request, reply);
      throw error;
    }
  });

  // --- JSON API ------------------------------------------------------------------------------
  app.post(
    '/api/v1/session',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags: ['session'],
        summary: 'Sign in with e-mail and password',
        description: 'Sets the session cookie and answers the person and a CSRF token for later cookie-authenticated writes (header x-csrf-token). Requests with a foreign Origin are refused.',
        body: SignInBody,
        response: { 200: Type.Object({ user: MeResponse, csrfToken: Type.String() }), 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as { email: string; password: string };
      const userId = await service.signInWithPassword(deps, body.email, body.password, meta(request));
      await startSession(db, config, request, reply, userId);
      return { user: await presentMe(db, config, userId), csrfToken: reply.generateCsrf() };
    },
  );

  app.delete(
    '/api/v1/session',
    { config: { access: 'signedIn' }, schema: { tags: ['session'], summary: 'Sign out (ends this session)', response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } } },
    async (request, reply) => {
      await endSession(db, request, reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: 'signedIn' }, schema: { tags: ['me'], summary: 'The signed-in person', response: { 200: MeResponse, 401: ErrorResponse } } },
    async (request) => {
      if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
      return presentMe(db, config, request.actor.user.id);
    },
  );
}
