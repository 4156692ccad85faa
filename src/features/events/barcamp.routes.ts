/**
 * Barcamp pages and API: programme and proposals, sessions with interest and documentation,
 * the organisers' plan (rooms, slots, draft, adjustments, publication), the live schedule.
 *
 * Reading routes are open to visitors ('public') because a public barcamp's programme and live
 * schedule are public; `loadBarcamp` applies the one visibility rule, so an event the caller
 * may not see, a missing one and one of another kind all answer the same 404 (a visitor on a
 * page is sent to sign in instead, for every one of them alike). Writing needs people inside.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readForm, type FormValues } from '../../http/forms.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, safeNext, sendPage, viewContext } from '../../http/render.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { FormState } from '../../views/components/forms.js';
import type { Flash } from '../../views/context.js';
import { ErrorResponse } from '../api/api.schema.js';
import { schemaError } from '../communities/communities-api.routes.js';
import type { EventRow } from './events.repo.js';
import { canManage, type EventDeps } from './events.service.js';
import * as repo from './barcamp.repo.js';
import * as service from './barcamp.service.js';
import { LivePage, PlanPage, ProgrammePage, SessionFormPage, SessionPage, formats } from './barcamp.views.js';

// --- Schemas -------------------------------------------------------------------------------------

const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const EventParams = Type.Object({ id: Id });
const SessionParams = Type.Object({ id: Id, sessionId: Id });
const RoomParams = Type.Object({ id: Id, roomId: Id });
const SlotParams = Type.Object({ id: Id, slotId: Id });
const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength, pattern: '^[^\\u0000]*$' });
const FormatSchema = Type.Union(formats.map((f) => Type.Literal(f)), { errorMessage: 'barcamp.error.format' });
const DateTime = Type.String({ format: 'date-time', maxLength: 40, description: 'ISO 8601 with offset' });

const ProposalForm = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200, errorMessage: 'barcamp.error.title' }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  format: FormatSchema,
  expectedSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, errorMessage: 'barcamp.error.expectedSize' })),
  coHosts: Type.Optional(Type.String({ maxLength: 1000 })),
});
const EditForm = Type.Object({ ...ProposalForm.properties, withdrawn: Type.Optional(Type.Boolean()) });
const InterestForm = Type.Object({ interest: Type.Union([Type.Literal('on'), Type.Literal('off')]), next: Type.Optional(Type.String({ maxLength: 500 })) });
const NotesForm = Type.Object({ notes: Type.Optional(Type.String({ maxLength: 50000 })), version: Type.Integer({ minimum: 0 }) });
const RoomForm = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, errorMessage: 'barcamp.error.roomName' }), capacity: Type.Integer({ minimum: 1, maximum: 10000, errorMessage: 'barcamp.error.capacity' }) });
const RoomEditForm = Type.Object({ roomName: Type.String({ minLength: 1, maxLength: 100, errorMessage: 'barcamp.error.roomName' }), roomCapacity: Type.Integer({ minimum: 1, maximum: 10000, errorMessage: 'barcamp.error.capacity' }) });
const DatePattern = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', errorMessage: 'barcamp.error.date' });
const TimePattern = Type.String({ pattern: '^\\d{1,2}:\\d{2}$', errorMessage: 'barcamp.error.time' });
const SlotForm = Type.Object({ date: DatePattern, from: TimePattern, to: TimePattern });
const SlotEditForm = Type.Object({ slotDate: DatePattern, slotFrom: TimePattern, slotTo: TimePattern });

const SessionCreate = Type.Object(
  {
    title: Text(200, 3),
    description: Type.Optional(Text(5000)),
    format: FormatSchema,
    expectedSize: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()])),
    hostIds: Type.Optional(Type.Array(Id, { maxItems: 10, description: 'Further hosts besides the caller' })),
  },
  { additionalProperties: false },
);
const SessionPatchBody = Type.Object(
  {
    title: Type.Optional(Text(200, 3)),
    description: Type.Optional(Text(5000)),
    format: Type.Optional(FormatSchema),
    expectedSize: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()])),
    hostIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10, description: 'All hosts' })),
    withdrawn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
const NotesBody = Type.Object({ notes: Text(50000), version: Type.Integer({ minimum: 0, description: 'notesVersion the edit started from' }) }, { additionalProperties: false });
const PlacementIn = Type.Object({ sessionId: Id, roomId: Id, slotId: Id }, { additionalProperties: false });
const PlanBody = Type.Object({ placements: Type.Array(PlacementIn, { maxItems: 2000, description: 'The whole plan: sessions not listed leave it' }) }, { additionalProperties: false });
const PlacementBody = Type.Object({ roomId: Type.Union([Id, Type.Null()]), slotId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
const RoomBody = Type.Object({ name: Text(100, 1), capacity: Type.Integer({ minimum: 1, maximum: 10000 }) }, { additionalProperties: false });
const SlotBody = Type.Object({ startsAt: DateTime, endsAt: DateTime }, { additionalProperties: false });
const PageQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 400 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) });

// Answers
const HostOut = Type.Object({ id: Type.String(), name: Type.String() });
const SessionOut = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  title: Type.String(),
  description: Type.String(),
  format: Type.String(),
  expectedSize: Type.Union([Type.Integer(), Type.Null()]),
  interestCount: Type.Integer(),
  interested: Type.Boolean({ description: 'The caller marked interest' }),
  hosts: Type.Array(HostOut, { description: 'Empty for visitors' }),
  roomId: Type.Union([Type.String(), Type.Null()], { description: 'Only once the plan is published, or for organisers' }),
  slotId: Type.Union([Type.String(), Type.Null()]),
  withdrawn: Type.Boolean(),
  url: Type.String(),
});
const SessionDetailOut = Type.Object({ ...SessionOut.properties, notes: Type.String(), notesVersion: Type.Integer(), notesUpdatedAt: Type.Union([Type.String(), Type.Null()]), documentationPostId: Type.Union([Type.String(), Type.Null()]) });
const RoomOut = Type.Object({ id: Type.String(), name: Type.String(), capacity: Type.Integer() });
const SlotOut = Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String() });
const ScheduleOut = Type.Object({
  published: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  draft: Type.Boolean({ description: 'true: the unpublished draft, shown to organisers only' }),
  timeZone: Type.Literal('Europe/Berlin'),
  rooms: Type.Array(RoomOut),
  slots: Type.Array(SlotOut),
  placements: Type.Array(
    Type.Object({ sessionId: Type.String(), title: Type.String(), hosts: Type.Array(HostOut), roomId: Type.String(), roomName: Type.String(), slotId: Type.String(), startsAt: Type.String(), endsAt: Type.String() }),
  ),
});
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<number, TSchema>;
const readErrors = errors(400, 401, 403, 404);
const writeErrors = errors(400, 401, 403, 404, 409, 422, 429);
const tags = ['barcamps'];

type Params = Static<typeof SessionParams>;

function presentSession(deps: AppDeps, actor: FastifyRequest['actor'], event: EventRow, s: repo.SessionRow) {
  const planShown = service.seesPlan(actor, event);
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    description: s.description,
    format: s.format,
    expectedSize: s.expectedSize,
    interestCount: s.interestCount,
    interested: s.interested,
    hosts: service.seesHosts(actor) ? s.hosts : [],
    roomId: planShown ? s.roomId : null,
    slotId: planShown ? s.slotId : null,
    withdrawn: Boolean(s.withdrawnAt),
    url: new URL(`/veranstaltungen/${event.id}/sessions/${s.id}`, deps.config.baseUrl).toString(),
  };
}

function presentSchedule(schedule: service.Schedule) {
  const rooms = new Map(schedule.rooms.map((r) => [r.id, r]));
  const slots = new Map(schedule.slots.map((s) => [s.id, s]));
  return {
    published: schedule.published,
    publishedAt: schedule.publishedAt?.toISOString() ?? null,
    draft: schedule.draft,
    timeZone: 'Europe/Berlin' as const,
    rooms: schedule.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    slots: schedule.slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    placements: schedule.entries.map((e) => ({
      sessionId: e.sessionId,
      title: e.title,
      hosts: e.hosts,
      roomId: e.roomId,
      roomName: rooms.get(e.roomId)?.name ?? '',
      slotId: e.slotId,
      startsAt: slots.get(e.slotId)?.startsAt.toISOString() ?? '',
      endsAt: slots.get(e.slotId)?.endsAt.toISOString() ?? '',
    })),
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function barcampRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const eventDeps: EventDeps = { db, jobs: deps.jobs, baseUrl: deps.config.baseUrl, secret: deps.config.sessionSecret };
  const testClock = deps.config.NODE_ENV === 'test';

  app.setSchemaErrorFormatter((errs, dataVar) => schemaError(errs, dataVar));
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (request.url.startsWith('/api/') && SAFE.has(request.method) && actor.kind === 'user' && actor.via === 'token' && !actor.scopes.includes('read')) throw new AppError('forbidden');
  });

  const open = { config: { access: 'public' as const } };
  const inside = { config: { access: 'inside' as const } };
  const api = <S extends Record<string, unknown>>(access: 'public' | 'inside', schema: S) => ({ config: { access }, schema: { tags, ...schema } });

  /** A visitor who finds nothing is asked to sign in (for hidden, missing and other events alike). */
  async function visible<T>(request: FastifyRequest, reply: FastifyReply, load: () => Promise<T>): Promise<T | FastifyReply> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found' && request.actor.kind === 'anonymous') {
        return reply.redirect(`/anmelden?next=${encodeURIComponent(safeNext(request.url))}`, 303);
      }
      throw error;
    }
  }
  const isReply = (x: unknown): x is FastifyReply => typeof x === 'object' && x !== null && 'sent' in x && 'raw' in x;

  // --- Programme -------------------------------------------------------------------------------

  app.get('/veranstaltungen/:id/programm', { ...open, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const event = await visible(request, reply, () => service.loadBarcamp(db, request.actor, id));
    if (isReply(event)) return event;
    const actor = request.actor;
    const sessions = await repo.allSessions(db, event.id, actor.kind === 'user' ? actor.user.id : null);
    const schedule = await service.loadSchedule(db, actor, event, sessions);
    const participate = service.canParticipate(actor, event);
    return sendPage(
      reply,
      h(ProgrammePage, {
        ctx: viewContext(request, reply),
        d: { event, sessions, schedule, can: { propose: participate, participate, manage: canManage(actor, event), seeHosts: service.seesHosts(actor) } },
      }),
    );
  });

  async function proposalPage(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const event = await service.loadBarcamp(db, request.actor, id);
    if (!service.canParticipate(request.actor, event)) throw new AppError('forbidden');
    return { event, page: (ctx: Parameters<typeof SessionFormPage>[0]['ctx'], form: FormState) => h(SessionFormPage, { ctx, form, event, editing: null }) };
  }

  app.get('/veranstaltungen/:id/programm/neu', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { page } = await proposalPage(request);
    return showForm(request, reply, page, { values: { format: 'discussion' }, errors: {} });
  });

  app.post('/veranstaltungen/:id/programm/neu', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { event, page } = await proposalPage(request);
    return submitForm(request, reply, ProposalForm, page, async (form) => {
      const hostIds = await service.userIdsByEmail(db, form.coHosts ?? '');
      const sessionId = await service.proposeSession(eventDeps, request.actor, event.id, { ...form, hostIds });
      return redirectAfterPost(reply, `/veranstaltungen/${event.id}/sessions/${sessionId}`, { kind: 'success', key: 'barcamp.flash.proposed' });
    });
  });

  // --- A session ---------------------------------------------------------------------------------

  async function sessionPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200, conflict: service.StaleNotesError['current'] | null = null) {
    const { id, sessionId } = request.params as Params;
    const loaded = await visible(request, reply, () => service.loadSession(db, request.actor, sessionId, id));
    if (isReply(loaded)) return loaded;
    const { event, session } = loaded;
    const actor = request.actor;
    let place = null;
    if (session.roomId && session.slotId && service.seesPlan(actor, event)) {
      const [rooms, slots] = await Promise.all([repo.listRooms(db, event.id), repo.listSlots(db, event.id)]);
      const room = rooms.find((r) => r.id === session.roomId);
      const slot = slots.find((s) => s.id === session.slotId);
      if (room && slot) place = { room, slot };
    }
    return sendPage(
      reply,
      h(SessionPage, {
        ctx: viewContext(request, reply),
        d: {
          event,
          session,
          notesHtml: renderMarkdown(session.notes, 50000),
          place,
          can: { edit: service.canEditSession(actor, event, session), participate: service.canParticipate(actor, event), notes: service.canWriteNotes(actor, event, session), seeHosts: service.seesHosts(actor) },
          conflict: conflict ? { notesHtml: renderMarkdown(conflict.notes, 50000), version: conflict.version, updatedAt: conflict.updatedAt, updatedByName: conflict.updatedByName } : null,
          form,
        },
      }),
      status,
    );
  }

  app.get('/veranstaltungen/:id/sessions/:sessionId', { ...open, schema: { params: SessionParams } }, async (request, reply) => sessionPage(request, reply, { values: {}, errors: {} }));

  app.post('/veranstaltungen/:id/sessions/:sessionId/interesse', { ...inside, schema: { params: SessionParams } }, async (request, reply) => {
    const { id, sessionId } = request.params as Params;
    await service.loadSession(db, request.actor, sessionId, id);
    const form = readForm(InterestForm, request.body);
    if (!form.ok) throw new AppError('bad_request');
    const on = form.value.interest === 'on';
    await service.setInterest(eventDeps, request.actor, sessionId, on);
    const next = safeNext(form.value.next, `/veranstaltungen/${id}/sessions/${sessionId}`);
    return redirectAfterPost(reply, next.startsWith(`/veranstaltungen/${id}/`) ? next : `/veranstaltungen/${id}/sessions/${sessionId}`, { kind: 'success', key: on ? 'barcamp.flash.interestAdded' : 'barcamp.flash.interestRemoved' });
  });

  app.post('/veranstaltungen/:id/sessions/:sessionId/notizen', { ...inside, schema: { params: SessionParams } }, async (request, reply) => {
    const { id, sessionId } = request.params as Params;
    await service.loadSession(db, request.actor, sessionId, id);
    const form = readForm(NotesForm, request.body);
    if (!form.ok) return sessionPage(request, reply, form, 422);
    try {
      await service.saveNotes(eventDeps, request.actor, sessionId, form.value.notes ?? '', form.value.version);
    } catch (error) {
      if (error instanceof service.StaleNotesError) return sessionPage(request, reply, { values: form.values, errors: {} }, 409, error.current);
      if (error instanceof AppError && error.status === 422) return sessionPage(request, reply, { values: form.values, errors: { notes: { key: Object.values(error.fields)[0] ?? error.messageKey } } }, 422);
      throw error;
    }
    return redirectAfterPost(reply, `/veranstaltungen/${id}/sessions/${sessionId}#documentation`, { kind: 'success', key: 'barcamp.flash.notesSaved' });
  });

  async function editPage(request: FastifyRequest) {
    const { id, sessionId } = request.params as Params;
    const { event, session } = await service.loadSession(db, request.actor, sessionId, id);
    if (!service.canEditSession(request.actor, event, session)) throw new AppError('forbidden');
    return { event, session, page: (ctx: Parameters<typeof SessionFormPage>[0]['ctx'], form: FormState) => h(SessionFormPage, { ctx, form, event, editing: { id: session.id, title: session.title } }) };
  }

  app.get('/veranstaltungen/:id/sessions/:sessionId/bearbeiten', { ...inside, schema: { params: SessionParams } }, async (request, reply) => {
    const { session, page } = await editPage(request);
    const emails = session.hosts.length
      ? await db.selectFrom('users').select('email').where('id', 'in', session.hosts.map((h) => h.id)).orderBy('email').execute()
      : [];
    const values: FormValues = {
      title: session.title,
      description: session.description,
      format: session.format,
      expectedSize: session.expectedSize ? String(session.expectedSize) : '',
      coHosts: emails.map((e) => e.email).join(', '),
      withdrawn: session.withdrawnAt ? 'on' : '',
    };
    return showForm(request, reply, page, { values, errors: {} });
  });

  app.post('/veranstaltungen/:id/sessions/:sessionId/bearbeiten', { ...inside, schema: { params: SessionParams } }, async (request, reply) => {
    const { event, session, page } = await editPage(request);
    return submitForm(request, reply, EditForm, page, async (form) => {
      const hostIds = await service.userIdsByEmail(db, form.coHosts ?? '');
      if (hostIds.length === 0) throw new AppError('validation_failed', { coHosts: 'barcamp.error.noHost' });
      await service.updateSession(eventDeps, request.actor, session.id, {
        title: form.title,
        description: form.description ?? '',
        format: form.format,
        expectedSize: form.expectedSize ?? null,
        hostIds,
        withdrawn: form.withdrawn ?? false,
      });
      return redirectAfterPost(reply, `/veranstaltungen/${event.id}/sessions/${session.id}`, { kind: 'success', key: 'barcamp.flash.saved' });
    });
  });

  // --- The plan (organisers) ---------------------------------------------------------------------

  async function planPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const { id } = request.params as { id: string };
    const event = await service.loadBarcamp(db, request.actor, id);
    if (!canManage(request.actor, event)) throw new AppError('forbidden');
    const actor = request.actor;
    const [sessions, planned] = await Promise.all([repo.allSessions(db, event.id, actor.kind === 'user' ? actor.user.id : null), repo.planSessions(db, event.id)]);
    const schedule = await service.loadSchedule(db, actor, event, sessions);
    const sizes = new Map(planned.map((p) => [p.id, service.planningSize(p)]));
    const documented = await db.selectFrom('eventSessions').select((eb) => eb.fn.countAll<string>().as('n')).where('eventId', '=', event.id).where('withdrawnAt', 'is', null).where('documentationPostId', 'is', null).where('notes', '<>', '').executeTakeFirst();
    return sendPage(
      reply,
      h(PlanPage, {
        ctx: viewContext(request, reply),
        d: {
          event,
          rooms: schedule.rooms,
          slots: schedule.slots,
          sessions: sessions.map((s) => ({ ...s, size: sizes.get(s.id) ?? 0 })),
          schedule,
          canPublishDocs: service.mayPublishDocumentation(actor, event),
          docsNeedCommunity: !event.communityId,
          documented: Number(documented?.n ?? 0),
          form,
        },
      }),
      status,
    );
  }

  /** A plan form: act and go back to the plan, or show the plan again with the message (422). */
  async function planAction(request: FastifyRequest, reply: FastifyReply, act: () => Promise<unknown>, flash: () => Flash | undefined, values: FormValues = {}, rename: Record<string, string> = {}) {
    try {
      await act();
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 422 && error.status !== 409)) throw error;
      const own = error instanceof service.BarcampError;
      const entries = Object.entries(error.fields);
      const errs = entries.length
        ? Object.fromEntries(entries.map(([k, v]) => [rename[k] ?? k, { key: own ? error.messageKey : v, params: error.params }]))
        : { _form: { key: error.messageKey, params: error.params } };
      return planPage(request, reply, { values, errors: errs }, 422);
    }
    const { id } = request.params as { id: string };
    return redirectAfterPost(reply, `/veranstaltungen/${id}/plan`, flash());
  }

  app.get('/veranstaltungen/:id/plan', { ...inside, schema: { params: EventParams } }, async (request, reply) => planPage(request, reply, { values: {}, errors: {} }));

  app.post('/veranstaltungen/:id/plan', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const cells = new Map<string, service.Cell>();
    const values: FormValues = {};
    for (const [name, raw] of Object.entries(body)) {
      if (!name.startsWith('cell_')) continue;
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (typeof value !== 'string') throw new AppError('bad_request');
      values[name] = value;
      const sessionId = name.slice(5);
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(sessionId)) throw new AppError('bad_request');
      if (value === '') cells.set(sessionId, null);
      else {
        const m = /^([A-Za-z0-9_-]{1,40}):([A-Za-z0-9_-]{1,40})$/.exec(value);
        if (!m) throw new AppError('bad_request');
        cells.set(sessionId, { roomId: m[1]!, slotId: m[2]! });
      }
    }
    // The same answer for the form and for the drag-and-drop script (assets/js/programme.js), which shows the page it gets.
    return planAction(request, reply, () => service.placeSessions(eventDeps, request.actor, id, cells, request.lang), () => ({ kind: 'success', key: 'barcamp.flash.planSaved' }), values);
  });

  app.post('/veranstaltungen/:id/plan/entwurf', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    let outcome: service.DraftOutcome = { placed: 0, unplaced: 0 };
    return planAction(request, reply, async () => (outcome = await service.generateDraft(eventDeps, request.actor, id)), () => ({ kind: 'success', key: 'barcamp.flash.draft', params: { placed: outcome.placed, unplaced: outcome.unplaced } }));
  });

  app.post('/veranstaltungen/:id/plan/veroeffentlichen', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return planAction(request, reply, () => service.publishPlan(eventDeps, request.actor, id), () => ({ kind: 'success', key: 'barcamp.flash.published' }));
  });

  app.post('/veranstaltungen/:id/plan/raeume', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const form = readForm(RoomForm, request.body);
    if (!form.ok) {
      await service.loadBarcamp(db, request.actor, id);
      return planPage(request, reply, form, 422);
    }
    return planAction(request, reply, () => service.addRoom(eventDeps, request.actor, id, form.value), () => ({ kind: 'success', key: 'barcamp.flash.roomAdded' }), form.values);
  });

  app.post('/veranstaltungen/:id/plan/raeume/:roomId', { ...inside, schema: { params: RoomParams } }, async (request, reply) => {
    const { id, roomId } = request.params as { id: string; roomId: string };
    const form = readForm(RoomEditForm, request.body);
    if (!form.ok) return planPage(request, reply, { values: {}, errors: Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`room_${k}`, v])) }, 422);
    return planAction(request, reply, () => service.updateRoom(eventDeps, request.actor, id, roomId, { name: form.value.roomName, capacity: form.value.roomCapacity }), () => ({ kind: 'success', key: 'barcamp.flash.roomSaved' }), {}, { name: 'room_name', capacity: 'room_capacity' });
  });

  app.post('/veranstaltungen/:id/plan/raeume/:roomId/loeschen', { ...inside, schema: { params: RoomParams } }, async (request, reply) => {
    const { id, roomId } = request.params as { id: string; roomId: string };
    return planAction(request, reply, () => service.deleteRoom(eventDeps, request.actor, id, roomId), () => ({ kind: 'success', key: 'barcamp.flash.roomDeleted' }));
  });

  function slotTimesOf(date: string, from: string, to: string): service.SlotInput | null {
    const startsAt = service.fromBerlin(date, from);
    const endsAt = service.fromBerlin(date, to);
    return startsAt && endsAt ? { startsAt, endsAt } : null;
  }

  app.post('/veranstaltungen/:id/plan/zeitfenster', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const form = readForm(SlotForm, request.body);
    if (!form.ok) return planPage(request, reply, form, 422);
    const times = slotTimesOf(form.value.date, form.value.from, form.value.to);
    if (!times) return planPage(request, reply, { values: form.values, errors: { date: { key: 'barcamp.error.date' } } }, 422);
    return planAction(request, reply, () => service.addSlot(eventDeps, request.actor, id, times), () => ({ kind: 'success', key: 'barcamp.flash.slotAdded' }), form.values, { startsAt: 'from', endsAt: 'to' });
  });

  app.post('/veranstaltungen/:id/plan/zeitfenster/:slotId', { ...inside, schema: { params: SlotParams } }, async (request, reply) => {
    const { id, slotId } = request.params as { id: string; slotId: string };
    const form = readForm(SlotEditForm, request.body);
    const times = form.ok ? slotTimesOf(form.value.slotDate, form.value.slotFrom, form.value.slotTo) : null;
    if (!times) return planPage(request, reply, { values: {}, errors: { slot_date: { key: 'barcamp.error.date' } } }, 422);
    return planAction(request, reply, () => service.updateSlot(eventDeps, request.actor, id, slotId, times), () => ({ kind: 'success', key: 'barcamp.flash.slotSaved' }), {}, { startsAt: 'slot_startsAt', endsAt: 'slot_endsAt' });
  });

  app.post('/veranstaltungen/:id/plan/zeitfenster/:slotId/loeschen', { ...inside, schema: { params: SlotParams } }, async (request, reply) => {
    const { id, slotId } = request.params as { id: string; slotId: string };
    return planAction(request, reply, () => service.deleteSlot(eventDeps, request.actor, id, slotId), () => ({ kind: 'success', key: 'barcamp.flash.slotDeleted' }));
  });

  app.post('/veranstaltungen/:id/dokumentation/veroeffentlichen', { ...inside, schema: { params: EventParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    let created = 0;
    return planAction(request, reply, async () => (created = await service.publishDocumentation(eventDeps, request.actor, id)), () => ({ kind: 'success', key: 'barcamp.flash.docsPublished', params: { count: created } }));
  });

  // --- Live ---------------------------------------------------------------------------------------

  app.get('/veranstaltungen/:id/live', { ...open, schema: { params: EventParams, querystring: Type.Object({ jetzt: Type.Optional(Type.String({ maxLength: 40 })) }) } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const event = await visible(request, reply, () => service.loadBarcamp(db, request.actor, id));
    if (isReply(event)) return event;
    const query = request.query as { jetzt?: string };
    // A fixed "now" is for tests only; in production the clock decides.
    const asked = testClock && query.jetzt ? new Date(query.jetzt) : null;
    const now = asked && !Number.isNaN(asked.getTime()) ? asked : new Date();
    const published = Boolean(event.planPublishedAt);
    const schedule = published ? await service.loadSchedule(db, request.actor, event) : null;
    const { current, next } = service.nowAndNext(schedule?.slots ?? [], now);
    const block = (slot: repo.SlotRow | null) => (slot && schedule ? { slot, entries: schedule.entries.filter((e) => e.slotId === slot.id).sort((a, b) => schedule.rooms.findIndex((r) => r.id === a.roomId) - schedule.rooms.findIndex((r) => r.id === b.roomId)) } : null);
    // Without JavaScript the page reloads itself every minute (the Refresh header works like <meta http-equiv="refresh">).
    reply.header('refresh', '60');
    return sendPage(reply, h(LivePage, { ctx: viewContext(request, reply), d: { event, published, rooms: schedule?.rooms ?? [], current: block(current), next: block(next), now } }));
  });

  // --- API -----------------------------------------------------------------------------------------

  app.get(
    '/api/v1/events/:id/sessions',
    api('public', { summary: 'Session proposals of a barcamp, in the order they were made', params: EventParams, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(SessionOut), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...readErrors } }),
    async (request) => {
      const { id } = request.params as { id: string };
      const event = await service.loadBarcamp(db, request.actor, id);
      const q = request.query as Static<typeof PageQuery>;
      const page = await repo.pageSessions(db, event.id, request.actor.kind === 'user' ? request.actor.user.id : null, q);
      return { items: page.items.map((s) => presentSession(deps, request.actor, event, s)), nextCursor: page.next };
    },
  );

  app.post(
    '/api/v1/events/:id/sessions',
    api('inside', { summary: 'Propose a session (confirmed participants, organisers, office); the caller hosts it', params: EventParams, body: SessionCreate, response: { 201: SessionDetailOut, ...writeErrors } }),
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const sessionId = await service.proposeSession(eventDeps, request.actor, id, request.body as Static<typeof SessionCreate>);
      const { event, session } = await service.loadSession(db, request.actor, sessionId);
      return reply.code(201).send(presentDetail(event, session, request));
    },
  );

  function presentDetail(event: EventRow, session: repo.SessionDetail, request: FastifyRequest) {
    return { ...presentSession(deps, request.actor, event, session), notes: service.seesHosts(request.actor) ? session.notes : '', notesVersion: session.notesVersion, notesUpdatedAt: session.notesUpdatedAt?.toISOString() ?? null, documentationPostId: session.documentationPostId };
  }

  app.get('/api/v1/sessions/:id', api('public', { summary: 'A session with its notes', params: EventParams, response: { 200: SessionDetailOut, ...readErrors } }), async (request) => {
    const { id } = request.params as { id: string };
    const { event, session } = await service.loadSession(db, request.actor, id);
    return presentDetail(event, session, request);
  });

  app.patch('/api/v1/sessions/:id', api('inside', { summary: 'Change a session (hosts, organisers, office)', params: EventParams, body: SessionPatchBody, response: { 200: SessionDetailOut, ...writeErrors } }), async (request) => {
    const { id } = request.params as { id: string };
    await service.updateSession(eventDeps, request.actor, id, request.body as Static<typeof SessionPatchBody>);
    const { event, session } = await service.loadSession(db, request.actor, id);
    return presentDetail(event, session, request);
  });

  const InterestOut = Type.Object({ interested: Type.Boolean(), interestCount: Type.Integer() });
  app.post('/api/v1/sessions/:id/interest', api('inside', { summary: 'Mark interest (idempotent)', params: EventParams, response: { 200: InterestOut, ...writeErrors } }), async (request) => {
    return service.setInterest(eventDeps, request.actor, (request.params as { id: string }).id, true);
  });
  app.delete('/api/v1/sessions/:id/interest', api('inside', { summary: 'Take back the interest mark (idempotent)', params: EventParams, response: { 200: InterestOut, ...writeErrors } }), async (request) => {
    return service.setInterest(eventDeps, request.actor, (request.params as { id: string }).id, false);
  });

  app.put(
    '/api/v1/sessions/:id/notes',
    api('inside', { summary: 'Save the documentation notes (Markdown); 409 when someone saved since `version`', params: EventParams, body: NotesBody, response: { 200: Type.Object({ notesVersion: Type.Integer() }), ...writeErrors } }),
    async (request) => {
      const body = request.body as Static<typeof NotesBody>;
      const notesVersion = await service.saveNotes(eventDeps, request.actor, (request.params as { id: string }).id, body.notes, body.version);
      return { notesVersion };
    },
  );

  app.get('/api/v1/events/:id/schedule', api('public', { summary: 'Rooms, slots and the plan (published; the draft for organisers)', params: EventParams, response: { 200: ScheduleOut, ...readErrors } }), async (request) => {
    const event = await service.loadBarcamp(db, request.actor, (request.params as { id: string }).id);
    return presentSchedule(await service.loadSchedule(db, request.actor, event));
  });

  const organiserRoute = (summary: string, schema: Record<string, unknown> = {}) => api('inside', { summary, params: EventParams, ...schema });

  app.post('/api/v1/events/:id/plan/draft', organiserRoute('Generate the draft plan from interest and room sizes (replaces the unpublished placements)', { response: { 200: ScheduleOut, ...writeErrors } }), async (request) => {
    const { id } = request.params as { id: string };
    await service.generateDraft(eventDeps, request.actor, id);
    return presentSchedule(await service.loadSchedule(db, request.actor, await service.loadBarcamp(db, request.actor, id)));
  });

  app.put('/api/v1/events/:id/plan', organiserRoute('Set the whole plan; refused with 409/422 and a message on any violation', { body: PlanBody, response: { 200: ScheduleOut, ...writeErrors } }), async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as Static<typeof PlanBody>;
    const event = await service.loadBarcamp(db, request.actor, id);
    const cells = new Map<string, service.Cell>();
    for (const s of await repo.planSessions(db, event.id)) cells.set(s.id, null);
    // Ids of other events' sessions are refused by placeSessions (422), like unknown ones.
    for (const p of body.placements) cells.set(p.sessionId, { roomId: p.roomId, slotId: p.slotId });
    if (new Set(body.placements.map((p) => p.sessionId)).size !== body.placements.length) throw new AppError('validation_failed', { placements: 'barcamp.error.placedTwice' });
    await service.placeSessions(eventDeps, request.actor, id, cells, request.lang);
    return presentSchedule(await service.loadSchedule(db, request.actor, event));
  });

  app.put(
    '/api/v1/sessions/:id/placement',
    api('inside', { summary: 'Move one session to a room and slot (null and null: out of the plan)', params: EventParams, body: PlacementBody, response: { 200: SessionDetailOut, ...writeErrors } }),
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as Static<typeof PlacementBody>;
      if ((body.roomId === null) !== (body.slotId === null)) throw new AppError('validation_failed', { roomId: 'barcamp.error.cellPair' });
      const { event } = await service.loadSession(db, request.actor, id);
      await service.placeSessions(eventDeps, request.actor, event.id, new Map([[id, body.roomId && body.slotId ? { roomId: body.roomId, slotId: body.slotId } : null]]), request.lang);
      const { session } = await service.loadSession(db, request.actor, id);
      return presentDetail(event, session, request);
    },
  );

  app.post('/api/v1/events/:id/plan/publish', organiserRoute('Publish the plan', { response: { 200: ScheduleOut, ...writeErrors } }), async (request) => {
    const { id } = request.params as { id: string };
    await service.publishPlan(eventDeps, request.actor, id);
    return presentSchedule(await service.loadSchedule(db, request.actor, await service.loadBarcamp(db, request.actor, id)));
  });

  app.post('/api/v1/events/:id/rooms', organiserRoute('Add a room', { body: RoomBody, response: { 201: RoomOut, ...writeErrors } }), async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Static<typeof RoomBody>;
    const roomId = await service.addRoom(eventDeps, request.actor, id, body);
    return reply.code(201).send({ id: roomId, name: body.name.trim(), capacity: body.capacity });
  });
  app.patch('/api/v1/events/:id/rooms/:roomId', api('inside', { summary: 'Change a room', params: RoomParams, body: RoomBody, response: { 200: RoomOut, ...writeErrors } }), async (request) => {
    const { id, roomId } = request.params as { id: string; roomId: string };
    const body = request.body as Static<typeof RoomBody>;
    await service.updateRoom(eventDeps, request.actor, id, roomId, body);
    return { id: roomId, name: body.name.trim(), capacity: body.capacity };
  });
  app.delete('/api/v1/events/:id/rooms/:roomId', api('inside', { summary: 'Remove a room (its sessions leave the plan)', params: RoomParams, response: { 204: Type.Null(), ...writeErrors } }), async (request, reply) => {
    const { id, roomId } = request.params as { id: string; roomId: string };
    await service.deleteRoom(eventDeps, request.actor, id, roomId);
    return reply.code(204).send();
  });
  app.post('/api/v1/events/:id/slots', organiserRoute('Add a time slot', { body: SlotBody, response: { 201: SlotOut, ...writeErrors } }), async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as Static<typeof SlotBody>;
    const input = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
    const slotId = await service.addSlot(eventDeps, request.actor, id, input);
    return reply.code(201).send({ id: slotId, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() });
  });
  app.patch('/api/v1/events/:id/slots/:slotId', api('inside', { summary: 'Change a time slot', params: SlotParams, body: SlotBody, response: { 200: SlotOut, ...writeErrors } }), async (request) => {
    const { id, slotId } = request.params as { id: string; slotId: string };
    const body = request.body as Static<typeof SlotBody>;
    const input = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
    await service.updateSlot(eventDeps, request.actor, id, slotId, input);
    return { id: slotId, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() };
  });
  app.delete('/api/v1/events/:id/slots/:slotId', api('inside', { summary: 'Remove a time slot (its sessions leave the plan)', params: SlotParams, response: { 204: Type.Null(), ...writeErrors } }), async (request, reply) => {
    const { id, slotId } = request.params as { id: string; slotId: string };
    await service.deleteSlot(eventDeps, request.actor, id, slotId);
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/events/:id/documentation/publish',
    organiserRoute('Publish the session notes into the linked community, one discussion per documented session (never twice); 409 without a community', { response: { 200: Type.Object({ created: Type.Integer() }), ...writeErrors } }),
    async (request) => ({ created: await service.publishDocumentation(eventDeps, request.actor, (request.params as { id: string }).id) }),
  );
}
