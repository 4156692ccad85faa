/** All SQL about organisations and their mail domains. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Level } from '../../db/schema.js';
import { domainCandidates } from '../../lib/email.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OrganisationInput {
  name: string;
  shortName: string | null;
  level: Level;
  state: string | null;
  type: string;
  allowSubdomains: boolean;
  parentId: string | null;
}

/**
 * The organisation that owns an address's domain: the exact domain, or a parent domain of an
 * organisation that allows subdomains. Comparison is exact on normalised ASCII domains.
 */
export async function findOrganisationForDomain(db: Db, domain: string): Promise<{ id: string; name: string } | undefined> {
  const candidates = domainCandidates(domain);
  const rows = await db
    .selectFrom('organisationDomains as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisationId')
    .select(['o.id', 'o.name', 'd.domain', 'o.allowSubdomains'])
    .where('d.domain', 'in', candidates)
    .execute();
  const exact = rows.find((r) => r.domain === domain);
  if (exact) return { id: exact.id, name: exact.name };
  // The longest parent domain wins when several organisations own nested domains.
  const parent = rows.filter((r) => r.allowSubdomains).sort((a, b) => b.domain.length - a.domain.length)[0];
  return parent ? { id: parent.id, name: parent.name } : undefined;
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

export async function organisationName(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function getOrganisation(db: Db, id: string) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('organisations as p', 'p.id', 'o.parentId')
    .select(['o.id', 'o.name', 'o.shortName', 'o.level', 'o.state', 'o.type', 'o.allowSubdomains', 'o.parentId', 'p.name as parentName', 'o.createdAt', 'o.updatedAt'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.selectFrom('organisationDomains as d').select(sql<string[]>`array_agg(d.domain order by d.domain)`.as('domains')).whereRef('d.organisationId', '=', 'o.id'),
          sql<string[]>`'{}'::text[]`,
        )
        .as('domains'),
    )
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export const ORGANISATION_PAGE_SIZE = 50;

export interface OrganisationFilter {
  q?: string;
  level?: Level;
  state?: string;
  offset?: number;
  limit?: number;
}

/** The directory, sorted in German order (ICU collation), filtered and paged in SQL. */
export async function listOrganisations(db: Db, filter: OrganisationFilter) {
  const limit = Math.min(filter.limit ?? ORGANISATION_PAGE_SIZE, ORGANISATION_PAGE_SIZE);
  let q = db.selectFrom('organisations as o');
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', pattern), eb('o.shortName', 'ilike', pattern)]));
  }
  if (filter.level) q = q.where('o.level', '=', filter.level);
  if (filter.state) q = q.where('o.state', '=', filter.state);
  const rows = await q
    .select(['o.id', 'o.name', 'o.shortName', 'o.level', 'o.state', 'o.type'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`o.name collate "de-x-icu"`)
    .limit(limit)
    .offset(filter.offset ?? 0)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, limit };
}

/** All organisations for the registration picker, grouped by the view. */
export async function listOrganisationChoices(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'level']).orderBy(sql`name collate "de-x-icu"`).execute();
}

export async function insertOrganisation(db: Db, id: string, input: OrganisationInput, actorId: string | null): Promise<void> {
  await db.insertInto('organisations').values({ id, ...input, createdBy: actorId, updatedBy: actorId }).execute();
}

export async function updateOrganisation(db: Db, id: string, input: OrganisationInput, actorId: string): Promise<void> {
  await db.updateTable('organisations').set({ ...input, updatedBy: actorId, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function domainOwner(db: Db, domain: string): Promise<{ organisationId: string; name: string } | undefined> {
  return db
    .selectFrom('organisationDomains as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisationId')
    .select(['d.organisationId', 'o.name'])
    .where('d.domain', '=', domain)
    .executeTakeFirst();
}

export async function insertDomain(db: Db, organisationId: string, domain: string, actorId: string | null): Promise<void> {
  await db.insertInto('organisationDomains').values({ domain, organisationId, createdBy: actorId }).execute();
}

export async function deleteDomain(db: Db, organisationId: string, domain: string): Promise<boolean> {
  const result = await db.deleteFrom('organisationDomains').where('organisationId', '=', organisationId).where('domain', '=', domain).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** At most this many subordinate organisations are listed on a page; the count says how many there are. */
export const CHILDREN_CAP = 100;

export async function listChildOrganisations(db: Db, parentId: string) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'level'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('parentId', '=', parentId)
    .orderBy(sql`name collate "de-x-icu"`)
    .limit(CHILDREN_CAP)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: Number(rows[0]?.total ?? 0) };
}

