/** The audit log: every action of office and admin, readable by them. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      actorId: actor.kind === 'user' ? actor.user.id : null,
      actorName: actor.kind === 'user' ? actor.user.name : 'System',
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: Kysely<DB>, opts: { before?: number; limit?: number }) {
  let q = db
    .selectFrom('auditLog')
    .select(['id', 'actorName', 'action', 'targetType', 'targetId', 'details', 'createdAt'])
    .orderBy('id', 'desc')
    .limit(Math.min(opts.limit ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE) + 1);
  if (opts.before) q = q.where('id', '<', opts.before);
  const rows = await q.execute();
  const limit = Math.min(opts.limit ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
  return { entries: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1]!.id : null };
}
