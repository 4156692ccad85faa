/** The mail settings page: one form with a choice per kind and per community; 422 with the input kept. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '../../app.js';
import { showForm, type FormPage } from '../../http/form-page.js';
import { redirectAfterPost } from '../../http/render.js';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import type { CommunityDelivery, Delivery, NotificationKind } from '../../db/schema.js';
import { NOTIFICATION_KINDS } from './kinds.js';
import { viewerOfActor } from './notifications.routes.js';
import { isCommunityDelivery, isDelivery, loadSettings, saveSettings, type Settings } from './settings.service.js';
import { communityField, DEFAULT_VALUE, kindField, SettingsPage } from './settings.views.js';

function valuesOf(settings: Settings): FormValues {
  const values: FormValues = {};
  for (const kind of NOTIFICATION_KINDS) values[kindField(kind)] = settings.kinds[kind];
  for (const c of settings.communities) values[communityField(c.slug)] = c.delivery ?? DEFAULT_VALUE;
  return values;
}

/** Reads the submitted form: every field optional (absent: unchanged), every present value checked. */
function readSettingsForm(settings: Settings, body: unknown) {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = valuesOf(settings);
  const errors: FieldErrors = {};
  const kinds: Partial<Record<NotificationKind, Delivery>> = {};
  const communities: { id: string; delivery: CommunityDelivery | null }[] = [];
  const read = (name: string): string | undefined => {
    if (!Object.hasOwn(source, name)) return undefined;
    const raw = source[name];
    const text = typeof raw === 'string' ? raw.trim().slice(0, 100) : '';
    values[name] = text;
    if (typeof raw !== 'string') errors[name] = { key: 'notificationsUi.settings.invalid' };
    return text;
  };
  for (const kind of NOTIFICATION_KINDS) {
    const name = kindField(kind);
    const value = read(name);
    if (value === undefined || errors[name]) continue;
    if (isDelivery(value)) kinds[kind] = value;
    else errors[name] = { key: 'notificationsUi.settings.invalid' };
  }
  for (const c of settings.communities) {
    const name = communityField(c.slug);
    const value = read(name);
    if (value === undefined || errors[name]) continue;
    if (value === DEFAULT_VALUE) communities.push({ id: c.id, delivery: null });
    else if (isCommunityDelivery(value)) communities.push({ id: c.id, delivery: value });
    else errors[name] = { key: 'notificationsUi.settings.invalid' };
  }
  return { values, errors, change: { kinds, communities } };
}

export async function notificationSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const signedIn = { config: { access: 'signedIn' as const } };

  const page =
    (settings: Settings): FormPage =>
    (ctx, form) =>
      h(SettingsPage, { ctx, form, communities: settings.communities, activity: settings.kinds.activity });

  const load = (request: FastifyRequest) => loadSettings(db, viewerOfActor(request.actor));

  app.get('/konto/benachrichtigungen', signedIn, async (request, reply) => {
    const settings = await load(request);
    return showForm(request, reply, page(settings), { values: valuesOf(settings), errors: {} });
  });

  app.post('/konto/benachrichtigungen', signedIn, async (request, reply) => {
    const settings = await load(request);
    const form = readSettingsForm(settings, request.body);
    if (Object.keys(form.errors).length > 0) return showForm(request, reply, page(settings), { values: form.values, errors: form.errors }, 422);
    await saveSettings(db, viewerOfActor(request.actor), form.change);
    return redirectAfterPost(reply, '/konto/benachrichtigungen', { kind: 'success', key: 'notificationsUi.settings.saved' });
  });
}
