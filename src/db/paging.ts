/**
 * A page of a list and the total of its filter in one round trip: the count is an
 * uncorrelated scalar subquery, which PostgreSQL evaluates once per statement.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's filter query, before its select
type Filter = SelectQueryBuilder<any, any, any>;

export function totalOf(filter: Filter): RawBuilder<number> {
  return sql<number>`(${filter.select(sql<number>`count(*)::int`.as('n'))})`;
}

/** The total carried by the page's rows; a page past the end has no row, so it is counted on its own. */
export async function pageTotal(rows: { total: number }[], filter: Filter): Promise<number> {
  if (rows[0]) return rows[0].total;
  const row = (await filter.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst()) as { n: number } | undefined;
  return row?.n ?? 0;
}
