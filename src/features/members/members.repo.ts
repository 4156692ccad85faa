/**
 * All SQL about member profiles. The visibility rule lives here once: `memberVisible` (whose
 * profile exists for the viewer) and `fieldVisible` (which fields they see). Every list,
 * search, count and API answer about people uses them.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, FieldVisibility, Level, ProfileVisibility } from '../../db/schema.js';
import { profileRoles } from './members.policy.js';
import { sharesCommunity as sharesCommunitySql } from '../communities/communities.visibility.js';

export interface Viewer {
  id: string;
  /** member, office or admin: inside the protected space. */
  verified: boolean;
  /** office or admin: sees every community, for administration and moderation. */
  staff: boolean;
}


/** Whether the viewer shares an active community membership with the person in `u`. */
export function sharesCommunity(viewer: Viewer): RawBuilder<boolean> {
  return sharesCommunitySql(viewer, 'u.id');
}

/**
 * Whose profile exists for the viewer (`u`: users): verified staff and partners, never
 * applicants; partners see only the people they share a community with.
 */
export function memberVisible(viewer: Viewer): RawBuilder<boolean> {
  const base = sql<boolean>`(u.role in (${sql.join(profileRoles.map((r) => sql.lit(r)))}) and u.suspended_at is null and u.email_confirmed_at is not null)`;
  if (viewer.verified) return sql<boolean>`(u.id = ${viewer.id} or ${base})`;
  return sql<boolean>`(u.id = ${viewer.id} or (${base} and ${sharesCommunity(viewer)}))`;
}

export const defaultVisibility: ProfileVisibility = { position: 'members', bio: 'members', phone: 'shared', contactOther: 'shared', languages: 'members', expertise: 'members' };

/**
 * The SQL twin of canSeeField in members.policy.ts. Field names and defaults are literals, not
 * parameters, so that the expression matches the extended statistics of migration 0004 and
 * the planner knows how many profiles pass (a wrong guess made popular topics 30× slower).
 */
export function fieldVisible(field: keyof ProfileVisibility, viewer: Viewer): RawBuilder<boolean> {
  const vis = sql<FieldVisibility>`coalesce(p.visibility ->> ${sql.lit(field)}, ${sql.lit(defaultVisibility[field])})`;
  const parts = [sql<boolean>`u.id = ${viewer.id}`];
  if (viewer.verified) parts.push(sql<boolean>`${vis} = 'members'`);
  parts.push(sql<boolean>`(${vis} <> 'nobody' and ${sharesCommunity(viewer)})`);
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

export function visibleText(field: 'position' | 'bio' | 'phone' | 'contactOther', viewer: Viewer) {
  const column = { position: sql.ref('p.position'), bio: sql.ref('p.bio'), phone: sql.ref('p.phone'), contactOther: sql.ref('p.contact_other') }[field];
  return sql<string | null>`case when ${fieldVisible(field, viewer)} then ${column} end`;
}

/** Labels of a person's tags of one kind, or null when the viewer may not see their expertise. */
export function tagLabels(kind: 'expertise' | 'ask', viewer: Viewer, max = 50) {
  return sql<string[] | null>`case when ${fieldVisible('expertise', viewer)} then array(
    select t.label from profile_tags pt join tags t on t.id = pt.tag_id
    where pt.user_id = u.id and pt.kind = ${kind} order by t.label collate "de-x-icu" limit ${max}) end`;
}

export const MEMBER_PAGE_SIZE = 50;

export interface MemberFilter {
  q?: string;
  topic?: string; // tag slug
  level?: Level;
  state?: string;
  organisationId?: string;
  /** Only verified staff (member, office, admin): an organisation's own people, not its guests. */
  staffOnly?: boolean;
  offset?: number;
  limit?: number;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The member directory: listed, visible people, filtered and paged in one statement. */
export async function listMembers(db: Kysely<DB>, viewer: Viewer, filter: MemberFilter) {
  const limit = Math.min(filter.limit ?? MEMBER_PAGE_SIZE, MEMBER_PAGE_SIZE);
  let q = db
    .selectFrom('users as u')
    .leftJoin('profiles as p', 'p.userId', 'u.id')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .where(memberVisible(viewer))
    .where(sql<boolean>`coalesce(p.listed, true)`);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('o.name', 'ilike', pattern)]));
  }
  if (filter.topic) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('profileTags as pt').innerJoin('tags as t', 't.id', 'pt.tagId').select('pt.userId').whereRef('pt.userId', '=', 'u.id').where('t.slug', '=', filter.topic!)),
    );
    q = q.where(fieldVisible('expertise', viewer));
  }
  if (filter.level) q = q.where('o.level', '=', filter.level);
  if (filter.state) q = q.where('o.state', '=', filter.state);
  if (filter.organisationId) q = q.where('u.organisationId', '=', filter.organisationId);
  if (filter.staffOnly) q = q.where('u.role', 'in', ['member', 'office', 'admin']);
  const rows = await q
    .select(['u.id', 'u.name', 'u.role', 'o.id as organisationId', 'o.name as organisationName', 'o.level', 'o.state'])
    .select(visibleText('position', viewer).as('position'))
    .select(tagLabels('expertise', viewer, 5).as('expertise'))
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`u.name collate "de-x-icu"`)
    .orderBy('u.id')
    .limit(limit)
    .offset(filter.offset ?? 0)
    .execute();
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, limit };
}

/** One profile as the viewer may see it, or undefined (404) if it does not exist for them. */
export async function getMemberProfile(db: Kysely<DB>, viewer: Viewer, id: string) {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('profiles as p', 'p.userId', 'u.id')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .where('u.id', '=', id)
    .where(memberVisible(viewer))
    .select(['u.id', 'u.name', 'u.role', 'u.organisationOther', 'o.id as organisationId', 'o.name as organisationName', 'o.level', 'o.state', 'p.updatedAt'])
    .select(sql<boolean>`coalesce(p.listed, true)`.as('listed'))
    .select(visibleText('position', viewer).as('position'))
    .select(visibleText('bio', viewer).as('bio'))
    .select(visibleText('phone', viewer).as('phone'))
    .select(visibleText('contactOther', viewer).as('contactOther'))
    .select(sql<string[] | null>`case when ${fieldVisible('languages', viewer)} then coalesce(p.languages, '{}') end`.as('languages'))
    .select(fieldVisible('expertise', viewer).as('expertiseVisible'))
    .executeTakeFirst();
  if (!row) return undefined;
  const tags = row.expertiseVisible
    ? await db
        .selectFrom('profileTags as pt')
        .innerJoin('tags as t', 't.id', 'pt.tagId')
        .where('pt.userId', '=', id)
        .select(['t.id', 't.slug', 't.label', 'pt.kind'])
        .select((eb) =>
          eb
            .selectFrom('expertiseConfirmations as c')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('c.userId', '=', 'pt.userId')
            .whereRef('c.tagId', '=', 'pt.tagId')
            .as('confirmations'),
        )
        .select((eb) =>
          eb.exists(eb.selectFrom('expertiseConfirmations as c').select('c.tagId').whereRef('c.userId', '=', 'pt.userId').whereRef('c.tagId', '=', 'pt.tagId').where('c.confirmedBy', '=', viewer.id)).as('confirmedByViewer'),
        )
        .orderBy(sql`t.label collate "de-x-icu"`)
        .execute()
    : [];
  return { ...row, tags };
}

/** The person's own profile for editing: every field, with its visibility. */
export async function getOwnProfile(db: Kysely<DB>, userId: string) {
  const row = await db.selectFrom('profiles').selectAll().where('userId', '=', userId).executeTakeFirst();
  const tags = await db
    .selectFrom('profileTags as pt')
    .innerJoin('tags as t', 't.id', 'pt.tagId')
    .where('pt.userId', '=', userId)
    .select(['t.label', 'pt.kind'])
    .orderBy(sql`t.label collate "de-x-icu"`)
    .execute();
  return {
    position: row?.position ?? null,
    bio: row?.bio ?? null,
    phone: row?.phone ?? null,
    contactOther: row?.contactOther ?? null,
    languages: row?.languages ?? [],
    listed: row?.listed ?? true,
    visibility: { ...defaultVisibility, ...(row?.visibility ?? {}) },
    expertise: tags.filter((t) => t.kind === 'expertise').map((t) => t.label),
    ask: tags.filter((t) => t.kind === 'ask').map((t) => t.label),
  };
}

/**
 * Tags in use on profiles the viewer may see, with how many of those profiles use them. The
 * same visibility rule as every list: a tag declared only where the viewer may not look is
 * neither suggested nor counted.
 */
export function visibleTagUse(db: Kysely<DB>, viewer: Viewer, kinds: ('expertise' | 'ask')[]) {
  return db
    .selectFrom('profileTags as pt')
    .innerJoin('tags as t', 't.id', 'pt.tagId')
    .innerJoin('users as u', 'u.id', 'pt.userId')
    .leftJoin('profiles as p', 'p.userId', 'u.id')
    .where('pt.kind', 'in', kinds)
    .where(memberVisible(viewer))
    .where(fieldVisible('expertise', viewer))
    .select(['t.slug', 't.label', sql<number>`count(distinct pt.user_id)::int`.as('uses')])
    .groupBy(['t.slug', 't.label']);
}

/** Tags whose label or slug resembles what is typed: for suggestions while typing. */
export async function suggestTags(db: Kysely<DB>, viewer: Viewer, slug: string, limit = 10) {
  if (!slug) return [];
  return visibleTagUse(db, viewer, ['expertise', 'ask'])
    .where((eb) => eb.or([eb('t.slug', 'like', `${slug}%`), sql<boolean>`t.slug % ${slug}`]))
    .orderBy(sql`t.slug like ${`${slug}%`} desc`)
    .orderBy(sql`similarity(t.slug, ${slug}) desc`)
    .limit(Math.min(limit, 20))
    .execute();
}
