/**
 * The HTTP foundation every feature stands on: cookies, forms, security headers, CSRF,
 * static assets, who is asking, in which language, whether the route lets them in (deny by
 * default), and one error handler for pages, forms and the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import path from 'node:path';
import { createRequire } from 'node:module';
import { h } from 'preact';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { actorFromAccessToken, actorFromSession, anonymous, type Actor } from './actor.js';
import { AppError, errorCatalogue } from './errors.js';
import { RateLimitedError } from './rate-limit.js';
import { meetsAccess, type Access } from '../features/accounts/accounts.policy.js';
import { safeNext, sendPage, viewContext } from './render.js';
import { translator, type Lang, type MessageKey, type Params } from '../views/i18n/index.js';
import { ErrorPage } from '../views/error-page.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** Who may use the route. Absent means 'member': inside the protected space. */
    access?: Access;
    /** false only for routes that check the Origin instead (JSON sign-in). */
    csrf?: boolean;
  }
}

export const SESSION_COOKIE = 'kp_session';
export const LANG_COOKIE = 'kp_lang';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match ? match[1]! : '';
}

function isForeignOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin !== config.baseUrl.origin && origin !== `${request.protocol}://${request.host}`;
}

export interface HttpDeps {
  config: Config;
  db: Kysely<DB>;
}

export const httpFoundation = fp(async (app: FastifyInstance, { config, db }: HttpDeps) => {
  const require = createRequire(import.meta.url);
  const kernDist = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist');
  const assetsDir = path.resolve(import.meta.dirname, '../../assets');

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.secureCookies ? '__Host-kp_csrf' : 'kp_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, signed: true },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
      if (typeof fromBody === 'string') return fromBody;
      const header = request.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });
  await app.register(fastifyStatic, {
    root: kernDist,
    prefix: '/assets/kern/',
    maxAge: '7d',
    decorateReply: false,
  });
  await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', maxAge: '1h', decorateReply: true });

  // Fastify's types refuse object decorators; null is replaced in the first hook of every request.
  (app.decorateRequest as unknown as (name: string, value: unknown) => void).call(app, 'actor', null);
  app.decorateRequest('lang', 'de');

  app.addHook('onRequest', async (request, reply) => {
    request.actor = anonymous;
    request.lang = request.cookies[LANG_COOKIE] === 'en' ? 'en' : 'de';
    if (request.url.startsWith('/assets/')) return;
    const access = request.routeOptions.config.access ?? 'member';
    const token = bearerToken(request);
    if (token !== null) {
      // Tokens are for the API only; a malformed one is simply no identity.
      if (isApiRequest(request) && token) request.actor = await actorFromAccessToken(db, token);
    } else {
      const raw = request.cookies[SESSION_COOKIE];
      const secret = raw ? request.unsignCookie(raw) : null;
      if (secret?.valid && secret.value) request.actor = await actorFromSession(db, secret.value, config.SESSION_TTL_DAYS);
    }
    if (!request.cookies[LANG_COOKIE] && request.actor.kind === 'user') request.lang = request.actor.user.locale;

    const actor = request.actor;
    if (actor.kind === 'user' && actor.via === 'token' && UNSAFE.has(request.method) && !actor.scopes.includes('write')) {
      throw new AppError('forbidden');
    }
    if (meetsAccess(actor, access)) return;
    if (actor.kind === 'anonymous') {
      if (isApiRequest(request)) throw new AppError('unauthenticated');
      return reply.redirect(`/anmelden?next=${encodeURIComponent(safeNext(request.url))}`, 303);
    }
    // Staff areas do not exist for others; elsewhere a signed-in applicant or partner is told why.
    throw new AppError(access === 'office' || access === 'admin' ? 'not_found' : 'forbidden');
  });

  app.addHook('preValidation', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.headers.authorization) return; // bearer tokens cannot be sent by a foreign page
    if (isForeignOrigin(request, config)) throw new AppError('foreign_origin');
    if (request.routeOptions.config.csrf === false) return;
    await verifyCsrf(app, request, reply);
  });

  app.setNotFoundHandler({ preHandler: undefined }, async (request, reply) => sendError(request, reply, new AppError('not_found')));

  app.setErrorHandler(async (error, request, reply) => {
    return sendError(request, reply, toAppError(error, request));
  });
});

/**
 * Checks the CSRF token of a request. Runs for every state-changing request before its body
 * is validated; routes whose body is parsed later (multipart uploads) call it themselves.
 */
export function verifyCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    app.csrfProtection(request, reply, (err?: Error) => (err ? reject(new AppError('csrf')) : resolve()));
  });
}

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(e.code ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(e.message ?? '')
  );
}

function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string; validation?: unknown[]; validationContext?: string };
  if (e.validation) return new AppError(e.validationContext === 'body' ? 'validation_failed' : 'bad_request');
  if (e.code?.startsWith('FST_CSRF')) return new AppError('csrf');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError(e.statusCode === 404 ? 'not_found' : 'bad_request');
  if (isDatabaseDown(error)) return new AppError('unavailable');
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error.code === 'unavailable') reply.header('retry-after', '5');
  request.actor ??= anonymous;
  request.lang ??= 'de';
  const t = translator(request.lang);
  if (isApiRequest(request)) {
    const body: { code: string; message: string; fields?: Record<string, string> } = { code: error.code, message: t(error.messageKey, error.params) };
    if (Object.keys(error.fields).length > 0) body.fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, t(v)]));
    return reply.status(error.status).header('cache-control', 'no-store').send(body);
  }
  const ctx = viewContext(request, reply);
  return sendPage(reply, h(ErrorPage, { ctx, status: error.status, message: error.messageKey, params: error.params }), error.status);
}

export function apiMessage(request: FastifyRequest, key: MessageKey, params?: Params): string {
  return translator(request.lang)(key, params);
}

export { errorCatalogue };
