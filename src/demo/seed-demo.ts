/**
 * Demo data for `npm run demo`: the organisation directory (./directory.ts), one account per
 * role and DEMO_PEOPLE_COUNT members with profiles (./people.ts), all with the password
 * `demo-knotenpunkt`, communities of practice with posts and replies (./communities.ts), and
 * events: a barcamp, workshops, meetings and past events with attendance (./events.ts).
 * Idempotent: a second run finds everything in place, inserts nothing and never fails; rows
 * the office changed in between stay as they are.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Role } from '../db/schema.js';
import { hashPassword } from '../features/accounts/accounts.service.js';
import { newId } from '../lib/ids.js';
import { demoDirectory, LAND_BEISPIEL, MUSTERSTADT, OFFICE_ORG } from './directory.js';
import { upsertOrganisations } from './organisations.js';
import { seedCommunities, type CommunitiesSeedResult } from './communities.js';
import { seedDemoEvents, type EventsSeedResult } from './events.js';
import { seedDemoNotifications } from './notifications.js';
import { DEMO_PEOPLE_COUNT, generateDemoPeople, seedPeople, type PeopleSeedResult } from './people.js';

export const DEMO_PASSWORD = 'demo-knotenpunkt';

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Seed key of the organisation. */
  org?: string;
  organisationOther?: string;
  applicationReason?: string;
  pending?: boolean;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@knotenpunkt.example', name: 'Jonas Becker', role: 'admin', org: OFFICE_ORG.key },
  { email: 'office@knotenpunkt.example', name: 'Sabine Hoffmann', role: 'office', org: OFFICE_ORG.key },
  { email: 'lead@musterstadt.example', name: 'Lena Leitner', role: 'member', org: MUSTERSTADT.key },
  { email: 'member@land-beispiel.example', name: 'Mehmet Yılmaz', role: 'member', org: LAND_BEISPIEL.key },
  { email: 'partner@forschung.example', name: 'Dr. Katharina Vogel', role: 'partner', organisationOther: 'Institut für Verwaltungsforschung (Demo)' },
  {
    email: 'applicant@privat.example',
    name: 'Tobias Schröder',
    role: 'applicant',
    pending: true,
    organisationOther: 'Gemeinde Beispieldorf, Bürgeramt',
    applicationReason:
      'Ich leite das Bürgeramt der Gemeinde Beispieldorf. Unsere Verwaltung hat keine eigene Mail-Domain, deshalb nutze ich meine private Adresse. Ich möchte mich zur Digitalisierung von Meldeverfahren mit anderen Kommunen austauschen.',
  },
];

let cachedHash: string | undefined;
/** One argon2id hash of the demo password, computed at most once per process. */
export async function demoPasswordHash(): Promise<string> {
  return (cachedHash ??= await hashPassword(DEMO_PASSWORD));
}

export interface DemoSeedResult {
  organisationsCreated: number;
  domainsCreated: number;
  accountsCreated: number;
  organisationsByLevel: Record<string, number>;
  /** Seed key -> organisation id. */
  organisationIds: Map<string, string>;
  people: PeopleSeedResult;
  communities: CommunitiesSeedResult;
  events: EventsSeedResult;
}

export async function seedDemo(db: Kysely<DB>, opts: { log?: (line: string) => void } = {}): Promise<DemoSeedResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const directory = demoDirectory();
  const orgs = await upsertOrganisations(db, directory);
  const accountsCreated = await seedAccounts(db, orgs.ids);
  const reservedNames = DEMO_ACCOUNTS.map((a) => a.name);
  const people = await seedPeople(db, { directory, organisationIds: orgs.ids, passwordHash: demoPasswordHash, reservedNames });
  const demoPeople = generateDemoPeople(directory, DEMO_PEOPLE_COUNT, reservedNames);
  const communities = await seedCommunities(db, { people: demoPeople });
  const events = await seedDemoEvents(db, { people: demoPeople });
  const notifications = await seedDemoNotifications(db);

  const levels = await db.selectFrom('organisations').select(['level', sql<number>`count(*)::int`.as('n')]).groupBy('level').orderBy('level').execute();
  const organisationsByLevel = Object.fromEntries(levels.map((r) => [r.level, r.n]));
  const total = levels.reduce((sum, r) => sum + r.n, 0);
  log(
    `Demo data: ${total} organisations (${levels.map((r) => `${r.level} ${r.n}`).join(', ')}); ` +
      `${people.people} people with profiles; ` +
      `new: ${orgs.created} organisations, ${orgs.domainsCreated} domains, ${accountsCreated} accounts, ${people.usersCreated} people, ` +
      `${people.profileTagsCreated} tags on profiles, ${people.confirmationsCreated} confirmations, ` +
      `${communities.communitiesCreated} communities, ${communities.postsCreated} posts, ${communities.repliesCreated} replies, ` +
      `${events.eventsCreated} events, ${events.registrationsCreated} registrations, ${events.sessionsCreated} barcamp sessions, ${notifications} notifications. ` +
      `Sign in as ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')} or any demo person with the password "${DEMO_PASSWORD}".`,
  );
  return { organisationsCreated: orgs.created, domainsCreated: orgs.domainsCreated, accountsCreated, organisationsByLevel, organisationIds: orgs.ids, people, communities, events };
}

async function seedAccounts(db: Kysely<DB>, orgIds: Map<string, string>): Promise<number> {
  const existing = await db
    .selectFrom('users')
    .select('email')
    .where('email', 'in', DEMO_ACCOUNTS.map((a) => a.email))
    .execute();
  const known = new Set(existing.map((r) => r.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !known.has(a.email));
  if (missing.length === 0) return 0; // nothing to hash: a restart of the demo stays fast
  const passwordHash = await demoPasswordHash();
  const now = new Date();
  const rows = missing.map((a) => {
    const verified = !a.pending;
    return {
      id: newId(),
      email: a.email,
      name: a.name,
      passwordHash,
      role: a.role,
      organisationId: a.org ? (orgIds.get(a.org) ?? null) : null,
      organisationOther: a.organisationOther ?? null,
      applicationReason: a.applicationReason ?? null,
      emailConfirmedAt: now,
      verifiedVia: verified ? ('seed' as const) : null,
      verifiedAt: verified ? now : null,
      reviewStatus: a.pending ? ('pending' as const) : null,
      locale: 'de' as const,
    };
  });
  const inserted = await db.insertInto('users').values(rows).onConflict((oc) => oc.column('email').doNothing()).returning('id').execute();
  return inserted.length;
}
