/** Use cases of the organisation directory that the office runs. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { normaliseDomain } from '../../lib/email.js';
import { writeAudit } from '../audit/audit.repo.js';
import { canManageOrganisations, isVerifiedMember } from '../accounts/accounts.policy.js';
import * as repo from './organisations.repo.js';
import { membersVisibleTo } from '../members/members.service.js';
import { communitiesOfOrganisationFor } from '../communities/communities.service.js';
import type { OrganisationForm } from './organisations.schema.js';

function toInput(form: OrganisationForm): repo.OrganisationInput {
  return {
    name: form.name,
    shortName: form.shortName ?? null,
    level: form.level,
    state: form.state ?? null,
    type: form.type,
    allowSubdomains: form.allowSubdomains,
    parentId: form.parentId || null,
  };
}

function actorId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

async function assertParent(db: Kysely<DB>, parentId: string | undefined, selfId?: string): Promise<void> {
  if (!parentId) return;
  if (parentId === selfId || !(await repo.organisationExists(db, parentId))) throw new AppError('validation_failed', { parentId: 'org.error.parent' });
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export async function createOrganisation(db: Kysely<DB>, actor: Actor, form: OrganisationForm): Promise<string> {
  if (!canManageOrganisations(actor)) throw new AppError('not_found');
  await assertParent(db, form.parentId);
  const id = newId();
  try {
    await repo.insertOrganisation(db, id, toInput(form), actorId(actor));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation_failed', { name: 'org.error.nameTaken' });
    throw error;
  }
  await writeAudit(db, actor, { action: 'organisation.create', targetType: 'organisation', targetId: id, details: { name: form.name } });
  return id;
}

export async function updateOrganisation(db: Kysely<DB>, actor: Actor, id: string, form: OrganisationForm): Promise<void> {
  if (!canManageOrganisations(actor) || !(await repo.organisationExists(db, id))) throw new AppError('not_found');
  await assertParent(db, form.parentId, id);
  try {
    await repo.updateOrganisation(db, id, toInput(form), actorId(actor));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('validation_failed', { name: 'org.error.nameTaken' });
    throw error;
  }
  await writeAudit(db, actor, { action: 'organisation.update', targetType: 'organisation', targetId: id, details: { name: form.name } });
}

/** Adds a mail domain. A domain belongs to one organisation only; a conflict names the owner. */
export async function addDomain(db: Kysely<DB>, actor: Actor, organisationId: string, rawDomain: string): Promise<string> {
  const name = canManageOrganisations(actor) ? await repo.organisationName(db, organisationId) : undefined;
  if (name === undefined) throw new AppError('not_found');
  const domain = normaliseDomain(rawDomain);
  if (!domain) throw new AppError('validation_failed', { domain: 'org.error.domain' });
  const owner = await repo.domainOwner(db, domain);
  if (owner) {
    if (owner.organisationId === organisationId) return domain;
    throw new AppError('domain_taken', { domain: 'org.error.domainTaken' }, { name: owner.name });
  }
  try {
    await repo.insertDomain(db, organisationId, domain, actorId(actor));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('domain_taken', { domain: 'org.error.domainTaken' }, { name: '' });
    throw error;
  }
  await writeAudit(db, actor, { action: 'organisation.domain.add', targetType: 'organisation', targetId: organisationId, details: { name, domain } });
  return domain;
}

export async function removeDomain(db: Kysely<DB>, actor: Actor, organisationId: string, domain: string): Promise<void> {
  if (!canManageOrganisations(actor)) throw new AppError('not_found');
  const name = await repo.organisationName(db, organisationId);
  if (name === undefined || !(await repo.deleteDomain(db, organisationId, domain))) throw new AppError('not_found');
  await writeAudit(db, actor, { action: 'organisation.domain.remove', targetType: 'organisation', targetId: organisationId, details: { name, domain } });
}

// --- Reading the directory ---------------------------------------------------------------------

/** The directory is for verified members (and staff); everyone else is told it does not exist. */
function assertCanRead(actor: Actor): void {
  if (!isVerifiedMember(actor)) throw new AppError('not_found');
}

export async function browseOrganisations(db: Kysely<DB>, actor: Actor, filter: repo.OrganisationFilter) {
  assertCanRead(actor);
  return repo.listOrganisations(db, filter);
}

/** One organisation with its subordinate organisations; undefined ids answer 404. */
export async function organisationWithChildren(db: Kysely<DB>, actor: Actor, id: string) {
  assertCanRead(actor);
  const organisation = await repo.getOrganisation(db, id);
  if (!organisation) throw new AppError('not_found');
  const children = await repo.listChildOrganisations(db, id);
  return { organisation, children };
}

/** The organisation page: details, subordinate organisations and the listed members (paged). */
export async function organisationPage(db: Kysely<DB>, actor: Actor, id: string, memberOffset: number) {
  const { organisation, children } = await organisationWithChildren(db, actor, id);
  // People are listed by the members feature's visibility rule, like everywhere else.
  const [members, communities] = await Promise.all([
    membersVisibleTo(db, actor, { organisationId: id, staffOnly: true, offset: memberOffset }),
    communitiesOfOrganisationFor(db, actor, id),
  ]);
  return { organisation, children, members, communities };
}

/** For the office's forms: the organisation as stored, with its domains. */
export async function organisationForOffice(db: Kysely<DB>, actor: Actor, id: string) {
  if (!canManageOrganisations(actor)) throw new AppError('not_found');
  const organisation = await repo.getOrganisation(db, id);
  if (!organisation) throw new AppError('not_found');
  return organisation;
}

/** Every organisation as a choice for a select (registration, review, parent organisation). */
export const organisationChoices = (db: Kysely<DB>) => repo.listOrganisationChoices(db);
