/** /geschaeftsstelle/nutzer: search people, change roles, suspend accounts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import type { ViewContext } from '../../views/context.js';
import { translator } from '../../views/i18n/index.js';
import { assignableRoles, canSuspend } from './office.policy.js';
import * as service from './users.service.js';
import { IdParams, RoleForm, UserSearchQuery } from './office.schema.js';
import { UserPage, UsersPage, type UserDetail } from './users.views.js';

const office = { config: { access: 'office' as const } };

function actionsFor(actor: Actor, user: UserDetail) {
  return { roles: assignableRoles(actor, user), canSuspend: canSuspend(actor, user), self: actor.kind === 'user' && actor.user.id === user.id };
}

export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const userPage = (request: FastifyRequest, user: UserDetail) => (ctx: ViewContext, form: FormState) => h(UserPage, { ctx, user, actions: actionsFor(request.actor, user), form });
  const idOf = (request: FastifyRequest) => (request.params as IdParams).id;

  app.get('/geschaeftsstelle/nutzer', { ...office, schema: { querystring: UserSearchQuery } }, async (request, reply) => {
    const query = request.query as UserSearchQuery;
    const page = await service.searchUsers(db, request.actor, query);
    return sendPage(reply, h(UsersPage, { ctx: viewContext(request, reply), q: query.q ?? '', offset: query.offset ?? 0, page }));
  });

  app.get('/geschaeftsstelle/nutzer/:id', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const user = await service.userForOffice(db, request.actor, idOf(request));
    return showForm(request, reply, userPage(request, user), emptyForm);
  });

  app.post('/geschaeftsstelle/nutzer/:id/rolle', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const user = await service.userForOffice(db, request.actor, idOf(request));
    return submitForm(request, reply, RoleForm, userPage(request, user), async (form, values) => {
      try {
        const outcome = await service.changeRole(db, request.actor, user.id, form.role);
        return redirectAfterPost(reply, `/geschaeftsstelle/nutzer/${user.id}`, {
          kind: 'success',
          key: 'office.users.roleChanged',
          params: { name: outcome.name, role: translator(request.lang)(`role.${outcome.role}`) },
        });
      } catch (error) {
        // Not allowed: the same page with the reason at the field, answered 403.
        if (error instanceof AppError && error.code === 'forbidden') {
          return showForm(request, reply, userPage(request, user), { values, errors: { role: { key: 'office.users.error.roleNotAllowed' } } }, 403);
        }
        throw error;
      }
    });
  });

  for (const [path, suspend] of [['sperren', true], ['entsperren', false]] as const) {
    app.post(`/geschaeftsstelle/nutzer/:id/${path}`, { ...office, schema: { params: IdParams } }, async (request, reply) => {
      const user = await service.userForOffice(db, request.actor, idOf(request));
      try {
        const outcome = suspend ? await service.suspendUser(db, request.actor, user.id) : await service.unsuspendUser(db, request.actor, user.id);
        return redirectAfterPost(reply, `/geschaeftsstelle/nutzer/${user.id}`, { kind: 'success', key: suspend ? 'office.users.suspended' : 'office.users.unsuspended', params: { name: outcome.name } });
      } catch (error) {
        if (error instanceof AppError && error.code === 'forbidden') {
          const reason = actionsFor(request.actor, user).self ? 'office.users.ownRole' : 'office.users.onlyAdmin';
          return showForm(request, reply, userPage(request, user), { values: {}, errors: { _form: { key: reason } } }, 403);
        }
        throw error;
      }
    });
  }
}
