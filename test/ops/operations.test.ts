/**
 * Operations: the production start refuses a bad configuration with a readable list; the app
 * answers 503 with Retry-After while its database is down and recovers by itself; SIGTERM
 * ends the process cleanly.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createKysely, ensureDatabase, freePort, startEmbeddedPostgres } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createMailer } from '../../src/mail/mailer.js';
import { createJobs } from '../../src/jobs/jobs.js';
import { createTestDatabase } from '../helpers/app.js';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(env: Record<string, string>): { exit: Promise<{ code: number | null; out: string }>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(tsx, ['src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return { exit: new Promise((resolve) => child.on('exit', (code) => resolve({ code, out }))), kill: (s) => child.kill(s) };
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

describe('configuration', () => {
  it('refuses to start in production with a readable list of what is missing or wrong', async () => {
    const { exit } = run({ NODE_ENV: 'production', PORT: 'abc', SMTP_URL: 'http://mail' });
    const { code, out } = await exit;
    expect(code).toBe(78);
    expect(out).toContain('PORT');
    expect(out).not.toContain('    at '); // a list, not a stack trace
  }, 60_000);

  it('lists every problem at once', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' })).toThrowError(/SESSION_SECRET[\s\S]*BASE_URL|BASE_URL[\s\S]*SESSION_SECRET/);
  });
});

describe('process lifecycle', () => {
  it('starts on DATABASE_URL, migrates, serves, and exits 0 on SIGTERM', async () => {
    const { url } = await createTestDatabase();
    const port = await freePort();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kp-main-'));
    const proc = run({ DATABASE_URL: url, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    await waitFor(`http://127.0.0.1:${port}/readyz`);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    proc.kill('SIGTERM');
    const { code, out } = await proc.exit;
    expect(code).toBe(0);
    expect(out).toContain('shutting down');
    await fs.rm(dataDir, { recursive: true, force: true });
  }, 90_000);
});

describe('database outage', () => {
  it('answers 503 with Retry-After while the database is down and recovers when it returns', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kp-outage-'));
    await fs.chmod(dir, 0o755);
    let server = await startEmbeddedPostgres(path.join(dir, 'pg'));
    const url = await ensureDatabase(server.adminUrl, 'knotenpunkt');
    const { db } = createKysely(url, 4);
    await migrateToLatest(db);
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const mailer = createMailer({ smtpUrl: '', from: config.MAIL_FROM, outboxDir: config.outboxDir });
    const jobs = await createJobs({ connectionString: url, workers: false, onError: () => {} });
    const app = await buildApp({ config, db, mailer, jobs }, { logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await server.stop();
      const started = Date.now();
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBeDefined();
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBeDefined();
      expect(page.body).toContain('Dienst nicht verfügbar');
      expect(Date.now() - started).toBeLessThan(5000);

      server = await startEmbeddedPostgres(path.join(dir, 'pg'), server.port);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await jobs.stop();
      await db.destroy();
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
