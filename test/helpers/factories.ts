/** Rows for tests, with overrides. Passwords are hashed like real ones (argon2id). */
import type { Kysely } from 'kysely';
import type { DB, Level, Role } from '../../src/db/schema.js';
import { newId } from '../../src/lib/ids.js';
import { hashPassword } from '../../src/features/accounts/accounts.service.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let cachedHash: string | undefined;

export async function createOrganisation(
  db: Kysely<DB>,
  overrides: Partial<{ id: string; name: string; level: Level; state: string | null; type: string; domains: string[]; allowSubdomains: boolean; parentId: string | null }> = {},
) {
  const id = overrides.id ?? newId();
  const org = {
    id,
    name: overrides.name ?? `Organisation ${id}`,
    shortName: null,
    level: overrides.level ?? 'kommune',
    state: overrides.state === undefined ? 'NW' : overrides.state,
    type: overrides.type ?? 'stadt',
    allowSubdomains: overrides.allowSubdomains ?? false,
    parentId: overrides.parentId ?? null,
  };
  await db.insertInto('organisations').values(org).execute();
  for (const domain of overrides.domains ?? []) await db.insertInto('organisationDomains').values({ domain, organisationId: id, createdBy: null }).execute();
  return org;
}

export async function createUser(
  db: Kysely<DB>,
  overrides: Partial<{ id: string; email: string; name: string; role: Role; organisationId: string | null; confirmed: boolean; password: string; reviewStatus: 'pending' | 'declined' | null; locale: 'de' | 'en' }> = {},
) {
  const id = overrides.id ?? newId();
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash = password === TEST_PASSWORD ? (cachedHash ??= await hashPassword(TEST_PASSWORD)) : await hashPassword(password);
  const role = overrides.role ?? 'member';
  const user = {
    id,
    email: overrides.email ?? `${id.toLowerCase().replace(/[^a-z0-9]/g, '')}@test.example`,
    name: overrides.name ?? `Person ${id}`,
    passwordHash,
    role,
    organisationId: overrides.organisationId ?? null,
    emailConfirmedAt: overrides.confirmed === false ? null : new Date(),
    verifiedVia: role === 'applicant' ? null : ('seed' as const),
    verifiedAt: role === 'applicant' ? null : new Date(),
    reviewStatus: overrides.reviewStatus ?? (role === 'applicant' ? ('pending' as const) : null),
    locale: overrides.locale ?? 'de',
  };
  await db.insertInto('users').values(user).execute();
  return { ...user, password };
}
