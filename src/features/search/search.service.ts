/**
 * The search use case, shared by the search page and the API: parse what was typed, build the
 * query, fetch one page and the count, and when nothing is found try spelling corrections
 * that find something the viewer may read. Similar questions for the question form.
 */
import type { Kysely } from 'kysely';
import type { DB, Level } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import type { Viewer } from '../members/members.repo.js';
import { parseQuery, type ParsedQuery, type QueryTerm } from './search.query.js';
import * as repo from './search.repo.js';

export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Results beyond this position are not paged to: narrow the search instead. */
export const MAX_OFFSET = repo.COUNT_CAP;
/** Correction attempts per search (each is one existence check). */
const MAX_CORRECTION_TRIES = 10;
/** Words shorter than this are neither corrected nor offered as a correction. */
const MIN_CORRECTED_CHARS = 4;

export const PERIODS = ['week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];
const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 31, year: 366 };

export interface SearchInput {
  q: string;
  type?: repo.SearchType;
  community?: string;
  level?: Level;
  period?: Period;
  sort?: 'relevance' | 'date';
  cursor?: string;
  limit?: number;
}

/**
 * - ok: the query was searched (items may be empty);
 * - empty: nothing typed; noWords: nothing searchable in it; onlyCommon: only very common
 *   words; onlyExcluded: only exclusions; unknownCommunity: the community filter names no
 *   community the viewer knows.
 */
export type SearchStatus = 'ok' | 'empty' | 'noWords' | 'onlyCommon' | 'onlyExcluded' | 'unknownCommunity';

export interface SearchOutcome {
  status: SearchStatus;
  query: ParsedQuery;
  items: repo.SearchRow[];
  /** Results the viewer may read, up to COUNT_CAP + 1. */
  total: number;
  capped: boolean;
  next: string | null;
  offset: number;
  limit: number;
  /** When the query as typed found nothing and a corrected spelling did: the corrected query. */
  correctedText: string | null;
  community: { slug: string; name: string } | null;
  filter: repo.SearchFilter;
}

/** The terms as text again ("-word", "\"a phrase\""), for showing and linking a corrected query. */
export function termsText(terms: QueryTerm[]): string {
  return terms.map((t) => `${t.negated ? '-' : ''}${t.phrase ? `"${t.words.join(' ')}"` : t.words[0]}`).join(' ');
}

function filterOf(input: SearchInput, communityId: string | undefined, now: Date): repo.SearchFilter {
  return {
    type: input.type,
    communityId,
    level: input.level,
    since: input.period ? new Date(now.getTime() - PERIOD_DAYS[input.period] * 86_400_000) : undefined,
    sort: input.sort ?? 'relevance',
  };
}

/**
 * Tries, word by word, the spellings the vocabulary knows; keeps a replacement only if the
 * viewer may read something it finds. Returns the corrected terms, or null.
 */
async function correct(db: Kysely<DB>, viewer: Viewer, terms: QueryTerm[], filter: repo.SearchFilter): Promise<QueryTerm[] | null> {
  let current = terms;
  let changed = false;
  let tries = 0;
  for (const [i, term] of terms.entries()) {
    // Short words ("wer", "hat") are rarely misspelt and easily "corrected" into other short words.
    if (term.negated || term.phrase || term.words[0]!.length < MIN_CORRECTED_CHARS || tries >= MAX_CORRECTION_TRIES) continue;
    for (const candidate of await repo.spellingCandidates(db, term.words[0]!)) {
      if (candidate.length < MIN_CORRECTED_CHARS) continue;
      if (tries++ >= MAX_CORRECTION_TRIES) break;
      // A common word ("werde") would only drop out of the query: no correction.
      if (!(await repo.buildQuery(db, [{ words: [candidate], phrase: false, negated: false }]))) continue;
      const trial = current.map((t, j) => (j === i ? { ...t, words: [candidate] } : t));
      const q = await repo.buildQuery(db, trial);
      if (q && (await repo.anyResult(db, viewer, q, filter))) {
        current = trial;
        changed = true;
        break;
      }
    }
  }
  if (!changed) return null;
  const q = await repo.buildQuery(db, current);
  return q && (await repo.anyResult(db, viewer, q, filter)) ? current : null;
}

export async function search(db: Kysely<DB>, viewer: Viewer, input: SearchInput, now = new Date()): Promise<SearchOutcome> {
  const query = parseQuery(input.q);
  const limit = Math.min(Math.max(input.limit ?? PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const decoded = decodeCursor(input.cursor, ['number']);
  const offset = decoded ? Math.min(Math.max(Math.trunc(decoded[0] as number), 0), MAX_OFFSET) : 0;
  const base = { query, items: [], total: 0, capped: false, next: null, offset, limit, correctedText: null, community: null };

  let community: { id: string; slug: string; name: string } | undefined;
  if (input.community) {
    community = await repo.visibleCommunityBySlug(db, viewer, input.community);
    if (!community) return { ...base, status: 'unknownCommunity', filter: filterOf(input, undefined, now) };
  }
  const filter = filterOf(input, community?.id, now);
  const withCommunity = { ...base, filter, community: community ? { slug: community.slug, name: community.name } : null };
  if (query.text === '') return { ...withCommunity, status: 'empty' };
  if (query.terms.length === 0) return { ...withCommunity, status: 'noWords' };
  if (query.terms.every((t) => t.negated)) return { ...withCommunity, status: 'onlyExcluded' };

  const q = await repo.buildQuery(db, query.terms);
  if (!q) return { ...withCommunity, status: 'onlyCommon' };
  let [items, total] = await Promise.all([repo.searchPage(db, viewer, q, filter, offset, limit), repo.countResults(db, viewer, q, filter)]);
  let correctedText: string | null = null;
  if (total === 0) {
    const corrected = await correct(db, viewer, query.terms, filter);
    const cq = corrected ? await repo.buildQuery(db, corrected) : null;
    if (corrected && cq) {
      [items, total] = await Promise.all([repo.searchPage(db, viewer, cq, filter, offset, limit), repo.countResults(db, viewer, cq, filter)]);
      correctedText = termsText(corrected);
    }
  }
  const reachable = Math.min(total, repo.COUNT_CAP);
  const next = offset + limit < reachable && items.length === limit ? encodeCursor([offset + limit]) : null;
  return { ...withCommunity, status: 'ok', items, total: Math.min(total, repo.COUNT_CAP), capped: total > repo.COUNT_CAP, next, correctedText };
}

/** Similar questions for a title being written (at least two characters of words). */
export async function similarQuestions(db: Kysely<DB>, viewer: Viewer, title: string, communityId: string | null): Promise<repo.SimilarQuestion[]> {
  const query = parseQuery(title);
  if (query.terms.length === 0) return [];
  return repo.similarQuestions(db, viewer, query.terms, communityId);
}
