/** All SQL about accessibility feedback as the office reads and handles it. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const FEEDBACK_PAGE_SIZE = 50;

/** Open feedback first, each group newest first. */
export async function listFeedback(db: Db, opts: { offset?: number } = {}) {
  const rows = await db
    .selectFrom('feedback')
    .select(['id', 'name', 'email', 'page', 'message', 'createdAt', 'handledAt'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`handled_at is null`, 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(FEEDBACK_PAGE_SIZE)
    .offset(opts.offset ?? 0)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, limit: FEEDBACK_PAGE_SIZE };
}

export async function countOpenFeedback(db: Db): Promise<number> {
  const row = await db.selectFrom('feedback').select(sql<number>`count(*)`.as('n')).where('handledAt', 'is', null).executeTakeFirstOrThrow();
  return row.n;
}

export async function feedbackExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('feedback').select('id').where('id', '=', id).executeTakeFirst());
}

/** Marks feedback handled once; answers no row when it was already handled. */
export async function markFeedbackHandled(db: Db, id: string) {
  return db.updateTable('feedback').set({ handledAt: new Date() }).where('id', '=', id).where('handledAt', 'is', null).returning(['id']).executeTakeFirst();
}
