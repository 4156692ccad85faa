/** /konto: the person's own account, sessions and personal access tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { endSession } from '../../http/session-cookie.js';
import type { Scope } from '../../http/actor.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import { presentMe } from '../accounts/accounts.present.js';
import * as accounts from '../accounts/accounts.service.js';
import { AccessTokenForm, ChangeEmailForm, ChangePasswordForm } from '../accounts/accounts.schema.js';
import { ConfirmLinkPage, MessagePage } from '../accounts/accounts.views.js';
import * as service from './account.service.js';
import { AccountPage, EmailPage, PasswordPage, SessionsPage, TokensPage } from './account.views.js';

const signedIn = { config: { access: 'signedIn' as const } };
const IdParams = Type.Object({ id: Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });
const NameForm = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }) });
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function userId(request: FastifyRequest): string {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
  return request.actor.user.id;
}

export async function selfServiceRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const meta = (request: FastifyRequest) => ({ ip: request.ip, lang: request.lang });

  app.get('/konto', signedIn, async (request, reply) => {
    const me = await presentMe(db, config, userId(request));
    return showForm(request, reply, (ctx, form) => h(AccountPage, { ctx, me, form }), { values: { name: me.name }, errors: {} });
  });

  app.post('/konto', signedIn, async (request, reply) => {
    const me = await presentMe(db, config, userId(request));
    return submitForm(request, reply, NameForm, (ctx, form) => h(AccountPage, { ctx, me, form }), async (form) => {
      await service.renameSelf(db, request.actor, form.name);
      return redirectAfterPost(reply, '/konto', { kind: 'success', key: 'konto.saved' });
    });
  });

  // --- Password and address: both need the current password -----------------------------------
  const passwordPage = (ctx: Parameters<typeof PasswordPage>[0]['ctx'], form: FormState) => h(PasswordPage, { ctx, form });
  app.get('/konto/passwort', signedIn, async (request, reply) => showForm(request, reply, passwordPage, emptyForm));
  app.post('/konto/passwort', signedIn, async (request, reply) =>
    submitForm(request, reply, ChangePasswordForm, passwordPage, async (form) => {
      await accounts.changePassword(deps, request.actor, form.currentPassword, form.password, meta(request));
      return redirectAfterPost(reply, '/konto', { kind: 'success', key: 'konto.passwordChanged' });
    }),
  );

  app.get('/konto/email', signedIn, async (request, reply) => {
    const me = await presentMe(db, config, userId(request));
    return showForm(request, reply, (ctx, form) => h(EmailPage, { ctx, form, current: me.email }), emptyForm);
  });
  app.post('/konto/email', signedIn, async (request, reply) => {
    const me = await presentMe(db, config, userId(request));
    return submitForm(request, reply, ChangeEmailForm, (ctx, form) => h(EmailPage, { ctx, form, current: me.email }), async (form) => {
      await accounts.requestEmailChange(deps, request.actor, form.currentPassword, form.email, meta(request));
      return redirectAfterPost(reply, '/konto', { kind: 'info', key: 'konto.emailSent' });
    });
  });

  // The confirmation link works without a session: it may be opened on another device.
  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, h(MessagePage, { ctx: viewContext(request, reply), title: 'token.invalidTitle', body: 'token.invalidBody', kind: 'warning' }), 410);
  app.get('/konto/email/bestaetigen/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token) || !(await accounts.isEmailChangeTokenValid(deps, token))) return invalidLink(request, reply);
    return sendPage(reply, h(ConfirmLinkPage, { ctx: viewContext(request, reply), title: 'konto.emailConfirmTitle', lead: 'konto.emailConfirmLead', action: `/konto/email/bestaetigen/${token}`, submit: 'confirm.submit' }));
  });
  app.post('/konto/email/bestaetigen/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token)) return invalidLink(request, reply);
    try {
      await accounts.confirmEmailChange(deps, token);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'token_invalid' || error.code === 'email_taken')) return invalidLink(request, reply);
      throw error;
    }
    return redirectAfterPost(reply, request.actor.kind === 'user' ? '/konto' : '/anmelden', { kind: 'success', key: 'konto.emailChanged' });
  });

  // --- Sessions ------------------------------------------------------------------------------
  app.get('/konto/sitzungen', signedIn, async (request, reply) =>
    sendPage(reply, h(SessionsPage, { ctx: viewContext(request, reply), sessions: await service.listOwnSessions(db, request.actor) })),
  );

  app.post('/konto/sitzungen/andere-beenden', signedIn, async (request, reply) => {
    const count = await service.endOtherSessions(db, request.actor);
    return redirectAfterPost(reply, '/konto/sitzungen', { kind: 'success', key: 'sessions.endedOthers', params: { count } });
  });

  app.post('/konto/sitzungen/:id/beenden', { ...signedIn, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const self = request.actor;
    await service.endOwnSession(db, self, id);
    if (self.kind === 'user' && self.via === 'session' && self.sessionId === id) {
      await endSession(db, request, reply);
      return redirectAfterPost(reply, '/', { kind: 'info', key: 'signOut.done' });
    }
    return redirectAfterPost(reply, '/konto/sitzungen', { kind: 'success', key: 'sessions.ended' });
  });

  // --- Personal access tokens ------------------------------------------------------------------
  const tokensPage = async (request: FastifyRequest, created?: string) => {
    const tokens = await service.listOwnAccessTokens(db, request.actor);
    return (ctx: Parameters<typeof TokensPage>[0]['ctx'], form: FormState) => h(TokensPage, { ctx, tokens, form, created });
  };

  app.get('/konto/zugangstoken', signedIn, async (request, reply) => showForm(request, reply, await tokensPage(request), emptyForm));

  // The secret is shown once, in the answer to the POST itself: it must not travel in a
  // cookie or a URL, and it is never stored in a readable form.
  app.post('/konto/zugangstoken', signedIn, async (request, reply) =>
    submitForm(request, reply, AccessTokenForm, await tokensPage(request), async (form) => {
      const secret = await service.createAccessToken(db, request.actor, form.name, form.scopes as Scope[]);
      return showForm(request, reply, await tokensPage(request, secret), emptyForm, 201);
    }),
  );

  app.post('/konto/zugangstoken/:id/widerrufen', { ...signedIn, schema: { params: IdParams } }, async (request, reply) => {
    await service.revokeAccessToken(db, request.actor, (request.params as { id: string }).id);
    return redirectAfterPost(reply, '/konto/zugangstoken', { kind: 'success', key: 'tokens.revoked' });
  });
}
