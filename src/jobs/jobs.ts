/**
 * The job queue: pg-boss on our own PostgreSQL (schema `pgboss`), so there is no extra service.
 * Mails are queued, inside the caller's transaction when one is given (a mail about a waiting
 * list promotion is queued exactly when the promotion commits), and sent by a worker that
 * retries with backoff. Periodic work (event reminders) runs as scheduled jobs.
 *
 * Workers run in the app process (`workers: true`); tests and scripts leave them off and call
 * `drain()`, which handles everything due now, in order, in the calling process.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Mailer, OutgoingMail } from '../mail/mailer.js';

export const MAIL_QUEUE = 'mail';
export const REMINDER_QUEUE = 'event-reminders';

type Handler = () => Promise<void>;

export interface Jobs {
  /** Queue a mail. With `trx`, the mail is queued only if that transaction commits. */
  sendMail(mail: OutgoingMail, opts?: { trx?: Transaction<DB> | Kysely<DB> }): Promise<void>;
  /** Periodic work by name, run every few minutes by the scheduler (and by `drain`). */
  every(name: string, handler: Handler): void;
  /** Handle every job that is due now (and run periodic work once). Returns the number of mails sent. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** pg-boss's statements through a Kysely transaction, so that a job is part of it. */
function executorOf(trx: Transaction<DB> | Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** Installs or upgrades pg-boss's tables (used once on the test template, and at start). */
export async function installJobSchema(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

export async function createJobs(opts: { connectionString: string; mailer: Mailer; workers: boolean; onError?: (error: unknown) => void }): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    max: 3,
    supervise: opts.workers,
    schedule: opts.workers,
    // Mails: five tries over about half an hour (30 s, 1 min, 2 min, 4 min, …), then kept as failed.
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    retentionDays: 7,
  });
  boss.on('error', (error) => opts.onError?.(error));
  await boss.start();
  await boss.createQueue(MAIL_QUEUE);
  const periodic = new Map<string, Handler>();

  const sendOne = async (mail: OutgoingMail) => {
    await opts.mailer.send(mail);
  };

  if (opts.workers) {
    await boss.work<OutgoingMail>(MAIL_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      if (job) await sendOne(job.data);
    });
  }

  return {
    async sendMail(mail, sendOpts = {}) {
      await boss.send(MAIL_QUEUE, mail as unknown as object, sendOpts.trx ? { db: executorOf(sendOpts.trx) } : {});
    },
    every(name, handler) {
      periodic.set(name, handler);
      if (!opts.workers) return;
      void (async () => {
        await boss.createQueue(name);
        await boss.schedule(name, '*/5 * * * *', {}, { tz: 'Europe/Berlin', retryLimit: 0 });
        await boss.work(name, { pollingIntervalSeconds: 30 }, handler);
      })().catch((error) => opts.onError?.(error));
    },
    async drain() {
      for (const handler of periodic.values()) await handler();
      let sent = 0;
      for (;;) {
        const jobs = await boss.fetch<OutgoingMail>(MAIL_QUEUE, { batchSize: 20 });
        if (jobs.length === 0) return sent;
        for (const job of jobs) {
          try {
            await sendOne(job.data);
            await boss.complete(MAIL_QUEUE, job.id);
            sent += 1;
          } catch (error) {
            await boss.fail(MAIL_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
