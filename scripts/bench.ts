/**
 * `npm run bench`: throughput and latency of the main routes on a realistic data set.
 *
 * Starts its own embedded PostgreSQL in a temporary directory, migrates, seeds the demo data
 * and a scale data set (20,000 members in 600 organisations; 200 communities with 100,000 posts
 * and 500,000 replies; 2,000 events with ~40 registrations each and a big barcamp running today:
 * src/demo/scale-events.ts), creates a personal access token,
 * starts the app on a free loopback port and runs autocannon (in a worker thread, so that load
 * generation and the server do not share one event loop) against every target in TARGETS.
 * Each route is also given as a fraction of the trivial `/healthz` route: the ceiling of this
 * machine, so that figures from different machines can be compared.
 *
 * Before that, the latency of one query: every query in LATENCY_QUERIES (member directory and
 * expert finder) runs sequentially on one connection, BENCH_LATENCY_RUNS times, against its API
 * route (bearer token), its page (session cookie) and directly against the repository function
 * (the SQL alone), reporting p50/p95; every answer must be 2xx with a non-empty result list.
 *
 * Search (GET /api/v1/search, signed in with the session cookie): the 50 queries of
 * SEARCH_QUERIES, first one after another (BENCH_SEARCH_RUNS times each after one warm-up run;
 * p50/p95/max per query and over all, also measured on the service function without HTTP),
 * then under load: 20 connections, each cycling through the 50 queries (a TARGETS entry with
 * `requests`). The target is p95 under 50 ms for single queries.
 *
 * Notifications (issue 7): the scale data adds 3–15 notifications from the last day for every
 * member of a scale community (src/demo/scale-notifications.ts) and 400 for the benchmark
 * account. The target `digests` builds (composes, without sending) the daily digest of every
 * member with something due, BENCH_DIGEST_CONCURRENCY (default 4) at a time, and reports the
 * seconds in total, the memory peak (RSS sampled every 20 ms) and the heap growth; the target
 * `benachrichtigungen` loads the notification list page of the benchmark account.
 *
 * Environment: BENCH_SECONDS (default 10) per target, BENCH_WARMUP_SECONDS (default 1),
 * BENCH_CONNECTIONS (default 50), BENCH_MEMBERS (20000), BENCH_ORGANISATIONS (600),
 * BENCH_COMMUNITIES (200), BENCH_POSTS (100000), BENCH_REPLIES (500000), BENCH_EVENTS (2000),
 * BENCH_EVENT_REGISTRATIONS (40 per event on average),
 * BENCH_LATENCY_RUNS (default 20; 0 skips the latency section), BENCH_SEARCH_RUNS (default 10;
 * 0 skips the sequential search section), BENCH_TARGETS (only the targets whose name contains
 * this text, and the ceiling; default all), BENCH_DATABASE_URL (use this database instead of a
 * fresh embedded one: it is migrated and seeded, which adds nothing to a seeded one; for
 * repeated runs).
 * New targets are added by appending to TARGETS, new queries by appending to LATENCY_QUERIES
 * and SEARCH_QUERIES.
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
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo.js';
import { seedScale } from '../src/demo/scale.js';
import { BENCH_EMAIL, findBenchTargets, seedScaleCommunities } from '../src/demo/scale-communities.js';
import { seedScaleEvents } from '../src/demo/scale-events.js';
import { seedScaleNotifications } from '../src/demo/scale-notifications.js';
import { buildAllDigests } from '../src/features/notifications/digest.js';
import { findExperts } from '../src/features/experts/experts.repo.js';
import { listMembers, type Viewer } from '../src/features/members/members.repo.js';
import { search } from '../src/features/search/search.service.js';
import { newId, newSecret, sha256 } from '../src/lib/ids.js';
import { tagSlug } from '../src/lib/tags.js';
import { createMailer } from '../src/mail/mailer.js';
import { createJobs } from '../src/jobs/jobs.js';

/** What targets may use to build their requests. */
export interface BenchContext {
  db: Kysely<DB>;
  baseUrl: string;
  /** Bearer secret of a personal access token (scopes read, write) of member@land-beispiel.example. */
  token: string;
  /** Cookie header with a session of the same person ("kp_session=…"), for pages. */
  cookie: string;
  /** Demo seed key (e.g. "demo:musterstadt", "bund:bmi") -> organisation id. */
  organisationIds: Map<string, string>;
  /**
   * Found by SQL after seeding (findBenchTargets): the largest open community the person is an
   * active member of, and its visible post with the most replies (at least 50: a full page).
   */
  community: { slug: string; postId: string; replyCount: number };
  /** The scale data's big barcamp, running today with a published plan (seedScaleEvents). */
  barcampId: string;
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
  /** Counts the results in an answer: the first answer must have some. */
  results?: (body: string) => number;
  /** Several requests (paths) that every connection cycles through, instead of `path` alone. */
  requests?: (ctx: BenchContext) => { path: string }[];
}

const apiItems = (body: string) => (JSON.parse(body) as { items: unknown[] }).items.length;
const pageItems = (body: string) => body.split('class="kp-result"').length - 1;

export const TARGETS: BenchTarget[] = [
  { name: 'ceiling: GET /healthz', path: '/healthz', ceiling: true },
  { name: 'landing page GET /', path: '/' },
  { name: 'sign-in page GET /anmelden', path: '/anmelden' },
  { name: 'API GET /api/v1/me (token)', path: '/api/v1/me', headers: (ctx) => ({ authorization: `Bearer ${ctx.token}` }) },
  // Member directory and expert finder (issue 3): 20 connections, signed in.
  { name: 'experts page GET /wer-weiss-was?q=E-Akte (cookie)', path: '/wer-weiss-was?q=E-Akte', headers: (ctx) => ({ cookie: ctx.cookie }), connections: 20, results: pageItems },
  { name: 'directory page GET /mitglieder?topic=Informationssicherheit (cookie)', path: '/mitglieder?topic=Informationssicherheit', headers: (ctx) => ({ cookie: ctx.cookie }), connections: 20, results: pageItems },
  { name: 'API GET /api/v1/experts?q=E-Akte (token)', path: '/api/v1/experts?q=E-Akte', headers: (ctx) => ({ authorization: `Bearer ${ctx.token}` }), connections: 20, results: apiItems },
  { name: 'API GET /api/v1/members?topic=Informationssicherheit (token)', path: '/api/v1/members?topic=Informationssicherheit', headers: (ctx) => ({ authorization: `Bearer ${ctx.token}` }), connections: 20, results: apiItems },
  // Communities, signed in: the largest open community of the benchmark account, its
  // post with the most replies (the page shows 50 per page) and the start page with the activity
  // of the account's communities, open questions and suggested communities.
  { name: 'community page GET /communities/{slug} (cookie)', path: (ctx) => `/communities/${ctx.community.slug}`, headers: (ctx) => ({ cookie: ctx.cookie }) },
  { name: 'post page GET /beitraege/{id}, ≥ 50 replies (cookie)', path: (ctx) => `/beitraege/${ctx.community.postId}`, headers: (ctx) => ({ cookie: ctx.cookie }) },
  { name: 'member start page GET / (cookie)', path: '/', headers: (ctx) => ({ cookie: ctx.cookie }) },
  // Search: 20 connections, each cycling through the 50 queries of SEARCH_QUERIES.
  {
    name: 'search API GET /api/v1/search, 50 queries in turn (cookie)',
    path: () => searchPath(0),
    headers: (ctx) => ({ cookie: ctx.cookie }),
    connections: 20,
    results: apiItems,
    requests: () => SEARCH_QUERIES.map((_, i) => ({ path: searchPath(i) })),
  },
  // Events (issue 6), signed in: the list of upcoming events (2,000 events over two years, ~40
  // registrations each) and the live view of the big barcamp running today (6 rooms × 6 slots).
  { name: 'event list page GET /veranstaltungen (cookie)', path: '/veranstaltungen', headers: (ctx) => ({ cookie: ctx.cookie }) },
  { name: 'barcamp live page GET /veranstaltungen/{id}/live (cookie)', path: (ctx) => `/veranstaltungen/${ctx.barcampId}/live`, headers: (ctx) => ({ cookie: ctx.cookie }) },
  // Notifications (issue 7), signed in: the list page of the benchmark account (400 notifications).
  { name: 'notification list page GET /benachrichtigungen (cookie)', path: '/benachrichtigungen', headers: (ctx) => ({ cookie: ctx.cookie }) },
];

/** Name of the digest measurement, for BENCH_TARGETS. */
const DIGEST_TARGET = 'notification digests: building the daily digests of all members';

/** One search, measured on its API route, its page and its repository function. */
export interface LatencyQuery {
  kind: 'experts' | 'members';
  /** Query parameters as in the URL (q, topic, level, state). */
  params: Record<string, string>;
}

export const LATENCY_QUERIES: LatencyQuery[] = [
  { kind: 'experts', params: { q: 'E-Akte' } },
  { kind: 'experts', params: { q: 'eAkte' } },
  { kind: 'experts', params: { q: 'OZG' } },
  { kind: 'experts', params: { q: 'Informationssicherheit' } },
  { kind: 'experts', params: { q: 'KI in der Verwaltung' } },
  { kind: 'experts', params: { q: 'Open Source' } },
  { kind: 'experts', params: { q: 'Barrierefreiheit' } },
  { kind: 'experts', params: { q: 'Registermodernisierung' } },
  { kind: 'experts', params: { q: 'Vergaberecht' } },
  { kind: 'experts', params: { q: 'Wohngeld' } },
  { kind: 'experts', params: { q: 'Agiles Arbeiten', level: 'kommune' } },
  { kind: 'members', params: { q: 'Müller' } },
  { kind: 'members', params: { q: 'Anna Schmidt' } },
  { kind: 'members', params: { q: 'Yılmaz' } },
  { kind: 'members', params: { q: 'Bundesministerium' } },
  { kind: 'members', params: { q: 'Landkreis' } },
  { kind: 'members', params: { q: 'Oberbach' } },
  { kind: 'members', params: { q: 'Stadt', level: 'kommune' } },
  { kind: 'members', params: { topic: 'E-Akte' } },
  { kind: 'members', params: { topic: 'Open Source', level: 'bund' } },
  { kind: 'members', params: { topic: 'Informationssicherheit', state: 'NW' } },
];

/**
 * Fifty searches as people in public administration type them: 1–3 words, drawn from the
 * words the scale texts (src/demo/scale-community-texts.ts), the topics and the positions of
 * the profiles use; some with a typo (the answer is then the corrected query's results), an
 * umlaut written out, a phrase in quotes, an exclusion, and a few that find nothing (which
 * also try corrections, so they are among the more expensive ones). `none`: expected to find
 * nothing, even after correction.
 */
export interface SearchQuery {
  q: string;
  none?: true;
  /** A known gap: the query finds nothing although it should (printed as a note, not a warning). */
  gap?: string;
}

export const SEARCH_QUERIES: SearchQuery[] = [
  // topics (tags, titles, community names)
  { q: 'E-Akte' },
  { q: 'eAkte', gap: 'the run-together spelling of E-Akte is neither a word of the texts nor a correction (similarity of "eakte" and "akte" < 0.4)' },
  { q: 'OZG-Umsetzung' },
  { q: 'OZG' },
  { q: 'Registermodernisierung' },
  { q: 'Informationssicherheit' },
  { q: 'Barrierefreiheit' },
  { q: 'Vergaberecht' },
  { q: 'Open Source' },
  { q: '"Open Source"' },
  { q: 'KI Verwaltung' },
  { q: '"KI in der Verwaltung"' },
  { q: 'Digitalisierungsstrategie' },
  { q: 'Digitalisierung' },
  { q: 'Verwaltung' },
  { q: 'Fachverfahren Wohngeld' },
  { q: '"Fachverfahren Wohngeld"' },
  { q: 'Kfz-Zulassung' },
  { q: 'Elterngeld Onlinedienst' },
  { q: 'Digitale Souveränität' },
  // words of posts and replies
  { q: 'Dienstvereinbarung' },
  { q: 'Personalvertretung' },
  { q: 'Leistungsbeschreibung' },
  { q: 'Ausschreibung Rahmenvertrag' },
  { q: 'Fördermittel' },
  { q: 'DSFA' },
  { q: 'Datenschutz -DSFA' },
  { q: 'E-Akte -Scanprozesse' },
  { q: 'Schulungen' },
  { q: 'Handreichung' },
  { q: 'Durchlaufzeit' },
  { q: 'Medienbrüche' },
  { q: 'Wissensdatenbank' },
  { q: 'IT-Dienstleister' },
  { q: 'Rechenzentrum' },
  { q: 'Aufbewahrungsfristen' },
  // people and organisations
  { q: 'Sachbearbeiterin' },
  { q: 'Amtsleiterin Bürgerservice' },
  { q: 'Datenschutzbeauftragte' },
  { q: 'Schmidt' },
  { q: 'Gemeinde Oberbach' },
  // umlauts written out, typos
  { q: 'Foerdermittel' },
  { q: 'Souveraenitaet' },
  { q: 'Barierefreiheit' },
  { q: 'Informationssicherhiet' },
  { q: 'Dienstvereinbahrung' },
  { q: 'Digitalisirung' },
  // nothing to find
  { q: 'Quantencomputer', none: true },
  { q: 'Hundesteuer Satzung', none: true },
  { q: 'Blockchain Grundbuch', none: true },
];

function searchPath(i: number): string {
  return `/api/v1/search?${new URLSearchParams({ q: SEARCH_QUERIES[i]!.q }).toString()}`;
}

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
  requests?: { path: string }[];
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
const LATENCY_RUNS = envInt('BENCH_LATENCY_RUNS', 20);
const SEARCH_RUNS = envInt('BENCH_SEARCH_RUNS', 10);
const ONLY = process.env.BENCH_TARGETS ?? '';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? '';
const ORGANISATIONS = envInt('BENCH_ORGANISATIONS', 600);
const COMMUNITIES = envInt('BENCH_COMMUNITIES', 200);
const POSTS = envInt('BENCH_POSTS', 100_000);
const REPLIES = envInt('BENCH_REPLIES', 500_000);
const EVENTS = envInt('BENCH_EVENTS', 2_000);
const EVENT_REGISTRATIONS = envInt('BENCH_EVENT_REGISTRATIONS', 40);
const DIGEST_CONCURRENCY = envInt('BENCH_DIGEST_CONCURRENCY', 4);

const log = (line: string) => console.log(line);

async function createToken(db: Kysely<DB>, email: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const secret = newSecret();
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(secret)) throw new Error('token secret has an unexpected format');
  await db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Benchmark', tokenHash: sha256(secret), scopes: ['read', 'write'] }).execute();
  return secret;
}

/** Signs in through the JSON API (no Origin header: accepted) and answers the session cookie. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${email} answered ${res.status} without a session cookie`);
  return cookie.split(';')[0]!;
}

interface Row {
  target: BenchTarget;
  result: AutocannonResult;
}

function printGrid(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

function printTable(rows: Row[]): void {
  const ceiling = rows.find((r) => r.target.ceiling)?.result.requests.average ?? 0;
  const header = ['route', 'conn.', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs. ceiling'];
  const lines = rows.map(({ target, result }) => [
    target.name,
    String(target.connections ?? CONNECTIONS),
    Math.round(result.requests.average).toLocaleString('en-US'),
    result.latency.p50.toFixed(1),
    result.latency.p99.toFixed(1),
    String(result.non2xx),
    String(result.errors + result.timeouts),
    ceiling > 0 ? `${(result.requests.average / ceiling).toFixed(2)}×` : '–',
  ]);
  printGrid(header, lines);
}

// --- latency of one query ----------------------------------------------------------------------

/** Nearest-rank percentile of samples in ms. */
function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

interface Channel {
  name: string;
  kind: LatencyQuery['kind'];
  /** Runs the query once; answers the number of results (throws on a non-2xx answer). */
  run: (params: Record<string, string>) => Promise<number>;
}

function channels(ctx: BenchContext, viewer: Viewer): Channel[] {
  const http = (base: string, headers: Record<string, string>, count: (body: string) => number) => async (params: Record<string, string>) => {
    const res = await fetch(`${ctx.baseUrl}${base}?${new URLSearchParams(params).toString()}`, { headers, redirect: 'manual' });
    const body = await res.text();
    if (res.status < 200 || res.status >= 300) throw new Error(`answered ${res.status}`);
    return count(body);
  };
  const bearer = { authorization: `Bearer ${ctx.token}` };
  const cookie = { cookie: ctx.cookie };
  type Level = 'bund' | 'land' | 'kommune' | 'sonstige';
  return [
    { name: 'API GET /api/v1/experts (token)', kind: 'experts', run: http('/api/v1/experts', bearer, apiItems) },
    { name: 'page GET /wer-weiss-was (cookie)', kind: 'experts', run: http('/wer-weiss-was', cookie, pageItems) },
    {
      name: 'SQL findExperts',
      kind: 'experts',
      run: async (p) => (await findExperts(ctx.db, viewer, { slug: tagSlug(p.q ?? ''), text: (p.q ?? '').trim(), level: p.level as Level | undefined, state: p.state })).items.length,
    },
    { name: 'API GET /api/v1/members (token)', kind: 'members', run: http('/api/v1/members', bearer, apiItems) },
    { name: 'page GET /mitglieder (cookie)', kind: 'members', run: http('/mitglieder', cookie, pageItems) },
    {
      name: 'SQL listMembers',
      kind: 'members',
      run: async (p) =>
        (await listMembers(ctx.db, viewer, { q: p.q, topic: p.topic ? tagSlug(p.topic) : undefined, level: p.level as Level | undefined, state: p.state })).items.length,
    },
  ];
}

/** Runs every query sequentially on each of its channels; prints p50/p95 per query and per channel. */
async function measureLatency(ctx: BenchContext, viewer: Viewer, runs: number, warnings: string[]): Promise<void> {
  const all = channels(ctx, viewer);
  const byChannel = new Map<string, number[]>(all.map((c) => [c.name, []]));
  const lines: string[][] = [];
  for (const query of LATENCY_QUERIES) {
    const label = `${query.kind}: ${Object.entries(query.params).map(([k, v]) => `${k}=${v}`).join(' ')}`;
    const cells: string[] = [];
    let results = 0;
    for (const channel of all.filter((c) => c.kind === query.kind)) {
      const samples: number[] = [];
      try {
        for (let i = 0; i < runs + 2; i++) {
          const t = performance.now();
          const n = await channel.run(query.params);
          if (i >= 2) samples.push(performance.now() - t); // two unmeasured warm-up runs
          if (i === 0 && n === 0) warnings.push(`${label} on ${channel.name}: the result list is empty`);
          results = n;
        }
      } catch (error) {
        warnings.push(`${label} on ${channel.name}: ${(error as Error).message}`);
      }
      byChannel.get(channel.name)!.push(...samples);
      cells.push(ms(percentile(samples, 0.5)), ms(percentile(samples, 0.95)));
    }
    lines.push([label, ...cells, String(results)]);
  }
  console.log(`Latency of one query (sequential, one connection, ${runs} runs after 2 warm-up runs), ms:\n`);
  printGrid(['query', 'API p50', 'API p95', 'page p50', 'page p95', 'SQL p50', 'SQL p95', 'results'], lines);
  console.log('');
  printGrid(
    ['route (all queries)', 'p50 ms', 'p95 ms', 'samples'],
    all.map((c) => {
      const samples = byChannel.get(c.name)!;
      return [c.name, ms(percentile(samples, 0.5)), ms(percentile(samples, 0.95)), String(samples.length)];
    }),
  );
  console.log('');
}

interface SearchAnswerBody {
  status: string;
  total: number;
  correctedQuery: string | null;
  items: unknown[];
}

/**
 * Runs the 50 search queries one after another (one warm-up run, then `runs` measured runs
 * each) over HTTP and on the service function; prints p50/p95/max per query and over all.
 */
async function measureSearch(ctx: BenchContext, viewer: Viewer, runs: number, warnings: string[]): Promise<void> {
  // Warm-up: every query twice, 10 at a time, so that the server's connections have prepared
  // and planned the search statements (search.repo.ts prepares them; a new connection plans
  // each one five times before it keeps a generic plan) and the data is in memory.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < SEARCH_QUERIES.length; i += 10) {
      await Promise.all(SEARCH_QUERIES.slice(i, i + 10).map(async (_, j) => (await fetch(ctx.baseUrl + searchPath(i + j), { headers: { cookie: ctx.cookie } })).text()));
    }
  }
  const notes: string[] = [];
  const httpAll: number[] = [];
  const serviceAll: number[] = [];
  const lines: string[][] = [];
  for (const [i, query] of SEARCH_QUERIES.entries()) {
    const http: number[] = [];
    const service: number[] = [];
    let answer: SearchAnswerBody | undefined;
    try {
      for (let run = 0; run <= runs; run++) {
        const t = performance.now();
        const res = await fetch(ctx.baseUrl + searchPath(i), { headers: { cookie: ctx.cookie }, redirect: 'manual' });
        const body = await res.text();
        const elapsed = performance.now() - t;
        if (res.status !== 200) throw new Error(`answered ${res.status}`);
        if (run === 0) answer = JSON.parse(body) as SearchAnswerBody;
        else http.push(elapsed);
      }
      for (let run = 0; run <= runs; run++) {
        const t = performance.now();
        await search(ctx.db, viewer, { q: query.q });
        if (run > 0) service.push(performance.now() - t);
      }
    } catch (error) {
      warnings.push(`search "${query.q}": ${(error as Error).message}`);
    }
    httpAll.push(...http);
    serviceAll.push(...service);
    const found = answer ? answer.total : 0;
    if (answer && (query.none || query.gap) && found > 0) warnings.push(`search "${query.q}" was expected to find nothing but found ${found}${query.gap ? ' (a known gap closed? update SEARCH_QUERIES)' : ''}`);
    if (answer && !query.none && found === 0) {
      if (query.gap) notes.push(`search "${query.q}" finds nothing: ${query.gap}`);
      else warnings.push(`search "${query.q}" found nothing (status ${answer.status})`);
    }
    lines.push([
      query.q,
      ms(percentile(http, 0.5)),
      ms(percentile(http, 0.95)),
      ms(Math.max(...http)),
      ms(percentile(service, 0.5)),
      ms(percentile(service, 0.95)),
      answer ? `${answer.total}${answer.total >= 1000 ? '+' : ''}` : '–',
      answer?.correctedQuery ?? '',
    ]);
  }
  console.log(`Search, one query at a time (GET /api/v1/search, cookie; ${runs} runs each after 1 warm-up run, all queries warmed up twice before), ms:\n`);
  printGrid(['query', 'HTTP p50', 'HTTP p95', 'HTTP max', 'service p50', 'service p95', 'results', 'corrected to'], lines);
  console.log('');
  const p95 = percentile(httpAll, 0.95);
  printGrid(
    ['search (all 50 queries)', 'p50 ms', 'p95 ms', 'max ms', 'samples'],
    [
      ['HTTP GET /api/v1/search (cookie)', ms(percentile(httpAll, 0.5)), ms(p95), ms(Math.max(...httpAll)), String(httpAll.length)],
      ['service search()', ms(percentile(serviceAll, 0.5)), ms(percentile(serviceAll, 0.95)), ms(Math.max(...serviceAll)), String(serviceAll.length)],
    ],
  );
  for (const note of notes) console.log(`NOTE: ${note}`);
  console.log(`\nTarget p95 < 50 ms for single queries: ${p95 < 50 ? 'met' : 'missed'} (${ms(p95)} ms).\n`);
}

/**
 * Builds the daily digest of every member with something due (as the 7:00 run would, without
 * sending or marking anything) and reports time and memory. RSS is sampled every 20 ms; the heap
 * figure is the growth of heapUsed from before to its sampled peak.
 */
async function measureDigests(db: Kysely<DB>, config: { baseUrl: URL; sessionSecret: string }, warnings: string[]): Promise<void> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const t = performance.now();
  try {
    const result = await buildAllDigests(db, 'daily', new Date(), { config, concurrency: DIGEST_CONCURRENCY });
    const seconds = (performance.now() - t) / 1000;
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    peakHeap = Math.max(peakHeap, after.heapUsed);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(`Daily digests (buildAllDigests, ${DIGEST_CONCURRENCY} at a time, composed but not sent):\n`);
    printGrid(
      ['digests', 'people due', 'mails', 'items', 'seconds', 'ms per mail', 'RSS before', 'RSS peak', 'heap growth (peak)', 'mail size avg'],
      [[
        'daily',
        result.users.toLocaleString('en-US'),
        result.mails.toLocaleString('en-US'),
        result.totalItems.toLocaleString('en-US'),
        seconds.toFixed(1),
        result.mails > 0 ? ((seconds * 1000) / result.mails).toFixed(2) : '–',
        mb(before.rss),
        mb(peakRss),
        mb(peakHeap - before.heapUsed),
        result.mails > 0 ? `${(result.characters / result.mails / 1024).toFixed(1)} KB` : '–',
      ]],
    );
    console.log('');
    if (result.mails === 0) warnings.push(`${DIGEST_TARGET}: no digest was built`);
  } catch (error) {
    warnings.push(`${DIGEST_TARGET}: ${(error as Error).message}`);
  } finally {
    clearInterval(sampler);
  }
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
    let databaseUrl = DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres(path.join(dir, 'pg'));
      databaseUrl = await ensureDatabase(embedded.adminUrl, 'knotenpunkt');
    }
    db = createKysely(databaseUrl).db;
    await migrateToLatest(db);
    const demo = await seedDemo(db, { log });
    const scale = await seedScale(db, { organisations: ORGANISATIONS, members: MEMBERS });
    const p = scale.profiles;
    log(
      `Scale data: ${scale.organisationsCreated} organisations, ${scale.membersCreated} members` +
        (p ? ` with ${p.profilesCreated} profiles, ${p.expertiseCreated} expertise and ${p.askCreated} ask-me-about tags (${p.tags} topics), ${p.confirmationsCreated} confirmations` : '') +
        ` in ${(scale.milliseconds / 1000).toFixed(1)} s.`,
    );
    const communities = await seedScaleCommunities(db, { communities: COMMUNITIES, posts: POSTS, replies: REPLIES });
    log(
      `Communities: ${communities.communities} communities, ${communities.memberships} memberships, ${communities.posts} posts, ` +
        `${communities.replies} replies, ${communities.helpfulMarks} helpful marks in ${(communities.milliseconds / 1000).toFixed(1)} s.`,
    );
    const events = await seedScaleEvents(db, { events: EVENTS, registrationsPerEvent: EVENT_REGISTRATIONS });
    log(
      events.skipped
        ? `Events: present already; the barcamp ${events.barcampId} was moved to now (${(events.milliseconds / 1000).toFixed(1)} s).`
        : `Events: ${events.events} events, ${events.registrations} registrations, ${events.invitations} invitations; barcamp ${events.barcampId} with ` +
            `${events.sessions} sessions and ${events.interestMarks} interest marks in ${(events.milliseconds / 1000).toFixed(1)} s.`,
    );
    const notifications = await seedScaleNotifications(db);
    log(
      `Notifications: ${notifications.notifications} for ${notifications.members} members (${notifications.unmailed} of the last day not mailed yet), ` +
        `${notifications.eventReminders} event reminders, ${notifications.settings} digest settings in ${(notifications.milliseconds / 1000).toFixed(1)} s.`,
    );
    const community = await findBenchTargets(db, BENCH_EMAIL);
    if (!community) throw new Error(`${BENCH_EMAIL} is in no open community with a post of at least 50 replies (BENCH_COMMUNITIES, BENCH_POSTS, BENCH_REPLIES too small?)`);
    log(`Community targets: /communities/${community.communitySlug}, /beitraege/${community.postId} (${community.replyCount} replies).`);
    const token = await createToken(db, BENCH_EMAIL);
    // Settle the database after the bulk load: fresh statistics, no autovacuum or checkpoint
    // competing with the measurements for the CPU.
    await sql`vacuum analyze`.execute(db);
    if (!DATABASE_URL) await sql`checkpoint`.execute(db);

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
    const jobs = await createJobs({ connectionString: databaseUrl, workers: false });
    const app = await buildApp({ config, db, mailer, jobs }, { logger: false });
    cleanup = async () => {
      await app.close();
      await jobs.stop();
      mailer.close();
    };
    await app.listen({ port, host: '127.0.0.1' });
    log(`Server: ${baseUrl}; setup took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ${SECONDS} s per route after ${WARMUP_SECONDS} s warm-up.\n`);

    const cookie = await signIn(baseUrl, BENCH_EMAIL, DEMO_PASSWORD);
    const ctx: BenchContext = {
      db,
      baseUrl,
      token,
      cookie,
      organisationIds: demo.organisationIds,
      community: { slug: community.communitySlug, postId: community.postId, replyCount: community.replyCount },
      barcampId: events.barcampId,
    };
    const rows: Row[] = [];
    const warnings: string[] = [];
    const me = await db.selectFrom('users').select('id').where('email', '=', BENCH_EMAIL).executeTakeFirstOrThrow();
    const viewer: Viewer = { id: me.id, verified: true, staff: false };
    if (LATENCY_RUNS > 0) await measureLatency(ctx, viewer, LATENCY_RUNS, warnings);
    if (SEARCH_RUNS > 0) await measureSearch(ctx, viewer, SEARCH_RUNS, warnings);
    if (DIGEST_TARGET.includes(ONLY)) await measureDigests(db, config, warnings);
    for (const target of TARGETS.filter((t) => t.ceiling || t.name.includes(ONLY))) {
      const opts: AutocannonOptions = {
        url: baseUrl + (typeof target.path === 'function' ? target.path(ctx) : target.path),
        ...(target.requests ? { requests: target.requests(ctx) } : {}),
        method: target.method ?? 'GET',
        headers: target.headers?.(ctx) ?? {},
        ...(target.body ? { body: target.body(ctx) } : {}),
        connections: target.connections ?? CONNECTIONS,
        duration: SECONDS,
        ...(WORKERS > 0 ? { workers: WORKERS } : {}),
      };
      // One request first: a route that fails would only measure the error page.
      const probe = await fetch(opts.url, { method: opts.method, headers: opts.headers, body: opts.body ?? null, redirect: 'manual' });
      const body = await probe.text();
      if (probe.status < 200 || probe.status >= 300) warnings.push(`${target.name}: the first request answered ${probe.status}`);
      else if (target.results && target.results(body) === 0) warnings.push(`${target.name}: the result list is empty`);
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
