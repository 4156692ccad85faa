/**
 * Sending a mail exactly once per key. The mail log row of a key is written in a transaction
 * that stays open while the SMTP server takes the mail: if sending fails, the row rolls back
 * and the failure is recorded (visible to admins) and the job is retried; if it succeeds the
 * row commits as 'sent', and a second delivery of the same key (a retried job, a parallel
 * worker, which waits on the row lock) finds it and sends nothing.
 *
 * The one gap no SMTP client can close: the process dying after the server accepted the mail
 * but before the commit. The Message-ID is derived from the key, so such a copy carries the
 * same Message-ID and mail programs show it once.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Mailer, OutgoingMail } from './mailer.js';
import { sha256 } from '../lib/ids.js';

export interface DeliveryDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  /** Host part of Message-IDs. */
  host: string;
}

export interface Delivery {
  key: string;
  userId: string | null;
  kind: string;
  mail: OutgoingMail;
}

export function messageIdFor(key: string, host: string): string {
  return `<${sha256(key).slice(0, 32)}@${host}>`;
}

/**
 * Sends the mail unless its key was sent before. `alongside` runs in the same transaction
 * (e.g. marking notifications as mailed), so it happens exactly when the mail went out.
 */
export async function deliverOnce(deps: DeliveryDeps, delivery: Delivery, alongside?: (trx: Transaction<DB>) => Promise<void>): Promise<'sent' | 'duplicate'> {
  const subject = delivery.mail.subject.slice(0, 300);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const claimed = await sql<{ key: string }>`
        insert into mail_log (key, user_id, kind, status, attempts, subject)
        values (${delivery.key}, ${delivery.userId}, ${delivery.kind}, 'sent', 1, ${subject})
        on conflict (key) do update set status = 'sent', attempts = mail_log.attempts + 1, error = null, updated_at = now()
          where mail_log.status = 'failed'
        returning key`.execute(trx);
      if (claimed.rows.length === 0) return 'duplicate';
      if (alongside) await alongside(trx);
      await deps.mailer.send({ ...delivery.mail, messageId: messageIdFor(delivery.key, deps.host) });
      return 'sent';
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await sql`
      insert into mail_log (key, user_id, kind, status, attempts, error, subject)
      values (${delivery.key}, ${delivery.userId}, ${delivery.kind}, 'failed', 1, ${message}, ${subject})
      on conflict (key) do update set status = 'failed', attempts = mail_log.attempts + 1, error = ${message}, updated_at = now()
        where mail_log.status = 'failed'`.execute(deps.db);
    throw error;
  }
}

/** Records that a mail of this key will not be sent (settings, visibility), so that it is not tried again. */
export async function skipMail(db: Kysely<DB> | Transaction<DB>, delivery: { key: string; userId: string | null; kind: string }): Promise<void> {
  await sql`insert into mail_log (key, user_id, kind, status) values (${delivery.key}, ${delivery.userId}, ${delivery.kind}, 'skipped') on conflict (key) do nothing`.execute(db);
}
