/**
 * Communities of practice for the scale data set (./scale.ts): hundreds of communities with
 * their members, ~100,000 posts, ~500,000 replies and helpful marks, generated in set-based
 * SQL (generate_series, temporary plan tables) inside one transaction, so that a run either
 * adds everything or nothing.
 *
 * The plan is built first in temporary tables (kp_*): members, communities, memberships,
 * posts with their reply counts, replies and helpful marks. The real tables are then filled
 * from the plan with the counters already right (reply_count, helpful_count, member_count,
 * last_activity_at), and a final set-based pass recomputes every counter from the rows and
 * repairs any difference (it reports how many it fixed: normally none).
 *
 * Search (migration 0006): the row-level triggers that keep the vocabulary (search_words) and
 * the post vectors would fire once per inserted row (and the post vector three times: on the
 * post, then again for its tags and its practice example); together they made this seed about
 * five times slower. They are disabled for the bulk insert (SEARCH_TRIGGERS; ALTER TABLE is
 * transactional, so no other session ever sees them disabled, and they are enabled again
 * before the commit), and the work is done set-based afterwards: one pass computing every new
 * post's vector with kp_post_vector(), and the words of the new texts added with
 * kp_search_vocabulary(), as the triggers would have. Reply vectors are generated columns.
 *
 * Pseudo-random choices hash a number (hashint8extended with a salt per purpose), rather than
 * random(): the plan is the same on every run. The community part runs only while no
 * community with a `scale-community-` slug exists: seeding again adds nothing.
 *
 * The benchmark account (member@land-beispiel.example) is an active member of the five largest
 * open communities and of no hidden one; the largest of them has a discussion with at least
 * SHOWCASE_REPLIES replies, a few of them hidden or deleted perhaps (findBenchTargets finds the
 * community and its post with the most visible replies).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { seedId } from './organisations.js';
import { scaleVocabulary } from './scale-profiles.js';
import * as T from './scale-community-texts.js';

/** The account the benchmark signs in with. */
export const BENCH_EMAIL = 'member@land-beispiel.example';
/** Slugs of the generated communities: scale-community-0001, … */
export const SCALE_COMMUNITY_PREFIX = 'scale-community-';
/** Replies the benchmark's showcase post has at least (the post page shows 50 per page). */
export const SHOWCASE_REPLIES = 120;

export interface ScaleCommunitiesOptions {
  communities: number;
  posts: number;
  replies: number;
  /** Account that joins the five largest open communities; default BENCH_EMAIL. */
  benchEmail?: string;
  log?: (line: string) => void;
}

export interface ScaleCommunitiesResult {
  /** True when scale communities existed already and nothing was added. */
  skipped: boolean;
  communities: number;
  memberships: number;
  posts: number;
  practiceExamples: number;
  postTags: number;
  replies: number;
  helpfulMarks: number;
  /** Counter values the final check had to correct (0 when the plan was consistent). */
  countersFixed: number;
  milliseconds: number;
}

/**
 * Search triggers (migration 0006) disabled during the bulk insert; their work is done
 * set-based before the commit (see the top of this file). The triggers of communities and
 * community topics stay: 200 rows.
 */
const SEARCH_TRIGGERS: readonly (readonly [table: string, trigger: string])[] = [
  ['posts', 'kp_posts_vector'],
  ['posts', 'kp_posts_words'],
  ['practice_examples', 'kp_examples_ins'],
  ['practice_examples', 'kp_examples_words'],
  ['post_tags', 'kp_post_tags_ins'],
  ['replies', 'kp_replies_words'],
];

/** A deterministic number in [0, 1) for an integer key (SQL bigint) and a salt. */
function r(salt: number, key: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`((hashint8extended((${key})::int8, ${sql.lit(salt)}::int8) & 4294967295)::float8 / 4294967296)`;
}

/** A deterministic id in the format of newId() (16 characters base64url) from a kind and a key. */
function hid(kind: string, key: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`substr(translate(encode(decode(md5(${sql.lit(`knotenpunkt-scale-${kind}:`)} || ${key}), 'hex'), 'base64'), '+/', '-_'), 1, 16)`;
}

/** One element of a word list, chosen by a number in [0, 1). */
function pick(list: readonly string[], u: RawBuilder<number>): RawBuilder<string> {
  return sql<string>`(${[...list]}::text[])[1 + floor(${list.length} * ${u})::int]`;
}

/**
 * Element k (0, 1, 2) of a word list for a pair of numbers in [0, 1): i, i + d, i + 2d (mod
 * length) with 0 < d < length / 2, so that the first three are always different.
 */
function pickNth(list: readonly string[], u: RawBuilder<number>, v: RawBuilder<number>, k: number): RawBuilder<string> {
  const L = list.length;
  return sql<string>`(${[...list]}::text[])[1 + (floor(${L} * ${u})::int + ${k} * (1 + floor(${Math.floor((L - 1) / 2)} * ${v})::int)) % ${L}]`;
}

/** Fills the placeholders {t} {u} {o} {n} {d} of a text. */
function fill(text: RawBuilder<string>, p: { t: RawBuilder<unknown>; u: RawBuilder<unknown>; o: RawBuilder<unknown>; n: RawBuilder<unknown>; d?: RawBuilder<unknown> }): RawBuilder<string> {
  let out = sql<string>`replace(replace(replace(replace(${text}, '{t}', ${p.t}), '{u}', ${p.u}), '{o}', ${p.o}), '{n}', (${p.n})::text)`;
  if (p.d) out = sql<string>`replace(${out}, '{d}', ${p.d})`;
  return out;
}

const count = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

export async function seedScaleCommunities(db: Kysely<DB>, opts: ScaleCommunitiesOptions): Promise<ScaleCommunitiesResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const C = Math.max(0, Math.floor(opts.communities));
  const P = Math.max(0, Math.floor(opts.posts));
  const R = Math.max(0, Math.floor(opts.replies));
  const empty: ScaleCommunitiesResult = { skipped: true, communities: 0, memberships: 0, posts: 0, practiceExamples: 0, postTags: 0, replies: 0, helpfulMarks: 0, countersFixed: 0, milliseconds: 0 };
  const done = (res: Omit<ScaleCommunitiesResult, 'milliseconds'>) => ({ ...res, milliseconds: Math.round(performance.now() - started) });

  const existing = await sql<{ n: number }>`select count(*)::int as n from communities where slug like ${`${SCALE_COMMUNITY_PREFIX}%`}`.execute(db);
  if (existing.rows[0]!.n > 0) {
    log(`Communities: ${existing.rows[0]!.n} scale communities exist already; nothing added.`);
    return done(empty);
  }
  if (C === 0) return done(empty);

  const result = await db.transaction().execute(async (trx) => {
    const step = async (what: string, run: () => Promise<{ numAffectedRows?: bigint }>) => {
      const t = performance.now();
      const n = count(await run());
      log(`${what}: ${n.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);
      return n;
    };
    const exec = (query: RawBuilder<unknown>) => query.execute(trx);
    /** Creates a temporary plan table from a query and reports its rows. */
    const plan = async (what: string, table: string, query: RawBuilder<unknown>) => {
      const t = performance.now();
      await exec(sql`create temp table ${sql.table(table)} on commit drop as ${query}`);
      const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)).rows[0]!.n;
      log(`${what}: ${n.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);
      return n;
    };
    await exec(sql`set local work_mem = '256MB'`);
    const searchTriggers = async (action: 'enable' | 'disable') => {
      for (const [table, trigger] of SEARCH_TRIGGERS) {
        await exec(sql`alter table ${sql.table(table)} ${action === 'enable' ? sql`enable` : sql`disable`} trigger ${sql.id(trigger)}`);
      }
    };
    await searchTriggers('disable');

    // Vocabulary (the tags of the scale profiles; inserted here too in case they are missing).
    const vocabulary = scaleVocabulary();
    await exec(sql`insert into tags (id, slug, label)
      select * from unnest(${vocabulary.map((v) => seedId('tag', v.slug))}::text[], ${vocabulary.map((v) => v.slug)}::text[], ${vocabulary.map((v) => v.label)}::text[])
      on conflict do nothing`);
    const tagRows = await sql<{ id: string; label: string }>`
      select t.id, t.label from unnest(${vocabulary.map((v) => v.slug)}::text[]) with ordinality as v(slug, i) join tags t on t.slug = v.slug order by v.i`.execute(trx);
    const tagIds = tagRows.rows.map((row) => row.id);
    const labels = tagRows.rows.map((row) => row.label);
    const V = labels.length;
    const label = (i: RawBuilder<unknown>) => sql<string>`(${labels}::text[])[${i}]`;

    // --- plan: members, communities, memberships ---------------------------------------------
    // The scale members (numbers 1…, ids from scale.ts's formula; at most one per user row).
    const members = await plan('Plan: scale members', 'kp_m', sql`
        select g::int8 as g, u.id, u.created_at
        from generate_series(1, (select count(*) from users)::int) as g
        join users u on u.id = substr(translate(encode(decode(md5('knotenpunkt-scale-user:' || g), 'hex'), 'base64'), '+/', '-_'), 1, 16)
        where u.role = 'member' and u.verified_at is not null and u.suspended_at is null`);
    if (members === 0) {
      log('Communities: no scale members; nothing added.');
      return empty;
    }

    // Communities: topic t runs through the vocabulary, the prefix changes per round, so names
    // stay unique; 80 % open, 12 % on request, 8 % hidden; partners allowed in 20 %.
    const prefixes = T.COMMUNITY_PREFIXES;
    const c = sql.ref('c');
    await exec(sql`create temp table kp_c on commit drop as
      select c, ${hid('community', c)} as id,
        ${SCALE_COMMUNITY_PREFIX} || lpad(c::text, greatest(4, length(c::text)), '0') as slug,
        (${prefixes}::text[])[1 + (lap + 3 * t) % ${prefixes.length}] || ' ' || ${label(sql`t`)}
          || case when lap >= ${prefixes.length} then ' ' || (lap / ${prefixes.length} + 1) else '' end as name,
        t,
        case when (c * 7) % 25 in (3, 11) then 'hidden' when (c * 7) % 25 in (5, 14, 20) then 'request' else 'open' end as visibility,
        (c * 3) % 5 = 1 as partners_allowed,
        now() - interval '730 days' - make_interval(days => floor(30 * ${r(1, c)})::int, secs => floor(86400 * ${r(2, c)})::int) as created_at
      from generate_series(1, ${C}::int) as c
      cross join lateral (select 1 + (c - 1) % ${V} as t, (c - 1) / ${V} as lap) as x`);

    // Each member joins 3–8 communities (the first distinct ones of 16 draws), the low numbers
    // (u²) far more often: a few large communities, many small ones. A few requests wait in
    // communities on request.
    const key = sql`d.g * 100003 + d.c`;
    await plan('Plan: memberships', 'kp_cm', sql`
        select d.c, d.user_id, d.g,
          case when k.visibility = 'request' and ${r(5, key)} < 0.04 then 'requested' else 'active' end as status,
          greatest(k.created_at, d.user_created) + (now() - greatest(k.created_at, d.user_created)) * 0.3 * ${r(6, key)} as joined
        from (
          select *, row_number() over (partition by user_id order by first) as rank
          from (
            select 1 + floor(${C} * ${r(3, sql`m.g * 16 + s`)} ^ 2)::int as c, m.id as user_id, m.g, m.created_at as user_created, min(s) as first
            from kp_m m cross join generate_series(1, 16) as s
            group by 1, 2, 3, 4
          ) as draws
        ) as d
        join kp_c k on k.c = d.c
        where d.rank <= 3 + floor(6 * ${r(4, sql`d.g`)})::int`);

    // The benchmark account joins the five largest open communities (never a hidden one).
    const benchEmail = opts.benchEmail ?? BENCH_EMAIL;
    const bench = await sql<{ id: string }>`select id from users where email = ${benchEmail}`.execute(trx);
    const benchId = bench.rows[0]?.id ?? null;
    if (benchId) {
      await exec(sql`insert into kp_cm (c, user_id, g, status, joined)
        select k.c, ${benchId}, 0, 'active', k.created_at + interval '30 days'
        from kp_c k join (select c, count(*) as n from kp_cm where status = 'active' group by c) a on a.c = k.c
        where k.visibility = 'open'
        order by a.n desc, k.c limit 5`);
    } else {
      log(`Communities: ${benchEmail} does not exist; the benchmark account joins no community.`);
    }

    // Active members numbered 1…cnt per community in a random order (the benchmark account
    // last): pick member k = 1 + floor(cnt × u). Numbers 1 (and 2 in every other community) lead.
    await exec(sql`create temp table kp_act on commit drop as
      select m.c, m.user_id, m.joined, u.organisation_id as org, coalesce(o.name, 'unserer Verwaltung') as org_name,
        row_number() over (partition by m.c order by m.g = 0, hashint8extended(m.g, m.c)) ::int as k
      from kp_cm m join users u on u.id = m.user_id left join organisations o on o.id = u.organisation_id
      where m.status = 'active'`);
    await exec(sql`create index on kp_act (c, k)`);
    await exec(sql`create temp table kp_cc on commit drop as
      select k.*, coalesce(a.cnt, 0) as cnt, a.lead
      from kp_c k left join (select c, count(*)::int as cnt, min(user_id) filter (where k = 1) as lead from kp_act group by c) a on a.c = k.c`);
    await exec(sql`create unique index on kp_cc (c)`);
    await exec(sql`analyze kp_m, kp_c, kp_cm, kp_act, kp_cc`);

    // --- communities and memberships ---------------------------------------------------------
    const communities = await step('Communities', () =>
      exec(sql`insert into communities (id, slug, name, description, guidelines, visibility, partners_allowed, status, member_count, last_activity_at, created_at, updated_at, created_by)
        select id, slug, name,
          ${fill(pick(T.COMMUNITY_DESCRIPTIONS, r(7, c)), { t: label(sql`t`), u: label(sql`1 + floor(${V} * ${r(8, c)})::int`), o: sql`''`, n: sql`''` })},
          ${T.COMMUNITY_GUIDELINES}, visibility, partners_allowed, 'active', cnt, created_at, created_at, created_at, lead
        from kp_cc order by c`),
    );
    await step('Community topics', () =>
      exec(sql`insert into community_topics (community_id, tag_id)
        select k.id, (${tagIds}::text[])[k.t] from kp_cc k
        union
        select k.id, (${tagIds}::text[])[1 + floor(${V} * ${r(9, sql`k.c * 4 + s`)} ^ 2)::int]
        from kp_cc k cross join lateral generate_series(1, floor(3 * ${r(10, sql`k.c`)})::int) as s
        on conflict do nothing`),
    );
    const memberships = await step('Community members', () =>
      exec(sql`insert into community_members (community_id, user_id, role, status, message, created_at, updated_at)
        select k.id, m.user_id, case when a.k <= 1 + m.c % 2 then 'lead' else 'member' end, m.status,
          case when m.status = 'requested' then 'Ich würde mich gern mit euch austauschen.' end, m.joined, m.joined
        from kp_cm m join kp_cc k on k.c = m.c left join kp_act a on a.c = m.c and a.user_id = m.user_id
        order by m.joined`),
    );

    const empty2 = { ...empty, skipped: false, communities, memberships };
    const counts = await sql<{ c: number; cnt: number }>`select c, cnt from kp_cc order by c`.execute(trx);
    const totalMembers = counts.rows.reduce((s, row) => s + row.cnt, 0);
    if (P === 0 || totalMembers === 0) return empty2;

    // --- plan: posts --------------------------------------------------------------------------
    // A post goes to community c with a probability proportional to its active members
    // (width_bucket over the lower bounds of the cumulative shares).
    const bounds: number[] = [];
    let acc = 0;
    for (const row of counts.rows) {
      bounds.push(acc / totalMembers);
      acc += row.cnt;
    }
    // The largest open community of the benchmark account gets a showcase discussion.
    const benchC = benchId
      ? ((await sql<{ c: number }>`select a.c from kp_act a join kp_cc k on k.c = a.c where a.user_id = ${benchId} and k.visibility = 'open' order by k.cnt desc, a.c limit 1`.execute(trx)).rows[0]?.c ?? null)
      : null;

    const n = sql.ref('n');
    // Reply weights: 15 % of posts get none, the rest (−ln u)² (a long tail: a few posts with
    // hundreds of replies); the cumulative weights share out exactly R replies.
    await plan('Plan: posts', 'kp_p0', sql`
        with typed as (
          select n, width_bucket(${r(20, n)}, ${bounds}::float8[]) as c,
            case when ${r(21, n)} < 0.55 then 'discussion' when ${r(21, n)} < 0.85 then 'question' when ${r(21, n)} < 0.95 then 'example' else 'announcement' end as type
          from generate_series(1, ${P}::int) as n
        ), authored as (
          select t.n, t.c, t.type, k.id as cid, k.cnt, k.t as ctopic, a.user_id as author, a.joined, a.org, a.org_name
          from typed t join kp_cc k on k.c = t.c
          join kp_act a on a.c = t.c and a.k = case when t.type = 'announcement' then 1 else 1 + floor(k.cnt * ${r(22, sql`t.n`)})::int end
        ), weighted as (
          select *,
            least(now() - interval '1 hour', now() - interval '1 hour' - (now() - interval '1 hour' - joined) * ${r(23, n)}) as created_at,
            case when ${r(24, n)} < 0.6 then ctopic else 1 + floor(${V} * ${r(25, n)} ^ 2)::int end as topic,
            case when ${r(26, n)} < 0.5 then 1 + floor(${V} * ${r(27, n)} ^ 1.5)::int end as topic2,
            case when ${r(28, n)} < 0.15 then 0 else (-ln(1 - ${r(29, n)})) ^ 2 * case when type = 'announcement' then 0.3 else 1 end end as w
          from authored
        ), cum as (
          select *, sum(w) over (order by n) as cw from weighted
        )
        select n, c, type, cid, cnt, author, org, org_name, created_at, topic, topic2,
          coalesce(floor(${R}::float8 * cw / nullif(max(cw) over (), 0)) - floor(${R}::float8 * coalesce(lag(cw) over (order by n), 0) / nullif(max(cw) over (), 0)), 0)::int as k,
          type = 'question' and ${r(30, n)} < 0.5 as accepted
        from cum`);
    // Questions with an accepted answer have at least one reply, the showcase post SHOWCASE_REPLIES;
    // off = replies of the posts before (the reply numbers of post n are off + 1 … off + k).
    await exec(sql`create temp table kp_p on commit drop as
      select *, ${hid('post', n)} as id,
        case when accepted then 1 + floor(least(k, 3) * ${r(31, n)})::int end as acc_j,
        sum(k) over (order by n) - k as off,
        type = 'announcement' and row_number() over (partition by c, type = 'announcement' order by created_at desc) = 1 as pinned,
        least(now() - created_at - interval '2 minutes', interval '1 hour' * (2 + 1440 * ${r(32, n)} ^ 3)) as span
      from (
        select n, c, type, cid, cnt, author, org, org_name, created_at, topic, coalesce(topic2, 1 + (topic + n) % ${V}) as topic2, topic2 is not null as tagged2,
          case when ${R} = 0 then k
               when n = (select min(n) from kp_p0 where c = ${benchC} and type = 'discussion') then greatest(k, ${SHOWCASE_REPLIES})
               when accepted then greatest(k, 1) else k end as k,
          accepted and ${R} > 0 as accepted
        from kp_p0
      ) as p`);
    await exec(sql`create unique index on kp_p (n)`);

    // --- plan: replies and helpful marks -----------------------------------------------------
    // Reply j of a post comes (j − 1 + u)/k of the way through the post's discussion span, squared
    // (most replies early). From the fourth reply on, the post's author answers sometimes, and
    // 0.5 % each are hidden by a lead or deleted by their author; 5 % quote an earlier reply.
    const rn = sql.ref('x.rn');
    await plan('Plan: replies', 'kp_r', sql`
        select x.rn, ${hid('reply', sql`p.n || ':' || j`)} as id, p.n, j, p.c, p.id as post_id, p.topic, p.topic2,
          case when x.by_op then p.author else a.user_id end as author,
          case when x.by_op then p.org_name else a.org_name end as org_name,
          p.created_at + p.span * ((j - 1 + ${r(40, rn)}) / p.k) ^ 2 + interval '1 minute' as created_at,
          case when j > 3 and ${r(41, rn)} < 0.005 then 'hidden' when j > 3 and ${r(41, rn)} < 0.01 then 'deleted' end as state,
          case when j > 2 and ${r(42, rn)} < 0.05 then ${hid('reply', sql`p.n || ':' || (j - 1 - floor(least(j - 2, 5) * ${r(43, rn)})::int)`)} end as quote_id,
          j = p.acc_j as accepted
        from kp_p p
        cross join lateral generate_series(1, p.k) as j
        cross join lateral (select p.off + j as rn, j >= 4 and ${r(44, sql`p.off + j`)} < 0.15 as by_op) as x
        join kp_act a on a.c = p.c and a.k = 1 + floor(p.cnt * ${r(45, rn)})::int`);
    await exec(sql`analyze kp_p, kp_r`);

    // About a fifth of the replies and 30 % of the posts are marked helpful by 1–3 members of the
    // community (never by their author), accepted answers by two more.
    // (The candidates are materialised first: with the random member number as a plain column the
    // planner joins them to kp_act by hash instead of probing kp_act once per reply.)
    await plan('Plan: helpful marks', 'kp_h', sql`
        with cand as materialized (
          select 'reply' as target_type, x.id as target_id, x.c, x.author,
            1 + floor(k.cnt * ${r(53, sql`x.rn * 8 + s`)})::int as pick,
            x.created_at + (now() - x.created_at) * ${r(50, sql`x.rn * 8 + s`)} ^ 3 as created_at
          from kp_r x join kp_cc k on k.c = x.c
          cross join lateral generate_series(1, case when ${r(51, rn)} < 0.8 then 0 else 1 + floor(3 * ${r(52, rn)} ^ 2)::int end + case when x.accepted then 2 else 0 end) as s
          where x.state is null
          union all
          select 'post', p.id, p.c, p.author,
            1 + floor(p.cnt * ${r(57, sql`p.n * 8 + s`)})::int,
            p.created_at + (now() - p.created_at) * ${r(54, sql`p.n * 8 + s`)} ^ 3
          from kp_p p
          cross join lateral generate_series(1, case when ${r(55, sql`p.n`)} < 0.7 then 0 else 1 + floor(3 * ${r(56, sql`p.n`)} ^ 2)::int end) as s
        )
        select distinct on (h.target_type, h.target_id, a.user_id) h.target_type, h.target_id, a.user_id, h.created_at
        from cand h join kp_act a on a.c = h.c and a.k = h.pick
        where a.user_id <> h.author`);
    await exec(sql`create temp table kp_hc on commit drop as select target_id, count(*)::int as n from kp_h group by target_id`);
    await exec(sql`create unique index on kp_hc (target_id)`);
    await exec(sql`analyze kp_h, kp_hc`);

    // --- posts --------------------------------------------------------------------------------
    const pt = { t: label(sql`p.topic`), u: label(sql`p.topic2`), o: sql`p.org_name`, n: sql`2 + p.n % 23`, d: sql`to_char(p.created_at + interval '14 days', 'DD.MM.YYYY')` };
    const pr = (salt: number) => r(salt, sql`p.n`);
    const title = sql<string>`case p.type
      when 'discussion' then ${pick(T.TITLES.discussion, pr(60))}
      when 'question' then ${pick(T.TITLES.question, pr(60))}
      when 'example' then ${pick(T.TITLES.example, pr(60))}
      else ${pick(T.TITLES.announcement, pr(60))} end`;
    const bullet = (k: number) => pickNth(T.BULLETS, pr(70), pr(71), k);
    const sentence = (k: number) => pickNth(T.SENTENCES, pr(62), pr(63), k);
    const bullets = sql<string>`'- ' || ${bullet(0)} || '\n- ' || ${bullet(1)} || case when ${pr(72)} < 0.5 then '\n- ' || ${bullet(2)} else '' end`;
    const body = sql<string>`case p.type
      when 'discussion' then ${pick(T.OPENERS, pr(61))} || ' ' || ${sentence(0)} || ' ' || ${sentence(1)} || '\n\n'
        || case when ${pr(64)} < 0.5 then 'Was wir gelernt haben:\n\n' || ${bullets} || '\n\n' else '' end
        || ${sentence(2)} || '\n\n' || ${pick(T.CLOSINGS, pr(66))}
      when 'question' then ${pick(T.OPENERS, pr(61))} || ' ' || ${sentence(0)} || '\n\n**Konkret:** ' || ${pickNth(T.QUESTIONS, pr(67), pr(68), 0)}
        || case when ${pr(64)} < 0.5 then ' ' || ${pickNth(T.QUESTIONS, pr(67), pr(68), 1)} else '' end || '\n\nDanke für eure Hinweise!'
      when 'example' then '## Ausgangslage\n\n' || ${pick(T.PROBLEMS, pr(69))} || ' ' || ${sentence(0)}
        || '\n\n## Lösung\n\n' || ${pick(T.SOLUTIONS, pr(74))} || ' ' || ${sentence(1)}
        || '\n\n## Was wir gelernt haben\n\n' || ${bullets} || '\n\n' || ${pick(T.CLOSINGS, pr(66))}
      else '**Wann:** {d}, 10:00–11:30 Uhr  \n**Wo:** Videokonferenz, den Link gibt es per Mail.\n\n' || ${pick(T.ANNOUNCEMENT_TEXTS, pr(75))}
        || '\n\n**Ablauf:**\n\n1. Kurzer Input zu {t}\n2. Erfahrungen aus {o}\n3. Offene Runde\n\nAnmeldung bitte als Antwort auf diesen Beitrag.' end`;
    const posts = await step('Posts', () =>
      exec(sql`insert into posts (id, community_id, type, title, body, author_id, reply_count, helpful_count, pinned_at, last_activity_at, created_at, updated_at)
        select p.id, p.cid, p.type, ${fill(title, pt)}, ${fill(body, pt)}, p.author, coalesce(ra.cnt, 0), coalesce(hc.n, 0),
          case when p.pinned then p.created_at end, greatest(p.created_at, ra.last), p.created_at, p.created_at
        from kp_p p
        left join (select n, count(*) filter (where state is null)::int as cnt, max(created_at) filter (where state is null) as last from kp_r group by n) ra on ra.n = p.n
        left join kp_hc hc on hc.target_id = p.id
        order by p.created_at`),
    );
    const practiceExamples = await step('Practice examples', () =>
      exec(sql`insert into practice_examples (post_id, problem, solution, organisation_id, status, contact_id, materials, reuse)
        select p.id, ${fill(pick(T.PROBLEMS, pr(69)), pt)}, ${fill(pick(T.SOLUTIONS, pr(74)), pt)}, p.org,
          case when ${pr(76)} < 0.3 then 'idea' when ${pr(76)} < 0.6 then 'pilot' else 'operation' end, p.author,
          ${pick(T.MATERIALS, pr(77))}, ${fill(pick(T.REUSE, pr(78)), pt)}
        from kp_p p where p.type = 'example'`),
    );
    const postTags = await step('Post tags', () =>
      exec(sql`insert into post_tags (post_id, tag_id)
        select id, (${tagIds}::text[])[topic] from kp_p
        union
        select id, (${tagIds}::text[])[topic2] from kp_p where tagged2
        on conflict do nothing`),
    );

    // --- replies ------------------------------------------------------------------------------
    const xr = (salt: number) => r(salt, sql`x.rn`);
    const rt = { t: label(sql`x.topic`), u: label(sql`x.topic2`), o: sql`x.org_name`, n: sql`2 + x.rn % 17` };
    const replyBody = sql<string>`${pick(T.REPLY_OPENERS, xr(80))} || ' ' || ${pickNth(T.REPLY_SENTENCES, xr(81), xr(83), 0)}
      || case when ${xr(82)} < 0.5 then ' ' || ${pickNth(T.REPLY_SENTENCES, xr(81), xr(83), 1)} else '' end
      || case when ${xr(84)} < 0.15 then '\n\n**Unser Tipp:** ' || ${pick(T.BULLETS, xr(85))} || '.' else '' end
      || case when ${xr(86)} < 0.5 then '\n\n' || ${pick(T.REPLY_CLOSINGS, xr(87))} else '' end`;
    const replies = await step('Replies', () =>
      exec(sql`insert into replies (id, post_id, body, author_id, quote_reply_id, helpful_count, hidden_at, hidden_reason, hidden_by, deleted_at, deleted_by, created_at, updated_at)
        select x.id, x.post_id, rtrim(${fill(replyBody, rt)}, ' ' || chr(10)), x.author, x.quote_id, coalesce(hc.n, 0),
          case when x.state = 'hidden' then least(now(), x.created_at + interval '1 day') end,
          case when x.state = 'hidden' then ${T.HIDDEN_REASON} end,
          case when x.state = 'hidden' then k.lead end,
          case when x.state = 'deleted' then least(now(), x.created_at + interval '2 hours') end,
          case when x.state = 'deleted' then x.author end,
          x.created_at, x.created_at
        from kp_r x join kp_cc k on k.c = x.c left join kp_hc hc on hc.target_id = x.id
        order by x.created_at`),
    );
    await step('Accepted answers', () =>
      exec(sql`update posts p set accepted_reply_id = ${hid('reply', sql`x.n || ':' || x.acc_j`)} from kp_p x where p.id = x.id and x.acc_j is not null`),
    );
    const helpfulMarks = await step('Helpful marks', () =>
      exec(sql`insert into helpful_marks (target_type, target_id, user_id, created_at) select target_type, target_id, user_id, created_at from kp_h order by created_at
        on conflict do nothing`),
    );
    await step('Post follows (authors)', () =>
      exec(sql`insert into post_follows (post_id, user_id, created_at) select id, author, created_at from kp_p on conflict do nothing`),
    );

    // --- search: what the disabled triggers would have done, set-based ------------------------
    // Each new post's vector once, now that its tags and practice example exist (the texts
    // joined set-based, the vector by the migration's own function).
    await step('Search vectors of the posts', () =>
      exec(sql`update posts p set search_vector = kp_post_vector_of(p.title, t.labels, concat_ws(' ', e.problem, e.solution, e.reuse, e.materials), p.body)
        from kp_p k
        left join (select pt.post_id, string_agg(t.label, ' ') as labels from post_tags pt join tags t on t.id = pt.tag_id group by pt.post_id) t on t.post_id = k.id
        left join practice_examples e on e.post_id = k.id
        where p.id = k.id`),
    );
    // The words of the new texts (the columns the triggers read): each distinct text once, and
    // the test for a word (kp_search_word, a costly regular expression) only on the distinct
    // tokens; words already in the vocabulary are not added again.
    await step('Search vocabulary', () =>
      exec(sql`insert into search_words (word, plain)
        select w, unaccent(w) from (
          select distinct unnest(kp_search_tokens(txt)) as w from (
            select p.title || ' ' || left(p.body, 100000) as txt from posts p join kp_p k on k.id = p.id
            union select concat_ws(' ', e.problem, e.solution, e.reuse, e.materials) from practice_examples e join kp_p k on k.id = e.post_id
            union select left(r.body, 100000) from replies r join kp_r k on k.id = r.id
          ) texts
        ) tokens
        where kp_search_word(w) and not exists (select 1 from search_words s where s.word = tokens.w)`),
    );
    await searchTriggers('enable');

    await step('Community last activity', () =>
      exec(sql`update communities c set last_activity_at = x.last
        from (select p.community_id, max(p.last_activity_at) as last from kp_p k join posts p on p.id = k.id where p.deleted_at is null group by p.community_id) x
        where c.id = x.community_id`),
    );

    // --- counters, recomputed from the rows ----------------------------------------------------
    const t = performance.now();
    let countersFixed = 0;
    const fix = async (query: RawBuilder<unknown>) => {
      countersFixed += count(await exec(query));
    };
    await fix(sql`update posts p set reply_count = x.cnt, last_activity_at = x.last
      from (
        select p.id, count(r.id)::int as cnt, greatest(p.created_at, max(r.created_at)) as last
        from posts p join kp_cc k on k.id = p.community_id
        left join replies r on r.post_id = p.id and r.hidden_at is null and r.deleted_at is null
        group by p.id
      ) x
      where p.id = x.id and (p.reply_count, p.last_activity_at) is distinct from (x.cnt, x.last)`);
    await fix(sql`update posts p set helpful_count = x.n
      from (
        select p.id, count(h.user_id)::int as n
        from posts p join kp_cc k on k.id = p.community_id
        left join helpful_marks h on h.target_type = 'post' and h.target_id = p.id
        group by p.id
      ) x
      where p.id = x.id and p.helpful_count <> x.n`);
    await fix(sql`update replies r set helpful_count = x.n
      from (
        select r.id, count(h.user_id)::int as n
        from replies r join posts p on p.id = r.post_id join kp_cc k on k.id = p.community_id
        left join helpful_marks h on h.target_type = 'reply' and h.target_id = r.id
        group by r.id
      ) x
      where r.id = x.id and r.helpful_count <> x.n`);
    await fix(sql`update communities c set member_count = x.n, last_activity_at = x.last
      from (
        select k.id, (select count(*)::int from community_members m where m.community_id = k.id and m.status = 'active') as n,
          coalesce((select max(p.last_activity_at) from posts p where p.community_id = k.id and p.deleted_at is null), k.created_at) as last
        from kp_cc k
      ) x
      where c.id = x.id and (c.member_count, c.last_activity_at) is distinct from (x.n, x.last)`);
    const wrong = await sql<{ n: number }>`
      select count(*)::int as n from posts p join kp_cc k on k.id = p.community_id join replies r on r.id = p.accepted_reply_id
      where r.post_id <> p.id or r.hidden_at is not null or r.deleted_at is not null`.execute(trx);
    if (wrong.rows[0]!.n > 0) throw new Error(`${wrong.rows[0]!.n} accepted answers belong to another post or are not visible`);
    log(`Counters recomputed from the rows in ${Math.round(performance.now() - t)} ms: ${countersFixed} rows corrected.`);
    return { skipped: false, communities, memberships, posts, practiceExamples, postTags, replies, helpfulMarks, countersFixed };
  });

  if (!result.skipped) {
    const t = performance.now();
    await sql`analyze communities, community_topics, community_members, posts, practice_examples, post_tags, replies, helpful_marks, post_follows`.execute(db);
    log(`Analyze: ${Math.round(performance.now() - t)} ms.`);
  }
  return done(result);
}

export interface BenchTargets {
  /** Slug of the largest open community the account is an active member of. */
  communitySlug: string;
  /** The visible post with the most replies in it (at least minReplies). */
  postId: string;
  replyCount: number;
}

/**
 * The benchmark's community and post: among the open communities `email` is an active member
 * of, the largest one that has a visible post with at least `minReplies` replies, and that
 * post (the one with the most replies; ties by id). Null when there is none.
 */
export async function findBenchTargets(db: Kysely<DB>, email = BENCH_EMAIL, minReplies = 50): Promise<BenchTargets | null> {
  const { rows } = await sql<{ slug: string; postId: string; replyCount: number }>`
    select c.slug, p.id as post_id, p.reply_count
    from users u
    join community_members m on m.user_id = u.id and m.status = 'active'
    join communities c on c.id = m.community_id and c.visibility = 'open' and c.status = 'active'
    cross join lateral (
      select id, reply_count from posts
      where community_id = c.id and deleted_at is null and hidden_at is null
      order by reply_count desc, id limit 1
    ) p
    where u.email = ${email} and p.reply_count >= ${minReplies}
    order by c.member_count desc, c.slug
    limit 1`.execute(db);
  const row = rows[0];
  return row ? { communitySlug: row.slug, postId: row.postId, replyCount: row.replyCount } : null;
}
