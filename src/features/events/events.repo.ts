/**
 * Reading events. Every query filters with `eventVisible` (events.visibility.ts); a single
 * event is loaded through the same rule, so an event the viewer may not see is simply not
 * found (404, like an id that does not exist).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, EventAudience, EventKind, EventQuestion, RegistrationStatus } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { communityVisible } from '../communities/communities.visibility.js';
import { eventVisible, type EventViewer } from './events.visibility.js';

export const EVENT_PAGE_SIZE = 20;
export const MAX_EVENT_PAGE_SIZE = 50;

export interface EventRow {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  placeDetails: string | null;
  onlineUrl: string | null;
  communityId: string | null;
  /** The linked community, when it exists for the viewer. */
  communitySlug: string | null;
  communityName: string | null;
  audience: EventAudience;
  capacity: number | null;
  waitlist: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  questions: EventQuestion[];
  organiserName: string | null;
  status: 'scheduled' | 'cancelled';
  cancelMessage: string | null;
  cancelledAt: Date | null;
  sequence: number;
  confirmedCount: number;
  waitlistCount: number;
  planPublishedAt: Date | null;
  documentationPublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The viewer organises it (office and admin manage every event: see `canManage`). */
  organiser: boolean;
  myStatus: RegistrationStatus | null;
  /** Place in the waiting list, 1 = next to move up. */
  myWaitlistPosition: number | null;
  myRegistrationId: string | null;
  myAttended: boolean;
}

/**
 * The place of the registration `r` in its event's waiting list (1 = next to move up), or
 * null when it is not waiting. Used by the lists here and by the registration use case.
 */
export function waitlistPositionOf(r: string): RawBuilder<number | null> {
  return sql<number | null>`case when ${sql.ref(`${r}.status`)} = 'waiting' then (select count(*)::int from event_registrations w
    where w.event_id = ${sql.ref(`${r}.event_id`)} and w.status = 'waiting' and w.queue_position <= ${sql.ref(`${r}.queue_position`)}) end`;
}

/** The event's columns and the viewer's part in it; the viewer's registration is the lateral join `mine`. */
function eventColumns(viewer: EventViewer) {
  const me = viewer?.id ?? '';
  return [
    'e.id', 'e.kind', 'e.title', 'e.description', 'e.startsAt', 'e.endsAt', 'e.place', 'e.placeDetails', 'e.onlineUrl', 'e.communityId',
    'e.audience', 'e.capacity', 'e.waitlist', 'e.registrationOpensAt', 'e.registrationClosesAt', 'e.questions', 'e.organiserName', 'e.status',
    'e.cancelMessage', 'e.cancelledAt', 'e.sequence', 'e.confirmedCount', 'e.waitlistCount', 'e.planPublishedAt', 'e.documentationPublishedAt',
    'e.createdAt', 'e.updatedAt',
    sql<boolean>`exists (select 1 from event_organisers o where o.event_id = e.id and o.user_id = ${me})`.as('organiser'),
    sql<RegistrationStatus | null>`case when mine.status <> 'cancelled' then mine.status end`.as('myStatus'),
    sql<string | null>`mine.id`.as('myRegistrationId'),
    sql<boolean>`coalesce(mine.attended_at is not null, false)`.as('myAttended'),
    waitlistPositionOf('mine').as('myWaitlistPosition'),
  ] as const;
}

function withCommunity(db: Kysely<DB>, viewer: EventViewer) {
  const shown = viewer ? communityVisible(viewer, 'c') : sql<boolean>`false`;
  const me = viewer?.id ?? '';
  return db
    .selectFrom('events as e')
    .leftJoin(
      sql<{ id: string; status: RegistrationStatus; attendedAt: Date | null; eventId: string; queuePosition: string }>`lateral (select r.id, r.status, r.attended_at, r.event_id, r.queue_position
        from event_registrations r where r.event_id = e.id and r.user_id = ${me})`.as('mine'),
      (join) => join.onTrue(),
    )
    .leftJoin('communities as c', (join) => join.onRef('c.id', '=', 'e.communityId').on(shown))
    .select(['c.slug as communitySlug', 'c.name as communityName']);
}

export async function findEvent(db: Kysely<DB>, viewer: EventViewer, id: string): Promise<EventRow | undefined> {
  return (await withCommunity(db, viewer)
    .select(eventColumns(viewer))
    .where('e.id', '=', id)
    .where(eventVisible(viewer, 'e'))
    .executeTakeFirst()) as EventRow | undefined;
}

export type EventPeriod = 'upcoming' | 'past';

export interface EventListFilter {
  period?: EventPeriod;
  kind?: EventKind;
  communityId?: string;
  /** Only events the viewer registered for or organises. */
  mine?: boolean;
  cursor?: string;
  limit?: number;
  now?: Date;
}

export async function listEvents(db: Kysely<DB>, viewer: EventViewer, filter: EventListFilter): Promise<{ items: EventRow[]; next: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? EVENT_PAGE_SIZE, 1), MAX_EVENT_PAGE_SIZE);
  const past = filter.period === 'past';
  const now = filter.now ?? new Date();
  let query = withCommunity(db, viewer).select(eventColumns(viewer)).where(eventVisible(viewer, 'e'));
  // Upcoming: everything that has not ended, soonest first; past: ended, newest first.
  query = past ? query.where('e.endsAt', '<=', now) : query.where('e.endsAt', '>', now);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.communityId) query = query.where('e.communityId', '=', filter.communityId);
  if (filter.mine && viewer) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('eventRegistrations as mr').select(sql`1`.as('x')).whereRef('mr.eventId', '=', 'e.id').where('mr.userId', '=', viewer.id).where('mr.status', '<>', 'cancelled')),
        eb.exists(eb.selectFrom('eventOrganisers as mo').select(sql`1`.as('x')).whereRef('mo.eventId', '=', 'e.id').where('mo.userId', '=', viewer.id)),
      ]),
    );
  }
  const after = decodeCursor(filter.cursor, ['date', 'string']);
  if (after) {
    const [at, id] = after as [Date, string];
    query = past
      ? query.where(sql<boolean>`(e.starts_at, e.id) < (${at}, ${id})`)
      : query.where(sql<boolean>`(e.starts_at, e.id) > (${at}, ${id})`);
  }
  const rows = (await query
    .orderBy('e.startsAt', past ? 'desc' : 'asc')
    .orderBy('e.id', past ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute()) as EventRow[];
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor([last.startsAt, last.id]) : null };
}

export async function organisersOf(db: Kysely<DB>, eventId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('eventOrganisers as o')
    .innerJoin('users as u', 'u.id', 'o.userId')
    .select(['u.id', 'u.name'])
    .where('o.eventId', '=', eventId)
    .orderBy('o.createdAt')
    .orderBy('u.name')
    .execute();
}

export interface RegistrationRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  organisationName: string | null;
  role: string;
  status: RegistrationStatus;
  answers: Record<string, string>;
  attendedAt: Date | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

/** The registrations of an event, for its organisers: confirmed by name, the waiting list in order. */
export async function listRegistrations(db: Kysely<DB>, eventId: string, statuses: RegistrationStatus[] = ['confirmed', 'waiting']): Promise<RegistrationRow[]> {
  return (await db
    .selectFrom('eventRegistrations as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .leftJoin('organisations as org', 'org.id', 'u.organisationId')
    .select(['r.id', 'r.userId', 'u.name', 'u.email', 'org.name as organisationName', 'u.role', 'r.status', 'r.answers', 'r.attendedAt', 'r.createdAt', 'r.cancelledAt'])
    .where('r.eventId', '=', eventId)
    .where('r.status', 'in', statuses)
    .orderBy(sql`case r.status when 'confirmed' then 0 when 'waiting' then 1 else 2 end`)
    .orderBy(sql`case when r.status = 'confirmed' then u.name end collate "de-x-icu"`)
    .orderBy('r.queuePosition')
    .execute()) as RegistrationRow[];
}
