/**
 * Use cases of events: create and change (office, and community leads for their community),
 * cancel, register and cancel a registration with the waiting list, attendance, certificates,
 * reminders and the deletion of registration answers after an event.
 *
 * Capacity: registering and cancelling lock the event row (`for update`), so registrations of
 * one event are decided one after another; the counts on the row change in the same
 * transaction. Whoever moves up from the waiting list is told by a mail that is queued in that
 * transaction, so it is sent exactly when the move commits.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { createHmac, randomInt } from 'node:crypto';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import type { DB } from '../../db/schema.js';
import type { Jobs } from '../../jobs/jobs.js';
import { newId, safeEqual } from '../../lib/ids.js';
import { berlinDayAndTime } from '../../lib/berlin-time.js';
import { notify } from '../notifications/notify.js';
import type { MessageKey, Params } from '../../views/i18n/index.js';
import { isInside, isOffice, isVerifiedMember } from '../accounts/accounts.policy.js';
import type { Viewer } from '../members/members.repo.js';
import { viewerOf } from '../members/members.service.js';
import { findEvent, waitlistPositionOf, type EventRow } from './events.repo.js';
import type { EventInput, EventPatchInput } from './events.schema.js';

export interface EventDeps {
  db: Kysely<DB>;
  jobs: Jobs;
  baseUrl: URL;
  secret: string;
}

/** The viewer for the visibility rule; visitors (and nobody else) are `null`. */
export function eventViewer(actor: Actor): Viewer | null {
  return actor.kind === 'user' ? viewerOf(actor) : null;
}

/** Organisers of the event, and the office, manage it. */
export function canManage(actor: Actor, event: Pick<EventRow, 'organiser'>): boolean {
  return isOffice(actor) || event.organiser;
}

/** Whether the online link and the place's details may be shown: confirmed participants and managers. */
export function seesAccessDetails(staff: boolean, event: Pick<EventRow, 'organiser' | 'myStatus'>): boolean {
  return staff || event.organiser || event.myStatus === 'confirmed';
}

/** Load an event the actor may see, or 404. */
export async function loadEvent(db: Kysely<DB>, actor: Actor, id: string): Promise<EventRow> {
  const event = await findEvent(db, eventViewer(actor), id);
  if (!event) throw new AppError('not_found');
  return event;
}

export async function loadManagedEvent(db: Kysely<DB>, actor: Actor, id: string): Promise<EventRow> {
  const event = await loadEvent(db, actor, id);
  if (!canManage(actor, event)) throw new AppError('forbidden');
  return event;
}

/** Communities in which the actor may create events: all for the office, the ones they lead otherwise. */
export async function communitiesForEvents(db: Kysely<DB>, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== 'user') return [];
  let query = db.selectFrom('communities as c').select(['c.id', 'c.name']).where('c.status', '=', 'active');
  if (!isOffice(actor)) {
    if (!isVerifiedMember(actor)) return [];
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('communityMembers as cm').select(sql`1`.as('x')).whereRef('cm.communityId', '=', 'c.id').where('cm.userId', '=', actor.user.id).where('cm.status', '=', 'active').where('cm.role', '=', 'lead')),
    );
  }
  return query.orderBy(sql`c.name collate "de-x-icu"`).limit(500).execute();
}

export async function canCreateEvents(db: Kysely<DB>, actor: Actor): Promise<boolean> {
  return isOffice(actor) || (await communitiesForEvents(db, actor)).length > 0;
}

// --- Validation ----------------------------------------------------------------------------

type Fields = Record<string, MessageKey>;

/** An event's own fields as stored, checked and trimmed. */
type Normalised = Pick<
  EventRow,
  | 'kind' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'place' | 'placeDetails' | 'onlineUrl' | 'communityId' | 'audience'
  | 'capacity' | 'waitlist' | 'registrationOpensAt' | 'registrationClosesAt' | 'questions' | 'organiserName'
>;

const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

async function normalise(db: Kysely<DB>, actor: Actor, input: EventInput, existing?: EventRow): Promise<Normalised> {
  const fields: Fields = {};
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt)) fields.endsAt = 'events.error.endsBeforeStart';
  else if (endsAt.getTime() - startsAt.getTime() > 14 * 86400_000) fields.endsAt = 'events.error.tooLong';
  const place = blankToNull(input.place);
  const onlineUrl = blankToNull(input.onlineUrl);
  if (!place && !onlineUrl) fields.place = 'events.error.placeOrLink';
  if (input.kind === 'online' && !onlineUrl) fields.onlineUrl = 'events.error.onlineNeedsLink';
  const communityId = blankToNull(input.communityId);
  if (communityId) {
    const allowed = await communitiesForEvents(db, actor);
    // A lead may keep an event in a community even if the office linked it; a new link must be theirs.
    if (!allowed.some((c) => c.id === communityId) && existing?.communityId !== communityId) fields.communityId = 'events.error.community';
  } else if (!isOffice(actor)) {
    fields.communityId = 'events.error.communityRequired';
  }
  if (input.audience === 'community' && !communityId) fields.audience = 'events.error.audienceCommunity';
  const opens = input.registrationOpensAt ? new Date(input.registrationOpensAt) : null;
  const closes = input.registrationClosesAt ? new Date(input.registrationClosesAt) : null;
  if (opens && closes && !(closes > opens)) fields.registrationClosesAt = 'events.error.windowOrder';
  if (closes && closes > endsAt) fields.registrationClosesAt = 'events.error.closesAfterEnd';
  const questions = (input.questions ?? [])
    .filter((q) => q.label.trim())
    .map((q, i) => ({ id: existing?.questions[i]?.label === q.label.trim() ? existing.questions[i]!.id : `q${i + 1}`, label: q.label.trim(), required: q.required ?? false }));
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
  return {
    kind: input.kind,
    title: input.title.trim(),
    description: input.description.trim(),
    startsAt,
    endsAt,
    place,
    placeDetails: blankToNull(input.placeDetails),
    onlineUrl,
    communityId,
    audience: input.audience,
    capacity: input.capacity ?? null,
    waitlist: input.waitlist ?? true,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    questions,
    organiserName: blankToNull(input.organiserName),
  };
}

async function setInvitations(trx: Transaction<DB>, eventId: string, userIds: string[], by: string) {
  const unique = [...new Set(userIds)];
  await trx.deleteFrom('eventInvitations').where('eventId', '=', eventId).$if(unique.length > 0, (q) => q.where('userId', 'not in', unique)).execute();
  if (unique.length === 0) return;
  // Only people inside (verified staff or partners) can be invited.
  const valid = await trx.selectFrom('users').select('id').where('id', 'in', unique).where('role', 'in', ['member', 'partner', 'office', 'admin']).execute();
  if (valid.length !== unique.length) throw new AppError('validation_failed', { invitedIds: 'events.error.invitees' });
  await trx
    .insertInto('eventInvitations')
    .values(valid.map((v) => ({ eventId, userId: v.id, invitedBy: by })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The organisers: verified staff only; the given list replaces the others, the acting person stays. */
async function setOrganisers(trx: Transaction<DB>, eventId: string, userIds: string[], keep: string) {
  const wanted = [...new Set([keep, ...userIds])];
  const valid = await trx.selectFrom('users').select('id').where('id', 'in', wanted).where('role', 'in', ['member', 'office', 'admin']).where('suspendedAt', 'is', null).execute();
  if (valid.length !== wanted.length) throw new AppError('validation_failed', { organiserIds: 'events.error.organisers' });
  await trx.deleteFrom('eventOrganisers').where('eventId', '=', eventId).where('userId', 'not in', wanted).execute();
  await trx.insertInto('eventOrganisers').values(wanted.map((userId) => ({ eventId, userId }))).onConflict((oc) => oc.doNothing()).execute();
}

export async function createEvent(deps: EventDeps, actor: Actor, input: EventInput): Promise<string> {
  if (actor.kind !== 'user' || !(await canCreateEvents(deps.db, actor))) throw new AppError('forbidden');
  const values = await normalise(deps.db, actor, input);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('events')
      .values({ id, ...values, questions: JSON.stringify(values.questions), createdBy: actor.user.id, updatedBy: actor.user.id })
      .execute();
    await setOrganisers(trx, id, input.organiserIds ?? [], actor.user.id);
    if (input.invitedIds?.length) await setInvitations(trx, id, input.invitedIds, actor.user.id);
  });
  return id;
}

/** Changes an event. Times, place, link and status raise the calendar SEQUENCE. More places move people up. */
export async function updateEvent(deps: EventDeps, actor: Actor, id: string, patch: EventPatchInput): Promise<void> {
  const event = await loadManagedEvent(deps.db, actor, id);
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const merged: EventInput = {
    kind: patch.kind ?? event.kind,
    title: patch.title ?? event.title,
    description: patch.description ?? event.description,
    startsAt: patch.startsAt ?? event.startsAt.toISOString(),
    endsAt: patch.endsAt ?? event.endsAt.toISOString(),
    place: patch.place !== undefined ? patch.place : event.place,
    placeDetails: patch.placeDetails !== undefined ? patch.placeDetails : event.placeDetails,
    onlineUrl: patch.onlineUrl !== undefined ? patch.onlineUrl : event.onlineUrl,
    communityId: patch.communityId !== undefined ? patch.communityId : event.communityId,
    audience: patch.audience ?? event.audience,
    capacity: patch.capacity !== undefined ? patch.capacity : event.capacity,
    waitlist: patch.waitlist ?? event.waitlist,
    registrationOpensAt: patch.registrationOpensAt !== undefined ? patch.registrationOpensAt : (event.registrationOpensAt?.toISOString() ?? null),
    registrationClosesAt: patch.registrationClosesAt !== undefined ? patch.registrationClosesAt : (event.registrationClosesAt?.toISOString() ?? null),
    questions: patch.questions ?? event.questions.map((q) => ({ label: q.label, required: q.required })),
    organiserName: patch.organiserName !== undefined ? patch.organiserName : event.organiserName,
  };
  const values = await normalise(deps.db, actor, merged, event);
  const calendarChange =
    values.startsAt.getTime() !== event.startsAt.getTime() ||
    values.endsAt.getTime() !== event.endsAt.getTime() ||
    values.place !== event.place ||
    values.onlineUrl !== event.onlineUrl ||
    values.title !== event.title ||
    values.placeDetails !== event.placeDetails;
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, id);
    await trx
      .updateTable('events')
      .set({
        ...values,
        questions: JSON.stringify(values.questions),
        updatedBy: actor.user.id,
        updatedAt: new Date(),
        sequence: calendarChange ? sql<number>`sequence + 1` : locked.sequence,
      })
      .where('id', '=', id)
      .execute();
    if (patch.invitedIds) await setInvitations(trx, id, patch.invitedIds, actor.user.id);
    if (patch.organiserIds) await setOrganisers(trx, id, patch.organiserIds, actor.user.id);
    // A new start time needs a new reminder.
    if (values.startsAt.getTime() !== event.startsAt.getTime()) {
      await trx.updateTable('eventRegistrations').set({ remindedAt: null }).where('eventId', '=', id).execute();
    }
    // Who is registered hears of a new time or place (title and description changes are not news).
    const moved = values.startsAt.getTime() !== event.startsAt.getTime() || values.endsAt.getTime() !== event.endsAt.getTime() || values.place !== event.place || values.onlineUrl !== event.onlineUrl || values.placeDetails !== event.placeDetails;
    if (moved && event.status === 'scheduled') {
      const people = await trx.selectFrom('eventRegistrations').select('userId').where('eventId', '=', id).where('status', 'in', ['confirmed', 'waiting']).execute();
      await notifyAboutEvent(trx, deps, id, people.map((p) => p.userId), 'changed', { actorId: actor.user.id });
    }
    await promoteWaiting(trx, deps, id);
  });
}

/** The organisers cancel the whole event; everyone registered is told, with the message. */
export async function cancelEvent(deps: EventDeps, actor: Actor, id: string, message: string): Promise<void> {
  const event = await loadManagedEvent(deps.db, actor, id);
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (event.status === 'cancelled') return;
  if (!message.trim()) throw new AppError('validation_failed', { message: 'events.error.cancelMessage' });
  await deps.db.transaction().execute(async (trx) => {
    await lockEvent(trx, id);
    await trx
      .updateTable('events')
      .set({ status: 'cancelled', cancelMessage: message.trim(), cancelledAt: new Date(), sequence: sql<number>`sequence + 1`, updatedBy: actor.user.id, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    const people = await trx.selectFrom('eventRegistrations').select('userId').where('eventId', '=', id).where('status', 'in', ['confirmed', 'waiting']).execute();
    await notifyAboutEvent(trx, deps, id, people.map((p) => p.userId), 'cancelled', { actorId: actor.user.id, note: message.trim() });
  });
}

// --- Registration --------------------------------------------------------------------------

interface LockedEvent {
  id: string;
  status: 'scheduled' | 'cancelled';
  capacity: number | null;
  waitlist: boolean;
  confirmedCount: number;
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

async function lockEvent(trx: Transaction<DB>, id: string): Promise<LockedEvent> {
  const row = await trx
    .selectFrom('events')
    .select(['id', 'status', 'capacity', 'waitlist', 'confirmedCount', 'sequence', 'title', 'startsAt', 'endsAt'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

async function recount(trx: Transaction<DB>, id: string): Promise<void> {
  await sql`update events set
      confirmed_count = (select count(*) from event_registrations where event_id = ${id} and status = 'confirmed'),
      waitlist_count = (select count(*) from event_registrations where event_id = ${id} and status = 'waiting')
    where id = ${id}`.execute(trx);
}

export function eventUrl(deps: Pick<EventDeps, 'baseUrl'>, id: string): string {
  return new URL(`/veranstaltungen/${id}`, deps.baseUrl).toString();
}

/**
 * Tells these people about their registration for the event (promotion, change, cancellation,
 * reminder) as a notification, made in `trx`: the mail is composed when it is sent, through the
 * event visibility rule and the recipient's settings at that moment.
 */
async function notifyAboutEvent(trx: Transaction<DB>, deps: EventDeps, eventId: string, userIds: string[], action: 'promoted' | 'changed' | 'cancelled' | 'reminder' | 'registration_cancelled', opts: { actorId?: string; note?: string } = {}): Promise<void> {
  await notify(trx, deps.jobs, userIds, { kind: 'event', action, eventId, actorId: opts.actorId ?? null, note: opts.note ?? null });
}

/** Moves people up from the waiting list while there are free places; each is told by mail. Call with the event locked. */
async function promoteWaiting(trx: Transaction<DB>, deps: EventDeps, id: string): Promise<number> {
  const event = await trx.selectFrom('events').select(['id', 'status', 'capacity', 'title', 'startsAt', 'endsAt']).where('id', '=', id).executeTakeFirstOrThrow();
  if (event.status === 'cancelled' || event.endsAt <= new Date()) return 0;
  const confirmed = await trx.selectFrom('eventRegistrations').select(sql<number>`count(*)::int`.as('n')).where('eventId', '=', id).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - confirmed.n;
  if (free <= 0) return 0;
  const next = await trx
    .selectFrom('eventRegistrations as r')
    .select(['r.id', 'r.userId'])
    .where('r.eventId', '=', id)
    .where('r.status', '=', 'waiting')
    .orderBy('r.queuePosition')
    .limit(Math.min(free, 10000))
    .execute();
  for (const person of next) {
    await trx.updateTable('eventRegistrations').set({ status: 'confirmed', promotedAt: new Date(), updatedAt: new Date() }).where('id', '=', person.id).execute();
  }
  await notifyAboutEvent(trx, deps, id, next.map((p) => p.userId), 'promoted');
  if (next.length) await recount(trx, id);
  return next.length;
}

export type RegistrationOutcome = { status: 'confirmed' | 'waiting'; waitlistPosition: number | null };

/** Whether registration is open now, or why not. */
export function registrationState(event: Pick<EventRow, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'endsAt' | 'startsAt'>, now = new Date()): 'open' | 'cancelled' | 'notYet' | 'closed' | 'over' {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.endsAt <= now) return 'over';
  if (event.registrationOpensAt && event.registrationOpensAt > now) return 'notYet';
  if (event.registrationClosesAt && event.registrationClosesAt <= now) return 'closed';
  return 'open';
}

export async function register(deps: EventDeps, actor: Actor, id: string, answers: Record<string, string> = {}): Promise<RegistrationOutcome> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const event = await loadEvent(deps.db, actor, id);
  if (!isInside(actor)) throw new AppError('forbidden');
  const state = registrationState(event);
  if (state !== 'open') throw new AppError('registration_closed', {}, { reason: state });
  const fields: Fields = {};
  const clean: Record<string, string> = {};
  for (const q of event.questions) {
    const value = (answers[q.id] ?? '').trim();
    if (value.length > 1000) fields[`answer_${q.id}`] = 'events.error.answerTooLong';
    else if (q.required && !value) fields[`answer_${q.id}`] = 'events.error.answerRequired';
    else if (value) clean[q.id] = value;
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
  const userId = actor.user.id;
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, id);
    const existing = await trx.selectFrom('eventRegistrations').select(['id', 'status']).where('eventId', '=', id).where('userId', '=', userId).executeTakeFirst();
    if (existing && existing.status !== 'cancelled') {
      return { status: existing.status, waitlistPosition: await waitlistPosition(trx, id, existing.id) };
    }
    const full = locked.capacity !== null && locked.confirmedCount >= locked.capacity;
    if (full && !locked.waitlist) throw new AppError('event_full');
    const status = full ? 'waiting' : 'confirmed';
    const regId = existing?.id ?? newId();
    if (existing) {
      await trx
        .updateTable('eventRegistrations')
        .set({ status, answers: JSON.stringify(clean), queuePosition: sql<string>`nextval('event_queue_seq')`, cancelledAt: null, cancelledBy: null, cancelMessage: null, promotedAt: null, remindedAt: null, updatedAt: new Date() })
        .where('id', '=', regId)
        .execute();
    } else {
      await trx.insertInto('eventRegistrations').values({ id: regId, eventId: id, userId, status, answers: JSON.stringify(clean) }).execute();
    }
    await trx
      .updateTable('events')
      .set(status === 'confirmed' ? { confirmedCount: sql<number>`confirmed_count + 1` } : { waitlistCount: sql<number>`waitlist_count + 1` })
      .where('id', '=', id)
      .execute();
    return { status, waitlistPosition: status === 'waiting' ? await waitlistPosition(trx, id, regId) : null };
  });
}

async function waitlistPosition(trx: Kysely<DB>, eventId: string, registrationId: string): Promise<number | null> {
  const row = await trx
    .selectFrom('eventRegistrations as r')
    .select(waitlistPositionOf('r').as('n'))
    .where('r.id', '=', registrationId)
    .where('r.eventId', '=', eventId)
    .executeTakeFirst();
  return row?.n ?? null;
}

/**
 * Cancels a registration: the person's own, or (organisers, office) someone else's with a
 * message that is mailed to them. A freed place goes to the next on the waiting list.
 */
export async function cancelRegistration(deps: EventDeps, actor: Actor, id: string, opts: { userId?: string; message?: string } = {}): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const event = await loadEvent(deps.db, actor, id);
  const forSomeoneElse = opts.userId !== undefined && opts.userId !== actor.user.id;
  if (forSomeoneElse && !canManage(actor, event)) throw new AppError('forbidden');
  if (forSomeoneElse && !opts.message?.trim()) throw new AppError('validation_failed', { message: 'events.error.cancelMessage' });
  const userId = opts.userId ?? actor.user.id;
  await deps.db.transaction().execute(async (trx) => {
    await lockEvent(trx, id);
    const reg = await trx
      .selectFrom('eventRegistrations as r')
      .select(['r.id', 'r.status', 'r.userId'])
      .where('r.eventId', '=', id)
      .where('r.userId', '=', userId)
      .executeTakeFirst();
    if (!reg || reg.status === 'cancelled') {
      if (forSomeoneElse) throw new AppError('not_found');
      return;
    }
    await trx
      .updateTable('eventRegistrations')
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.user.id, cancelMessage: forSomeoneElse ? opts.message!.trim() : null, updatedAt: new Date() })
      .where('id', '=', reg.id)
      .execute();
    await trx
      .updateTable('events')
      .set(reg.status === 'confirmed' ? { confirmedCount: sql<number>`confirmed_count - 1` } : { waitlistCount: sql<number>`waitlist_count - 1` })
      .where('id', '=', id)
      .execute();
    if (forSomeoneElse) {
      await notifyAboutEvent(trx, deps, id, [reg.userId], 'registration_cancelled', { actorId: actor.user.id, note: opts.message!.trim() });
    }
    if (reg.status === 'confirmed') await promoteWaiting(trx, deps, id);
  });
}

// --- Attendance and certificates -------------------------------------------------------------

export async function setAttendance(deps: EventDeps, actor: Actor, id: string, attended: string[]): Promise<void> {
  const event = await loadManagedEvent(deps.db, actor, id);
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (event.startsAt > new Date(Date.now() + 86400_000)) throw new AppError('attendance_too_early');
  const present = [...new Set(attended)];
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('eventRegistrations')
      .set({ attendedAt: null, attendanceMarkedBy: actor.user.id })
      .where('eventId', '=', id)
      .where('attendedAt', 'is not', null)
      .$if(present.length > 0, (q) => q.where('userId', 'not in', present))
      .execute();
    if (present.length) {
      await trx
        .updateTable('eventRegistrations')
        .set({ attendedAt: new Date(), attendanceMarkedBy: actor.user.id })
        .where('eventId', '=', id)
        .where('status', '=', 'confirmed')
        .where('attendedAt', 'is', null)
        .where('userId', 'in', present)
        .execute();
    }
  });
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newCertificateCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `KP-${group()}-${group()}-${group()}`;
}

/** A code as typed (lower case, spaces, missing dashes) in its canonical form, or null. */
export function normaliseCertificateCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = plain.startsWith('KP') ? plain.slice(2) : plain;
  if (!/^[0-9A-Z]{12}$/.test(body)) return null;
  return `KP-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}

export interface CertificateRecord {
  code: string;
  participantName: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  hours: number;
  organiser: string;
  issuedAt: Date;
  eventId: string;
  kind: EventRow['kind'];
  place: string | null;
  organisationName: string | null;
}

/** Issues (once) the certificate for the actor's attendance at the event, and returns it. */
export async function issueCertificate(deps: EventDeps, actor: Actor, id: string): Promise<CertificateRecord> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const event = await loadEvent(deps.db, actor, id);
  if (!event.myAttended || !event.myRegistrationId) throw new AppError('not_found');
  const organisers = await deps.db
    .selectFrom('eventOrganisers as o')
    .innerJoin('users as u', 'u.id', 'o.userId')
    .select('u.name')
    .where('o.eventId', '=', id)
    .orderBy('o.createdAt')
    .execute();
  const organiser = [event.organiserName, ...organisers.map((o) => o.name)].filter(Boolean).join('; ').slice(0, 500);
  const hours = Math.round(((event.endsAt.getTime() - event.startsAt.getTime()) / 3600_000) * 2) / 2;
  const registrationId = event.myRegistrationId;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const inserted = await deps.db
      .insertInto('certificates')
      .values({ code: newCertificateCode(), registrationId, eventId: id, userId: actor.user.id, participantName: actor.user.name, eventTitle: event.title, startsAt: event.startsAt, endsAt: event.endsAt, hours, organiser })
      .onConflict((oc) => oc.column('registrationId').doNothing())
      .returning('code')
      .executeTakeFirst()
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') return undefined; // a code collision: try another
        throw error;
      });
    if (inserted) break;
    const existing = await deps.db.selectFrom('certificates').select('code').where('registrationId', '=', registrationId).executeTakeFirst();
    if (existing) break;
  }
  const record = await findCertificate(deps.db, { registrationId });
  if (!record) throw new AppError('conflict');
  return record;
}

export async function findCertificate(db: Kysely<DB>, by: { code: string } | { registrationId: string }): Promise<CertificateRecord | undefined> {
  let query = db
    .selectFrom('certificates as cert')
    .innerJoin('events as e', 'e.id', 'cert.eventId')
    .innerJoin('users as u', 'u.id', 'cert.userId')
    .leftJoin('organisations as org', 'org.id', 'u.organisationId')
    .select(['cert.code', 'cert.participantName', 'cert.eventTitle', 'cert.startsAt', 'cert.endsAt', 'cert.hours', 'cert.organiser', 'cert.issuedAt', 'cert.eventId', 'e.kind', 'e.place', 'org.name as organisationName']);
  query = 'code' in by ? query.where('cert.code', '=', by.code) : query.where('cert.registrationId', '=', by.registrationId);
  const row = await query.executeTakeFirst();
  return row ? { ...row, hours: Number(row.hours) } : undefined;
}

// --- Calendar feed addresses -------------------------------------------------------------------

function feedSignature(secret: string, userId: string, version: number): string {
  return createHmac('sha256', secret).update(`calendar-feed:${userId}:${version}`).digest('base64url').slice(0, 32);
}

export async function calendarFeedPath(db: Kysely<DB>, secret: string, userId: string): Promise<string> {
  const user = await db.selectFrom('users').select('calendarFeedVersion').where('id', '=', userId).executeTakeFirstOrThrow();
  return `/kalender/${userId}/${feedSignature(secret, userId, user.calendarFeedVersion)}.ics`;
}

/** A new address; every earlier one stops working. */
export async function renewCalendarFeed(db: Kysely<DB>, userId: string): Promise<void> {
  await db.updateTable('users').set({ calendarFeedVersion: sql<number>`calendar_feed_version + 1` }).where('id', '=', userId).execute();
}

/** The person a feed address belongs to, when the signature is right and the account may still sign in. */
export async function calendarFeedOwner(db: Kysely<DB>, secret: string, userId: string, signature: string): Promise<Viewer | undefined> {
  const user = await db.selectFrom('users').select(['id', 'role', 'calendarFeedVersion', 'suspendedAt']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.suspendedAt) return undefined;
  if (!safeEqual(feedSignature(secret, user.id, user.calendarFeedVersion), signature)) return undefined;
  return { id: user.id, verified: ['member', 'office', 'admin'].includes(user.role), staff: ['office', 'admin'].includes(user.role) };
}

// --- Reminders and clean-up (periodic jobs) ------------------------------------------------------

export const REMINDER_HOURS = 24;

/**
 * Reminds everyone confirmed for an event that starts within the next day, once (a changed
 * start time resets it). The rule is checked again now: someone who may no longer see the
 * event is not reminded.
 */
export async function sendDueReminders(deps: EventDeps, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3600_000);
  return deps.db.transaction().execute(async (trx) => {
    const due = await sql<{ id: string; eventId: string; userId: string }>`
      select r.id, r.event_id, r.user_id
      from event_registrations r join events e on e.id = r.event_id join users u on u.id = r.user_id
      where r.status = 'confirmed' and r.reminded_at is null and e.status = 'scheduled'
        and e.starts_at > ${now} and e.starts_at <= ${until} and u.suspended_at is null and u.role <> 'applicant'
      order by e.starts_at, r.id
      limit 5000
      for update of r skip locked`.execute(trx);
    const byEvent = new Map<string, string[]>();
    for (const r of due.rows) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.userId]);
    for (const [eventId, userIds] of byEvent) await notifyAboutEvent(trx, deps, eventId, userIds, 'reminder');
    if (due.rows.length) {
      await trx.updateTable('eventRegistrations').set({ remindedAt: now }).where('id', 'in', due.rows.map((r) => r.id)).execute();
    }
    return due.rows.length;
  });
}

/** Answers to the registration questions are personal data: deleted once the event is over. */
export async function deleteAnswersAfterEvents(db: Kysely<DB>, now = new Date()): Promise<number> {
  const ended = await db.selectFrom('events').select('id').where('endsAt', '<=', now).where('answersDeletedAt', 'is', null).limit(1000).execute();
  if (ended.length === 0) return 0;
  const ids = ended.map((e) => e.id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('eventRegistrations').set({ answers: '{}' }).where('eventId', 'in', ids).execute();
    await trx.updateTable('events').set({ answersDeletedAt: now }).where('id', 'in', ids).execute();
  });
  return ids.length;
}
