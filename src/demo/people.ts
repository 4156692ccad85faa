/**
 * Demo people: DEMO_PEOPLE_COUNT verified members with profiles, spread over organisations of
 * every level, each with an address at their organisation's domain and the demo password, so
 * that a tester can act as any of them. Generated from the word lists in ./people-data.ts by a
 * seeded pseudo-random generator: the same people (ids, names, addresses) at every run.
 *
 * Idempotent like the rest of the demo: users are inserted with ON CONFLICT DO NOTHING; tags
 * and confirmations only for profiles created in this run, so that what a tester changed on a
 * demo profile (tags removed, confirmations withdrawn) stays changed after a restart.
 */
import type { Kysely } from 'kysely';
import type { DB, Level, ProfileVisibility } from '../db/schema.js';
import { defaultVisibility } from '../features/members/members.repo.js';
import { tagLabel, tagSlug } from '../lib/tags.js';
import { loadDistricts, LAND_BEISPIEL, MUSTERSTADT, OFFICE_ORG } from './directory.js';
import { seedId, slugify, type OrgSeed } from './organisations.js';
import {
  BACKGROUNDS, CLOSINGS, FEMALE_NAMES, FIELDS, fillPosition, gendered, LAST_NAMES, MALE_NAMES, NAME_LANGUAGES, OTHER_LANGUAGES,
  POSITION_TEMPLATES, REALISTIC_TOPICS, SPELLING_VARIANTS, WHERE_BY_LEVEL, type Field, type Gender,
} from './people-data.js';

export const DEMO_PEOPLE_COUNT = 240;

/** mulberry32: a small, fast, seeded pseudo-random generator with values in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[], skew = 1): T => list[Math.floor(list.length * rng() ** skew)]!;
function weighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0);
  let x = rng() * total;
  for (const item of items) if ((x -= weight(item)) < 0) return item;
  return items[items.length - 1]!;
}

export interface DemoPerson {
  /** Seed key ("person:17"); the user id is derived from it. */
  key: string;
  id: string;
  firstName: string;
  lastName: string;
  /** Display name, sometimes with "Dr.". */
  name: string;
  orgKey: string;
  level: Level;
  field: Field['key'];
  position: string;
  /** Labels as the person typed them (sometimes a spelling variant), at most one per slug. */
  expertise: string[];
  ask: string[];
  languages: string[];
  bio: string | null;
  phone: string | null;
  listed: boolean;
  visibility: Partial<ProfileVisibility>;
}

/** Organisations people work at, per level, the busiest first (they get the most people). */
export function peopleOrganisations(directory: readonly OrgSeed[]): Record<Level, string[]> {
  const keys = new Set(directory.map((o) => o.key));
  const ofLevel = (level: Level) => directory.filter((o) => o.level === level && o.key !== OFFICE_ORG.key).map((o) => o.key);
  const first = (preferred: string[], rest: string[]) => [...new Set([...preferred.filter((k) => keys.has(k)), ...rest])];
  const bund = first(
    ['bund:bmds', 'bund:bmi', 'bund:bsi', 'bund:itzbund', 'bund:digitalservice', 'bund:bva', 'bund:zendis', 'bund:bkamt', 'bund:bmf', 'bund:destatis', 'bund:ba', 'bund:bamf'],
    ofLevel('bund'),
  );
  const land = first(
    [LAND_BEISPIEL.key, 'land:dataport', 'land:NW:itnrw', ...ofLevel('land').filter((k) => k.endsWith(':digital')), 'land:BW:bitbw', 'land:BE:itdz', 'land:NI:itn'],
    ofLevel('land'),
  );
  // The most populous districts and cities, then the towns within districts; Musterstadt first.
  const populous = loadDistricts()
    .map((d) => ({ key: `ags:${String(d.AGS).padStart(5, '0')}`, population: d.population }))
    .filter((d) => keys.has(d.key))
    .sort((a, b) => b.population - a.population || a.key.localeCompare(b.key))
    .slice(0, 45)
    .map((d) => d.key);
  const kommune = first([MUSTERSTADT.key, ...populous], ofLevel('kommune').filter((k) => k.startsWith('kommune:')));
  return { bund, land, kommune, sonstige: ofLevel('sonstige') };
}

const LEVEL_SHARE: [Level, number][] = [['bund', 27], ['land', 27], ['kommune', 36], ['sonstige', 10]];
/** Fictitious numbers the Bundesnetzagentur keeps for films and examples (030 23125 xxx, …). */
const PHONE_BLOCKS = ['30 23125', '69 90009', '40 66969', '221 4710', '89 99998'];

function typed(rng: Rng, topic: string): string {
  const variants = SPELLING_VARIANTS[topic];
  return variants && rng() < 0.2 ? pick(rng, variants) : topic;
}

function topicsFor(rng: Rng, field: Field, count: number, exclude: Set<string>): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < 30; tries++) {
    const topic = out.length === 0 || rng() < 0.65 ? pick(rng, field.topics, 1.5) : pick(rng, REALISTIC_TOPICS, 1.8);
    const slug = tagSlug(topic);
    if (exclude.has(slug)) continue;
    exclude.add(slug);
    out.push(typed(rng, topic));
  }
  return out;
}

function bioFor(rng: Rng, level: Level, expertise: string[], ask: string[]): string | null {
  if (rng() < 0.15) return null;
  const canonical = expertise.map((t) => REALISTIC_TOPICS.find((c) => tagSlug(c) === tagSlug(t)) ?? t);
  const [t1, t2] = canonical;
  const parts = [`Ich arbeite seit ${2 + Math.floor(rng() * 20)} Jahren ${WHERE_BY_LEVEL[level]} und beschäftige mich vor allem mit ${t1}${t2 ? ` und ${t2}` : ''}.`];
  if (rng() < 0.6) parts.push(pick(rng, BACKGROUNDS));
  if (rng() < 0.6) {
    const closing = pick(rng, ask.length ? CLOSINGS : CLOSINGS.filter((c) => !c.includes('{ask}')));
    parts.push(closing.replace('{ask}', ask.length > 1 ? `${ask.slice(0, -1).join(', ')} und ${ask.at(-1)}` : (ask[0] ?? '')).replace('{topic}', t1!));
  }
  return parts.join(' ');
}

/** The demo people, always the same for the same directory. */
export function generateDemoPeople(directory: readonly OrgSeed[], count = DEMO_PEOPLE_COUNT, reservedNames: Iterable<string> = []): DemoPerson[] {
  const rng = prng(20_250_917);
  const orgs = peopleOrganisations(directory);
  const levelOf = new Map(directory.map((o) => [o.key, o.level]));
  const usedNames = new Set(reservedNames);
  const people: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    // Colleagues for the demo accounts first: six in Musterstadt, five in Land Beispiel.
    let orgKey: string;
    if (i < 6 && levelOf.has(MUSTERSTADT.key)) orgKey = MUSTERSTADT.key;
    else if (i < 11 && levelOf.has(LAND_BEISPIEL.key)) orgKey = LAND_BEISPIEL.key;
    else {
      const level = weighted(rng, LEVEL_SHARE, ([, w]) => w)[0];
      orgKey = orgs[level].length ? pick(rng, orgs[level], 1.7) : pick(rng, orgs.kommune, 1.7);
    }
    const level = levelOf.get(orgKey)!;

    const gender: Gender = rng() < 0.5 ? 'f' : 'm';
    let firstName: string;
    let lastName: string;
    do {
      firstName = pick(rng, gender === 'f' ? FEMALE_NAMES : MALE_NAMES);
      lastName = pick(rng, LAST_NAMES);
    } while (usedNames.has(`${firstName} ${lastName}`));
    usedNames.add(`${firstName} ${lastName}`);
    const name = rng() < 0.07 ? `Dr. ${firstName} ${lastName}` : `${firstName} ${lastName}`;

    const field = weighted(rng, FIELDS, (f) => f.weight[level]);
    const position = rng() < 0.3 ? gendered(pick(rng, field.special), gender) : fillPosition(pick(rng, POSITION_TEMPLATES[level]), field, gender);
    const slugs = new Set<string>();
    const expertise = topicsFor(rng, field, 1 + Math.floor(rng() * 4), slugs);
    const askCount = [0, 0, 1, 1, 1, 2, 2, 3][Math.floor(rng() * 8)]!;
    const askField = rng() < 0.5 ? field : pick(rng, FIELDS);
    const ask = topicsFor(rng, askField, askCount, slugs);

    const languages = ['de'];
    const own = NAME_LANGUAGES[firstName];
    if (own) languages.push(own);
    if (rng() < 0.65) languages.push('en');
    if (rng() < 0.12) {
      const other = pick(rng, OTHER_LANGUAGES);
      if (!languages.includes(other)) languages.push(other);
    }

    const bio = bioFor(rng, level, expertise, ask);
    const phone = rng() < 0.45 ? `+49 ${pick(rng, PHONE_BLOCKS)} ${String(Math.floor(rng() * 1000)).padStart(3, '0')}` : null;
    const visibility: Partial<ProfileVisibility> = {};
    if (phone && rng() < 0.3) visibility.phone = 'members';
    if (bio && rng() < 0.05) visibility.bio = 'shared';
    // The first eleven (the demo accounts' colleagues) stay findable.
    if (i >= 11 && rng() < 0.05) visibility.expertise = 'nobody';
    const listed = i < 11 || rng() >= 0.04;

    const key = `person:${i}`;
    people.push({ key, id: seedId('person', key), firstName, lastName, name, orgKey, level, field: field.key, position, expertise, ask, languages, bio, phone, listed, visibility });
  }
  return people;
}

/** Local part of an address: "Jürgen" + "Yılmaz" -> "juergen.yilmaz". */
export function emailLocal(firstName: string, lastName: string): string {
  const part = (s: string) => slugify(s.replace(/ı/g, 'i')).replace(/-/g, '');
  return `${part(firstName)}.${part(lastName)}`;
}

export interface Confirmation {
  userId: string;
  slug: string;
  confirmedBy: string;
}

interface Confirmable {
  id: string;
  orgKey: string;
  field: string;
  slugs: string[];
}

/** Each confirmer confirms 0–5 colleagues' tags (same organisation or field preferred), never their own. */
export function demoConfirmations(confirmers: readonly Confirmable[], targets: readonly Confirmable[]): Confirmation[] {
  const rng = prng(4_711);
  const withTags = targets.filter((t) => t.slugs.length > 0);
  const seen = new Set<string>();
  const out: Confirmation[] = [];
  for (const c of confirmers) {
    const n = Math.floor(rng() * 6);
    const sameOrg = withTags.filter((t) => t.orgKey === c.orgKey && t.id !== c.id);
    const sameField = withTags.filter((t) => t.field === c.field && t.id !== c.id);
    for (let k = 0; k < n; k++) {
      const r = rng();
      const pool = r < 0.5 && sameOrg.length ? sameOrg : r < 0.8 && sameField.length ? sameField : withTags;
      const target = pick(rng, pool);
      if (target.id === c.id) continue;
      const slug = pick(rng, target.slugs);
      const key = `${target.id}|${slug}|${c.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ userId: target.id, slug, confirmedBy: c.id });
    }
  }
  return out;
}

/** Profiles of the demo accounts (by address). */
export const ACCOUNT_PROFILES: Record<string, { orgKey: string; field: Field['key']; position: string; expertise: string[]; ask: string[]; languages: string[]; bio: string }> = {
  'lead@musterstadt.example': {
    orgKey: MUSTERSTADT.key,
    field: 'municipal',
    position: 'Leiterin Stabsstelle Digitalisierung',
    expertise: ['E-Akte', 'Kommunale Digitalisierung', 'Agiles Arbeiten'],
    ask: ['Change Management', 'OZG-Umsetzung'],
    languages: ['de', 'en'],
    bio: 'Ich leite die Stabsstelle Digitalisierung der Stadt Musterstadt. Wir haben die E-Akte in allen Ämtern eingeführt und arbeiten in agilen Teams an unseren Onlinediensten. Sprechen Sie mich gern zur Einführung der E-Akte an.',
  },
  'member@land-beispiel.example': {
    orgKey: LAND_BEISPIEL.key,
    field: 'digital',
    position: 'Referent OZG-Umsetzung',
    expertise: ['OZG-Umsetzung', 'Registermodernisierung'],
    ask: ['Open Source'],
    languages: ['de', 'tr', 'en'],
    bio: 'Im Ministerium für Digitales koordiniere ich die OZG-Umsetzung mit den Kommunen des Landes und begleite die Registermodernisierung.',
  },
};

const BATCH = 1000;
async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<number>): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += BATCH) n += await insert(rows.slice(i, i + BATCH));
  return n;
}

export interface PeopleSeedResult {
  /** Demo people and demo accounts that have a profile now. */
  people: number;
  usersCreated: number;
  profilesCreated: number;
  tagsCreated: number;
  profileTagsCreated: number;
  confirmationsCreated: number;
}

export async function seedPeople(
  db: Kysely<DB>,
  opts: { directory: readonly OrgSeed[]; organisationIds: Map<string, string>; passwordHash: () => Promise<string>; reservedNames?: Iterable<string> },
): Promise<PeopleSeedResult> {
  const result: PeopleSeedResult = { people: 0, usersCreated: 0, profilesCreated: 0, tagsCreated: 0, profileTagsCreated: 0, confirmationsCreated: 0 };
  const people = generateDemoPeople(opts.directory, DEMO_PEOPLE_COUNT, opts.reservedNames);
  const accounts = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.keys(ACCOUNT_PROFILES)).execute();
  const ids = [...people.map((p) => p.id), ...accounts.map((a) => a.id)];
  const withProfile = new Set((await db.selectFrom('profiles').select('userId').where('userId', 'in', ids).execute()).map((r) => r.userId));
  if (withProfile.size === ids.length) return { ...result, people: ids.length }; // a restart: nothing to do

  // Users: one address at the organisation's (first) domain.
  const orgIds = [...new Set(people.map((p) => opts.organisationIds.get(p.orgKey)).filter((id): id is string => Boolean(id)))];
  const domainRows = orgIds.length
    ? await db.selectFrom('organisationDomains').select(['organisationId', (eb) => eb.fn.min('domain').as('domain')]).where('organisationId', 'in', orgIds).groupBy('organisationId').execute()
    : [];
  const domainOf = new Map(domainRows.map((r) => [r.organisationId, r.domain]));
  const existing = new Set((await db.selectFrom('users').select('id').where('id', 'in', people.map((p) => p.id)).execute()).map((r) => r.id));
  const now = new Date();
  const newUsers = people.flatMap((p) => {
    const organisationId = opts.organisationIds.get(p.orgKey);
    const domain = organisationId && domainOf.get(organisationId);
    if (existing.has(p.id) || !organisationId || !domain) return [];
    return [{ id: p.id, email: `${emailLocal(p.firstName, p.lastName)}@${domain}`, name: p.name, role: 'member' as const, organisationId, emailConfirmedAt: now, verifiedVia: 'seed' as const, verifiedAt: now, locale: 'de' as const }];
  });
  if (newUsers.length > 0) {
    const passwordHash = await opts.passwordHash();
    result.usersCreated = await insertBatches(newUsers, async (batch) =>
      (await db.insertInto('users').values(batch.map((u) => ({ ...u, passwordHash }))).onConflict((oc) => oc.doNothing()).returning('id').execute()).length,
    );
  }
  // Addresses someone else took in between leave that person out.
  const present = new Set((await db.selectFrom('users').select('id').where('id', 'in', people.map((p) => p.id)).execute()).map((r) => r.id));

  interface ProfileSeed { id: string; orgKey: string; field: string; position: string; expertise: string[]; ask: string[]; languages: string[]; bio: string | null; phone: string | null; listed: boolean; visibility: Partial<ProfileVisibility> }
  const seeds: ProfileSeed[] = [
    ...people.filter((p) => present.has(p.id)),
    ...accounts.map((a) => ({ id: a.id, ...ACCOUNT_PROFILES[a.email]!, phone: null, listed: true, visibility: {} })),
  ];
  result.people = seeds.length;
  const created = new Set<string>();
  await insertBatches(
    seeds.filter((s) => !withProfile.has(s.id)),
    async (batch) => {
      const rows = await db
        .insertInto('profiles')
        .values(batch.map((s) => ({ userId: s.id, position: s.position, bio: s.bio, phone: s.phone, contactOther: null, languages: s.languages, listed: s.listed, visibility: JSON.stringify({ ...defaultVisibility, ...s.visibility }) })))
        .onConflict((oc) => oc.column('userId').doNothing())
        .returning('userId')
        .execute();
      for (const r of rows) created.add(r.userId);
      return rows.length;
    },
  );
  result.profilesCreated = created.size;
  if (created.size === 0) return result;

  // Tags: the canonical spelling of every topic; a slug that exists already keeps its label.
  const labels = new Map<string, string>();
  for (const topic of REALISTIC_TOPICS) labels.set(tagSlug(topic), tagLabel(topic));
  for (const s of seeds) for (const t of [...s.expertise, ...s.ask]) if (!labels.has(tagSlug(t))) labels.set(tagSlug(t), tagLabel(t));
  result.tagsCreated = (
    await db
      .insertInto('tags')
      .values([...labels].map(([slug, label]) => ({ id: seedId('tag', slug), slug, label, createdBy: null })))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute()
  ).length;
  const tagIds = new Map((await db.selectFrom('tags').select(['id', 'slug']).where('slug', 'in', [...labels.keys()]).execute()).map((t) => [t.slug, t.id]));

  const fresh = seeds.filter((s) => created.has(s.id));
  const profileTags = fresh.flatMap((s) => [
    ...s.expertise.map((t) => ({ userId: s.id, tagId: tagIds.get(tagSlug(t))!, kind: 'expertise' as const })),
    ...s.ask.map((t) => ({ userId: s.id, tagId: tagIds.get(tagSlug(t))!, kind: 'ask' as const })),
  ]);
  result.profileTagsCreated = await insertBatches(profileTags, async (batch) =>
    Number((await db.insertInto('profileTags').values(batch).onConflict((oc) => oc.doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n),
  );

  // Confirmations by the demo people, of the tags of profiles created now.
  const confirmable = (s: ProfileSeed): Confirmable => ({ id: s.id, orgKey: s.orgKey, field: s.field, slugs: s.expertise.map(tagSlug) });
  const confirmations = demoConfirmations(people.filter((p) => present.has(p.id)).map(confirmable), seeds.map(confirmable))
    .filter((c) => created.has(c.userId))
    .map((c) => ({ userId: c.userId, tagId: tagIds.get(c.slug)!, confirmedBy: c.confirmedBy }));
  result.confirmationsCreated = await insertBatches(confirmations, async (batch) =>
    Number((await db.insertInto('expertiseConfirmations').values(batch).onConflict((oc) => oc.doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n),
  );
  return result;
}
