/**
 * Fixed-window counters in PostgreSQL, so that every instance behind a load balancer shares
 * them. One statement per check: insert or bump, starting a new window when the old one ended.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from './errors.js';

export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function consume(db: Kysely<DB>, key: string, max: number, windowSeconds: number): Promise<LimitResult> {
  const { rows } = await sql<{ hits: number; windowStart: Date }>`
    insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning hits, window_start`.execute(db);
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil(windowSeconds - (Date.now() - row.windowStart.getTime()) / 1000));
  return { allowed: row.hits <= max, retryAfterSeconds };
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', {}, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}

export interface LimitRule {
  key: string;
  max: number;
}

/** Counts one attempt against each rule; throws RateLimitedError if any is over its limit. */
export async function enforceLimits(db: Kysely<DB>, rules: LimitRule[], windowSeconds: number): Promise<void> {
  const results = await Promise.all(rules.map((r) => consume(db, r.key, r.max, windowSeconds)));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length > 0) throw new RateLimitedError(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}
