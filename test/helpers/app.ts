/**
 * The real app on a database of its own (cloned from the migrated template), with mail
 * written to a temporary outbox. Nothing is mocked.
 */
import { inject } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config, type EnvConfig } from '../../src/config.js';
import { createKysely, ensureDatabase, freePort } from '../../src/db/connect.js';
import type { DB } from '../../src/db/schema.js';
import { createMailer } from '../../src/mail/mailer.js';
import { newId } from '../../src/lib/ids.js';
import { Outbox } from './outbox.js';
import { createJobs, type Jobs } from '../../src/jobs/jobs.js';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  config: Config;
  outbox: Outbox;
  /** The job queue; workers are off: `jobs.drain()` sends what is due. */
  jobs: Jobs;
  /** http://127.0.0.1:port when started with `listen: true`. */
  baseUrl: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<{ url: string; db: Kysely<DB> }> {
  const name = `kp_t_${process.env.VITEST_POOL_ID ? '' : ''}${inject('templateDb').replace('kp_template_', '')}_${newId().toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const url = await ensureDatabase(inject('adminUrl'), name, inject('templateDb'));
  const { db } = createKysely(url, 5);
  return { url, db };
}

export async function createTestApp(opts: { env?: Partial<EnvConfig>; listen?: boolean; retryDelaySeconds?: number } = {}): Promise<TestApp> {
  const { db, url } = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kp-app-'));
  const port = opts.listen ? await freePort() : 3000;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {},
    { NODE_ENV: 'test', DATA_DIR: dataDir, PORT: port, BASE_URL: baseUrl, LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret-1234', ...opts.env },
  );
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.outboxDir });
  const jobs = await createJobs({ connectionString: url, workers: false, retryDelaySeconds: opts.retryDelaySeconds ?? 0, onError: (error) => { if (process.env.DEBUG_JOBS) console.error(error); } });
  const app = await buildApp({ config, db, mailer, jobs, databaseUrl: url }, { logger: false });
  if (opts.listen) await app.listen({ port, host: '127.0.0.1' });
  else await app.ready();
  return {
    app,
    db,
    config,
    outbox: new Outbox(config.outboxDir),
    jobs,
    baseUrl,
    close: async () => {
      await app.close();
      await jobs.stop();
      mailer.close();
      await db.destroy();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
