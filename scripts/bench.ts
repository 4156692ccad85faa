/**
 * `npm run bench`: throughput and latency of the main routes on a realistic data set.
 *
 * Starts its own embedded PostgreSQL in a temporary directory, migrates, seeds the demo data
 * and a scale data set (20,000 members in 600 organisations), creates a personal access token,
 * starts the app on a free loopback port and runs autocannon (in a worker thread, so that load
 * generation and the server do not share one event loop) against every target in TARGETS.
 * Each route is also given as a fraction of the trivial `/healthz` route: the ceiling of this
 * machine, so that figures from different machines can be compared.
 *
 * Environment: BENCH_SECONDS (default 10) per target, BENCH_WARMUP_SECONDS (default 1),
 * BENCH_CONNECTIONS (default 50), BENCH_MEMBERS (20000), BENCH_ORGANISATIONS (600).
 * New targets are added by appending to TARGETS.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createKysely, ensureDatabase, freePort, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/schema.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { seedScale } from '../src/demo/scale.js';
import { newId, newSecret, sha256 } from '../src/lib/ids.js';
import { createMailer } from '../src/mail/mailer.js';

/** What targets may use to build their requests. */
export interface BenchContext {
  db: Kysely<DB>;
  baseUrl: string;
  /** Bearer secret of a personal access token (scopes read, write) of member@land-beispiel.example. */
  token: string;
  /** Demo seed key (e.g. "demo:musterstadt", "bund:bmi") -> organisation id. */
  organisationIds: Map<string, string>;
}

export interface BenchTarget {
  name: string;
  path: string | ((ctx: BenchContext) => string);
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: (ctx: BenchContext) => Record<string, string>;
  body?: (ctx: BenchContext) => string;
  /** Concurrent connections; default BENCH_CONNECTIONS (50). */
  connections?: number;
  /** The trivial route every other figure is compared with (exactly one target). */
  ceiling?: boolean;
}

export const TARGETS: BenchTarget[] = [
  { name: 'ceiling: GET /healthz', path: '/healthz', ceiling: true },
  { name: 'landing page GET /', path: '/' },
  { name: 'sign-in page GET /anmelden', path: '/anmelden' },
  { name: 'API GET /api/v1/me (token)', path: '/api/v1/me', headers: (ctx) => ({ authorization: `Bearer ${ctx.token}` }) },
];

// --- autocannon (CommonJS, no bundled types: the part we use) ---------------------------------

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface AutocannonOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  workers?: number;
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// --- setup -----------------------------------------------------------------------------------

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number.parseInt(raw, 10) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

const SECONDS = envInt('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 1);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const WORKERS = envInt('BENCH_WORKERS', 1);
const MEMBERS = envInt('BENCH_MEMBERS', 20_000);
const ORGANISATIONS = envInt('BENCH_ORGANISATIONS', 600);

const log = (line: string) => console.log(line);

async function createToken(db: Kysely<DB>, email: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const secret = newSecret();
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(secret)) throw new Error('token secret has an unexpected format');
  await db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Benchmark', tokenHash: sha256(secret), scopes: ['read', 'write'] }).execute();
  return secret;
}

interface Row {
  target: BenchTarget;
  result: AutocannonResult;
}

function printTable(rows: Row[]): void {
  const ceiling = rows.find((r) => r.target.ceiling)?.result.requests.average ?? 0;
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs. ceiling'];
  const lines = rows.map(({ target, result }) => [
    target.name,
    Math.round(result.requests.average).toLocaleString('en-US'),
    result.latency.p50.toFixed(1),
    result.latency.p99.toFixed(1),
    String(result.non2xx),
    String(result.errors + result.timeouts),
    ceiling > 0 ? `${(result.requests.average / ceiling).toFixed(2)}×` : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'knotenpunkt-bench-'));
  // Running as root, PostgreSQL runs as the user 'postgres', which must reach the directory.
  await fs.chmod(dir, 0o755);
  let embedded: EmbeddedServer | undefined;
  let db: Kysely<DB> | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  const stop = async () => {
    await cleanup?.().catch(() => undefined);
    await db?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
    const url = await ensureDatabase(embedded.adminUrl, 'knotenpunkt');
    db = createKysely(url).db;
    await migrateToLatest(db);
    const demo = await seedDemo(db, { log });
    const scale = await seedScale(db, { organisations: ORGANISATIONS, members: MEMBERS });
    log(`Scale data: ${scale.organisationsCreated} organisations, ${scale.membersCreated} members in ${(scale.milliseconds / 1000).toFixed(1)} s.`);
    const token = await createToken(db, 'member@land-beispiel.example');
    // Settle the database after the bulk load: fresh statistics, no autovacuum or checkpoint
    // competing with the measurements for the CPU.
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig(
      {},
      {
        NODE_ENV: 'production',
        PORT: port,
        HOST: '127.0.0.1',
        BASE_URL: baseUrl,
        DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        SESSION_SECRET: newSecret(),
        RATE_LIMIT_MAX_PER_IP: 100_000,
        RATE_LIMIT_MAX_PER_ACCOUNT: 10_000,
      },
    );
    const mailer = createMailer({ smtpUrl: '', from: config.MAIL_FROM, outboxDir: config.outboxDir });
    const app = await buildApp({ config, db, mailer }, { logger: false });
    cleanup = async () => {
      await app.close();
      mailer.close();
    };
    await app.listen({ port, host: '127.0.0.1' });
    log(`Server: ${baseUrl}; setup took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ${SECONDS} s per route after ${WARMUP_SECONDS} s warm-up.\n`);

    const ctx: BenchContext = { db, baseUrl, token, organisationIds: demo.organisationIds };
    const rows: Row[] = [];
    const warnings: string[] = [];
    for (const target of TARGETS) {
      const opts: AutocannonOptions = {
        url: baseUrl + (typeof target.path === 'function' ? target.path(ctx) : target.path),
        method: target.method ?? 'GET',
        headers: target.headers?.(ctx) ?? {},
        ...(target.body ? { body: target.body(ctx) } : {}),
        connections: target.connections ?? CONNECTIONS,
        duration: SECONDS,
        ...(WORKERS > 0 ? { workers: WORKERS } : {}),
      };
      // One request first: a route that fails would only measure the error page.
      const probe = await fetch(opts.url, { method: opts.method, headers: opts.headers, body: opts.body ?? null, redirect: 'manual' });
      await probe.arrayBuffer();
      if (probe.status < 200 || probe.status >= 300) warnings.push(`${target.name}: the first request answered ${probe.status}`);
      if (WARMUP_SECONDS > 0) await autocannon({ ...opts, duration: WARMUP_SECONDS });
      process.stdout.write(`${target.name} … `);
      const result = await autocannon(opts);
      console.log(`${Math.round(result.requests.average)} req/s`);
      if (result.non2xx > 0) {
        const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => `${s.count}× ${code}`);
        warnings.push(`${target.name}: ${result.non2xx} responses were not 2xx (${codes.join(', ') || 'see status codes'})`);
      }
      if (result.errors + result.timeouts > 0) warnings.push(`${target.name}: ${result.errors} errors, ${result.timeouts} timeouts`);
      rows.push({ target, result });
    }
    console.log('');
    printTable(rows);
    for (const w of warnings) console.warn(`WARNING: ${w}`);
    if (warnings.length === 0) console.log('\nAll responses were 2xx.');
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stop();
  }
}

await main();
process.exit(0);
