/**
 * The job queue: pg-boss on our own PostgreSQL (schema `pgboss`), so there is no extra service.
 * Jobs are queued inside the caller's transaction when one is given (a mail about a waiting
 * list promotion is queued exactly when the promotion commits) and handled by workers that
 * retry with backoff. Periodic work (reminders, digests) runs as scheduled jobs.
 *
 * A handler must be safe to run twice: pg-boss delivers at least once. Mails are made safe by
 * the mail log (src/mail/delivery.ts): a key that was sent is never sent again.
 *
 * Workers run in the app process (`workers: true`); tests and scripts leave them off and call
 * `drain()`, which handles everything due now, in order, in the calling process.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { newId } from '../lib/ids.js';

export const MAIL_QUEUE = 'mail';
export const REMINDER_QUEUE = 'event-reminders';
export const NOTIFICATION_MAIL_QUEUE = 'notification-mail';
export const LIST_MAIL_QUEUE = 'list-mail';
export const DIGEST_QUEUE = 'digest-mail';
/** Queues that exist from the start, so that jobs can be queued before their worker is registered. */
const QUEUES = [MAIL_QUEUE, NOTIFICATION_MAIL_QUEUE, LIST_MAIL_QUEUE, DIGEST_QUEUE];

type Periodic = () => Promise<void>;
type Handler<T> = (data: T) => Promise<void>;
type Executor = Transaction<DB> | Kysely<DB>;

/** A mail job: the mail as composed, and a key that names it in the mail log (never sent twice). */
export interface MailJob {
  key: string;
  userId: string | null;
  kind: string;
  mail: OutgoingMail;
}

export interface Jobs {
  /** Queue a composed mail (system mails; notification mails are composed when sent). */
  sendMail(mail: OutgoingMail, opts?: { trx?: Executor; key?: string; userId?: string | null; kind?: string }): Promise<void>;
  /** Queue a job. With `trx`, it is queued only if that transaction commits. */
  enqueue(queue: string, data: object, opts?: { trx?: Executor; singletonKey?: string }): Promise<void>;
  /** Queue many jobs of one queue in one statement. */
  enqueueMany(queue: string, data: object[], opts?: { trx?: Executor }): Promise<void>;
  /** The worker of a queue (one job at a time; a thrown error retries the job with backoff). */
  handle<T extends object>(queue: string, handler: Handler<T>): void;
  /**
   * Periodic work by name: every five minutes unless `cron` says otherwise (Europe/Berlin).
   * `drain()` runs it too unless `inDrain` is false.
   */
  every(name: string, handler: Periodic, opts?: { cron?: string; inDrain?: boolean }): void;
  /** Handle every job that is due now (after running periodic work once). Returns the number of jobs done. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** pg-boss's statements through a Kysely transaction, so that a job is part of it. */
function executorOf(trx: Executor): PgBoss.Db {
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

export interface JobOptions {
  connectionString: string;
  workers: boolean;
  onError?: (error: unknown) => void;
  /** Seconds before the first retry (doubling after that). Tests use 0. */
  retryDelaySeconds?: number;
}

export async function createJobs(opts: JobOptions): Promise<Jobs> {
  const retryDelay = opts.retryDelaySeconds ?? 30;
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    max: 3,
    supervise: opts.workers,
    schedule: opts.workers,
    // Five tries after the first over about half an hour (30 s, 1 min, 2 min, 4 min, …), then kept as failed.
    retryLimit: 5,
    retryDelay,
    retryBackoff: retryDelay > 0,
    retentionDays: 7,
  });
  boss.on('error', (error) => opts.onError?.(error));
  await boss.start();
  for (const queue of QUEUES) await boss.createQueue(queue);
  const periodic = new Map<string, { handler: Periodic; inDrain: boolean }>();
  const handlers = new Map<string, Handler<object>>();

  const enqueue: Jobs['enqueue'] = async (queue, data, sendOpts = {}) => {
    await boss.send(queue, data, {
      ...(sendOpts.trx ? { db: executorOf(sendOpts.trx) } : {}),
      ...(sendOpts.singletonKey ? { singletonKey: sendOpts.singletonKey } : {}),
    });
  };

  return {
    enqueue,
    async sendMail(mail, mailOpts = {}) {
      const job: MailJob = { key: mailOpts.key ?? `mail:${newId()}`, userId: mailOpts.userId ?? null, kind: mailOpts.kind ?? 'system', mail };
      await enqueue(MAIL_QUEUE, job, { trx: mailOpts.trx });
    },
    async enqueueMany(queue, data, sendOpts = {}) {
      if (data.length === 0) return;
      const jobs = data.map((d) => ({ name: queue, data: d, retryLimit: 5, retryDelay, retryBackoff: retryDelay > 0 }));
      if (sendOpts.trx) await boss.insert(jobs, { db: executorOf(sendOpts.trx) });
      else await boss.insert(jobs);
    },
    handle(queue, handler) {
      handlers.set(queue, handler as Handler<object>);
      if (!opts.workers) return;
      void (async () => {
        if (!QUEUES.includes(queue)) await boss.createQueue(queue);
        await boss.work<object>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          if (job) await (handler as Handler<object>)(job.data);
        });
      })().catch((error) => opts.onError?.(error));
    },
    every(name, handler, everyOpts = {}) {
      periodic.set(name, { handler, inDrain: everyOpts.inDrain ?? true });
      if (!opts.workers) return;
      void (async () => {
        await boss.createQueue(name);
        await boss.schedule(name, everyOpts.cron ?? '*/5 * * * *', {}, { tz: 'Europe/Berlin', retryLimit: 0 });
        await boss.work(name, { pollingIntervalSeconds: 30 }, handler);
      })().catch((error) => opts.onError?.(error));
    },
    async drain() {
      for (const { handler, inDrain } of periodic.values()) if (inDrain) await handler();
      let done = 0;
      // Until no queue has a job due (a job may queue others, a failed one may be due again).
      for (let round = 0; round < 1000; round += 1) {
        let found = 0;
        for (const [queue, handler] of handlers) {
          const jobs = await boss.fetch<object>(queue, { batchSize: 20 });
          found += jobs.length;
          for (const job of jobs) {
            try {
              await handler(job.data);
              await boss.complete(queue, job.id);
              done += 1;
            } catch (error) {
              opts.onError?.(error);
              await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
            }
          }
        }
        if (found === 0) return done;
      }
      return done;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
