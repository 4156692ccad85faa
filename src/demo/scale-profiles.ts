/**
 * Profiles for the scale members (./scale.ts): a position, 1–4 expertise tags from a
 * vocabulary of the realistic demo topics plus ~200 generated ones ("Fachverfahren Wohngeld"),
 * "ask me about" tags for about a third, and about two confirmations per member by colleagues
 * of the same organisation. Set-based SQL only (generate_series over the member numbers).
 *
 * Pseudo-random choices hash the member number (md5), rather than calling random() after
 * setseed(): the same member gets the same profile whatever the plan, batch or connection, so
 * seeding again adds nothing (ON CONFLICT DO NOTHING) and a larger data set extends a smaller.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { defaultVisibility } from '../features/members/members.repo.js';
import { tagLabel, tagSlug } from '../lib/tags.js';
import { seedId } from './organisations.js';
import { FIELDS, fillPosition, gendered, generatedTopics, POSITION_TEMPLATES, REALISTIC_TOPICS, type Gender } from './people-data.js';

/** A deterministic number in [0, 1) for a salt and a key (text). */
function rnd(salt: string, key: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(('x' || substr(md5(${sql.lit(`${salt}:`)} || ${key}), 1, 8))::bit(32)::bigint::float8 / 4294967296)`;
}

/** Positions of municipal staff, every field; duplicates make a position more common. */
function positions(gender: Gender): string[] {
  return FIELDS.flatMap((f) => [...POSITION_TEMPLATES.kommune.map((t) => fillPosition(t, f, gender)), ...f.special.map((t) => gendered(t, gender))]);
}

/** The vocabulary: realistic topics first (the most common), then the generated ones. */
export function scaleVocabulary(): { slug: string; label: string }[] {
  const seen = new Set<string>();
  const out: { slug: string; label: string }[] = [];
  for (const topic of [...REALISTIC_TOPICS, ...generatedTopics()]) {
    const slug = tagSlug(topic);
    if (seen.has(slug)) continue;
    seen.add(slug);
    out.push({ slug, label: tagLabel(topic) });
  }
  return out;
}

export interface ScaleProfilesResult {
  tags: number;
  tagsCreated: number;
  profilesCreated: number;
  expertiseCreated: number;
  askCreated: number;
  confirmationsCreated: number;
  milliseconds: number;
}

export interface ScaleProfilesOptions {
  /** Members 1…members get profiles. */
  members: number;
  /** SQL: the user id of member number g. */
  userId: (g: RawBuilder<unknown>) => RawBuilder<string>;
  /** SQL: whether member number g has a woman's first name (for the grammatical gender of positions). */
  female: (g: RawBuilder<unknown>) => RawBuilder<boolean>;
  /** Average confirmations each member gives (0 to twice this many); default 2. */
  confirmationsPerMember?: number;
  log?: (line: string) => void;
}

export async function seedScaleProfiles(db: Kysely<DB>, opts: ScaleProfilesOptions): Promise<ScaleProfilesResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const n = opts.members;
  const perMember = opts.confirmationsPerMember ?? 2;
  const timed = async (what: string, run: () => Promise<{ numAffectedRows?: bigint }>) => {
    const t = performance.now();
    const count = Number((await run()).numAffectedRows ?? 0n);
    log(`${what}: ${count} created in ${Math.round(performance.now() - t)} ms.`);
    return count;
  };

  const vocabulary = scaleVocabulary();
  const tagsCreated = await timed('Tags', () =>
    sql`insert into tags (id, slug, label)
        select * from unnest(${vocabulary.map((v) => seedId('tag', v.slug))}::text[], ${vocabulary.map((v) => v.slug)}::text[], ${vocabulary.map((v) => v.label)}::text[])
        on conflict do nothing`.execute(db),
  );
  // Tag ids in vocabulary order (a slug that existed before keeps its own id).
  const tagRows = await sql<{ id: string }>`
    select t.id from unnest(${vocabulary.map((v) => v.slug)}::text[]) with ordinality as v(slug, i) join tags t on t.slug = v.slug order by v.i`.execute(db);
  const tagIds = tagRows.rows.map((r) => r.id);
  const g = sql.ref('g');
  const members = sql`generate_series(1, ${n}::int) as g join users u on u.id = ${opts.userId(g)}`;
  const female = positions('f');
  const male = positions('m');
  const visibility = JSON.stringify(defaultVisibility);
  const hidden = JSON.stringify({ ...defaultVisibility, expertise: 'nobody' });

  const profilesCreated = await timed('Profiles', () =>
    sql`insert into profiles (user_id, position, languages, listed, visibility, created_at, updated_at)
        select u.id,
          case when ${opts.female(g)}
            then (${female}::text[])[1 + floor(${female.length} * ${rnd('position', g)})::int]
            else (${male}::text[])[1 + floor(${male.length} * ${rnd('position', g)})::int] end,
          case when ${rnd('lang', g)} < 0.6 then array['de', 'en'] else array['de'] end,
          ${rnd('listed', g)} >= 0.02,
          case when ${rnd('hidden', g)} < 0.02 then ${hidden}::jsonb else ${visibility}::jsonb end,
          u.created_at, u.created_at
        from ${members}
        on conflict (user_id) do nothing`.execute(db),
  );

  // 1–4 expertise tags each; u² makes the first topics of the vocabulary the most common.
  const expertiseCreated = await timed('Expertise tags', () =>
    sql`insert into profile_tags (user_id, tag_id, kind, created_at)
        select distinct u.id, (${tagIds}::text[])[1 + floor(${tagIds.length} * ${rnd('expertise', sql`${g} || ':' || s`)} ^ 2)::int], 'expertise', u.created_at
        from ${members}
        cross join lateral generate_series(1, 1 + floor(4 * ${rnd('expertise-count', g)})::int) as s
        on conflict do nothing`.execute(db),
  );
  const askCreated = await timed('Ask-me-about tags', () =>
    sql`insert into profile_tags (user_id, tag_id, kind, created_at)
        select distinct u.id, (${tagIds}::text[])[1 + floor(${tagIds.length} * ${rnd('ask', sql`${g} || ':' || s`)} ^ 1.5)::int], 'ask', u.created_at
        from ${members}
        cross join lateral generate_series(1, 1 + floor(2 * ${rnd('ask-count', g)})::int) as s
        where ${rnd('asks', g)} < 0.35
        on conflict do nothing`.execute(db),
  );

  // Each member confirms 0–2×perMember colleagues of the same organisation (never themselves),
  // one of the colleague's expertise tags each.
  const confirmationsCreated = await timed('Confirmations', () =>
    sql`with m as (
          select u.id, g, u.organisation_id as org,
                 row_number() over (partition by u.organisation_id order by g) as rn,
                 count(*) over (partition by u.organisation_id) as cnt
          from ${members}
        ),
        pairs as (
          select c.id as confirmer, t.id as target, c.g, k
          from m c
          cross join lateral generate_series(1, floor((2 * ${perMember} + 1) * ${rnd('confirm-count', sql`c.g`)})::int) as k
          join m t on t.org = c.org
                  and t.rn = 1 + (c.rn + floor(${rnd('confirm', sql`c.g || ':' || k`)} * (c.cnt - 1))::int) % c.cnt
          where t.id <> c.id
        )
        insert into expertise_confirmations (user_id, tag_id, confirmed_by, created_at)
        select p.target, x.tag_id, p.confirmer, now() - make_interval(days => (p.g * 13 + p.k * 7) % 300)
        from pairs p
        cross join lateral (
          select pt.tag_id from profile_tags pt
          where pt.user_id = p.target and pt.kind = 'expertise'
          order by md5(pt.tag_id || p.confirmer || p.k) limit 1
        ) x
        on conflict do nothing`.execute(db),
  );
  await sql`analyze tags, profiles, profile_tags, expertise_confirmations`.execute(db);
  return { tags: tagIds.length, tagsCreated, profilesCreated, expertiseCreated, askCreated, confirmationsCreated, milliseconds: Math.round(performance.now() - started) };
}
