/**
 * @mentions: "@Lena Leitner" in a text names a person who may read the post. Mentions that
 * resolve become Markdown links to the profile (`[@Lena Leitner](/mitglieder/id)`), so that
 * the rendered text links them; the people are stored for notifications (issue 7). Names that
 * resolve to nobody who may read the post stay plain text: a mention never tells whether
 * someone exists outside the audience.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { communityReadable } from './communities.visibility.js';

export const MAX_MENTIONS = 10;
const MAX_WORDS = 4;
const word = String.raw`[\p{L}\p{M}][\p{L}\p{M}.'’-]*`;
// An @ at the start or after a space or opening bracket, not already inside a Markdown link.
const mentionPattern = new RegExp(String.raw`(^|[\s(])@(${word}(?:[ \u00a0]${word}){0,${MAX_WORDS - 1}})(?![^\[]*\]\()`, 'gu');

/** Candidate names after each @: every prefix of up to four words ("@Lena Leitner hat" → "Lena", "Lena Leitner", …). */
export function mentionCandidates(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(mentionPattern)) {
    const words = match[2]!.split(/[ \u00a0]/);
    for (let n = 1; n <= words.length; n++) names.add(words.slice(0, n).join(' ').replace(/[.,;:!?]+$/, '').toLocaleLowerCase('de'));
    if (names.size > MAX_MENTIONS * MAX_WORDS) break;
  }
  return [...names];
}

export interface Mentioned {
  id: string;
  name: string;
}

/**
 * The people named in the text who may read posts of the community: each candidate's access is
 * checked with the community rule as if they were the viewer.
 */
export async function resolveMentions(db: Kysely<DB>, text: string, communityId: string, authorId: string): Promise<Mentioned[]> {
  const candidates = mentionCandidates(text);
  if (candidates.length === 0) return [];
  const people = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where(sql<boolean>`lower(name) in (${sql.join(candidates)})`)
    .where('suspendedAt', 'is', null)
    .where('role', 'in', ['member', 'office', 'admin', 'partner'])
    .where('id', '<>', authorId)
    .limit(MAX_MENTIONS * 3)
    .execute();
  const result: Mentioned[] = [];
  for (const person of people) {
    if (result.length >= MAX_MENTIONS) break;
    const viewer = { id: person.id, verified: person.role !== 'partner', staff: person.role === 'office' || person.role === 'admin' };
    const readable = await db.selectFrom('communities as c').select('c.id').where('c.id', '=', communityId).where(communityReadable(viewer, 'c')).executeTakeFirst();
    if (readable) result.push({ id: person.id, name: person.name });
  }
  return result;
}

/** Links the resolved mentions in the Markdown source; the longest names first. */
export function linkMentions(text: string, people: Mentioned[]): string {
  let out = text;
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const escaped = person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(String.raw`(^|[\s(])@(${escaped})(?![\p{L}\p{M}])(?![^\[]*\]\()`, 'giu'), (_m, before: string, name: string) => `${before}[@${name}](/mitglieder/${person.id})`);
  }
  return out;
}
