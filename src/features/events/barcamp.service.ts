/**
 * Barcamps: session proposals, interest marks, the grid of rooms and time slots, the plan
 * (draft, adjustments, publication), the live view and the session documentation.
 *
 * Decisions (see also the report in docs):
 * - Sessions exist only for events of kind 'barcamp'; for every other event the session
 *   routes answer 404, exactly like an event that does not exist or may not be seen.
 * - Proposing and marking interest: people with a confirmed registration, the organisers and
 *   the office. Editing a session: its hosts, the organisers and the office.
 * - The plan is one set of placements (room and slot on each session). Until it is published
 *   only the organisers see it (the draft). "Entwurf erstellen" replaces every placement of
 *   the unpublished plan; after publishing the generator is no longer offered (409), and every
 *   change of a session's room or time is mailed to its hosts in the same transaction.
 * - Planning size of a session: the larger of its expected size and its interested people
 *   plus hosts.
 * - Interest: one row per person (primary key); the count on the session row changes in the
 *   same transaction as the row, so parallel requests by one person count once.
 * - Notes: optimistic concurrency with `notes_version`; a stale save changes nothing.
 * - Documentation: one community post per documented session, inserted in the transaction
 *   that locks the session and sets `documentation_post_id`, so publishing twice (or twice at
 *   once) never duplicates a post. Search vectors follow from the posts triggers.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../http/actor.js';
import { AppError, type ErrorCode } from '../../http/errors.js';
import type { DB, SessionFormat } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { composeMail } from '../../mail/compose.js';
import { translator, type Lang, type MessageKey, type Params } from '../../views/i18n/index.js';
import type { Viewer } from '../members/members.repo.js';
import { findEvent, type EventRow } from './events.repo.js';
import { canManage, loadEvent, type EventDeps } from './events.service.js';
import * as repo from './barcamp.repo.js';
import { checkPlan, draftPlan, sessionSize, type Placement, type PlanInput, type PlanSession } from './planner.js';

/** An AppError with a message of its own (the catalogue's messages are generic). */
export class BarcampError extends AppError {
  constructor(code: ErrorCode, key: MessageKey, params: Params = {}, fields: Record<string, MessageKey> = {}) {
    super(code, fields, params);
    Object.defineProperty(this, 'messageKey', { value: key });
  }
}

/** The notes were saved by someone else since the editor loaded them. */
export class StaleNotesError extends BarcampError {
  constructor(readonly current: { notes: string; version: number; updatedAt: Date | null; updatedByName: string | null }) {
    super('conflict', 'barcamp.error.staleNotes', { version: current.version });
  }
}

// --- Loading and permissions -------------------------------------------------------------------

/** A barcamp the actor may see, or 404 (also for events of other kinds). */
export async function loadBarcamp(db: Kysely<DB>, actor: Actor, eventId: string): Promise<EventRow> {
  const event = await loadEvent(db, actor, eventId);
  if (event.kind !== 'barcamp') throw new AppError('not_found');
  return event;
}

export async function loadSession(db: Kysely<DB>, actor: Actor, sessionId: string, eventId?: string): Promise<{ event: EventRow; session: repo.SessionDetail }> {
  const owner = await repo.sessionEventId(db, sessionId);
  if (!owner || (eventId !== undefined && owner !== eventId)) throw new AppError('not_found');
  const event = await loadBarcamp(db, actor, owner);
  const session = await repo.findSession(db, owner, sessionId, actor.kind === 'user' ? actor.user.id : null);
  if (!session) throw new AppError('not_found');
  return { event, session };
}

/** Confirmed participants, organisers and the office take part: propose, mark interest, write notes. */
export function canParticipate(actor: Actor, event: Pick<EventRow, 'organiser' | 'myStatus' | 'status'>): boolean {
  return actor.kind === 'user' && event.status === 'scheduled' && (canManage(actor, event) || event.myStatus === 'confirmed');
}

export function canEditSession(actor: Actor, event: Pick<EventRow, 'organiser'>, session: Pick<repo.SessionRow, 'hosts'>): boolean {
  return actor.kind === 'user' && (canManage(actor, event) || session.hosts.some((h) => h.id === actor.user.id));
}

/** Notes may be written by participants and by the session's hosts. */
export function canWriteNotes(actor: Actor, event: EventRow, session: Pick<repo.SessionRow, 'hosts'>): boolean {
  return canParticipate(actor, event) || canEditSession(actor, event, session);
}

/** Host names are for people inside; visitors of a public barcamp see titles and rooms only. */
export function seesHosts(actor: Actor): boolean {
  return actor.kind === 'user' && ['member', 'partner', 'office', 'admin'].includes(actor.user.role);
}

/** The plan is shown to everyone who sees the event once published; before that to the organisers only. */
export function seesPlan(actor: Actor, event: EventRow): boolean {
  return Boolean(event.planPublishedAt) || canManage(actor, event);
}

function me(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.user.id;
}

async function loadManagedBarcamp(db: Kysely<DB>, actor: Actor, eventId: string): Promise<EventRow> {
  const event = await loadBarcamp(db, actor, eventId);
  if (!canManage(actor, event)) throw new AppError('forbidden');
  return event;
}

// --- Time in Europe/Berlin ----------------------------------------------------------------------

export { fromBerlin, toBerlin } from '../../lib/berlin-time.js';

const timeFormats = {
  de: { day: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }), time: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }) },
  en: { day: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }), time: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }) },
};

/** "Sa., 22.11.2026, 14:30–15:15 Uhr" */
export function slotLabel(lang: Lang, slot: { startsAt: Date; endsAt: Date }): string {
  const f = timeFormats[lang];
  return translator(lang)('barcamp.slot.label', { day: f.day.format(slot.startsAt), from: f.time.format(slot.startsAt), to: f.time.format(slot.endsAt) });
}

/** "14:30–15:15 Uhr" */
export function slotTimes(lang: Lang, slot: { startsAt: Date; endsAt: Date }): string {
  const f = timeFormats[lang];
  return translator(lang)('barcamp.slot.times', { from: f.time.format(slot.startsAt), to: f.time.format(slot.endsAt) });
}

// --- Proposals ---------------------------------------------------------------------------------

export interface SessionInput {
  title: string;
  description?: string;
  format: SessionFormat;
  expectedSize?: number | null;
  /** Further hosts besides the proposer (propose) or all hosts (edit). */
  hostIds?: string[];
}

const normaliseText = (s: string | undefined) => (s ?? '').trim();

/** People who may host: inside, not suspended, and able to see the event. */
async function validHosts(db: Kysely<DB>, eventId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length > 10) throw new AppError('validation_failed', { hostIds: 'barcamp.error.tooManyHosts' });
  const users = await db.selectFrom('users').select(['id', 'role']).where('id', 'in', unique).where('suspendedAt', 'is', null).where('role', 'in', ['member', 'partner', 'office', 'admin']).execute();
  if (users.length !== unique.length) throw new AppError('validation_failed', { hostIds: 'barcamp.error.hosts' });
  for (const u of users) {
    const viewer: Viewer = { id: u.id, verified: u.role !== 'partner', staff: u.role === 'office' || u.role === 'admin' };
    if (!(await findEvent(db, viewer, eventId))) throw new AppError('validation_failed', { hostIds: 'barcamp.error.hosts' });
  }
  return unique;
}

/** Users by e-mail address (for the forms' co-host field); unknown addresses are a field error. */
export async function userIdsByEmail(db: Kysely<DB>, text: string): Promise<string[]> {
  const emails = [...new Set(text.split(/[,;\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (emails.length === 0) return [];
  if (emails.length > 10) throw new AppError('validation_failed', { coHosts: 'barcamp.error.tooManyHosts' });
  const rows = await db.selectFrom('users').select(['id', 'email']).where(sql`lower(email)`, 'in', emails).execute();
  if (rows.length !== emails.length) throw new BarcampError('validation_failed', 'barcamp.error.coHosts', {}, { coHosts: 'barcamp.error.coHosts' });
  return rows.map((r) => r.id);
}

function checkTitle(title: string): void {
  const length = [...title].length;
  if (length < 3 || length > 200) throw new AppError('validation_failed', { title: 'barcamp.error.title' });
}

export async function proposeSession(deps: EventDeps, actor: Actor, eventId: string, input: SessionInput): Promise<string> {
  const userId = me(actor);
  const event = await loadBarcamp(deps.db, actor, eventId);
  if (!canParticipate(actor, event)) throw new AppError('forbidden');
  const title = normaliseText(input.title);
  checkTitle(title);
  const others = await validHosts(deps.db, eventId, (input.hostIds ?? []).filter((id) => id !== userId));
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('eventSessions')
      .values({ id, eventId, title, description: normaliseText(input.description), format: input.format, expectedSize: input.expectedSize ?? null, createdBy: userId })
      .execute();
    await trx.insertInto('eventSessionHosts').values([userId, ...others].map((u) => ({ sessionId: id, userId: u }))).execute();
  });
  return id;
}

export interface SessionPatch extends Partial<SessionInput> {
  withdrawn?: boolean;
}

export async function updateSession(deps: EventDeps, actor: Actor, sessionId: string, patch: SessionPatch): Promise<void> {
  me(actor);
  const { event, session } = await loadSession(deps.db, actor, sessionId);
  if (!canEditSession(actor, event, session)) throw new AppError('forbidden');
  const title = patch.title !== undefined ? normaliseText(patch.title) : undefined;
  if (title !== undefined) checkTitle(title);
  let hostIds: string[] | undefined;
  if (patch.hostIds !== undefined) {
    hostIds = await validHosts(deps.db, event.id, patch.hostIds);
    if (hostIds.length === 0) throw new AppError('validation_failed', { hostIds: 'barcamp.error.noHost' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('eventSessions').select('id').where('id', '=', sessionId).forUpdate().execute();
    const withdraw = patch.withdrawn === true && !session.withdrawnAt;
    await trx
      .updateTable('eventSessions')
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(patch.description !== undefined ? { description: normaliseText(patch.description) } : {}),
        ...(patch.format !== undefined ? { format: patch.format } : {}),
        ...(patch.expectedSize !== undefined ? { expectedSize: patch.expectedSize } : {}),
        ...(patch.withdrawn === true ? (withdraw ? { withdrawnAt: new Date(), roomId: null, slotId: null } : {}) : patch.withdrawn === false ? { withdrawnAt: null } : {}),
        updatedAt: new Date(),
      })
      .where('id', '=', sessionId)
      .execute();
    if (hostIds) {
      await trx.deleteFrom('eventSessionHosts').where('sessionId', '=', sessionId).where('userId', 'not in', hostIds).execute();
      await trx.insertInto('eventSessionHosts').values(hostIds.map((u) => ({ sessionId, userId: u }))).onConflict((oc) => oc.doNothing()).execute();
    }
    // A withdrawn session leaves the published plan: its hosts are told.
    if (withdraw && session.roomId && event.planPublishedAt) await notifyHosts(trx, deps, event, [sessionId]);
  });
}

// --- Interest ------------------------------------------------------------------------------------

/** Marks or unmarks interest; idempotent; returns the count after the change. */
export async function setInterest(deps: EventDeps, actor: Actor, sessionId: string, on: boolean): Promise<{ interested: boolean; interestCount: number }> {
  const userId = me(actor);
  const { event, session } = await loadSession(deps.db, actor, sessionId);
  if (!canParticipate(actor, event)) throw new AppError('forbidden');
  if (session.withdrawnAt) throw new BarcampError('conflict', 'barcamp.error.withdrawn');
  return deps.db.transaction().execute(async (trx) => {
    if (on) {
      const added = await trx.insertInto('eventSessionInterest').values({ sessionId, userId }).onConflict((oc) => oc.doNothing()).returning('userId').executeTakeFirst();
      if (added) await trx.updateTable('eventSessions').set({ interestCount: sql<number>`interest_count + 1` }).where('id', '=', sessionId).execute();
    } else {
      const removed = await trx.deleteFrom('eventSessionInterest').where('sessionId', '=', sessionId).where('userId', '=', userId).returning('userId').executeTakeFirst();
      if (removed) await trx.updateTable('eventSessions').set({ interestCount: sql<number>`interest_count - 1` }).where('id', '=', sessionId).execute();
    }
    const row = await trx.selectFrom('eventSessions').select('interestCount').where('id', '=', sessionId).executeTakeFirstOrThrow();
    return { interested: on, interestCount: row.interestCount };
  });
}

// --- Rooms and slots -----------------------------------------------------------------------------

export interface RoomInput {
  name: string;
  capacity: number;
}

function checkRoom(input: RoomInput): void {
  const name = input.name.trim();
  if (!name || [...name].length > 100) throw new AppError('validation_failed', { name: 'barcamp.error.roomName' });
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 10000) throw new AppError('validation_failed', { capacity: 'barcamp.error.capacity' });
}

export async function addRoom(deps: EventDeps, actor: Actor, eventId: string, input: RoomInput): Promise<string> {
  await loadManagedBarcamp(deps.db, actor, eventId);
  checkRoom(input);
  const id = newId();
  await deps.db
    .insertInto('eventRooms')
    .values({ id, eventId, name: input.name.trim(), capacity: input.capacity, position: sql<number>`(select coalesce(max(position), 0) + 1 from event_rooms where event_id = ${eventId})` })
    .execute();
  return id;
}

async function roomOf(db: Kysely<DB>, eventId: string, roomId: string) {
  const room = await db.selectFrom('eventRooms').selectAll().where('id', '=', roomId).where('eventId', '=', eventId).executeTakeFirst();
  if (!room) throw new AppError('not_found');
  return room;
}

async function slotOf(db: Kysely<DB>, eventId: string, slotId: string) {
  const slot = await db.selectFrom('eventSlots').selectAll().where('id', '=', slotId).where('eventId', '=', eventId).executeTakeFirst();
  if (!slot) throw new AppError('not_found');
  return slot;
}

export async function updateRoom(deps: EventDeps, actor: Actor, eventId: string, roomId: string, input: RoomInput): Promise<void> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  const before = await roomOf(deps.db, eventId, roomId);
  checkRoom(input);
  const placed = await deps.db.selectFrom('eventSessions').select(['id', 'title', 'expectedSize']).where('roomId', '=', roomId).where('withdrawnAt', 'is', null).execute();
  if (placed.length) {
    const sizes = new Map((await repo.planSessions(deps.db, eventId)).map((s) => [s.id, planningSize(s)]));
    const tooBig = placed.find((s) => (sizes.get(s.id) ?? 0) > input.capacity);
    if (tooBig) throw new BarcampError('conflict', 'barcamp.error.roomTooSmallFor', { session: tooBig.title, size: sizes.get(tooBig.id) ?? 0 }, { capacity: 'barcamp.error.roomTooSmall' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('eventRooms').set({ name: input.name.trim(), capacity: input.capacity }).where('id', '=', roomId).execute();
    // A new name is news for the hosts; a new number of places is not.
    if (event.planPublishedAt && placed.length && before.name !== input.name.trim()) await notifyHosts(trx, deps, event, placed.map((s) => s.id));
  });
}

export async function deleteRoom(deps: EventDeps, actor: Actor, eventId: string, roomId: string): Promise<void> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  await roomOf(deps.db, eventId, roomId);
  await deps.db.transaction().execute(async (trx) => {
    const placed = await trx.updateTable('eventSessions').set({ roomId: null, slotId: null, updatedAt: new Date() }).where('roomId', '=', roomId).returning(['id', 'withdrawnAt']).execute();
    await trx.deleteFrom('eventRooms').where('id', '=', roomId).execute();
    const affected = placed.filter((p) => !p.withdrawnAt).map((p) => p.id);
    if (event.planPublishedAt && affected.length) await notifyHosts(trx, deps, event, affected);
  });
}

export interface SlotInput {
  startsAt: Date;
  endsAt: Date;
}

async function checkSlot(db: Kysely<DB>, event: EventRow, input: SlotInput, exceptId?: string): Promise<void> {
  if (!(input.endsAt > input.startsAt)) throw new AppError('validation_failed', { endsAt: 'barcamp.error.slotOrder' });
  if (input.startsAt < event.startsAt || input.endsAt > event.endsAt) throw new AppError('validation_failed', { startsAt: 'barcamp.error.slotOutside' });
  const overlap = await db
    .selectFrom('eventSlots')
    .select('id')
    .where('eventId', '=', event.id)
    .where('startsAt', '<', input.endsAt)
    .where('endsAt', '>', input.startsAt)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  if (overlap) throw new AppError('validation_failed', { startsAt: 'barcamp.error.slotOverlap' });
}

export async function addSlot(deps: EventDeps, actor: Actor, eventId: string, input: SlotInput): Promise<string> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  await checkSlot(deps.db, event, input);
  const id = newId();
  await deps.db.insertInto('eventSlots').values({ id, eventId, startsAt: input.startsAt, endsAt: input.endsAt }).execute();
  return id;
}

export async function updateSlot(deps: EventDeps, actor: Actor, eventId: string, slotId: string, input: SlotInput): Promise<void> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  const before = await slotOf(deps.db, eventId, slotId);
  await checkSlot(deps.db, event, input, slotId);
  const moved = before.startsAt.getTime() !== input.startsAt.getTime() || before.endsAt.getTime() !== input.endsAt.getTime();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('eventSlots').set({ startsAt: input.startsAt, endsAt: input.endsAt }).where('id', '=', slotId).execute();
    if (event.planPublishedAt && moved) {
      const placed = await trx.selectFrom('eventSessions').select('id').where('slotId', '=', slotId).where('withdrawnAt', 'is', null).execute();
      if (placed.length) await notifyHosts(trx, deps, event, placed.map((s) => s.id));
    }
  });
}

export async function deleteSlot(deps: EventDeps, actor: Actor, eventId: string, slotId: string): Promise<void> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  await slotOf(deps.db, eventId, slotId);
  await deps.db.transaction().execute(async (trx) => {
    const placed = await trx.updateTable('eventSessions').set({ roomId: null, slotId: null, updatedAt: new Date() }).where('slotId', '=', slotId).returning(['id', 'withdrawnAt']).execute();
    await trx.deleteFrom('eventSlots').where('id', '=', slotId).execute();
    const affected = placed.filter((p) => !p.withdrawnAt).map((p) => p.id);
    if (event.planPublishedAt && affected.length) await notifyHosts(trx, deps, event, affected);
  });
}

// --- The plan ------------------------------------------------------------------------------------

/** Planning size: the expected size or the interested people plus hosts, whichever is larger. */
export function planningSize(s: PlanSession & { expectedSize: number | null }): number {
  return Math.max(s.expectedSize ?? 0, sessionSize(s));
}

/**
 * The planner counts people; an expected size above the interested people is added as
 * placeholders that want only this session (they add to its size, never to conflicts).
 */
function toPlanSession(s: PlanSession & { expectedSize: number | null }): PlanSession {
  const missing = planningSize(s) - sessionSize(s);
  const padding = Array.from({ length: missing }, (_, i) => `~${s.id}~${i}`);
  return { id: s.id, hostIds: s.hostIds, interestedIds: [...s.interestedIds, ...padding] };
}

async function planInput(db: Kysely<DB> | Transaction<DB>, eventId: string) {
  const [rooms, slots, sessions] = await Promise.all([repo.listRooms(db, eventId), repo.listSlots(db, eventId), repo.planSessions(db, eventId)]);
  const input: PlanInput = { rooms: rooms.map((r) => ({ id: r.id, capacity: r.capacity })), slots: slots.map((s) => ({ id: s.id })), sessions: sessions.map(toPlanSession) };
  return { rooms, slots, sessions, input };
}

export interface DraftOutcome {
  placed: number;
  unplaced: number;
}

/** "Entwurf erstellen": replaces every placement of the unpublished plan with the planner's draft. */
export async function generateDraft(deps: EventDeps, actor: Actor, eventId: string): Promise<DraftOutcome> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  if (event.planPublishedAt) throw new BarcampError('conflict', 'barcamp.error.draftAfterPublish');
  return deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('events').select('id').where('id', '=', eventId).forUpdate().execute();
    const { input, rooms, slots } = await planInput(trx, eventId);
    if (rooms.length === 0 || slots.length === 0) throw new BarcampError('conflict', 'barcamp.error.noGrid');
    const result = draftPlan(input);
    const problems = checkPlan(input, result.placements);
    if (problems.length) throw new Error(`planner produced an invalid plan: ${problems.join('; ')}`);
    await trx.updateTable('eventSessions').set({ roomId: null, slotId: null }).where('eventId', '=', eventId).where('roomId', 'is not', null).execute();
    for (const p of result.placements) {
      await trx.updateTable('eventSessions').set({ roomId: p.roomId, slotId: p.slotId, updatedAt: new Date() }).where('id', '=', p.sessionId).execute();
    }
    return { placed: result.placements.length, unplaced: result.unplaced.length };
  });
}

export type Cell = { roomId: string; slotId: string } | null;

export interface PlanViolation {
  sessionId: string;
  key: MessageKey;
  params: Params;
}

/** The first hard rule a plan breaks, with a message naming the session, room and time; null when fine. */
export function firstViolation(
  lang: Lang,
  rooms: repo.RoomRow[],
  slots: repo.SlotRow[],
  sessions: (PlanSession & { expectedSize: number | null; title: string })[],
  placements: Placement[],
  changed: Set<string>,
): PlanViolation | null {
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  // Report at a session that was moved, where there is one: that is what the organiser did.
  const ordered = [...placements].sort((a, b) => Number(changed.has(b.sessionId)) - Number(changed.has(a.sessionId)));
  for (const p of ordered) {
    const session = sessionById.get(p.sessionId);
    const room = roomById.get(p.roomId);
    const slot = slotById.get(p.slotId);
    if (!session) return { sessionId: p.sessionId, key: 'barcamp.error.unknownSession', params: {} };
    if (!room || !slot) return { sessionId: p.sessionId, key: 'barcamp.error.unknownCell', params: { session: session.title } };
    const where = { session: session.title, room: room.name, time: slotLabel(lang, slot) };
    const other = placements.find((q) => q !== p && q.roomId === p.roomId && q.slotId === p.slotId);
    if (other) return { sessionId: p.sessionId, key: 'barcamp.error.cellTaken', params: { ...where, other: sessionById.get(other.sessionId)?.title ?? '' } };
    const size = planningSize(session);
    if (size > room.capacity) return { sessionId: p.sessionId, key: 'barcamp.error.overCapacity', params: { ...where, size, capacity: room.capacity } };
    for (const q of placements) {
      if (q === p || q.slotId !== p.slotId) continue;
      const otherSession = sessionById.get(q.sessionId);
      const shared = otherSession?.hostIds.find((h) => session.hostIds.includes(h));
      if (otherSession && shared) return { sessionId: p.sessionId, key: 'barcamp.error.hostConflict', params: { ...where, other: otherSession.title } };
    }
  }
  return null;
}

/**
 * Sets the cells of the given sessions (null: out of the plan); sessions not named keep theirs.
 * The whole plan is checked first; on a violation nothing changes. After publishing, the hosts
 * of every moved session are told by mail, queued in the same transaction.
 */
export async function placeSessions(deps: EventDeps, actor: Actor, eventId: string, cells: Map<string, Cell>, lang: Lang = 'de'): Promise<number> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  return deps.db.transaction().execute(async (trx) => {
    // One plan change at a time per event.
    await trx.selectFrom('events').select('id').where('id', '=', eventId).forUpdate().execute();
    const { rooms, slots, sessions } = await planInput(trx, eventId);
    const known = new Set(sessions.map((s) => s.id));
    for (const id of cells.keys()) if (!known.has(id)) throw new BarcampError('validation_failed', 'barcamp.error.unknownSession', {}, { [`cell_${id}`]: 'barcamp.error.unknownSession' });
    const changed = new Set<string>();
    const placements: Placement[] = [];
    for (const s of sessions) {
      const current: Cell = s.roomId && s.slotId ? { roomId: s.roomId, slotId: s.slotId } : null;
      const wanted = cells.has(s.id) ? cells.get(s.id)! : current;
      if ((wanted?.roomId ?? null) !== (current?.roomId ?? null) || (wanted?.slotId ?? null) !== (current?.slotId ?? null)) changed.add(s.id);
      if (wanted) placements.push({ sessionId: s.id, roomId: wanted.roomId, slotId: wanted.slotId });
    }
    if (changed.size === 0) return 0;
    const violation = firstViolation(lang, rooms, slots, sessions, placements, changed);
    if (violation) {
      const code = violation.key === 'barcamp.error.overCapacity' ? 'validation_failed' : 'conflict';
      throw new BarcampError(code, violation.key, violation.params, { [`cell_${violation.sessionId}`]: violation.key });
    }
    // Free the cells first, so that swaps do not trip the unique index on the way.
    await trx.updateTable('eventSessions').set({ roomId: null, slotId: null }).where('id', 'in', [...changed]).execute();
    for (const id of changed) {
      const cell = placements.find((p) => p.sessionId === id);
      if (!cell) {
        await trx.updateTable('eventSessions').set({ updatedAt: new Date() }).where('id', '=', id).execute();
        continue;
      }
      try {
        await trx.updateTable('eventSessions').set({ roomId: cell.roomId, slotId: cell.slotId, updatedAt: new Date() }).where('id', '=', id).execute();
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new BarcampError('conflict', 'barcamp.error.cellTakenNow', {}, { [`cell_${id}`]: 'barcamp.error.cellTakenNow' });
        throw error;
      }
    }
    if (event.planPublishedAt) await notifyHosts(trx, deps, event, [...changed]);
    return changed.size;
  });
}

export async function publishPlan(deps: EventDeps, actor: Actor, eventId: string): Promise<void> {
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  if (event.planPublishedAt) return;
  const placed = await deps.db.selectFrom('eventSessions').select('id').where('eventId', '=', eventId).where('roomId', 'is not', null).where('withdrawnAt', 'is', null).executeTakeFirst();
  if (!placed) throw new BarcampError('conflict', 'barcamp.error.emptyPlan');
  await deps.db.updateTable('events').set({ planPublishedAt: new Date(), updatedAt: new Date() }).where('id', '=', eventId).where('planPublishedAt', 'is', null).execute();
}

/** Tells the hosts of these sessions where and when their session now is (or that it left the plan). */
async function notifyHosts(trx: Transaction<DB>, deps: EventDeps, event: EventRow, sessionIds: string[]): Promise<void> {
  const rows = await trx
    .selectFrom('eventSessions as s')
    .leftJoin('eventRooms as r', 'r.id', 's.roomId')
    .leftJoin('eventSlots as sl', 'sl.id', 's.slotId')
    .select(['s.id', 's.title', 's.withdrawnAt', 'r.name as roomName', 'sl.startsAt', 'sl.endsAt'])
    .where('s.id', 'in', sessionIds)
    .execute();
  const hosts = await repo.hostsOf(trx, sessionIds);
  for (const h of hosts) {
    const s = rows.find((r) => r.id === h.sessionId);
    if (!s) continue;
    const placed = s.roomName && s.startsAt && s.endsAt && !s.withdrawnAt;
    await deps.jobs.sendMail(
      composeMail({
        to: h.email,
        lang: h.locale,
        subject: 'barcamp.mail.moved.subject',
        paragraphs: [placed ? 'barcamp.mail.moved.body' : 'barcamp.mail.unplaced.body'],
        params: { name: h.name, session: s.title, event: event.title, room: s.roomName ?? '', time: placed ? slotLabel(h.locale, { startsAt: s.startsAt!, endsAt: s.endsAt! }) : '' },
        action: { label: 'barcamp.mail.openSession', url: new URL(`/veranstaltungen/${event.id}/sessions/${s.id}`, deps.baseUrl).toString() },
      }),
      { trx },
    );
  }
}

// --- Schedule and live -------------------------------------------------------------------------

export interface ScheduleEntry {
  sessionId: string;
  title: string;
  hosts: repo.Host[];
  roomId: string;
  slotId: string;
}

export interface Schedule {
  published: boolean;
  publishedAt: Date | null;
  /** The organisers are looking at the unpublished draft. */
  draft: boolean;
  rooms: repo.RoomRow[];
  slots: repo.SlotRow[];
  entries: ScheduleEntry[];
}

export async function loadSchedule(db: Kysely<DB>, actor: Actor, event: EventRow, sessions?: repo.SessionRow[]): Promise<Schedule> {
  const [rooms, slots] = await Promise.all([repo.listRooms(db, event.id), repo.listSlots(db, event.id)]);
  const shown = seesPlan(actor, event);
  const list = shown ? (sessions ?? (await repo.allSessions(db, event.id, actor.kind === 'user' ? actor.user.id : null))) : [];
  const hostsShown = seesHosts(actor);
  return {
    published: Boolean(event.planPublishedAt),
    publishedAt: event.planPublishedAt,
    draft: shown && !event.planPublishedAt,
    rooms,
    slots,
    entries: list.filter((s) => s.roomId && s.slotId).map((s) => ({ sessionId: s.id, title: s.title, hosts: hostsShown ? s.hosts : [], roomId: s.roomId!, slotId: s.slotId! })),
  };
}

/** The slot running at `now` and the next one to start (pure). */
export function nowAndNext<S extends { startsAt: Date; endsAt: Date }>(slots: S[], now: Date): { current: S | null; next: S | null } {
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const current = sorted.find((s) => s.startsAt <= now && now < s.endsAt) ?? null;
  const next = sorted.find((s) => s.startsAt > now) ?? null;
  return { current, next };
}

// --- Documentation -------------------------------------------------------------------------------

export async function saveNotes(deps: EventDeps, actor: Actor, sessionId: string, notes: string, version: number): Promise<number> {
  const userId = me(actor);
  const { event, session } = await loadSession(deps.db, actor, sessionId);
  if (!canWriteNotes(actor, event, session)) throw new AppError('forbidden');
  if (notes.length > 50000) throw new AppError('validation_failed', { notes: 'barcamp.error.notesTooLong' });
  const saved = await deps.db
    .updateTable('eventSessions')
    .set({ notes, notesVersion: sql<number>`notes_version + 1`, notesUpdatedAt: new Date(), notesUpdatedBy: userId })
    .where('id', '=', sessionId)
    .where('notesVersion', '=', version)
    .returning('notesVersion')
    .executeTakeFirst();
  if (saved) return saved.notesVersion;
  const current = await repo.findSession(deps.db, event.id, sessionId, userId);
  throw new StaleNotesError({ notes: current?.notes ?? '', version: current?.notesVersion ?? 0, updatedAt: current?.notesUpdatedAt ?? null, updatedByName: current?.notesUpdatedByName ?? null });
}

export function mayPublishDocumentation(actor: Actor, event: EventRow, now = new Date()): boolean {
  return canManage(actor, event) && Boolean(event.communityId) && event.endsAt <= now;
}

/**
 * Publishes the notes of every documented session as a discussion in the linked community,
 * author the organiser who publishes. Sessions already published are skipped, so publishing
 * again adds only what was documented since. Returns the number of new posts.
 */
export async function publishDocumentation(deps: EventDeps, actor: Actor, eventId: string, now = new Date()): Promise<number> {
  const userId = me(actor);
  const event = await loadManagedBarcamp(deps.db, actor, eventId);
  if (!event.communityId) throw new BarcampError('conflict', 'barcamp.error.noCommunity');
  if (event.endsAt > now) throw new BarcampError('conflict', 'barcamp.error.docsTooEarly');
  const community = await deps.db.selectFrom('communities').select(['id', 'status']).where('id', '=', event.communityId).executeTakeFirst();
  if (!community || community.status !== 'active') throw new BarcampError('conflict', 'barcamp.error.noCommunity');
  const lang: Lang = actor.kind === 'user' ? actor.user.locale : 'de';
  const t = translator(lang);
  return deps.db.transaction().execute(async (trx) => {
    const sessions = await trx
      .selectFrom('eventSessions')
      .select(['id', 'title', 'notes'])
      .where('eventId', '=', eventId)
      .where('documentationPostId', 'is', null)
      .where('withdrawnAt', 'is', null)
      .where(sql<boolean>`btrim(notes) <> ''`)
      .orderBy('createdAt')
      .forUpdate()
      .execute();
    // A parallel publication holds these rows until it commits; PostgreSQL then re-checks the
    // condition, so sessions it published are not returned here.
    const hosts = await trx
      .selectFrom('eventSessionHosts as h')
      .innerJoin('users as u', 'u.id', 'h.userId')
      .select(['h.sessionId', 'u.name'])
      .where('h.sessionId', 'in', sessions.length ? sessions.map((s) => s.id) : [''])
      .orderBy(sql`u.name collate "de-x-icu"`)
      .execute();
    let created = 0;
    for (const s of sessions) {
      const postId = newId();
      const names = hosts.filter((h) => h.sessionId === s.id).map((h) => h.name);
      const link = new URL(`/veranstaltungen/${eventId}/sessions/${s.id}`, deps.baseUrl).toString();
      const body = [s.notes.trim(), names.length ? t('barcamp.doc.hosts', { names: names.join(', ') }) : '', t('barcamp.doc.link', { url: link })].filter(Boolean).join('\n\n');
      const title = t('barcamp.doc.title', { session: s.title, event: event.title }).slice(0, 200);
      await trx.insertInto('posts').values({ id: postId, communityId: community.id, type: 'discussion', title, body: body.slice(0, 20000), authorId: userId, updatedBy: userId }).execute();
      await trx.insertInto('postFollows').values({ postId, userId }).onConflict((oc) => oc.doNothing()).execute();
      await trx.updateTable('eventSessions').set({ documentationPostId: postId }).where('id', '=', s.id).execute();
      created += 1;
    }
    if (created) await trx.updateTable('communities').set({ lastActivityAt: sql`now()` }).where('id', '=', community.id).execute();
    await trx.updateTable('events').set({ documentationPublishedAt: now }).where('id', '=', eventId).execute();
    return created;
  });
}
