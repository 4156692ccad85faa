/**
 * Pages of events. The list and the event page are open to visitors, who see public events
 * only (the same rule as everywhere); everything else needs someone inside. Every form works
 * without JavaScript, answers 422 with the messages next to the fields and keeps the input.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { readForm, readLenient } from '../../http/forms.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import { isInside, isOffice } from '../accounts/accounts.policy.js';
import { certificatePdf } from './certificate.pdf.js';
import { EventForm, eventInputFromForm, formValuesOf, resolveAddresses } from './events.forms.js';
import { listEvents, listRegistrations, organisersOf, type EventRow } from './events.repo.js';
import { Id } from './events.schema.js';
import * as service from './events.service.js';
import { CalendarPage, CertificateCheckPage, CheckInPage, EventFormPage, EventListPage, EventPage, ParticipantsPage } from './events.views.js';

const IdParams = { params: Type.Object({ id: Id }) };
const inside = { config: { access: 'inside' as const } };
const publicAccess = { config: { access: 'public' as const } };

const ListQuery = Type.Object({
  zeitraum: Type.Optional(Type.Union([Type.Literal('vergangen'), Type.Literal('kommend')])),
  typ: Type.Optional(Type.Union([Type.Literal('workshop'), Type.Literal('barcamp'), Type.Literal('meeting'), Type.Literal('online')])),
  meine: Type.Optional(Type.Literal('1')),
  nach: Type.Optional(Type.String({ maxLength: 400 })),
});
const MessageForm = Type.Object({ message: Type.String({ minLength: 1, maxLength: 2000 }) });
const CancelForm = Type.Object({ userId: Id, message: Type.String({ minLength: 1, maxLength: 2000 }) });
const AttendanceForm = Type.Object({ attended: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100000 }) });

export async function eventsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const eventDeps: service.EventDeps = { db, jobs: deps.jobs, baseUrl: config.baseUrl, secret: config.sessionSecret };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get('/veranstaltungen', publicAccess, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const q = readLenient(ListQuery, raw);
    const viewer = service.eventViewer(request.actor);
    const result = await listEvents(db, viewer, { period: q.zeitraum === 'vergangen' ? 'past' : 'upcoming', kind: q.typ, mine: q.meine === '1', cursor: q.nach });
    const values = Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'nach' && typeof v === 'string')) as Record<string, string>;
    return sendPage(
      reply,
      h(EventListPage, {
        ctx: viewContext(request, reply),
        filter: { values, errors: {} },
        items: result.items,
        next: result.next,
        canCreate: await service.canCreateEvents(db, request.actor),
        signedIn: request.actor.kind === 'user' && isInside(request.actor),
      }),
    );
  });

  // --- Creating and changing -----------------------------------------------------------------

  async function formPage(request: FastifyRequest, event?: EventRow) {
    const communities = await service.communitiesForEvents(db, request.actor);
    // An event of a community the editor does not lead keeps that community as a choice.
    if (event?.communityId && !communities.some((c) => c.id === event.communityId) && event.communityName) communities.push({ id: event.communityId, name: event.communityName });
    return (ctx: Parameters<typeof EventFormPage>[0]['ctx'], form: FormState) => h(EventFormPage, { ctx, form, communities, event, office: isOffice(request.actor) });
  }

  app.get('/veranstaltungen/neu', inside, async (request, reply) => {
    if (!(await service.canCreateEvents(db, request.actor))) throw new AppError('forbidden');
    return showForm(request, reply, await formPage(request), emptyForm);
  });

  app.post('/veranstaltungen/neu', inside, async (request, reply) => {
    if (!(await service.canCreateEvents(db, request.actor))) throw new AppError('forbidden');
    return submitForm(request, reply, EventForm, await formPage(request), async (form) => {
      const input = eventInputFromForm(form, await resolveAddresses(db, form.invitations, 'invitations'), await resolveAddresses(db, form.organisers, 'organisers'));
      const id = await service.createEvent(eventDeps, request.actor, input);
      return redirectAfterPost(reply, `/veranstaltungen/${id}`, { kind: 'success', key: 'events.flash.created' });
    });
  });

  /** The edit form's values: the event, its invitations and its other organisers as addresses. */
  async function editValues(event: EventRow, me: string) {
    const invited = await db.selectFrom('eventInvitations as i').innerJoin('users as u', 'u.id', 'i.userId').select('u.email').where('i.eventId', '=', event.id).orderBy('u.email').execute();
    const organisers = await db.selectFrom('eventOrganisers as o').innerJoin('users as u', 'u.id', 'o.userId').select('u.email').where('o.eventId', '=', event.id).where('o.userId', '<>', me).orderBy('u.email').execute();
    return formValuesOf(event, invited.map((r) => r.email), organisers.map((r) => r.email));
  }
  const me = (request: FastifyRequest) => (request.actor.kind === 'user' ? request.actor.user.id : '');

  app.get('/veranstaltungen/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const event = await service.loadManagedEvent(db, request.actor, idOf(request));
    return showForm(request, reply, await formPage(request, event), { values: await editValues(event, me(request)), errors: {} });
  });

  app.post('/veranstaltungen/:id/bearbeiten', { ...inside, schema: IdParams }, async (request, reply) => {
    const event = await service.loadManagedEvent(db, request.actor, idOf(request));
    return submitForm(request, reply, EventForm, await formPage(request, event), async (form) => {
      const input = eventInputFromForm(form, await resolveAddresses(db, form.invitations, 'invitations'), await resolveAddresses(db, form.organisers, 'organisers'));
      await service.updateEvent(eventDeps, request.actor, event.id, input);
      return redirectAfterPost(reply, `/veranstaltungen/${event.id}`, { kind: 'success', key: 'events.flash.saved' });
    });
  });

  app.post('/veranstaltungen/:id/absagen', { ...inside, schema: IdParams }, async (request, reply) => {
    const event = await service.loadManagedEvent(db, request.actor, idOf(request));
    const form = readForm(MessageForm, request.body);
    if (!form.ok) {
      const communities = await service.communitiesForEvents(db, request.actor);
      const values = await editValues(event, me(request));
      return showForm(request, reply, (ctx) => h(EventFormPage, { ctx, form: { values, errors: {} }, communities, event, office: isOffice(request.actor), cancelForm: form }), { values, errors: {} }, 422);
    }
    await service.cancelEvent(eventDeps, request.actor, event.id, form.value.message);
    return redirectAfterPost(reply, `/veranstaltungen/${event.id}`, { kind: 'success', key: 'events.flash.cancelled' });
  });

  // --- The event page and registration --------------------------------------------------------

  async function eventPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, form: FormState, status = 200) {
    const actor = request.actor;
    return sendPage(
      reply,
      h(EventPage, {
        ctx: viewContext(request, reply),
        data: {
          event,
          organisers: await organisersOf(db, event.id),
          descriptionHtml: renderMarkdown(event.description),
          manage: service.canManage(actor, event),
          details: service.seesAccessDetails(isOffice(actor), event),
          registration: service.registrationState(event),
          mayRegister: isInside(actor),
          signedIn: actor.kind === 'user',
          form,
        },
      }),
      status,
    );
  }

  app.get('/veranstaltungen/:id', { ...publicAccess, schema: IdParams }, async (request, reply) => {
    const event = await service.loadEvent(db, request.actor, idOf(request));
    return eventPage(request, reply, event, emptyForm);
  });

  app.post('/veranstaltungen/:id/anmelden', { ...inside, schema: IdParams }, async (request, reply) => {
    const event = await service.loadEvent(db, request.actor, idOf(request));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const answers: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const q of event.questions) {
      const raw = body[`answer_${q.id}`];
      const value = typeof raw === 'string' ? raw.replace(/\u0000/g, '') : '';
      answers[q.id] = value;
      values[`answer_${q.id}`] = value;
    }
    try {
      const outcome = await service.register(eventDeps, request.actor, event.id, answers);
      return redirectAfterPost(reply, `/veranstaltungen/${event.id}`, { kind: 'success', key: outcome.status === 'confirmed' ? 'events.flash.registered' : 'events.flash.waiting' });
    } catch (error) {
      if (!(error instanceof AppError) || ![409, 422].includes(error.status)) throw error;
      const errors = Object.keys(error.fields).length
        ? Object.fromEntries(Object.entries(error.fields).map(([k, key]) => [k, { key }]))
        : { _form: { key: error.messageKey } };
      return eventPage(request, reply, await service.loadEvent(db, request.actor, event.id), { values, errors }, 422);
    }
  });

  app.post('/veranstaltungen/:id/abmelden', { ...inside, schema: IdParams }, async (request, reply) => {
    const id = idOf(request);
    await service.cancelRegistration(eventDeps, request.actor, id);
    return redirectAfterPost(reply, `/veranstaltungen/${id}`, { kind: 'success', key: 'events.flash.unregistered' });
  });

  // --- Organisers: participants, attendance, check-in list ------------------------------------

  async function participantsPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const event = await service.loadManagedEvent(db, request.actor, idOf(request));
    return sendPage(reply, h(ParticipantsPage, { ctx: viewContext(request, reply), event, rows: await listRegistrations(db, event.id), form }), status);
  }

  app.get('/veranstaltungen/:id/teilnehmende', { ...inside, schema: IdParams }, async (request, reply) => participantsPage(request, reply, emptyForm));

  app.post('/veranstaltungen/:id/anwesenheit', { ...inside, schema: IdParams }, async (request, reply) => {
    const id = idOf(request);
    await service.loadManagedEvent(db, request.actor, id);
    const form = readForm(AttendanceForm, request.body);
    if (!form.ok) throw new AppError('bad_request');
    try {
      await service.setAttendance(eventDeps, request.actor, id, form.value.attended);
    } catch (error) {
      if (error instanceof AppError && error.code === 'attendance_too_early') return participantsPage(request, reply, { values: {}, errors: { _form: { key: error.messageKey } } }, 422);
      throw error;
    }
    return redirectAfterPost(reply, `/veranstaltungen/${id}/teilnehmende`, { kind: 'success', key: 'events.flash.attendanceSaved' });
  });

  app.post('/veranstaltungen/:id/teilnehmende/stornieren', { ...inside, schema: IdParams }, async (request, reply) => {
    const id = idOf(request);
    await service.loadManagedEvent(db, request.actor, id);
    const form = readForm(CancelForm, request.body);
    if (!form.ok) return participantsPage(request, reply, form, 422);
    try {
      await service.cancelRegistration(eventDeps, request.actor, id, { userId: form.value.userId, message: form.value.message });
    } catch (error) {
      if (error instanceof AppError && [404, 422].includes(error.status)) {
        return participantsPage(request, reply, { values: form.values, errors: { userId: { key: 'events.participants.error.person' } } }, 422);
      }
      throw error;
    }
    return redirectAfterPost(reply, `/veranstaltungen/${id}/teilnehmende`, { kind: 'success', key: 'events.flash.registrationCancelled' });
  });

  app.get('/veranstaltungen/:id/check-in', { ...inside, schema: IdParams }, async (request, reply) => {
    const event = await service.loadManagedEvent(db, request.actor, idOf(request));
    return sendPage(reply, h(CheckInPage, { ctx: viewContext(request, reply), event, rows: await listRegistrations(db, event.id, ['confirmed']) }));
  });

  // --- Certificates ----------------------------------------------------------------------------

  app.get('/veranstaltungen/:id/bescheinigung', { ...inside, schema: IdParams }, async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    const certificate = await service.issueCertificate(eventDeps, request.actor, idOf(request));
    const pdf = await certificatePdf({
      lang: request.actor.user.locale,
      participantName: certificate.participantName,
      participantOrganisation: certificate.organisationName,
      eventTitle: certificate.eventTitle,
      eventKind: certificate.kind,
      startsAt: certificate.startsAt,
      endsAt: certificate.endsAt,
      hours: certificate.hours,
      organiser: certificate.organiser,
      place: certificate.kind === 'online' ? 'online' : certificate.place,
      code: certificate.code,
      verifyUrl: new URL(`/bescheinigungen/${certificate.code}`, config.baseUrl).toString(),
      issuedAt: certificate.issuedAt,
      networkName: 'Knotenpunkt',
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="teilnahmebescheinigung-${certificate.code}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  async function checkPage(request: FastifyRequest, reply: FastifyReply, input: string) {
    const ctx = viewContext(request, reply);
    if (!input.trim()) return sendPage(reply, h(CertificateCheckPage, { ctx, code: '', status: 'ask' }));
    const code = service.normaliseCertificateCode(input);
    const certificate = code ? await service.findCertificate(db, { code }) : undefined;
    if (!certificate) return sendPage(reply, h(CertificateCheckPage, { ctx, code: input.slice(0, 40), status: code ? 'unknown' : 'malformed' }), 404);
    return sendPage(reply, h(CertificateCheckPage, { ctx, code: certificate.code, certificate, status: 'genuine' }));
  }

  app.get('/bescheinigungen', publicAccess, async (request, reply) => {
    const code = (request.query as Record<string, unknown>)?.code;
    return checkPage(request, reply, typeof code === 'string' ? code : '');
  });

  app.get('/bescheinigungen/:code', { ...publicAccess, schema: { params: Type.Object({ code: Type.String({ maxLength: 60 }) }) } }, async (request, reply) =>
    checkPage(request, reply, (request.params as { code: string }).code),
  );

  // --- Calendar addresses -----------------------------------------------------------------------

  app.get('/veranstaltungen/kalender', inside, async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    const path = await service.calendarFeedPath(db, config.sessionSecret, request.actor.user.id);
    return sendPage(
      reply,
      h(CalendarPage, { ctx: viewContext(request, reply), personalUrl: new URL(path, config.baseUrl).toString(), publicUrl: new URL('/kalender/oeffentlich.ics', config.baseUrl).toString() }),
    );
  });

  app.post('/veranstaltungen/kalender/erneuern', inside, async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
    await service.renewCalendarFeed(db, request.actor.user.id);
    return redirectAfterPost(reply, '/veranstaltungen/kalender', { kind: 'success', key: 'events.flash.feedRenewed' });
  });
}
