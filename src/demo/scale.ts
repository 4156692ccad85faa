/**
 * Large data sets for benchmarks: invented municipalities and tens of thousands of verified
 * members with profiles, expertise and confirmations (./scale-profiles.ts), inserted in SQL (generate_series, batches of BATCH rows) with one shared argon2id
 * hash of the demo password. Deterministic ids and addresses: seeding twice adds nothing.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { demoPasswordHash } from './seed-demo.js';
import { slugify, upsertOrganisations, type OrgSeed, type State } from './organisations.js';
import { seedScaleProfiles, type ScaleProfilesResult } from './scale-profiles.js';

const STATES: readonly State[] = ['NW', 'BY', 'BW', 'NI', 'HE', 'SN', 'RP', 'BE', 'SH', 'BB', 'ST', 'TH', 'HH', 'MV', 'SL', 'HB'];
// Invented place names from common German name parts; real places may share a name by chance.
const PREFIXES = ['Ober', 'Unter', 'Nieder', 'Neu', 'Alt', 'Groß', 'Klein', 'Hohen', 'Wester', 'Oster', 'Sonnen', 'Eichen', 'Linden', 'Birken', 'Buchen', 'Tannen', 'Rosen', 'Wald', 'Berg', 'Mühl'];
const STEMS = ['bach', 'feld', 'dorf', 'hausen', 'loh', 'stedt', 'burg', 'au', 'born', 'brück', 'rode', 'hagen', 'ingen', 'beck', 'wald', 'kirchen', 'furt', 'tal', 'werder', 'see'];
const QUALIFIERS = ['', '-Nord', '-Süd', ' am See', ' im Grund', ' an der Heide', '-West', '-Ost'];

/** Deterministic invented municipalities and districts (level kommune) for large data sets. */
export function generateOrganisations(count: number): OrgSeed[] {
  const orgs: OrgSeed[] = [];
  const combos = PREFIXES.length * STEMS.length * QUALIFIERS.length;
  for (let i = 0; i < count; i++) {
    const p = PREFIXES[i % PREFIXES.length]!;
    const s = STEMS[Math.floor(i / PREFIXES.length) % STEMS.length]!;
    const q = QUALIFIERS[Math.floor(i / (PREFIXES.length * STEMS.length)) % QUALIFIERS.length]!;
    const round = Math.floor(i / combos);
    const place = `${p}${s}${q}${round > 0 ? ` ${round + 1}` : ''}`;
    const kind = i % 10 < 6 ? 'gemeinde' : i % 10 < 9 ? 'stadt' : 'kreis';
    const prefix = kind === 'gemeinde' ? 'Gemeinde' : kind === 'stadt' ? 'Stadt' : 'Landkreis';
    orgs.push({
      key: `scale:${i}`,
      name: `${prefix} ${place}`,
      level: 'kommune',
      state: STATES[i % STATES.length]!,
      type: kind,
      domainBase: kind === 'kreis' ? `landkreis-${place}` : place,
    });
  }
  return orgs;
}

// Women's names first, then men's (scale-profiles.ts derives the grammatical gender of positions from the index).
const FEMALE_FIRST_NAMES = [
  'Anna', 'Lena', 'Julia', 'Sarah', 'Laura', 'Katharina', 'Sabine', 'Claudia', 'Petra', 'Monika', 'Sandra', 'Nicole', 'Stefanie', 'Andrea', 'Melanie',
  'Jana', 'Miriam', 'Ayşe', 'Elif', 'Fatma', 'Natalia', 'Olga', 'Sophie', 'Marie', 'Hannah', 'Lea', 'Franziska', 'Birgit', 'Ute', 'Karin',
];
const MALE_FIRST_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Christian', 'Markus', 'Frank', 'Jürgen', 'Klaus', 'Uwe', 'Tobias', 'Jan', 'Florian', 'Sebastian', 'Daniel',
  'Jonas', 'Lukas', 'Felix', 'Maximilian', 'Paul', 'Mehmet', 'Ahmet', 'Emre', 'Piotr', 'Dmitri', 'Matthias', 'Ralf', 'Dirk', 'Björn', 'Sören',
];
const FIRST_NAMES = [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES];


/** The id of scale member g (1, 2, …), as SQL. */
export function scaleUserId(g: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`substr(translate(encode(decode(md5('knotenpunkt-scale-user:' || ${g}), 'hex'), 'base64'), '+/', '-_'), 1, 16)`;
}

/** Whether scale member g has a woman's first name (FIRST_NAMES[g % length], women first). */
function scaleFemale(g: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${g} % ${FIRST_NAMES.length} < ${FEMALE_FIRST_NAMES.length})`;
}

const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein',
  'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz',
  'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Yılmaz', 'Kaya', 'Demir', 'Nowak', 'Kowalski',
  'Şahin', 'Popescu', 'Ivanov', 'Nguyen', 'Haas',
];

/** Local part of an address: "Jürgen" -> "juergen", "Yılmaz" -> "yilmaz". */
function localPart(name: string): string {
  return slugify(name.replace(/ı/g, 'i')).replace(/-/g, '');
}

export interface ScaleOptions {
  organisations?: number;
  members?: number;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Average expertise confirmations each member gives; default 2 (40,000 for 20,000 members). */
  confirmationsPerMember?: number;
  log?: (line: string) => void;
}

export interface ScaleResult {
  organisations: number;
  organisationsCreated: number;
  members: number;
  membersCreated: number;
  /** Profiles, tags and confirmations of the members (./scale-profiles.ts). */
  profiles: ScaleProfilesResult | null;
  milliseconds: number;
}

/**
 * Creates `organisations` invented municipalities and `members` verified members spread
 * unevenly over them (a few large, many small), all with the demo password.
 */
export async function seedScale(db: Kysely<DB>, opts: ScaleOptions = {}): Promise<ScaleResult> {
  const started = performance.now();
  const orgCount = opts.organisations ?? 600;
  const memberCount = opts.members ?? 20_000;
  const batchSize = opts.batchSize ?? 5_000;
  const log = opts.log ?? (() => undefined);

  const seeds = generateOrganisations(orgCount);
  const orgs = await upsertOrganisations(db, seeds, { idKind: 'scale-org' });
  // Members go to the organisations that exist now, with an address at one of their domains.
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('organisationDomains as d', 'd.organisationId', 'o.id')
    .select(['o.id', sql<string>`min(d.domain)`.as('domain')])
    .where('o.id', 'in', [...orgs.ids.values()].length ? [...orgs.ids.values()] : [''])
    .groupBy('o.id')
    .orderBy('o.id')
    .execute();
  log(`Organisations: ${orgs.created} created, ${rows.length} with a domain.`);
  if (rows.length === 0 || memberCount === 0) {
    return { organisations: rows.length, organisationsCreated: orgs.created, members: 0, membersCreated: 0, profiles: null, milliseconds: Math.round(performance.now() - started) };
  }

  const passwordHash = await demoPasswordHash();
  const orgIds = rows.map((r) => r.id);
  const domains = rows.map((r) => r.domain);
  const firstNames = FIRST_NAMES;
  const lastNames = LAST_NAMES;
  const firstLocals = FIRST_NAMES.map(localPart);
  const lastLocals = LAST_NAMES.map(localPart);
  let membersCreated = 0;
  for (let from = 1; from <= memberCount; from += batchSize) {
    const to = Math.min(memberCount, from + batchSize - 1);
    // u is a deterministic pseudo-random number in [0, 1) per member; u² puts more people into
    // the first organisations. Names combine first and last names without repeating patterns.
    const result = await sql`
      insert into users (id, email, name, password_hash, role, organisation_id, email_confirmed_at, verified_via, verified_at, locale, created_at, updated_at)
      select
        ${scaleUserId(sql.ref('g'))},
        (${firstLocals}::text[])[1 + g % ${firstLocals.length}] || '.' || (${lastLocals}::text[])[1 + (g / ${firstLocals.length}) % ${lastLocals.length}] || '.' || g || '@' || (${domains}::text[])[o.i],
        (${firstNames}::text[])[1 + g % ${firstNames.length}] || ' ' || (${lastNames}::text[])[1 + (g / ${firstNames.length}) % ${lastNames.length}],
        ${passwordHash}, 'member', (${orgIds}::text[])[o.i],
        c.created, 'seed', c.created, case when g % 10 = 0 then 'en' else 'de' end, c.created, c.created
      from generate_series(${from}::int, ${to}::int) as g
      cross join lateral (select ((g::bigint * 2654435761) % 4294967296)::float8 / 4294967296 as u) as r
      cross join lateral (select 1 + floor(${orgIds.length} * r.u * r.u)::int as i) as o
      cross join lateral (select now() - make_interval(days => (g * 37) % 1000, secs => (g * 7919) % 86400) as created) as c
      on conflict do nothing`.execute(db);
    membersCreated += Number(result.numAffectedRows ?? 0n);
    log(`Members ${from}–${to}: ${membersCreated} created so far.`);
  }
  const profiles = await seedScaleProfiles(db, { members: memberCount, userId: scaleUserId, female: scaleFemale, confirmationsPerMember: opts.confirmationsPerMember, log });
  return { organisations: rows.length, organisationsCreated: orgs.created, members: memberCount, membersCreated, profiles, milliseconds: Math.round(performance.now() - started) };
}
