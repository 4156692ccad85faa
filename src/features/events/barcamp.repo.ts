/**
 * Barcamp SQL: sessions with their hosts and the viewer's interest mark, rooms, time slots and
 * the input of the planner. Every function here takes an event the caller has already loaded
 * through the one visibility rule (`loadEvent`); nothing here decides visibility itself.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, SessionFormat } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import type { PlanSession } from './planner.js';

export const SESSION_PAGE_SIZE = 20;
export const MAX_SESSION_PAGE_SIZE = 50;

type Db = Kysely<DB> | Transaction<DB>;

export interface Host {
  id: string;
  name: string;
}

export interface SessionRow {
  id: string;
  eventId: string;
  title: string;
  description: string;
  format: SessionFormat;
  expectedSize: number | null;
  roomId: string | null;
  slotId: string | null;
  interestCount: number;
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  hosts: Host[];
  /** The viewer marked interest. */
  interested: boolean;
}

export interface SessionDetail extends SessionRow {
  notes: string;
  notesVersion: number;
  notesUpdatedAt: Date | null;
  notesUpdatedByName: string | null;
  documentationPostId: string | null;
}

function sessionColumns(viewerId: string | null) {
  const me = viewerId ?? '';
  return [
    's.id', 's.eventId', 's.title', 's.description', 's.format', 's.expectedSize', 's.roomId', 's.slotId', 's.interestCount', 's.withdrawnAt', 's.createdAt', 's.updatedAt',
    sql<Host[]>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name collate "de-x-icu")
      from event_session_hosts h join users u on u.id = h.user_id where h.session_id = s.id), '[]'::json)`.as('hosts'),
    sql<boolean>`exists (select 1 from event_session_interest i where i.session_id = s.id and i.user_id = ${me})`.as('interested'),
  ] as const;
}

/** The event a session belongs to, or undefined. */
export async function sessionEventId(db: Db, sessionId: string): Promise<string | undefined> {
  return (await db.selectFrom('eventSessions').select('eventId').where('id', '=', sessionId).executeTakeFirst())?.eventId;
}

export async function findSession(db: Db, eventId: string, sessionId: string, viewerId: string | null): Promise<SessionDetail | undefined> {
  return (await db
    .selectFrom('eventSessions as s')
    .leftJoin('users as nu', 'nu.id', 's.notesUpdatedBy')
    .select(sessionColumns(viewerId))
    .select(['s.notes', 's.notesVersion', 's.notesUpdatedAt', 'nu.name as notesUpdatedByName', 's.documentationPostId'])
    .where('s.eventId', '=', eventId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst()) as SessionDetail | undefined;
}

/** Every proposal of an event that is not withdrawn (a barcamp has tens to a few hundred): most interest first. */
export async function allSessions(db: Db, eventId: string, viewerId: string | null): Promise<SessionRow[]> {
  return (await db
    .selectFrom('eventSessions as s')
    .select(sessionColumns(viewerId))
    .where('s.eventId', '=', eventId)
    .where('s.withdrawnAt', 'is', null)
    .orderBy('s.interestCount', 'desc')
    .orderBy(sql`s.title collate "de-x-icu"`)
    .orderBy('s.id')
    .limit(1000)
    .execute()) as SessionRow[];
}

/** A page of proposals in the order they were made (a stable order for cursors). */
export async function pageSessions(db: Db, eventId: string, viewerId: string | null, opts: { cursor?: string; limit?: number }): Promise<{ items: SessionRow[]; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? SESSION_PAGE_SIZE, 1), MAX_SESSION_PAGE_SIZE);
  let query = db.selectFrom('eventSessions as s').select(sessionColumns(viewerId)).where('s.eventId', '=', eventId).where('s.withdrawnAt', 'is', null);
  const after = decodeCursor(opts.cursor, ['date', 'string']);
  if (after) query = query.where(sql<boolean>`(s.created_at, s.id) > (${after[0] as Date}, ${after[1] as string})`);
  const rows = (await query.orderBy('s.createdAt').orderBy('s.id').limit(limit + 1).execute()) as SessionRow[];
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  position: number;
}

export interface SlotRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export async function listRooms(db: Db, eventId: string): Promise<RoomRow[]> {
  return db.selectFrom('eventRooms').select(['id', 'name', 'capacity', 'position']).where('eventId', '=', eventId).orderBy('position').orderBy(sql`name collate "de-x-icu"`).orderBy('id').execute();
}

export async function listSlots(db: Db, eventId: string): Promise<SlotRow[]> {
  return db.selectFrom('eventSlots').select(['id', 'startsAt', 'endsAt']).where('eventId', '=', eventId).orderBy('startsAt').orderBy('id').execute();
}

/** The planner's view of the sessions: hosts and interested people by id. */
export async function planSessions(db: Db, eventId: string): Promise<(PlanSession & { expectedSize: number | null; roomId: string | null; slotId: string | null; title: string })[]> {
  const rows = await sql<{ id: string; title: string; expectedSize: number | null; roomId: string | null; slotId: string | null; hostIds: string[]; interestedIds: string[] }>`
    select s.id, s.title, s.expected_size, s.room_id, s.slot_id,
      coalesce((select array_agg(h.user_id order by h.user_id) from event_session_hosts h where h.session_id = s.id), '{}') as host_ids,
      coalesce((select array_agg(i.user_id order by i.user_id) from event_session_interest i where i.session_id = s.id), '{}') as interested_ids
    from event_sessions s where s.event_id = ${eventId} and s.withdrawn_at is null
    order by s.created_at, s.id`.execute(db);
  return rows.rows;
}

/** People (and their mail details) who host the given sessions. */
export async function hostsOf(db: Db, sessionIds: string[]): Promise<{ sessionId: string; email: string; name: string; locale: 'de' | 'en' }[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('eventSessionHosts as h')
    .innerJoin('users as u', 'u.id', 'h.userId')
    .select(['h.sessionId', 'u.email', 'u.name', 'u.locale'])
    .where('h.sessionId', 'in', sessionIds)
    .where('u.suspendedAt', 'is', null)
    .execute();
}
