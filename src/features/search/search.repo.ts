/**
 * All SQL of search. A query is answered from *sources*, one per kind of result (posts,
 * replies, communities, organisations, people). Each source says where its rows come from
 * and which of them the viewer may read, with the same visibility expressions every list
 * uses (communities.visibility.ts, members.repo.ts, events.visibility.ts); results, counts,
 * existence checks for corrections and similar questions all go through those `from … where …`
 * parts. Events are one more source. Ranking is explained in docs/search.md.
 *
 * Speed (scale data: 100,000 posts, 500,000 replies, 20,000 people; `npm run bench`): a
 * common word matches tens of thousands of rows, and ranking them all took up to two
 * seconds. Sources that large rank every match only when there are at most EXACT readable
 * ones, and otherwise the matches in a few bounded windows of their rows (newest, favoured by
 * the score); see candidates(). Statements are prepared (see run()).
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { PREPARED } from '../../db/connect.js';
import type { DB, Level, PostType } from '../../db/schema.js';
import { communityReadable, communityVisible, contentShown, postReadable } from '../communities/communities.visibility.js';
import { eventVisible } from '../events/events.visibility.js';
import { fieldVisible, memberVisible, tagLabels, visibleText, type Viewer } from '../members/members.repo.js';
import { spellings, type QueryTerm } from './search.query.js';

export const POST_TYPES: readonly PostType[] = ['discussion', 'question', 'example', 'announcement'];
export const SEARCH_TYPES = [...POST_TYPES, 'reply', 'community', 'event', 'member', 'organisation'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const RESULT_KINDS = ['post', 'reply', 'community', 'event', 'member', 'organisation'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export interface SearchFilter {
  type?: SearchType;
  communityId?: string;
  level?: Level;
  since?: Date;
  sort: 'relevance' | 'date';
}

/** Counts stop here: "more than 1,000 results" is all anyone needs to know. */
export const COUNT_CAP = 1000;

export interface SearchRow {
  kind: ResultKind;
  id: string;
  postId: string | null;
  postType: PostType | null;
  title: string;
  /** The title with the matches between \uE000 and \uE001 (see highlight markers). */
  titleMarked: string;
  /** A passage of the text with the matches between \uE000 and \uE001. */
  snippetMarked: string;
  communitySlug: string | null;
  communityName: string | null;
  authorName: string | null;
  organisationName: string | null;
  level: Level | null;
  createdAt: Date | null;
  answered: boolean;
  accepted: boolean;
  /** An event that was cancelled (still found, ranked lower, marked). */
  cancelled: boolean;
  score: number;
}

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * A built query: `match` decides what is found (with the compounds containing a word), `rank`
 * only the words as typed (all spellings), so that a text with "Strategie" ranks above one with
 * only "Digitalisierungsstrategie" and a long list of compounds does not dilute the rank.
 *
 * Each is one tsquery, computed once by buildQuery and passed as a single parameter inside a
 * scalar subquery: the statements then have the same text for every query of a shape (see
 * `run`), the query is parsed once per statement rather than per row, and the planner plans
 * for a typical selectivity rather than the actual words (the plans below do not depend on
 * it: few matches are ranked exactly, many through bounded candidate sets).
 */
export interface TsQuery {
  match: RawBuilder<unknown>;
  rank: RawBuilder<unknown>;
  /** The same tsqueries as text. */
  text: { match: string; rank: string };
}

type Bool = RawBuilder<boolean>;

// ---------------------------------------------------------------------------------------------
// Running statements

/**
 * Runs a statement as a named prepared statement (db/connect.ts, PREPARED), named after its
 * text: each connection parses and plans each statement shape once, and after five runs
 * PostgreSQL keeps a generic plan. Planning these statements (a visibility rule in every
 * source, several copies of it per source) took 5–15 ms per statement, more than running
 * most of them. Shapes are few: they differ by filters, sort, kind of viewer and the kinds of
 * sources, never by the words searched (those are parameters).
 */
async function run<R>(db: Kysely<DB>, query: RawBuilder<R>): Promise<R[]> {
  const compiled = query.compile(db);
  const hash = createHash('sha1').update(compiled.sql).digest('hex').slice(0, 20);
  const name = `search_${[...hash].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('')}`;
  const result = await db.executeQuery<R>(CompiledQuery.raw(`${PREPARED(name)}\n${compiled.sql}`, [...compiled.parameters]));
  return result.rows;
}

// ---------------------------------------------------------------------------------------------
// From words to a tsquery

interface Resolved {
  /** Lexemes per term index: the term's own stems (all spellings). */
  stems: Map<number, string[]>;
  /** Lexemes of longer words that contain a stem: "strategi" → "digitalisierungsstrategi". */
  compounds: Map<number, string[]>;
}

/** Quotes a lexeme for to_tsquery (lexemes come from our own configuration; quoting makes any character safe). */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Stems of each single word (every spelling) and the lexemes of compounds containing them, in one round trip. */
async function resolveWords(db: Kysely<DB>, terms: QueryTerm[]): Promise<Resolved> {
  const index: number[] = [];
  const variants: string[] = [];
  const spellingCount = new Map<number, number>();
  terms.forEach((term, i) => {
    if (term.phrase) return;
    const all = spellings(term.words[0]!);
    spellingCount.set(i, all.length);
    for (const v of all) {
      index.push(i);
      variants.push(v);
    }
  });
  const stems = new Map<number, string[]>();
  const compounds = new Map<number, string[]>();
  if (variants.length === 0) return { stems, compounds };
  const rows = await run(
    db,
    sql<{ i: number; k: number; lexeme: string; compounds: string[] }>`
    with v(i, variant, k) as (select * from unnest(${index}::int[], ${variants}::text[]) with ordinality),
    s as (select distinct v.i, v.k, l.lexeme from v cross join lateral unnest(to_tsvector('kp_german', v.variant)) l)
    select s.i, s.k, s.lexeme, array(
      select distinct x.lexeme from (
        select w.word from search_words w
        where char_length(s.lexeme) >= 5 and w.plain like '%' || s.lexeme || '%'
        order by char_length(w.word), w.word limit 30) c
      cross join lateral unnest(to_tsvector('kp_german', c.word)) x
      where x.lexeme <> s.lexeme) as compounds
    from s`,
  );
  // A word is a stop word when any of its spellings is one ("für" is; its spelling "fuer" is
  // not in the list, but must not turn "Onboarding für neue Beschäftigte" into a search for "fuer").
  const spelled = new Map<number, Set<number>>();
  for (const row of rows) spelled.set(row.i, (spelled.get(row.i) ?? new Set()).add(Number(row.k)));
  for (const row of rows) {
    if ((spelled.get(row.i)?.size ?? 0) < (spellingCount.get(row.i) ?? 0)) continue;
    if (stems.get(row.i)?.includes(row.lexeme)) continue;
    stems.set(row.i, [...(stems.get(row.i) ?? []), row.lexeme]);
    if (!terms[row.i]!.negated) compounds.set(row.i, [...new Set([...(compounds.get(row.i) ?? []), ...row.compounds])]);
  }
  return { stems, compounds };
}

/** A tsquery (as text) as the SQL of a query: one parameter, evaluated once per statement. */
const tsquery = (text: string) => sql`(select ${text}::tsquery)`;

/**
 * The tsquery for the terms: every word (one of its stems or of the compounds containing it),
 * every phrase in order, no negated one. Null when no positive term is left (only stop words
 * or only exclusions).
 */
export async function buildQuery(db: Kysely<DB>, terms: QueryTerm[]): Promise<TsQuery | null> {
  const resolved = await resolveWords(db, terms);
  const match: RawBuilder<unknown>[] = [];
  const rank: RawBuilder<unknown>[] = [];
  terms.forEach((term, i) => {
    const not = term.negated ? sql`!!` : sql``;
    if (term.phrase) {
      const phrase = sql`${not}phraseto_tsquery('kp_german', ${term.words.join(' ')})`;
      match.push(phrase);
      if (!term.negated) rank.push(phrase);
      return;
    }
    const stems = resolved.stems.get(i) ?? [];
    if (stems.length === 0) return; // a stop word
    const lexemes = [...new Set([...stems, ...(resolved.compounds.get(i) ?? [])])];
    match.push(sql`${not}to_tsquery('simple', ${`(${lexemes.map(quoteLexeme).join(' | ')})`})`);
    if (!term.negated) rank.push(sql`to_tsquery('simple', ${`(${stems.map(quoteLexeme).join(' | ')})`})`);
  });
  if (rank.length === 0) return null;
  // The two tsqueries as text (phrases need the database; one short round trip).
  const { rows } = await sql<{ match: string; rank: string }>`
    select (${sql.join(match, sql` && `)})::text as match, (${sql.join(rank, sql` && `)})::text as rank`.execute(db);
  return { match: tsquery(rows[0]!.match), rank: tsquery(rows[0]!.rank), text: rows[0]! };
}

// ---------------------------------------------------------------------------------------------
// Sources

/** `from … where …` of a source, in two parts, so that a query can add conditions. */
interface FromWhere {
  tables: RawBuilder<unknown>;
  where: Bool;
}

interface Source {
  kind: ResultKind;
  /** Whether the source can answer a search with this filter at all. */
  applies(filter: SearchFilter, viewer: Viewer): boolean;
  /**
   * `from … where …`: the rows matching q that the viewer may read, filtered. `base` replaces
   * the source's own table (same alias) by a subset of its rows: a window (see `windows`).
   */
  from(q: TsQuery, viewer: Viewer, filter: SearchFilter, base?: RawBuilder<unknown>): FromWhere;
  /** The row's id (unique within the source) and date (or null), over the aliases of `from`. */
  key: RawBuilder<unknown>;
  date: RawBuilder<unknown>;
  /** Relevance, over the aliases of `from`. */
  score(q: TsQuery): RawBuilder<unknown>;
  /**
   * The select list in the shape of SearchRow (without score and marked texts), plus `body`
   * for the snippet; over the aliases of `from`, or of `display` when the source has one.
   */
  columns(viewer: Viewer): RawBuilder<unknown>;
  /**
   * The joins for `columns` to the ranked rows `t` (id, score), when they are not `from`'s
   * tables joined by key (people: no full-text vectors needed, only the profile).
   */
  display?: RawBuilder<unknown>;
  /**
   * For sources that can match tens of thousands of rows: windows (subsets of the source's
   * table, each a bounded number of rows read through an index) whose matches are ranked when
   * there are more than EXACT readable matches; the first holds the newest rows (see
   * candidates()).
   */
  windows?(q: TsQuery): RawBuilder<unknown>[];
  /**
   * For the same sources: the matches through the full-text index as a fenced subquery (offset
   * 0), to use as `base`. The planner then plans it for all its rows (a bitmap scan of the
   * index), even under a LIMIT or EXISTS: a prepared statement's plan, made for a typical
   * selectivity, would otherwise scan the table in order and hope for an early match, and
   * read all 500,000 replies for a word found nowhere (0.3 s).
   */
  indexed?(q: TsQuery): RawBuilder<unknown>;
  /**
   * Rows whose title (weight A) holds the words as typed (`rank`), as a fenced subquery like
   * `indexed`: such a title adds 1 to the score and leads the ranking, and a title that
   * matches a common word can be rare (2 posts of the 15,000 with "Leistungsbeschreibung"):
   * unless the first window holds such titles enough, they are ranked whatever the windows
   * hold (up to EXACT + 1).
   */
  titled?(q: TsQuery): RawBuilder<unknown>;
  /** With `titled`: whether a row's title matches. */
  lead?(q: TsQuery): Bool;
}

const WEIGHTS = sql.lit('{0.1, 0.2, 0.4, 1.0}');
/** 1.0 today, 0.8 after half a year, towards 0.6 for old content. */
const recency = (column: RawBuilder<unknown>) => sql`(0.6 + 0.4 / (1 + extract(epoch from (now() - ${column})) / 15552000))`;
/**
 * ts_rank (normalised by length) of the words as typed, plus a little of the rank with the
 * compounds (so that compound-only matches are still ordered by how well they match); plus 1
 * when the title (weight A) alone holds the whole query as typed (0.05 when only through a
 * compound: "Terminvergabe" is no title match for "Vergabe"); plus 0.5 when title and tags or
 * topics (A, B) hold it: a community about "Bürgerservice" should not lose against short
 * profiles only because its description and guidelines make its text long.
 */
const textRank = (vector: RawBuilder<unknown>, q: TsQuery) =>
  sql`(ts_rank(${WEIGHTS}, ${vector}, ${q.rank}, 1) + 0.3 * ts_rank(${WEIGHTS}, ${vector}, ${q.match}, 1)
    + case when ts_filter(${vector}, '{a}') @@ ${q.rank} then 1 when ts_filter(${vector}, '{a}') @@ ${q.match} then 0.05 else 0 end
    + case when ts_filter(${vector}, '{a,b}') @@ ${q.rank} then 0.5 else 0 end)`;
const helpful = (column: RawBuilder<unknown>) => sql`(1 + 0.15 * ln(1 + ${column}))`;

function and(parts: (Bool | null | undefined)[]): Bool {
  const list = parts.filter((p): p is Bool => p !== null && p !== undefined);
  return sql<boolean>`(${sql.join(list, sql` and `)})`;
}

/** The `from … where …` text of a source, with further conditions. */
function fromWhere(f: FromWhere, ...more: (Bool | null | undefined)[]): RawBuilder<unknown> {
  return sql`${f.tables} where ${and([f.where, ...more])}`;
}

/**
 * Sources with more readable matches than this rank candidates from their windows instead of
 * every match; up to this many, every match is ranked (a rare word's results are exactly those
 * of ranking everything). Ranking every match of a common word read every matching row (tens of
 * thousands of posts and replies) and took up to two seconds on the scale data set.
 */
export const EXACT = 100;
/** Matches taken from a window at most (more than EXACT: a full first window proves the words common). */
export const WINDOW_MATCHES = EXACT + 1;
/**
 * Rows per window. A window is read in index order and stops after this many rows or
 * WINDOW_MATCHES matches, whatever the words (a plan that reads until it has N matches reads
 * the whole table when the words are rarer than the planner thinks: 0.4 s for one search).
 * About 2 ms for 1,000 posts (each row's vector is tested), 1 ms for 2,000 replies. Twice the
 * rows found 10 % more of the results of ranking everything, at a third more time.
 */
export const WINDOW = 1000;
/** Title matches in the first window that show them common (see `titled`). */
const TITLED = 10;
const windowOf = (relation: RawBuilder<unknown>, rows = WINDOW) => sql`(${relation} limit ${sql.lit(rows)})`;

const postsSource: Source = {
  kind: 'post',
  applies: (f) => (f.type === undefined || (POST_TYPES as readonly string[]).includes(f.type)),
  from: (q, viewer, f, base = sql`posts`) => ({
    tables: sql`${base} p join communities c on c.id = p.community_id
      left join users a on a.id = p.author_id left join organisations ao on ao.id = a.organisation_id
      left join practice_examples x on x.post_id = p.id`,
    where: and([
      sql<boolean>`p.search_vector @@ ${q.match}`,
      postReadable(viewer, 'p'),
      f.type ? sql<boolean>`p.type = ${f.type}` : null,
      f.communityId ? sql<boolean>`p.community_id = ${f.communityId}` : null,
      f.level ? sql<boolean>`ao.level = ${f.level}` : null,
      f.since ? sql<boolean>`p.created_at >= ${f.since}` : null,
    ]),
  }),
  key: sql`p.id`,
  date: sql`p.created_at`,
  score: (q) => sql`${textRank(sql`p.search_vector`, q)} * ${helpful(sql`p.helpful_count`)}
      * case when p.accepted_reply_id is not null then 1.2 else 1 end * ${recency(sql`p.created_at`)}`,
  columns: () => sql`'post' as kind, p.id, p.id as post_id, p.type as post_type, p.title,
    concat_ws(' ', x.problem, x.solution, p.body) as body, c.slug as community_slug, c.name as community_name,
    a.name as author_name, ao.name as organisation_name, ao.level, p.created_at,
    (p.accepted_reply_id is not null) as answered, false as accepted, false as cancelled`,
  indexed: (q) => sql`(select * from posts where search_vector @@ ${q.match} offset 0)`,
  titled: (q) => sql`(select * from posts where ts_filter(search_vector, '{a}') @@ ${q.rank} offset 0)`,
  lead: (q) => sql<boolean>`ts_filter(p.search_vector, '{a}') @@ ${q.rank}`,
  // The newest posts; the newest answered or marked helpful; and those the score favours most
  // whatever their age (answered first, then by marks, then newest). Indexes: migration 0006.
  windows: () => [
    windowOf(sql`select * from posts where deleted_at is null order by created_at desc`),
    windowOf(sql`select * from posts where deleted_at is null and (accepted_reply_id is not null or helpful_count > 0) order by created_at desc`),
    windowOf(sql`select * from posts where deleted_at is null order by (accepted_reply_id is not null) desc, helpful_count desc, created_at desc`),
  ],
};

const repliesSource: Source = {
  kind: 'reply',
  applies: (f) => f.type === undefined || f.type === 'reply',
  from: (q, viewer, f, base = sql`replies`) => ({
    tables: sql`${base} r join posts p on p.id = r.post_id join communities c on c.id = p.community_id
      left join users a on a.id = r.author_id left join organisations ao on ao.id = a.organisation_id`,
    where: and([
      sql<boolean>`r.search_vector @@ ${q.match}`,
      postReadable(viewer, 'p'),
      contentShown(viewer, 'r', sql.ref('p.community_id')),
      f.communityId ? sql<boolean>`p.community_id = ${f.communityId}` : null,
      f.level ? sql<boolean>`ao.level = ${f.level}` : null,
      f.since ? sql<boolean>`r.created_at >= ${f.since}` : null,
    ]),
  }),
  key: sql`r.id`,
  date: sql`r.created_at`,
  score: (q) => sql`ts_rank(${WEIGHTS}, r.search_vector, ${q.rank}, 1) * 0.8 * ${helpful(sql`r.helpful_count`)}
      * case when p.accepted_reply_id = r.id then 1.5 else 1 end * ${recency(sql`r.created_at`)}`,
  columns: () => sql`'reply' as kind, r.id, p.id as post_id, p.type as post_type, p.title,
    r.body, c.slug as community_slug, c.name as community_name,
    a.name as author_name, ao.name as organisation_name, ao.level, r.created_at,
    (p.accepted_reply_id is not null) as answered, (p.accepted_reply_id = r.id) as accepted, false as cancelled`,
  indexed: (q) => sql`(select * from replies where search_vector @@ ${q.match} offset 0)`,
  // The newest replies (four times the rows: replies are short, and this window decides
  // whether the words are common); the newest marked helpful at least twice (accepted answers
  // are, as a rule: a window of accepted answers read through posts cost 15 ms); and the most
  // helpful of any age.
  windows: () => [
    windowOf(sql`select * from replies where deleted_at is null order by created_at desc`, 4 * WINDOW),
    windowOf(sql`select * from replies where deleted_at is null and helpful_count >= 2 order by created_at desc`),
    windowOf(sql`select * from replies where deleted_at is null order by helpful_count desc, created_at desc`),
  ],
};

const communitiesSource: Source = {
  kind: 'community',
  applies: (f) => (f.type === undefined || f.type === 'community') && !f.communityId && !f.level && !f.since,
  from: (q, viewer) => ({ tables: sql`communities c`, where: and([sql<boolean>`c.search_vector @@ ${q.match}`, communityVisible(viewer, 'c')]) }),
  key: sql`c.id`,
  date: sql`c.created_at`,
  score: (q) => sql`${textRank(sql`c.search_vector`, q)} * 1.1`,
  columns: () => sql`'community' as kind, c.id, null::text as post_id, null::text as post_type, c.name as title,
    c.description as body, c.slug as community_slug, c.name as community_name,
    null::text as author_name, null::text as organisation_name, null::text as level, c.created_at,
    false as answered, false as accepted, false as cancelled`,
};

/**
 * Events, by the one rule of events (`eventVisible`). The community filter keeps the events
 * linked to that community; the period keeps events that start in it or later (an event's date
 * is when it takes place: "last month" shows recent and upcoming events, not old ones that were
 * announced lately); the organisation level does not apply (an event has none). Ranked like a
 * community's text, × recency of the start (upcoming events count as today, past ones fade
 * towards 0.6 like posts), × 0.5 when cancelled. The linked community is shown only when it
 * exists for the viewer (an event for everyone can belong to a hidden community).
 */
const eventsSource: Source = {
  kind: 'event',
  applies: (f) => (f.type === undefined || f.type === 'event') && !f.level,
  from: (q, viewer, f) => ({
    tables: sql`events e left join communities evc on evc.id = e.community_id`,
    where: and([
      sql<boolean>`e.search_vector @@ ${q.match}`,
      eventVisible(viewer, 'e'),
      f.communityId ? sql<boolean>`e.community_id = ${f.communityId}` : null,
      f.since ? sql<boolean>`e.starts_at >= ${f.since}` : null,
    ]),
  }),
  key: sql`e.id`,
  date: sql`e.starts_at`,
  score: (q) => sql`${textRank(sql`e.search_vector`, q)} * ${recency(sql`least(e.starts_at, now())`)}
      * case when e.status = 'cancelled' then 0.5 else 1 end`,
  columns: (viewer) => sql`'event' as kind, e.id, null::text as post_id, null::text as post_type, e.title,
    e.description as body,
    case when ${communityVisible(viewer, 'evc')} then evc.slug end as community_slug,
    case when ${communityVisible(viewer, 'evc')} then evc.name end as community_name,
    null::text as author_name, null::text as organisation_name, null::text as level, e.starts_at as created_at,
    false as answered, false as accepted, (e.status = 'cancelled') as cancelled`,
};

const organisationsSource: Source = {
  kind: 'organisation',
  // The organisation directory is for verified members (partners do not browse it).
  applies: (f, viewer) => viewer.verified && (f.type === undefined || f.type === 'organisation') && !f.communityId && !f.since,
  from: (q, _viewer, f) => ({ tables: sql`organisations o`, where: and([sql<boolean>`o.search_vector @@ ${q.match}`, f.level ? sql<boolean>`o.level = ${f.level}` : null]) }),
  key: sql`o.id`,
  date: sql`null::timestamptz`,
  score: (q) => textRank(sql`o.search_vector`, q),
  columns: () => sql`'organisation' as kind, o.id, null::text as post_id, null::text as post_type, o.name as title,
    concat_ws(' · ', o.short_name, o.state) as body, null::text as community_slug, null::text as community_name,
    null::text as author_name, o.name as organisation_name, o.level, null::timestamptz as created_at,
    false as answered, false as accepted, false as cancelled`,
};

/** The part of a person's vectors the viewer may see: the name always, other fields by the people rule. */
function visibleMemberVector(viewer: Viewer): RawBuilder<unknown> {
  const field = (name: 'position' | 'bio' | 'expertise', column: string) =>
    sql`case when ${fieldVisible(name, viewer)} then ${sql.ref(column)} else ''::tsvector end`;
  return sql`(ms.name_vector || ${field('position', 'ms.position_vector')} || ${field('bio', 'ms.bio_vector')} || ${field('expertise', 'ms.expertise_vector')})`;
}

const membersSource: Source = {
  kind: 'member',
  applies: (f) => (f.type === undefined || f.type === 'member') && !f.communityId && !f.since,
  // The visible vector is computed once per person in a lateral subquery (offset 0 keeps the
  // planner from copying it into every use): the people rule has a subquery per field, and
  // each copy of it cost a millisecond of planning.
  from: (q, viewer, f, base = sql`member_search`) => ({
    tables: sql`${base} ms join users u on u.id = ms.user_id
      left join profiles p on p.user_id = u.id left join organisations o on o.id = u.organisation_id
      cross join lateral (select ${visibleMemberVector(viewer)} as vector offset 0) mv`,
    where: and([
      sql<boolean>`ms.all_vector @@ ${q.match}`,
      memberVisible(viewer),
      sql<boolean>`coalesce(p.listed, true)`,
      sql<boolean>`mv.vector @@ ${q.match}`,
      f.level ? sql<boolean>`o.level = ${f.level}` : null,
    ]),
  }),
  key: sql`u.id`,
  date: sql`null::timestamptz`,
  score: (q) => sql`(ts_rank(${WEIGHTS}, mv.vector, ${q.rank}, 1) + case when ms.name_vector @@ ${q.match} then 1 else 0 end)`,
  columns: (viewer) => sql`'member' as kind, u.id, null::text as post_id, null::text as post_type, u.name as title,
    concat_ws(' · ', ${visibleText('position', viewer)}, nullif(array_to_string(${tagLabels('expertise', viewer, 8)}, ', '), '')) as body,
    null::text as community_slug, null::text as community_name, null::text as author_name, o.name as organisation_name, o.level,
    null::timestamptz as created_at, false as answered, false as accepted, false as cancelled`,
  indexed: (q) => sql`(select * from member_search where all_vector @@ ${q.match} offset 0)`,
  // Profile fields by the people rule, only for the ranked page of people.
  display: sql`join users u on u.id = t.id left join profiles p on p.user_id = u.id left join organisations o on o.id = u.organisation_id`,
  // A common word of positions ("Sachbearbeiterin") matches thousands of people whose ranks
  // differ by little more than the length of their profiles: the first WINDOW matches, and the
  // people whose name matches (the name adds 1 to the score, so these lead).
  windows: (q) => [
    windowOf(sql`select * from member_search where all_vector @@ ${q.match}`),
    windowOf(sql`select * from member_search where name_vector @@ ${q.match}`),
  ],
};

const SOURCES: Source[] = [postsSource, repliesSource, communitiesSource, eventsSource, organisationsSource, membersSource];

function sourcesFor(viewer: Viewer, filter: SearchFilter): Source[] {
  return SOURCES.filter((s) => s.applies(filter, viewer));
}

// ---------------------------------------------------------------------------------------------
// Queries

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/** Our markers must not come from the text itself. */
const unmarked = (column: RawBuilder<unknown>) => sql`translate(${column}, ${MARK_START + MARK_END}, '')`;

/**
 * The ranking candidates of a source with windows, as rows (id, score, created_at).
 *
 * First the matches in the source's first window (its newest rows), at most WINDOW_MATCHES.
 * If there are more than EXACT of them, the words are common (more than EXACT readable
 * matches in all), and the candidates are the matches in all windows (relevance), or those
 * of the first window, which then hold the newest matches (date). Otherwise up to EXACT + 1
 * matches are taken through the full-text index: if that is all of them, all are ranked,
 * exactly as without any bound; if not (a word common enough, but not among the newest rows),
 * the windows' matches are added (relevance) or the newest matches are read backwards through
 * the index on created_at (date; quick, because there are many). Each part is computed only
 * when a condition needs it (CTEs are read lazily; the conditions become one-time filters,
 * evaluated left to right), so a rare word costs one window and an index lookup, a common one
 * the windows, never the full-text index's bitmap of every match (up to 35 ms).
 */
function candidates(s: Source, q: TsQuery, viewer: Viewer, filter: SearchFilter, top: number): RawBuilder<unknown> {
  const f = s.from(q, viewer, filter);
  const score = s.score(q);
  const lead = s.lead?.(q) ?? sql<boolean>`false`;
  const rows = (fw: FromWhere, tail: RawBuilder<unknown> = sql``) =>
    sql`(select ${s.key} as id, ${score} as score, ${s.date} as created_at, ${lead} as lead from ${fromWhere(fw)} ${tail})`;
  const inWindow = (w: RawBuilder<unknown>) => rows(s.from(q, viewer, filter, w), sql`limit ${sql.lit(WINDOW_MATCHES)}`);
  const [first, ...others] = s.windows!(q);
  const w1 = sql`(select count(*) from w1)`;
  const e = sql`(select count(*) from e)`;
  const exact = sql.lit(EXACT);
  const ctes = sql`with w1 as materialized ${inWindow(first!)}, e as materialized ${rows(s.from(q, viewer, filter, s.indexed!(q)), sql`limit ${sql.lit(EXACT + 1)}`)}`;
  // Title matches (see `titled`), unless the first window has TITLED of them: then they are
  // common, the windows hold enough, and reading them apart would cost a bitmap of thousands.
  const titled =
    s.titled && filter.sort !== 'date'
      ? sql`union select * from ${rows(s.from(q, viewer, filter, s.titled(q)), sql`limit ${sql.lit(EXACT + 1)}`)} t where (select count(*) from w1 where lead) < ${sql.lit(TITLED)}`
      : sql``;
  return filter.sort === 'date'
    ? sql`${ctes}
        select * from w1
        union select * from e where ${w1} < ${top} and ${e} <= ${exact}
        union select * from ${rows(f, sql`order by ${s.date} desc limit ${top}`)} n where ${w1} < ${top} and ${e} > ${exact}`
    : sql`${ctes}
        select * from w1
        union select * from e where ${w1} <= ${exact}
        union select * from (${sql.join(others.map(inWindow), sql` union `)}) o where ${w1} > ${exact} or ${e} > ${exact}
        ${titled}`;
}

/**
 * One page of results the viewer may read, best first (or newest first), with marked titles and snippets.
 *
 * The sources with windows (posts, replies, people) choose their best offset + limit rows in
 * statements of their own, run at the same time on separate connections (each takes a few
 * milliseconds of one core); one more statement ranks the small sources (communities,
 * organisations), merges, cuts the page and reads the display columns and snippets for its
 * rows only (by key: the rows came through `from`, the words and the visibility rule).
 */
export async function searchPage(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter, offset: number, limit: number): Promise<SearchRow[]> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return [];
  const order = filter.sort === 'date' ? sql`created_at desc nulls last, score desc, id` : sql`score desc, created_at desc nulls last, id`;
  const top = offset + limit;
  const windowed = sources.filter((s) => s.windows);
  const best = await Promise.all(
    windowed.map((s) => run(db, sql<{ id: string; score: number }>`select id, score from (${candidates(s, q, viewer, filter, top)}) cand order by ${order} limit ${top}`)),
  );
  const branches = sources.map((s) => {
    const i = windowed.indexOf(s);
    if (i < 0) return sql`(select ${s.columns(viewer)}, ${s.score(q)} as score from ${fromWhere(s.from(q, viewer, filter))} order by ${order} limit ${top})`;
    const ranked = sql`unnest(${best[i]!.map((r) => r.id)}::text[], ${best[i]!.map((r) => r.score)}::float8[]) as t(id, score)`;
    return sql`(select ${s.columns(viewer)}, t.score from ${ranked} ${s.display ?? sql`join (${s.from(q, viewer, filter).tables}) on ${s.key} = t.id`})`;
  });
  const rows = await run(
    db,
    sql<SearchRow & { body: string }>`
    select kind, id, post_id, post_type, title, community_slug, community_name, author_name, organisation_name, level, created_at, answered, accepted, cancelled, score,
      ts_headline('kp_german', ${unmarked(sql`title`)}, ${q.match}, ${TITLE_OPTIONS}) as title_marked,
      case when kind in ('post', 'reply', 'community', 'event') then ts_headline('kp_german', ${unmarked(sql`left(body, 20000)`)}, ${q.match}, ${HEADLINE_OPTIONS})
        else ${unmarked(sql`body`)} end as snippet_marked
    from (select * from (${sql.join(branches, sql` union all `)}) u order by ${order} offset ${offset} limit ${limit}) page
    order by ${order}`,
  );
  return rows.map(({ body: _b, ...r }) => ({ ...r, score: Number(r.score) }));
}

/** How many results the viewer may read, counted up to COUNT_CAP + 1. */
export async function countResults(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter): Promise<number> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return 0;
  const branches = sources.map((s) => sql`(select 1 from ${fromWhere(s.from(q, viewer, filter, s.indexed?.(q)))} limit ${COUNT_CAP + 1})`);
  const rows = await run(db, sql<{ n: number }>`select count(*)::int as n from (select 1 from (${sql.join(branches, sql` union all `)}) u limit ${COUNT_CAP + 1}) c`);
  return rows[0]?.n ?? 0;
}

/** Whether the viewer may read anything that matches: decides which corrections are worth offering. */
export async function anyResult(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter): Promise<boolean> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return false;
  // A prepared statement: first the newest rows of the first source with windows (a word
  // people use is found there at once), then every source through its full-text index
  // (`indexed`: no plan that scans a table hoping for an early match).
  const first = sources.find((s) => s.windows);
  const branches = [
    ...(first ? [sql`exists (select 1 from ${fromWhere(first.from(q, viewer, filter, first.windows!(q)[0]))})`] : []),
    ...sources.map((s) => sql`exists (select 1 from ${fromWhere(s.from(q, viewer, filter, s.indexed?.(q)))})`),
  ];
  const rows = await run(db, sql<{ found: boolean }>`select (${sql.join(branches, sql` or `)}) as found`);
  return rows[0]?.found ?? false;
}

/**
 * Words of the vocabulary spelled like `word`, most alike first. Only candidates: a
 * correction is offered only if it finds something the viewer may read (see the service).
 */
export async function spellingCandidates(db: Kysely<DB>, word: string, limit = 4): Promise<string[]> {
  // Prepared (see `run`): planned for the actual word, PostgreSQL reads the whole vocabulary
  // (its cost model does not know what a similarity costs): 9 ms for 4,000 words; the
  // generic plan uses the trigram index: 0.4 ms.
  const rows = await run(db, sql<{ word: string }>`
    select word from (
      select distinct w.word, similarity(w.plain, unaccent(${word})) as s from search_words w
      where w.plain % unaccent(${word}) and w.word <> ${word} and unaccent(${word}) <> w.plain
    ) c where s >= 0.4 order by s desc, word limit ${limit}`);
  return rows.map((r) => r.word);
}

export interface SimilarQuestion {
  id: string;
  title: string;
  communityName: string;
  answered: boolean;
  replyCount: number;
  createdAt: Date;
}

/**
 * Questions the viewer may read whose words resemble `title`: any word counts (OR), the best
 * matches first; the asker's own community first among equals.
 */
export async function similarQuestions(db: Kysely<DB>, viewer: Viewer, terms: QueryTerm[], communityId: string | null, limit = 5): Promise<SimilarQuestion[]> {
  const words = terms.filter((t) => !t.negated).flatMap((t) => t.words);
  const resolved = await resolveWords(db, words.map((w) => ({ words: [w], phrase: false, negated: false })));
  const lexemes = [...new Set([...resolved.stems.values()].flat())];
  if (lexemes.length === 0) return [];
  const q = sql`to_tsquery('simple', ${lexemes.map(quoteLexeme).join(' | ')})`;
  const { rows } = await sql<SimilarQuestion>`
    select p.id, p.title, c.name as community_name, (p.accepted_reply_id is not null) as answered, p.reply_count, p.created_at
    from posts p join communities c on c.id = p.community_id
    where p.type = 'question' and p.search_vector @@ ${q} and ${postReadable(viewer, 'p')}
    order by ts_rank(${WEIGHTS}, p.search_vector, ${q}) * case when p.community_id = ${communityId} then 1.2 else 1 end
      * case when p.accepted_reply_id is not null then 1.1 else 1 end desc, p.created_at desc
    limit ${limit}`.execute(db);
  return rows;
}

/** The community with this address, if it exists for the viewer (a search filter never reveals hidden ones). */
export async function visibleCommunityBySlug(db: Kysely<DB>, viewer: Viewer, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
  const { rows } = await sql<{ id: string; slug: string; name: string }>`select c.id, c.slug, c.name from communities c where c.slug = ${slug} and ${communityVisible(viewer, 'c')}`.execute(db);
  return rows[0];
}

/** The communities whose content the viewer may read, for the community filter. */
export async function communityChoices(db: Kysely<DB>, viewer: Viewer, limit = 500): Promise<{ slug: string; name: string }[]> {
  const { rows } = await sql<{ slug: string; name: string }>`select c.slug, c.name from communities c where ${communityReadable(viewer, 'c')}
    order by c.name collate "de-x-icu" limit ${limit}`.execute(db);
  return rows;
}
