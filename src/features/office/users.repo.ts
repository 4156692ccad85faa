/** All SQL of the office's user management: search, one person, role and suspension changes. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Role, UsersTable } from '../../db/schema.js';
import type { Updateable } from 'kysely';

type Db = Kysely<DB> | Transaction<DB>;

export const USER_PAGE_SIZE = 50;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Everyone (the office sees applicants and suspended accounts too), by name in German order. */
export async function searchUsers(db: Db, opts: { q?: string; offset?: number }) {
  let q = db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.organisationId');
  if (opts.q) {
    const pattern = likePattern(opts.q);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.email', 'ilike', pattern)]));
  }
  const rows = await q
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.suspendedAt', 'u.reviewStatus', 'u.emailConfirmedAt', 'o.name as organisationName'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`u.name collate "de-x-icu"`)
    .orderBy('u.id')
    .limit(USER_PAGE_SIZE)
    .offset(opts.offset ?? 0)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, limit: USER_PAGE_SIZE };
}

export async function findUser(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.role',
      'u.suspendedAt',
      'u.reviewStatus',
      'u.emailConfirmedAt',
      'u.verifiedVia',
      'u.verifiedAt',
      'u.createdAt',
      'u.organisationOther',
      'o.id as organisationId',
      'o.name as organisationName',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/**
 * Changes the role if it is still `from` (a parallel change by a colleague wins, this one
 * answers no row). `patch` carries the verification fields that go with the new role.
 */
export async function updateRole(db: Db, id: string, from: Role, to: Role, patch: Updateable<UsersTable>) {
  return db
    .updateTable('users')
    .set({ ...patch, role: to, updatedAt: new Date() })
    .where('id', '=', id)
    .where('role', '=', from)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

/** Sets or lifts a suspension; answers no row when the account already was in that state. */
export async function setSuspended(db: Db, id: string, suspended: boolean) {
  const now = new Date();
  return db
    .updateTable('users')
    .set({ suspendedAt: suspended ? now : null, updatedAt: now })
    .where('id', '=', id)
    .where('suspendedAt', suspended ? 'is' : 'is not', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}
