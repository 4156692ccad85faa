/**
 * All SQL of search. A query is answered from *sources*, one per kind of result (posts,
 * replies, communities, organisations, people). Each source says where its rows come from
 * and which of them the viewer may read, with the same visibility expressions every list
 * uses (communities.visibility.ts, members.repo.ts); results, counts, existence checks for
 * corrections and similar questions all go through those `from … where …` parts. A new kind
 * (events) is one more source. Ranking is explained in docs/search.md.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, Level, PostType } from '../../db/schema.js';
import { communityReadable, communityVisible, contentShown, postReadable } from '../communities/communities.visibility.js';
import { fieldVisible, memberVisible, tagLabels, visibleText, type Viewer } from '../members/members.repo.js';
import { spellings, type QueryTerm } from './search.query.js';

export const POST_TYPES: readonly PostType[] = ['discussion', 'question', 'example', 'announcement'];
export const SEARCH_TYPES = [...POST_TYPES, 'reply', 'community', 'member', 'organisation'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export type ResultKind = 'post' | 'reply' | 'community' | 'member' | 'organisation';

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
  score: number;
}

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * A built query, as SQL (constant-folded by the planner): `match` decides what is found (with
 * the compounds containing a word), `rank` only the words as typed (all spellings), so that a
 * text with "Strategie" ranks above one with only "Digitalisierungsstrategie" and a long list
 * of compounds does not dilute the rank.
 */
export interface TsQuery {
  match: RawBuilder<unknown>;
  rank: RawBuilder<unknown>;
}

type Bool = RawBuilder<boolean>;

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
  terms.forEach((term, i) => {
    if (term.phrase) return;
    for (const v of spellings(term.words[0]!)) {
      index.push(i);
      variants.push(v);
    }
  });
  const stems = new Map<number, string[]>();
  const compounds = new Map<number, string[]>();
  if (variants.length === 0) return { stems, compounds };
  const { rows } = await sql<{ i: number; lexeme: string; compounds: string[] }>`
    with v(i, variant) as (select * from unnest(${index}::int[], ${variants}::text[])),
    s as (select distinct v.i, l.lexeme from v cross join lateral unnest(to_tsvector('kp_german', v.variant)) l)
    select s.i, s.lexeme, array(
      select distinct x.lexeme from (
        select w.word from search_words w
        where char_length(s.lexeme) >= 5 and w.plain like '%' || s.lexeme || '%'
        order by char_length(w.word), w.word limit 30) c
      cross join lateral unnest(to_tsvector('kp_german', c.word)) x
      where x.lexeme <> s.lexeme) as compounds
    from s`.execute(db);
  for (const row of rows) {
    stems.set(row.i, [...(stems.get(row.i) ?? []), row.lexeme]);
    if (!terms[row.i]!.negated) compounds.set(row.i, [...new Set([...(compounds.get(row.i) ?? []), ...row.compounds])]);
  }
  return { stems, compounds };
}

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
  return { match: sql`(${sql.join(match, sql` && `)})`, rank: sql`(${sql.join(rank, sql` && `)})` };
}

// ---------------------------------------------------------------------------------------------
// Sources

interface Source {
  kind: ResultKind;
  /** Whether the source can answer a search with this filter at all. */
  applies(filter: SearchFilter, viewer: Viewer): boolean;
  /** `from … where …`: the rows matching q that the viewer may read, filtered. */
  from(q: TsQuery, viewer: Viewer, filter: SearchFilter): RawBuilder<unknown>;
  /** The select list in the shape of SearchRow (without the marked texts), plus `body` for the snippet. */
  columns(q: TsQuery, viewer: Viewer): RawBuilder<unknown>;
}

const WEIGHTS = sql.lit('{0.1, 0.2, 0.4, 1.0}');
/** 1.0 today, 0.8 after half a year, towards 0.6 for old content. */
const recency = (column: RawBuilder<unknown>) => sql`(0.6 + 0.4 / (1 + extract(epoch from (now() - ${column})) / 15552000))`;
/** ts_rank, normalised by length, plus 1 when the title (weight A) alone matches the whole query. */
const textRank = (vector: RawBuilder<unknown>, q: TsQuery) =>
  sql`(ts_rank(${WEIGHTS}, ${vector}, ${q.rank}, 1) + case when ts_filter(${vector}, '{a}') @@ ${q.match} then 1 else 0 end)`;
const helpful = (column: RawBuilder<unknown>) => sql`(1 + 0.15 * ln(1 + ${column}))`;

function and(parts: (Bool | null)[]): Bool {
  const list = parts.filter((p): p is Bool => p !== null);
  return sql<boolean>`(${sql.join(list, sql` and `)})`;
}

const postsSource: Source = {
  kind: 'post',
  applies: (f) => (f.type === undefined || (POST_TYPES as readonly string[]).includes(f.type)),
  from: (q, viewer, f) => sql`posts p join communities c on c.id = p.community_id
    left join users a on a.id = p.author_id left join organisations ao on ao.id = a.organisation_id
    left join practice_examples x on x.post_id = p.id
    where ${and([
      sql<boolean>`p.search_vector @@ ${q.match}`,
      postReadable(viewer, 'p'),
      f.type ? sql<boolean>`p.type = ${f.type}` : null,
      f.communityId ? sql<boolean>`p.community_id = ${f.communityId}` : null,
      f.level ? sql<boolean>`ao.level = ${f.level}` : null,
      f.since ? sql<boolean>`p.created_at >= ${f.since}` : null,
    ])}`,
  columns: (q) => sql`'post' as kind, p.id, p.id as post_id, p.type as post_type, p.title,
    concat_ws(' ', x.problem, x.solution, p.body) as body, c.slug as community_slug, c.name as community_name,
    a.name as author_name, ao.name as organisation_name, ao.level, p.created_at,
    (p.accepted_reply_id is not null) as answered, false as accepted,
    ${textRank(sql`p.search_vector`, q)} * ${helpful(sql`p.helpful_count`)}
      * case when p.accepted_reply_id is not null then 1.2 else 1 end * ${recency(sql`p.created_at`)} as score`,
};

const repliesSource: Source = {
  kind: 'reply',
  applies: (f) => f.type === undefined || f.type === 'reply',
  from: (q, viewer, f) => sql`replies r join posts p on p.id = r.post_id join communities c on c.id = p.community_id
    left join users a on a.id = r.author_id left join organisations ao on ao.id = a.organisation_id
    where ${and([
      sql<boolean>`r.search_vector @@ ${q.match}`,
      postReadable(viewer, 'p'),
      contentShown(viewer, 'r', sql.ref('p.community_id')),
      f.communityId ? sql<boolean>`p.community_id = ${f.communityId}` : null,
      f.level ? sql<boolean>`ao.level = ${f.level}` : null,
      f.since ? sql<boolean>`r.created_at >= ${f.since}` : null,
    ])}`,
  columns: (q) => sql`'reply' as kind, r.id, p.id as post_id, p.type as post_type, p.title,
    r.body, c.slug as community_slug, c.name as community_name,
    a.name as author_name, ao.name as organisation_name, ao.level, r.created_at,
    (p.accepted_reply_id is not null) as answered, (p.accepted_reply_id = r.id) as accepted,
    ts_rank(${WEIGHTS}, r.search_vector, ${q.rank}, 1) * 0.8 * ${helpful(sql`r.helpful_count`)}
      * case when p.accepted_reply_id = r.id then 1.5 else 1 end * ${recency(sql`r.created_at`)} as score`,
};

const communitiesSource: Source = {
  kind: 'community',
  applies: (f) => (f.type === undefined || f.type === 'community') && !f.communityId && !f.level && !f.since,
  from: (q, viewer) => sql`communities c where ${and([sql<boolean>`c.search_vector @@ ${q.match}`, communityVisible(viewer, 'c')])}`,
  columns: (q) => sql`'community' as kind, c.id, null::text as post_id, null::text as post_type, c.name as title,
    c.description as body, c.slug as community_slug, c.name as community_name,
    null::text as author_name, null::text as organisation_name, null::text as level, c.created_at,
    false as answered, false as accepted, ${textRank(sql`c.search_vector`, q)} * 1.1 as score`,
};

const organisationsSource: Source = {
  kind: 'organisation',
  // The organisation directory is for verified members (partners do not browse it).
  applies: (f, viewer) => viewer.verified && (f.type === undefined || f.type === 'organisation') && !f.communityId && !f.since,
  from: (q, _viewer, f) => sql`organisations o where ${and([sql<boolean>`o.search_vector @@ ${q.match}`, f.level ? sql<boolean>`o.level = ${f.level}` : null])}`,
  columns: (q) => sql`'organisation' as kind, o.id, null::text as post_id, null::text as post_type, o.name as title,
    concat_ws(' · ', o.short_name, o.state) as body, null::text as community_slug, null::text as community_name,
    null::text as author_name, o.name as organisation_name, o.level, null::timestamptz as created_at,
    false as answered, false as accepted, ${textRank(sql`o.search_vector`, q)} as score`,
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
  from: (q, viewer, f) => sql`member_search ms join users u on u.id = ms.user_id
    left join profiles p on p.user_id = u.id left join organisations o on o.id = u.organisation_id
    where ${and([
      sql<boolean>`ms.all_vector @@ ${q.match}`,
      memberVisible(viewer),
      sql<boolean>`coalesce(p.listed, true)`,
      sql<boolean>`${visibleMemberVector(viewer)} @@ ${q.match}`,
      f.level ? sql<boolean>`o.level = ${f.level}` : null,
    ])}`,
  columns: (q, viewer) => sql`'member' as kind, u.id, null::text as post_id, null::text as post_type, u.name as title,
    concat_ws(' · ', ${visibleText('position', viewer)}, nullif(array_to_string(${tagLabels('expertise', viewer, 8)}, ', '), '')) as body,
    null::text as community_slug, null::text as community_name, null::text as author_name, o.name as organisation_name, o.level,
    null::timestamptz as created_at, false as answered, false as accepted,
    (ts_rank(${WEIGHTS}, ${visibleMemberVector(viewer)}, ${q.rank}, 1) + case when ms.name_vector @@ ${q.match} then 1 else 0 end) as score`,
};

const SOURCES: Source[] = [postsSource, repliesSource, communitiesSource, organisationsSource, membersSource];

function sourcesFor(viewer: Viewer, filter: SearchFilter): Source[] {
  return SOURCES.filter((s) => s.applies(filter, viewer));
}

// ---------------------------------------------------------------------------------------------
// Queries

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/** Our markers must not come from the text itself. */
const unmarked = (column: RawBuilder<unknown>) => sql`translate(${column}, ${MARK_START + MARK_END}, '')`;

/** One page of results the viewer may read, best first (or newest first), with marked titles and snippets. */
export async function searchPage(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter, offset: number, limit: number): Promise<SearchRow[]> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return [];
  const order = filter.sort === 'date' ? sql`created_at desc nulls last, score desc, id` : sql`score desc, created_at desc nulls last, id`;
  const branches = sources.map((s) => sql`(select ${s.columns(q, viewer)} from ${s.from(q, viewer, filter)} order by ${order} limit ${offset + limit})`);
  const { rows } = await sql<SearchRow & { body: string }>`
    select kind, id, post_id, post_type, title, community_slug, community_name, author_name, organisation_name, level, created_at, answered, accepted, score,
      ts_headline('kp_german', ${unmarked(sql`title`)}, ${q.match}, ${TITLE_OPTIONS}) as title_marked,
      case when kind in ('post', 'reply', 'community') then ts_headline('kp_german', ${unmarked(sql`left(body, 20000)`)}, ${q.match}, ${HEADLINE_OPTIONS})
        else ${unmarked(sql`body`)} end as snippet_marked
    from (select * from (${sql.join(branches, sql` union all `)}) u order by ${order} offset ${offset} limit ${limit}) page
    order by ${order}`.execute(db);
  return rows.map(({ body: _b, ...r }) => ({ ...r, score: Number(r.score) }));
}

/** How many results the viewer may read, counted up to COUNT_CAP + 1. */
export async function countResults(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter): Promise<number> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return 0;
  const branches = sources.map((s) => sql`(select 1 from ${s.from(q, viewer, filter)} limit ${COUNT_CAP + 1})`);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from (${sql.join(branches, sql` union all `)}) u limit ${COUNT_CAP + 1}) c`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Whether the viewer may read anything that matches: decides which corrections are worth offering. */
export async function anyResult(db: Kysely<DB>, viewer: Viewer, q: TsQuery, filter: SearchFilter): Promise<boolean> {
  const sources = sourcesFor(viewer, filter);
  if (sources.length === 0) return false;
  const branches = sources.map((s) => sql`exists (select 1 from ${s.from(q, viewer, filter)})`);
  const { rows } = await sql<{ found: boolean }>`select (${sql.join(branches, sql` or `)}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

/**
 * Words of the vocabulary spelled like `word`, most alike first. Only candidates: a
 * correction is offered only if it finds something the viewer may read (see the service).
 */
export async function spellingCandidates(db: Kysely<DB>, word: string, limit = 4): Promise<string[]> {
  const { rows } = await sql<{ word: string }>`
    select word from (
      select distinct w.word, similarity(w.plain, unaccent(${word})) as s from search_words w
      where w.plain % unaccent(${word}) and w.word <> ${word} and unaccent(${word}) <> w.plain
    ) c where s >= 0.4 order by s desc, word limit ${limit}`.execute(db);
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
