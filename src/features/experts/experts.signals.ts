/**
 * "Who knows about X?" ranks people by signals. Each signal is one SQL select that answers,
 * for the tags matching the question (the CTE `matched`), rows of (user_id, n, labels):
 * how much evidence a person has and on which topics. The score is the sum of n × weight.
 *
 * Later features add their evidence here (sessions hosted, …): one entry each, with a
 * catalogue text for the reason; nothing else changes.
 *
 * Evidence from communities counts only where the viewer may read it: the CTEs
 * `readable_communities` and `matched_posts` (below) hold the viewer's readable communities (the one visibility rule),
 * and hidden or deleted posts and replies never count. Posts match a question by their topics.
 */
import { sql, type RawBuilder } from 'kysely';
import type { MessageKey } from '../../views/i18n/index.js';

export interface ExpertSignal {
  kind: string;
  /** Points per unit of evidence. */
  weight: number;
  /** The sentence that explains the signal; may use {count} and {topics}. */
  reason: MessageKey;
  select: RawBuilder<unknown>;
}

// Confirmations count up to ten per person, so that popularity cannot drown declared expertise.
const MAX_CONFIRMATIONS = 10;
// Accepted answers, practice examples and their reuse are capped alike.
const MAX_ANSWERS = 10;
const MAX_EXAMPLES = 5;
const MAX_REUSES = 10;

/**
 * Readable, shown posts whose topics match the question and that can be evidence (answered
 * questions, practice examples), as (post id, accepted reply, label): one CTE for all
 * community signals, computed once per query.
 */
export const matchedPostsCte = sql`matched_posts as materialized (
  select p.id, p.accepted_reply_id, p.type, m.label from post_tags pt join matched m on m.id = pt.tag_id
  join posts p on p.id = pt.post_id join readable_communities rc on rc.id = p.community_id
  where p.deleted_at is null and p.hidden_at is null and (p.accepted_reply_id is not null or p.type = 'example'))`;

export const expertSignals: ExpertSignal[] = [
  {
    kind: 'expertise',
    weight: 10,
    reason: 'experts.reason.expertise',
    select: sql`select pt.user_id, count(*)::int as n, array_agg(m.label order by m.label) as labels
      from profile_tags pt join matched m on m.id = pt.tag_id where pt.kind = 'expertise' group by pt.user_id`,
  },
  {
    kind: 'confirmations',
    weight: 2,
    reason: 'experts.reason.confirmations',
    select: sql`select c.user_id, least(count(*), ${MAX_CONFIRMATIONS})::int as n, null::text[] as labels
      from expertise_confirmations c join matched m on m.id = c.tag_id
      join profile_tags pt on pt.user_id = c.user_id and pt.tag_id = c.tag_id and pt.kind = 'expertise'
      group by c.user_id`,
  },
  {
    kind: 'ask',
    weight: 6,
    reason: 'experts.reason.ask',
    select: sql`select pt.user_id, count(*)::int as n, array_agg(m.label order by m.label) as labels
      from profile_tags pt join matched m on m.id = pt.tag_id where pt.kind = 'ask' group by pt.user_id`,
  },
  {
    kind: 'answers',
    weight: 8,
    reason: 'experts.reason.answers',
    select: sql`select r.author_id as user_id, least(count(distinct r.id), ${MAX_ANSWERS})::int as n, array_agg(distinct mp.label) as labels
      from matched_posts mp join replies r on r.id = mp.accepted_reply_id
      where r.deleted_at is null and r.hidden_at is null and r.author_id is not null group by r.author_id`,
  },
  {
    kind: 'examples',
    weight: 8,
    reason: 'experts.reason.examples',
    select: sql`select x.contact_id as user_id, least(count(distinct x.post_id), ${MAX_EXAMPLES})::int as n, array_agg(distinct mp.label) as labels
      from matched_posts mp join practice_examples x on x.post_id = mp.id
      where mp.type = 'example' and x.contact_id is not null group by x.contact_id`,
  },
  {
    kind: 'reuses',
    weight: 3,
    reason: 'experts.reason.reuses',
    select: sql`select x.contact_id as user_id, least(count(distinct (u.post_id, u.user_id)), ${MAX_REUSES})::int as n, null::text[] as labels
      from matched_posts mp join practice_examples x on x.post_id = mp.id join example_reuses u on u.post_id = x.post_id
      where x.contact_id is not null group by x.contact_id`,
  },
];
