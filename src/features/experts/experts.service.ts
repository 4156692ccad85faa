/** The expert finder: ranks people and explains, in sentences, why each is listed. */
import type { Kysely } from 'kysely';
import type { DB, Level } from '../../db/schema.js';
import { tagSlug } from '../../lib/tags.js';
import type { T } from '../../views/i18n/index.js';
import type { Viewer } from '../members/members.repo.js';
import { findExperts, type ExpertRow } from './experts.repo.js';
import { expertSignals } from './experts.signals.js';

export interface Expert {
  id: string;
  name: string;
  partner: boolean;
  organisationId: string | null;
  organisationName: string | null;
  level: string | null;
  state: string | null;
  position: string | null;
  score: number;
  reasons: string[];
}

function reasons(t: T, row: ExpertRow): string[] {
  return expertSignals
    .filter((s) => row.evidence[s.kind] && row.evidence[s.kind]!.n > 0)
    .map((s) => {
      const e = row.evidence[s.kind]!;
      return t(s.reason, { count: e.n, topics: (e.labels ?? []).join(', ') });
    });
}

export async function expertsFor(db: Kysely<DB>, viewer: Viewer, t: T, input: { q: string; level?: Level; state?: string; offset?: number }) {
  const result = await findExperts(db, viewer, { slug: tagSlug(input.q), text: input.q.trim(), level: input.level, state: input.state, offset: input.offset });
  const experts: Expert[] = result.items.map((row) => ({
    id: row.id,
    name: row.name,
    partner: row.role === 'partner',
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    level: row.level,
    state: row.state,
    position: row.position,
    score: row.score,
    reasons: reasons(t, row),
  }));
  return { experts, total: result.total };
}
