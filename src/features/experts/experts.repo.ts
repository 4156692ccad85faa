/** The expert finder's one statement: matching tags → signals → score → visible people. */
import { sql, type Kysely } from 'kysely';
import type { DB, Level } from '../../db/schema.js';
import { fieldVisible, sharesCommunity, visibleTagUse, type Viewer } from '../members/members.repo.js';
import { profileRoles } from '../members/members.policy.js';
import { expertSignals, matchedPostsCte } from './experts.signals.js';
import { communityReadable } from '../communities/communities.visibility.js';

export const EXPERT_PAGE_SIZE = 20;

export interface ExpertQuery {
  slug: string;
  text: string;
  level?: Level;
  state?: string;
  offset?: number;
}

export interface ExpertRow {
  id: string;
  name: string;
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  level: string | null;
  state: string | null;
  position: string | null;
  score: number;
  evidence: Record<string, { n: number; labels: string[] | null }>;
  total: number;
}

export async function findExperts(db: Kysely<DB>, viewer: Viewer, query: ExpertQuery): Promise<{ items: ExpertRow[]; total: number }> {
  if (!query.slug) return { items: [], total: 0 };
  const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const signals = sql.join(
    expertSignals.map((s) => sql`select x.user_id, ${s.kind}::text as kind, x.n * ${s.weight} as points, x.n, x.labels from (${s.select}) x`),
    sql` union all `,
  );
  const visibleToViewer = viewer.verified ? sql`true` : sql`(u.id = ${viewer.id} or ${sharesCommunity(viewer)})`;
  const { rows } = await sql<ExpertRow>`
    with matched as (
      select id, label from tags
      where slug = ${query.slug} or slug like ${`${query.slug}%`} or label ilike ${pattern}
         or (char_length(${query.slug}) >= 4 and slug % ${query.slug})
      order by similarity(slug, ${query.slug}) desc
      limit 20
    ),
    readable_communities as materialized (select rc.id from communities rc where ${communityReadable(viewer, 'rc')}),
    ${matchedPostsCte},
    signals as (${signals}),
    scored as (
      select user_id, sum(points)::int as score,
             jsonb_object_agg(kind, jsonb_build_object('n', n, 'labels', labels)) as evidence
      from signals group by user_id
    )
    select u.id, u.name, u.role, o.id as "organisationId", o.name as "organisationName", o.level, o.state,
           case when ${fieldVisible('position', viewer)} then p.position end as position,
           s.score, s.evidence, count(*) over ()::int as total
    from scored s
    join users u on u.id = s.user_id
    left join profiles p on p.user_id = u.id
    left join organisations o on o.id = u.organisation_id
    where u.role in (${sql.join([...profileRoles])}) and u.suspended_at is null and u.email_confirmed_at is not null
      and coalesce(p.listed, true)
      and ${visibleToViewer}
      and ${fieldVisible('expertise', viewer)}
      ${query.level ? sql`and o.level = ${query.level}` : sql``}
      ${query.state ? sql`and o.state = ${query.state}` : sql``}
    order by s.score desc, u.name collate "de-x-icu", u.id
    limit ${EXPERT_PAGE_SIZE} offset ${query.offset ?? 0}`.execute(db);
  return { items: rows, total: rows[0]?.total ?? 0 };
}

/** The most declared topics among the people the viewer may see: a start on the empty page. */
export async function popularTopics(db: Kysely<DB>, viewer: Viewer, limit = 12) {
  return visibleTagUse(db, viewer, ['expertise']).orderBy('uses', 'desc').orderBy('t.slug').limit(limit).execute();
}
