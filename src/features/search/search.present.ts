/**
 * Search results for people and programs: addresses, plain and highlighted texts. A
 * highlighted text is built here from the marker characters the database put around matches:
 * every part is escaped, and the only markup is <mark>, so a snippet can never inject any.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { communityUrl, postUrl } from '../communities/communities.present.js';
import { MARK_END, MARK_START, RESULT_KINDS, type ResultKind, type SearchRow } from './search.repo.js';

export interface Segment {
  text: string;
  marked: boolean;
}

/** Markdown marks that only clutter a snippet: emphasis, headings, quotes, code, link targets. */
function plainMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`+|~~)/g, '')
    .replace(/(^|\s)[#>]+\s/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text between markers, as segments (marked or not). Unpaired markers are dropped. */
export function segments(marked: string, markdown = false): Segment[] {
  const text = markdown ? plainMarkdown(marked) : marked;
  const out: Segment[] = [];
  for (const [i, part] of text.split(MARK_START).entries()) {
    if (i === 0) {
      if (part) out.push({ text: part.replaceAll(MARK_END, ''), marked: false });
      continue;
    }
    const end = part.indexOf(MARK_END);
    const inside = end >= 0 ? part.slice(0, end) : part;
    const after = end >= 0 ? part.slice(end + 1).replaceAll(MARK_END, '') : '';
    if (inside) out.push({ text: inside, marked: true });
    if (after) out.push({ text: after, marked: false });
  }
  return out;
}

export const plainText = (parts: Segment[]) => parts.map((p) => p.text).join('');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escaped HTML whose only elements are <mark>. */
export function highlightedHtml(parts: Segment[]): string {
  return parts.map((p) => (p.marked ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/** Kinds whose text is Markdown: their snippets lose the Markdown marks. */
export const isMarkdownKind = (kind: ResultKind) => kind === 'post' || kind === 'reply' || kind === 'event';

/** The page address of a result (a reply: its post, at the reply). */
export function resultPath(row: Pick<SearchRow, 'kind' | 'id' | 'postId' | 'communitySlug'>): string {
  switch (row.kind) {
    case 'post':
      return `/beitraege/${row.id}`;
    case 'reply':
      return `/beitraege/${row.postId}?antwort=${row.id}#antwort-${row.id}`;
    case 'community':
      return `/communities/${row.communitySlug}`;
    case 'event':
      return `/veranstaltungen/${row.id}`;
    case 'member':
      return `/mitglieder/${row.id}`;
    case 'organisation':
      return `/organisationen/${row.id}`;
  }
}

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const SearchResultOut = Type.Object({
  kind: Type.Union(RESULT_KINDS.map((k) => Type.Literal(k)), { description: 'What was found; a reply is shown in its post' }),
  type: Type.Union([Type.String({ description: 'Post type (discussion, question, example, announcement) of a post or of the post a reply belongs to' }), Type.Null()]),
  id: Type.String(),
  url: Type.String(),
  title: Type.String({ description: 'Title, name; for a reply the title of its post' }),
  titleHtml: Type.String({ description: 'The title, escaped, with matches in <mark>' }),
  snippet: Type.String({ description: 'A passage of the text around the matches, plain' }),
  snippetHtml: Type.String({ description: 'The passage, escaped, with matches in <mark>' }),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() }), Type.Null()], { description: 'The community of a post or reply; for an event its community, when the caller may see it' }),
  post: Type.Union([Type.Object({ id: Type.String(), url: Type.String() }), Type.Null()]),
  authorName: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  level: Nullable(Type.String({ description: 'Level of the author’s organisation (bund, land, kommune, sonstige); of the person or organisation itself for those' })),
  createdAt: Nullable(Type.String({ format: 'date-time', description: 'When it was written; for an event when it starts' })),
  answered: Type.Boolean({ description: 'A question (or a reply to one) has an accepted answer' }),
  accepted: Type.Boolean({ description: 'This reply is the accepted answer' }),
  cancelled: Type.Boolean({ description: 'This event was cancelled' }),
});
export type SearchResultOut = Static<typeof SearchResultOut>;

export function presentResult(config: Config, row: SearchRow): SearchResultOut {
  const title = segments(row.titleMarked);
  const snippet = segments(row.snippetMarked, isMarkdownKind(row.kind));
  return {
    kind: row.kind,
    type: row.postType,
    id: row.id,
    url: new URL(resultPath(row), config.baseUrl).toString(),
    title: row.title,
    titleHtml: highlightedHtml(title),
    snippet: plainText(snippet),
    snippetHtml: highlightedHtml(snippet),
    community: row.communitySlug && row.communityName ? { slug: row.communitySlug, name: row.communityName, url: communityUrl(config, row.communitySlug) } : null,
    post: row.postId ? { id: row.postId, url: postUrl(config, row.postId) } : null,
    authorName: row.authorName,
    organisationName: row.organisationName,
    level: row.level,
    createdAt: row.createdAt ? row.createdAt.toISOString() : null,
    answered: row.answered,
    accepted: row.accepted,
    cancelled: row.cancelled,
  };
}
