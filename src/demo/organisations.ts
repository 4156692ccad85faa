/**
 * Seeding organisations with their mail domains: deterministic ids, slugs for `.example`
 * domains, one domain per organisation, and an idempotent insert (a second run changes
 * nothing and never fails, also when the office has created or renamed some of them).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Level } from '../db/schema.js';
import { sha256 } from '../lib/ids.js';

export type State = 'BW' | 'BY' | 'BE' | 'BB' | 'HB' | 'HH' | 'HE' | 'MV' | 'NI' | 'NW' | 'RP' | 'SL' | 'SN' | 'ST' | 'SH' | 'TH';

export interface OrgSeed {
  /** Stable key of the seed ("bund:bmi", "ags:03159"); the id is derived from it. */
  key: string;
  name: string;
  shortName?: string | null;
  level: Level;
  state: State | null;
  type: string;
  /** Explicit domains (without which one is derived from the short name or the name). */
  domains?: string[];
  /** Base for the derived domain when not the short name or the name (e.g. "Göttingen"). */
  domainBase?: string;
  allowSubdomains?: boolean;
  parentKey?: string;
}

/** Domains that must never belong to an organisation: people there are reviewed by hand. */
export const UNOWNED_DOMAINS: ReadonlySet<string> = new Set(['forschung.example', 'privat.example']);

/** A stable id in the format of newId() (96 bits, base64url), derived from a seed key. */
export function seedId(kind: string, key: string): string {
  return Buffer.from(sha256(`knotenpunkt-seed:${kind}:${key}`), 'hex').subarray(0, 12).toString('base64url');
}

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Landkreis Nienburg (Weser)" -> "landkreis-nienburg-weser": a DNS label of at most 63 characters. */
export function slugify(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLITERATION[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > 63) slug = slug.slice(0, 63).replace(/-[^-]*$/, '');
  return slug || 'organisation';
}

/**
 * Gives every organisation its domains, each under `.example` and owned once: a derived
 * domain that is already taken gets a number ("-2"). Explicit domains are kept as they are.
 */
export function assignDomains(orgs: readonly OrgSeed[], taken: Iterable<string> = []): Map<string, string[]> {
  const used = new Set<string>([...UNOWNED_DOMAINS, ...taken]);
  for (const org of orgs) for (const d of org.domains ?? []) used.add(d);
  const result = new Map<string, string[]>();
  for (const org of orgs) {
    if (org.domains?.length) {
      for (const d of org.domains) {
        if (!d.endsWith('.example') || UNOWNED_DOMAINS.has(d)) throw new Error(`Seed domain not allowed: ${d}`);
      }
      result.set(org.key, [...org.domains]);
      continue;
    }
    const base = slugify(org.domainBase ?? org.shortName ?? org.name);
    let domain = `${base}.example`;
    for (let n = 2; used.has(domain); n++) domain = `${base.slice(0, 60)}-${n}.example`;
    used.add(domain);
    result.set(org.key, [domain]);
  }
  return result;
}

export interface SeededOrganisations {
  /** Seed key -> id of the organisation in the database (also when it existed before). */
  ids: Map<string, string>;
  created: number;
  domainsCreated: number;
}

const BATCH = 500;

/**
 * Inserts organisations (parents before children) and their domains. Existing rows, found by
 * id or by name (case-insensitive, as the unique index compares), are left as they are.
 */
export async function upsertOrganisations(db: Kysely<DB>, orgs: readonly OrgSeed[], opts: { idKind?: string; takenDomains?: Iterable<string> } = {}): Promise<SeededOrganisations> {
  const kind = opts.idKind ?? 'org';
  if (orgs.length === 0) return { ids: new Map(), created: 0, domainsCreated: 0 };
  const names = new Set<string>();
  for (const org of orgs) {
    const lower = org.name.toLowerCase();
    if (names.has(lower)) throw new Error(`Duplicate seed organisation: ${org.name}`);
    names.add(lower);
  }
  // Domains that other organisations (not seeded by this set) own already are not handed out again.
  const ownIds = orgs.map((o) => seedId(kind, o.key));
  const foreign = await db.selectFrom('organisationDomains').select('domain').where('organisationId', 'not in', ownIds).execute();
  const domains = assignDomains(orgs, [...(opts.takenDomains ?? []), ...foreign.map((r) => r.domain)]);
  const ids = new Map<string, string>();
  let created = 0;

  // Depth first: roots, then their children, and so on (parents exist before children refer to them).
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const depth = (o: OrgSeed, seen = 0): number => (o.parentKey && byKey.has(o.parentKey) && seen < 10 ? 1 + depth(byKey.get(o.parentKey)!, seen + 1) : 0);
  const maxDepth = Math.max(0, ...orgs.map((o) => depth(o)));
  for (let level = 0; level <= maxDepth; level++) {
    const layer = orgs.filter((o) => depth(o) === level);
    for (let i = 0; i < layer.length; i += BATCH) {
      const batch = layer.slice(i, i + BATCH);
      const rows = batch.map((o) => ({
        id: seedId(kind, o.key),
        name: o.name,
        shortName: o.shortName ?? null,
        level: o.level,
        state: o.state,
        type: o.type,
        allowSubdomains: o.allowSubdomains ?? false,
        parentId: o.parentKey ? (ids.get(o.parentKey) ?? null) : null,
        createdBy: null,
        updatedBy: null,
      }));
      const inserted = await db.insertInto('organisations').values(rows).onConflict((oc) => oc.doNothing()).returning('id').execute();
      created += inserted.length;
      // Whatever exists now under these names is the organisation (ours or the office's).
      const existing = await db
        .selectFrom('organisations')
        .select(['id', sql<string>`lower(name)`.as('lowerName')])
        .where(sql<string>`lower(name)`, 'in', batch.map((o) => o.name.toLowerCase()))
        .execute();
      const idByName = new Map(existing.map((r) => [r.lowerName, r.id]));
      for (const o of batch) {
        const id = idByName.get(o.name.toLowerCase());
        if (id) ids.set(o.key, id);
      }
    }
  }

  const domainRows = orgs.flatMap((o) => {
    const id = ids.get(o.key);
    return id ? (domains.get(o.key) ?? []).map((domain) => ({ domain, organisationId: id, createdBy: null })) : [];
  });
  let domainsCreated = 0;
  for (let i = 0; i < domainRows.length; i += BATCH) {
    const inserted = await db
      .insertInto('organisationDomains')
      .values(domainRows.slice(i, i + BATCH))
      .onConflict((oc) => oc.column('domain').doNothing())
      .returning('domain')
      .execute();
    domainsCreated += inserted.length;
  }
  return { ids, created, domainsCreated };
}
