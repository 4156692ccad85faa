/**
 * The JSON API of events: list, create, read, change, cancel; the caller's registration; the
 * organisers' registration list, cancellations and attendance; the calendar file. Reading is
 * open to visitors for public events (the same rule as every page); writing needs someone
 * inside. Errors are `{ code, message }`: 404 where the event does not exist for the caller,
 * 403 where they see it but may not act, 409 when registration is closed or full.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { ErrorResponse } from '../api/api.schema.js';
import { schemaError } from '../communities/communities-api.routes.js';
import { eventCalendar } from './calendar.js';
import { presentEvent, EventOut } from './events.present.js';
import { listEvents, listRegistrations } from './events.repo.js';
import { EventCreate, EventKindSchema, EventPatch, Id } from './events.schema.js';
import * as service from './events.service.js';
import { REMINDER_QUEUE } from '../../jobs/jobs.js';

const tags = ['events'];
const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse])) as Record<number, TSchema>;
const readErrors = errors(400, 404);
const writeErrors = errors(400, 401, 403, 404, 409, 422);

const IdParams = Type.Object({ id: Id });
const ListQuery = Type.Object({
  period: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')], { description: 'upcoming (default): not yet ended, soonest first; past: newest first' })),
  kind: Type.Optional(EventKindSchema),
  community: Type.Optional(Type.String({ maxLength: 60, description: 'Slug of a community' })),
  mine: Type.Optional(Type.Boolean({ description: 'Only events the caller registered for or organises' })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
const RegistrationIn = Type.Union([
  Type.Object({ answers: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 1000, pattern: '^[^\\u0000]*$' }), { maxProperties: 5 })) }, { additionalProperties: false }),
  Type.Null(),
]);
const RegistrationOut = Type.Object({ status: Type.Union([Type.Literal('confirmed'), Type.Literal('waiting'), Type.Literal('none')]), waitlistPosition: Type.Union([Type.Integer(), Type.Null()]) });
const MessageIn = Type.Object({ message: Type.String({ minLength: 1, maxLength: 2000, pattern: '^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$' }) }, { additionalProperties: false });
const AttendanceIn = Type.Object({ userIds: Type.Array(Id, { maxItems: 100000 }) }, { additionalProperties: false });
const RegistrationRowOut = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  partner: Type.Boolean(),
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('waiting')]),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  answers: Type.Record(Type.String(), Type.String()),
  attended: Type.Boolean(),
  registeredAt: Type.String({ format: 'date-time' }),
});

export async function eventsApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const eventDeps: service.EventDeps = { db, jobs: deps.jobs, baseUrl: config.baseUrl, secret: config.sessionSecret };
  app.setSchemaErrorFormatter((errs, dataVar) => schemaError(errs, dataVar));
  // Reminders a day ahead, and deleting registration answers once an event is over.
  deps.jobs.every(REMINDER_QUEUE, async () => {
    await service.sendDueReminders(eventDeps);
    await service.deleteAnswersAfterEvents(db);
  });

  const read = <S extends Record<string, unknown>>(schema: S) => ({ config: { access: 'public' as const }, schema: { tags, ...schema } });
  const write = <S extends Record<string, unknown>>(schema: S) => ({ config: { access: 'inside' as const }, schema: { tags, ...schema } });
  const idOf = (request: FastifyRequest) => (request.params as Static<typeof IdParams>).id;

  async function out(request: FastifyRequest, id: string) {
    const event = await service.loadEvent(db, request.actor, id);
    return presentEvent(config.baseUrl, request.actor, event, service.canManage(request.actor, event));
  }

  app.get(
    '/api/v1/events',
    read({ summary: 'Events the caller may see (visitors: public events)', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(EventOut), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...readErrors } }),
    async (request) => {
      const q = request.query as Static<typeof ListQuery>;
      const viewer = service.eventViewer(request.actor);
      let communityId: string | undefined;
      if (q.community) {
        const community = await db.selectFrom('communities').select('id').where('slug', '=', q.community).executeTakeFirst();
        // An unknown community and one the caller may not see both list nothing.
        communityId = community?.id ?? '-';
      }
      const result = await listEvents(db, viewer, { period: q.period, kind: q.kind, communityId, mine: q.mine, cursor: q.cursor, limit: q.limit });
      return { items: result.items.map((e) => presentEvent(config.baseUrl, request.actor, e, service.canManage(request.actor, e))), nextCursor: result.next };
    },
  );

  app.post(
    '/api/v1/events',
    write({ summary: 'Create an event (office; community leads for their community)', body: EventCreate, response: { 201: EventOut, ...writeErrors } }),
    async (request, reply) => {
      const id = await service.createEvent(eventDeps, request.actor, request.body as Static<typeof EventCreate>);
      return reply.code(201).header('location', `/api/v1/events/${id}`).send(await out(request, id));
    },
  );

  // The calendar file; registered before /:id so that the suffix is matched first.
  app.get(
    '/api/v1/events/:id.ics',
    read({ summary: 'The event as an iCalendar file (RFC 5545)', params: IdParams }),
    async (request, reply) => {
      const event = await service.loadEvent(db, request.actor, idOf(request));
      const viewer = service.eventViewer(request.actor);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="veranstaltung-${event.id}.ics"`)
        .header('cache-control', 'private, no-store')
        .send(eventCalendar(config.baseUrl, viewer?.staff ?? false, [event]));
    },
  );

  app.get('/api/v1/events/:id', read({ summary: 'One event', params: IdParams, response: { 200: EventOut, ...readErrors } }), async (request) => out(request, idOf(request)));

  app.patch(
    '/api/v1/events/:id',
    write({ summary: 'Change an event (organisers, office); time, place and link changes update calendar entries', params: IdParams, body: EventPatch, response: { 200: EventOut, ...writeErrors } }),
    async (request) => {
      await service.updateEvent(eventDeps, request.actor, idOf(request), request.body as Static<typeof EventPatch>);
      return out(request, idOf(request));
    },
  );

  app.post(
    '/api/v1/events/:id/cancel',
    write({ summary: 'Cancel the event (organisers, office); everyone registered is told with the message', params: IdParams, body: MessageIn, response: { 200: EventOut, ...writeErrors } }),
    async (request) => {
      await service.cancelEvent(eventDeps, request.actor, idOf(request), (request.body as Static<typeof MessageIn>).message);
      return out(request, idOf(request));
    },
  );

  app.post(
    '/api/v1/events/:id/registration',
    write({ summary: 'Register the caller: confirmed while places are free, then on the waiting list', params: IdParams, body: RegistrationIn, response: { 200: RegistrationOut, ...writeErrors } }),
    async (request) => {
      const body = request.body as Static<typeof RegistrationIn>;
      return service.register(eventDeps, request.actor, idOf(request), body?.answers ?? {});
    },
  );

  app.delete(
    '/api/v1/events/:id/registration',
    write({ summary: 'Cancel the caller’s registration; the next on the waiting list moves up', params: IdParams, response: { 200: RegistrationOut, ...writeErrors } }),
    async (request) => {
      await service.cancelRegistration(eventDeps, request.actor, idOf(request));
      return { status: 'none' as const, waitlistPosition: null };
    },
  );

  app.get(
    '/api/v1/events/:id/registrations',
    write({ summary: 'Confirmed participants and the waiting list in order (organisers, office)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(RegistrationRowOut) }), ...writeErrors } }),
    async (request) => {
      const event = await service.loadManagedEvent(db, request.actor, idOf(request));
      let position = 0;
      const rows = await listRegistrations(db, event.id);
      return {
        items: rows.map((r) => ({
          userId: r.userId,
          name: r.name,
          organisation: r.organisationName,
          partner: r.role === 'partner',
          status: r.status as 'confirmed' | 'waiting',
          waitlistPosition: r.status === 'waiting' ? ++position : null,
          answers: r.answers,
          attended: r.attendedAt !== null,
          registeredAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/api/v1/events/:id/registrations/:userId',
    write({ summary: 'Cancel someone’s registration with a message to them (organisers, office)', params: Type.Object({ id: Id, userId: Id }), body: MessageIn, response: { 200: RegistrationOut, ...writeErrors } }),
    async (request) => {
      const { id, userId } = request.params as { id: string; userId: string };
      await service.cancelRegistration(eventDeps, request.actor, id, { userId, message: (request.body as Static<typeof MessageIn>).message });
      return { status: 'none' as const, waitlistPosition: null };
    },
  );

  app.put(
    '/api/v1/events/:id/attendance',
    write({ summary: 'Who attended (organisers, office): the complete list of confirmed participants present', params: IdParams, body: AttendanceIn, response: { 200: Type.Object({ attended: Type.Integer() }), ...writeErrors } }),
    async (request) => {
      await service.setAttendance(eventDeps, request.actor, idOf(request), (request.body as Static<typeof AttendanceIn>).userIds);
      const rows = await listRegistrations(db, idOf(request), ['confirmed']);
      return { attended: rows.filter((r) => r.attendedAt).length };
    },
  );
}
