/**
 * The office's review of applicants: approve (optionally adding the address's domain to the
 * directory) or decline with a message. Each decision happens once, in one transaction with
 * its audit entry; the person is mailed after the commit, so a rolled-back decision mails nobody.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { normaliseEmail } from '../../lib/email.js';
import type { Jobs } from '../../jobs/jobs.js';
import type { Mailer } from '../../mail/mailer.js';
import { composeMail } from '../../mail/compose.js';
import { writeAudit } from '../audit/audit.repo.js';
import { notify } from '../notifications/notify.js';
import { canReviewApplicants } from '../accounts/accounts.policy.js';
import { getOrganisation } from '../organisations/organisations.repo.js';
import { addDomain } from '../organisations/organisations.service.js';
import * as repo from './review.repo.js';

export interface ReviewDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  config: Config;
  jobs: Jobs;
}

function reviewer(actor: Actor): string {
  if (!canReviewApplicants(actor) || actor.kind !== 'user') throw new AppError('not_found');
  return actor.user.id;
}

export async function pendingApplicants(db: Kysely<DB>, actor: Actor, offset: number) {
  reviewer(actor);
  return repo.listPendingApplicants(db, { offset });
}

export async function countPending(db: Kysely<DB>, actor: Actor): Promise<number> {
  reviewer(actor);
  return repo.countPendingApplicants(db);
}

export type ApplicantState = 'pending' | 'handled';

/** The applicant and whether a decision is still open; unknown ids answer 404. */
export async function applicant(db: Kysely<DB>, actor: Actor, id: string) {
  reviewer(actor);
  const row = await repo.findApplicant(db, id);
  if (!row || !row.emailConfirmedAt) throw new AppError('not_found');
  return { ...row, state: (row.reviewStatus === 'pending' ? 'pending' : 'handled') as ApplicantState };
}

export interface ApproveInput {
  organisationId?: string;
  addDomain: boolean;
}

export interface ApproveOutcome {
  name: string;
  domain?: string;
  organisationName?: string;
}

/**
 * Approves an application. Throws `conflict` when it was decided meanwhile (nothing changes,
 * nobody is mailed); a domain that belongs to another organisation is a field error, and the
 * approval is rolled back with it.
 */
export async function approveApplicant(deps: ReviewDeps, actor: Actor, id: string, input: ApproveInput): Promise<ApproveOutcome> {
  const actorId = reviewer(actor);
  const organisationId = input.organisationId || null;
  const organisation = organisationId ? await getOrganisation(deps.db, organisationId) : undefined;
  if (organisationId && !organisation) throw new AppError('validation_failed', { organisationId: 'account.error.organisation' });
  if (input.addDomain && !organisation) throw new AppError('validation_failed', { organisationId: 'office.review.error.organisationNeeded' });

  const outcome = await deps.db.transaction().execute(async (trx) => {
    const person = await repo.markApproved(trx, id, { organisationId, verifiedBy: actorId });
    if (!person) throw new AppError('conflict');
    let domain: string | undefined;
    if (input.addDomain && organisation) {
      const emailDomain = normaliseEmail(person.email)?.domain;
      if (!emailDomain) throw new AppError('validation_failed', { addDomain: 'office.review.error.domainInvalid' });
      try {
        domain = await addDomain(trx, actor, organisation.id, emailDomain);
      } catch (error) {
        if (error instanceof AppError && error.code === 'domain_taken') {
          throw new AppError('validation_failed', { addDomain: 'office.review.error.domainTaken' }, { domain: emailDomain, name: String(error.params.name ?? '') });
        }
        if (error instanceof AppError && error.code === 'validation_failed') throw new AppError('validation_failed', { addDomain: 'office.review.error.domainInvalid' });
        throw error;
      }
    }
    await writeAudit(trx, actor, {
      action: 'applicant.approve',
      targetType: 'user',
      targetId: person.id,
      details: { name: person.name, organisation: organisation?.name ?? null, ...(domain ? { domain } : {}) },
    });
    // The decision mail below tells the person; the notification is for the list.
    await notify(trx, deps.jobs, [person.id], { kind: 'verification', action: 'approved', actorId, alreadyMailed: true });
    return { person, domain };
  });

  const { person } = outcome;
  await deps.mailer.send(
    composeMail({
      to: person.email,
      lang: person.locale,
      subject: 'mail.approved.subject',
      paragraphs: ['mail.approved.body'],
      params: { name: person.name },
      action: { label: 'mail.approved.action', url: new URL('/anmelden', deps.config.baseUrl).toString() },
    }),
  );
  return { name: person.name, domain: outcome.domain, organisationName: outcome.domain ? organisation?.name : undefined };
}

/** Declines an application; the message goes to the person by mail and onto their start page. */
export async function declineApplicant(deps: ReviewDeps, actor: Actor, id: string, message: string): Promise<{ name: string }> {
  const actorId = reviewer(actor);
  const person = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.markDeclined(trx, id, message);
    if (!row) throw new AppError('conflict');
    // The message itself stays on the person's record, not in the log.
    await writeAudit(trx, actor, { action: 'applicant.decline', targetType: 'user', targetId: row.id, details: { name: row.name } });
    await notify(trx, deps.jobs, [row.id], { kind: 'verification', action: 'declined', actorId, note: message.slice(0, 2000), alreadyMailed: true });
    return row;
  });
  await deps.mailer.send(
    composeMail({
      to: person.email,
      lang: person.locale,
      subject: 'mail.declined.subject',
      paragraphs: ['mail.declined.body', 'mail.declined.message'],
      params: { name: person.name, message },
    }),
  );
  return { name: person.name };
}
