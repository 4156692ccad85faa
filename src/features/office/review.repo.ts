/** All SQL of the review queue: who waits, and the conditional updates that decide once. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const REVIEW_PAGE_SIZE = 50;

/** The queue: confirmed addresses with a pending application, oldest first. */
export async function listPendingApplicants(db: Db, opts: { offset?: number } = {}) {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .select(['u.id', 'u.name', 'u.email', 'u.organisationOther', 'u.applicationReason', 'u.createdAt', 'o.id as organisationId', 'o.name as organisationName'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('u.reviewStatus', '=', 'pending')
    .where('u.emailConfirmedAt', 'is not', null)
    .orderBy('u.createdAt', 'asc')
    .orderBy('u.id', 'asc')
    .limit(REVIEW_PAGE_SIZE)
    .offset(opts.offset ?? 0)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, limit: REVIEW_PAGE_SIZE };
}

export async function countPendingApplicants(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('reviewStatus', '=', 'pending')
    .where('emailConfirmedAt', 'is not', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** One person as the review page shows them, whatever the state of their application. */
export async function findApplicant(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.organisationOther',
      'u.applicationReason',
      'u.createdAt',
      'u.reviewStatus',
      'u.emailConfirmedAt',
      'o.id as organisationId',
      'o.name as organisationName',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

const decided = ['id', 'name', 'email', 'locale'] as const;

/**
 * Makes a pending applicant a member. Conditional on the application still being pending, so
 * that of two staff deciding at once exactly one succeeds (the other gets no row back).
 */
export async function markApproved(db: Db, id: string, change: { organisationId: string | null; verifiedBy: string }) {
  const now = new Date();
  return db
    .updateTable('users')
    .set((eb) => ({
      role: 'member',
      verifiedVia: 'review',
      verifiedAt: now,
      verifiedBy: change.verifiedBy,
      reviewStatus: null,
      reviewMessage: null,
      organisationId: change.organisationId,
      // The free-text organisation stays only while no directory organisation is assigned.
      organisationOther: change.organisationId ? null : eb.ref('organisationOther'),
      updatedAt: now,
    }))
    .where('id', '=', id)
    .where('reviewStatus', '=', 'pending')
    .where('emailConfirmedAt', 'is not', null)
    .returning(decided)
    .executeTakeFirst();
}

/** Declines a pending application with the office's message; conditional like markApproved. */
export async function markDeclined(db: Db, id: string, message: string) {
  return db
    .updateTable('users')
    .set({ reviewStatus: 'declined', reviewMessage: message, updatedAt: new Date() })
    .where('id', '=', id)
    .where('reviewStatus', '=', 'pending')
    .where('emailConfirmedAt', 'is not', null)
    .returning(decided)
    .executeTakeFirst();
}
