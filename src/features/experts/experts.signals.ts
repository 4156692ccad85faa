/**
 * "Who knows about X?" ranks people by signals. Each signal is one SQL select that answers,
 * for the tags matching the question (the CTE `matched`), rows of (user_id, n, labels):
 * how much evidence a person has and on which topics. The score is the sum of n × weight.
 *
 * Later features add their evidence here (accepted answers, practice examples, sessions
 * hosted): one entry each, with a catalogue text for the reason; nothing else changes.
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
];
