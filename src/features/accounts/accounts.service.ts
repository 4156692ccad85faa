/**
 * Joining and signing in: registration, e-mail confirmation and verification as public-sector
 * staff, password and one-time-link sign-in, password reset, and changes that need the
 * current password. Plain functions: (deps, input) -> result, errors from the catalogue.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { enforceLimits } from '../../http/rate-limit.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { normaliseEmail } from '../../lib/email.js';
import type { Mailer } from '../../mail/mailer.js';
import { composeMail } from '../../mail/compose.js';
import type { Lang } from '../../views/i18n/index.js';
import { findOrganisationForDomain, organisationExists } from '../organisations/organisations.repo.js';
import * as repo from './accounts.repo.js';
import type { RegisterForm } from './accounts.schema.js';

export interface AccountDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  config: Config;
}

export interface RequestMeta {
  ip: string;
  lang: Lang;
}

/** Token lifetimes: short for sign-in links, longer where a person may read mail later. */
const TTL_MINUTES = { confirm_email: 48 * 60, sign_in: 15, reset_password: 60, change_email: 24 * 60 } as const;

// Verifying against this hash when no account exists keeps the answer time the same.
const DUMMY_HASH = await hash('dummy-password-for-timing-only');

export const hashPassword = (password: string) => hash(password);

function link(config: Config, path: string): string {
  return new URL(path, config.baseUrl).toString();
}

async function limit(deps: AccountDeps, action: string, meta: RequestMeta, email: string): Promise<void> {
  const { config } = deps;
  await enforceLimits(
    deps.db,
    [
      { key: `${action}:ip:${meta.ip}`, max: config.RATE_LIMIT_MAX_PER_IP },
      { key: `${action}:account:${sha256(email.trim().toLowerCase())}`, max: config.RATE_LIMIT_MAX_PER_ACCOUNT },
    ],
    config.RATE_LIMIT_WINDOW_SECONDS,
  );
}

async function sendConfirmation(deps: AccountDeps, user: { id: string; email: string; name: string }, lang: Lang): Promise<void> {
  const token = newSecret();
  await repo.insertToken(deps.db, token, { userId: user.id, purpose: 'confirm_email', email: user.email, ttlMinutes: TTL_MINUTES.confirm_email });
  await deps.mailer.send(
    composeMail({
      to: user.email,
      lang,
      subject: 'mail.confirm.subject',
      paragraphs: ['mail.confirm.body', 'mail.ignore'],
      params: { name: user.name },
      action: { label: 'mail.confirm.action', url: link(deps.config, `/registrieren/bestaetigen/${token}`) },
    }),
  );
}

/**
 * Registers an applicant and mails a confirmation link. An address that is already
 * registered gets the same answer (no enumeration) and a mail that tells its owner.
 */
export async function register(deps: AccountDeps, form: RegisterForm, meta: RequestMeta): Promise<void> {
  await limit(deps, 'register', meta, form.email);
  const email = normaliseEmail(form.email);
  if (!email) throw new AppError('validation_failed', { email: 'account.error.email' });
  const chosenOrg = form.organisationId && form.organisationId !== 'other' ? form.organisationId : null;
  if (chosenOrg && !(await organisationExists(deps.db, chosenOrg))) throw new AppError('validation_failed', { organisationId: 'account.error.organisation' });
  if (!chosenOrg && !form.organisationOther) throw new AppError('validation_failed', { organisationOther: 'account.error.organisationOther' });

  const existing = await repo.findUserByEmail(deps.db, email.address);
  if (existing) {
    await deps.mailer.send(
      composeMail({
        to: existing.email,
        lang: existing.locale,
        subject: 'mail.alreadyRegistered.subject',
        paragraphs: ['mail.alreadyRegistered.body', 'mail.ignore'],
        params: { name: existing.name },
        action: { label: 'mail.alreadyRegistered.action', url: link(deps.config, '/passwort-vergessen') },
      }),
    );
    return;
  }
  const user = { id: newId(), email: email.address, name: form.name };
  const inserted = await deps.db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      passwordHash: await hash(form.password),
      role: 'applicant',
      organisationId: chosenOrg,
      organisationOther: chosenOrg ? null : (form.organisationOther ?? null),
      applicationReason: form.reason ?? null,
      locale: meta.lang,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return; // registered in parallel: same answer as above
  await sendConfirmation(deps, user, meta.lang);
}

export type ConfirmOutcome = { userId: string; verified: boolean };

/**
 * Confirms the address from the link. An address on a directory domain (exactly, or as a
 * subdomain where the organisation allows it) makes the person a member at once; everyone
 * else waits in the office's review queue.
 */
export async function confirmEmail(deps: AccountDeps, token: string): Promise<ConfirmOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.consumeToken(trx, token, 'confirm_email');
    if (!row) throw new AppError('token_invalid');
    const user = await repo.findUserById(trx, row.userId);
    if (!user) throw new AppError('token_invalid');
    const email = normaliseEmail(user.email);
    const organisation = email ? await findOrganisationForDomain(trx, email.domain) : undefined;
    const now = new Date();
    if (user.role !== 'applicant') {
      await trx.updateTable('users').set({ emailConfirmedAt: now, updatedAt: now }).where('id', '=', user.id).execute();
      return { userId: user.id, verified: true };
    }
    if (organisation) {
      await trx
        .updateTable('users')
        .set({ emailConfirmedAt: now, role: 'member', organisationId: organisation.id, organisationOther: null, verifiedVia: 'domain', verifiedAt: now, reviewStatus: null, updatedAt: now })
        .where('id', '=', user.id)
        .execute();
      return { userId: user.id, verified: true };
    }
    await trx.updateTable('users').set({ emailConfirmedAt: now, reviewStatus: 'pending', updatedAt: now }).where('id', '=', user.id).execute();
    return { userId: user.id, verified: false };
  });
}

/** Checks e-mail and password; answers the person's id. Unknown address and wrong password look alike. */
export async function signInWithPassword(deps: AccountDeps, email: string, password: string, meta: RequestMeta): Promise<string> {
  await limit(deps, 'signin', meta, email);
  const normalised = normaliseEmail(email);
  const user = normalised ? await repo.findUserByEmail(deps.db, normalised.address) : undefined;
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!user || !user.passwordHash || !ok || user.suspendedAt) throw new AppError('invalid_credentials');
  if (!user.emailConfirmedAt) {
    await sendConfirmation(deps, user, user.locale);
    throw new AppError('email_unconfirmed');
  }
  return user.id;
}

async function mailLinkIfKnown(
  deps: AccountDeps,
  email: string,
  purpose: 'sign_in' | 'reset_password',
  build: (user: { email: string; name: string; locale: Lang }, token: string) => ReturnType<typeof composeMail>,
): Promise<void> {
  const normalised = normaliseEmail(email);
  const user = normalised ? await repo.findUserByEmail(deps.db, normalised.address) : undefined;
  if (!user || user.suspendedAt || !user.emailConfirmedAt) return;
  const token = newSecret();
  await repo.insertToken(deps.db, token, { userId: user.id, purpose, email: user.email, ttlMinutes: TTL_MINUTES[purpose] });
  await deps.mailer.send(build(user, token));
}

/** Mails a one-time sign-in link; the answer is the same whether or not the address is known. */
export async function requestSignInLink(deps: AccountDeps, email: string, meta: RequestMeta): Promise<void> {
  await limit(deps, 'link', meta, email);
  await mailLinkIfKnown(deps, email, 'sign_in', (user, token) =>
    composeMail({
      to: user.email,
      lang: user.locale,
      subject: 'mail.signInLink.subject',
      paragraphs: ['mail.signInLink.body', 'mail.ignore'],
      params: { name: user.name, minutes: TTL_MINUTES.sign_in },
      action: { label: 'mail.signInLink.action', url: link(deps.config, `/anmelden/link/${token}`) },
    }),
  );
}

export async function consumeSignInLink(deps: AccountDeps, token: string): Promise<string> {
  const row = await repo.consumeToken(deps.db, token, 'sign_in');
  if (!row) throw new AppError('token_invalid');
  return row.userId;
}

export async function requestPasswordReset(deps: AccountDeps, email: string, meta: RequestMeta): Promise<void> {
  await limit(deps, 'reset', meta, email);
  await mailLinkIfKnown(deps, email, 'reset_password', (user, token) =>
    composeMail({
      to: user.email,
      lang: user.locale,
      subject: 'mail.reset.subject',
      paragraphs: ['mail.reset.body', 'mail.ignore'],
      params: { name: user.name, minutes: TTL_MINUTES.reset_password },
      action: { label: 'mail.reset.action', url: link(deps.config, `/passwort-zuruecksetzen/${token}`) },
    }),
  );
}

export const isResetTokenValid = (deps: AccountDeps, token: string) => repo.peekToken(deps.db, token, 'reset_password');
export const isSignInTokenValid = (deps: AccountDeps, token: string) => repo.peekToken(deps.db, token, 'sign_in');
export const isConfirmTokenValid = (deps: AccountDeps, token: string) => repo.peekToken(deps.db, token, 'confirm_email');
export const isEmailChangeTokenValid = (deps: AccountDeps, token: string) => repo.peekToken(deps.db, token, 'change_email');

/** Sets a new password from a reset link; ends every session and every other open link. */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<string> {
  const passwordHash = await hash(password);
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.consumeToken(trx, token, 'reset_password');
    if (!row) throw new AppError('token_invalid');
    await trx.updateTable('users').set({ passwordHash, updatedAt: new Date() }).where('id', '=', row.userId).execute();
    await repo.invalidateTokens(trx, row.userId, ['reset_password', 'sign_in']);
    await repo.deleteSessions(trx, row.userId, {});
    return row.userId;
  });
}

function signedInUser(actor: Actor): { id: string; sessionId: string | undefined } {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return { id: actor.user.id, sessionId: actor.via === 'session' ? actor.sessionId : undefined };
}

async function checkCurrentPassword(deps: AccountDeps, userId: string, password: string, meta: RequestMeta): Promise<void> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated');
  await limit(deps, 'reauth', meta, user.email);
  const ok = user.passwordHash ? await verify(user.passwordHash, password).catch(() => false) : false;
  if (!ok) throw new AppError('validation_failed', { currentPassword: 'account.error.currentPassword' });
}

/** Changes the password (current one required) and ends all other sessions. */
export async function changePassword(deps: AccountDeps, actor: Actor, current: string, password: string, meta: RequestMeta): Promise<void> {
  const me = signedInUser(actor);
  await checkCurrentPassword(deps, me.id, current, meta);
  await deps.db.updateTable('users').set({ passwordHash: await hash(password), updatedAt: new Date() }).where('id', '=', me.id).execute();
  await repo.deleteSessions(deps.db, me.id, { except: me.sessionId });
  await repo.invalidateTokens(deps.db, me.id, ['reset_password', 'sign_in']);
}

/** Starts an address change: the new address must confirm it; the old one is told. */
export async function requestEmailChange(deps: AccountDeps, actor: Actor, current: string, newEmail: string, meta: RequestMeta): Promise<void> {
  const me = signedInUser(actor);
  await checkCurrentPassword(deps, me.id, current, meta);
  const email = normaliseEmail(newEmail);
  if (!email) throw new AppError('validation_failed', { email: 'account.error.email' });
  const user = (await repo.findUserById(deps.db, me.id))!;
  if (email.address === user.email) throw new AppError('validation_failed', { email: 'account.error.sameEmail' });
  if (await repo.findUserByEmail(deps.db, email.address)) throw new AppError('email_taken', { email: 'account.error.emailTaken' });
  await repo.invalidateTokens(deps.db, me.id, ['change_email']);
  const token = newSecret();
  await repo.insertToken(deps.db, token, { userId: me.id, purpose: 'change_email', email: email.address, ttlMinutes: TTL_MINUTES.change_email });
  await deps.mailer.send(
    composeMail({
      to: email.address,
      lang: user.locale,
      subject: 'mail.changeEmail.subject',
      paragraphs: ['mail.changeEmail.body', 'mail.ignore'],
      params: { name: user.name },
      action: { label: 'mail.changeEmail.action', url: link(deps.config, `/konto/email/bestaetigen/${token}`) },
    }),
  );
  await deps.mailer.send(
    composeMail({ to: user.email, lang: user.locale, subject: 'mail.changeEmailNotice.subject', paragraphs: ['mail.changeEmailNotice.body'], params: { name: user.name, email: email.address } }),
  );
}

/** Completes an address change; the old address's open links die with it. */
export async function confirmEmailChange(deps: AccountDeps, token: string): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.consumeToken(trx, token, 'change_email');
    if (!row) throw new AppError('token_invalid');
    if (await repo.findUserByEmail(trx, row.email)) throw new AppError('email_taken', { email: 'account.error.emailTaken' });
    await trx.updateTable('users').set({ email: row.email, emailConfirmedAt: new Date(), updatedAt: new Date() }).where('id', '=', row.userId).execute();
    await repo.invalidateTokens(trx, row.userId, ['reset_password', 'sign_in', 'confirm_email']);
    return row.userId;
  });
}
