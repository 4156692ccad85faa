/**
 * Barcamps on a real database: proposals and who may change them, interest under parallel
 * requests, other kinds of events and hidden events (404 like a missing id, pages and API),
 * the draft plan (room sizes, hosts), manual moves that break a rule, publishing and the
 * mails after it, notes with optimistic concurrency, documentation published into the
 * community (once), and the live page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { decodeEntities, fieldError, TestClient } from '../../../test/helpers/client.js';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createCommunity } from '../../../test/helpers/communities.js';
import type { EventAudience, EventKind } from '../../db/schema.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { fromBerlin, nowAndNext, toBerlin } from './barcamp.service.js';

type User = Awaited<ReturnType<typeof createUser>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let t: TestApp;
const tokens = new Map<string, string>();

async function person(name: string, role: 'member' | 'office' = 'member'): Promise<User> {
  const user = await createUser(t.db, { name, role });
  const secret = newSecret();
  await t.db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Test', tokenHash: sha256(secret), scopes: ['read', 'write'] }).execute();
  tokens.set(user.id, secret);
  return user;
}

function call(method: Method, url: string, as?: { id: string }, body?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${tokens.get(as.id)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return t.app.inject({ method, url, headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
}

const hour = 3600_000;

async function createBarcamp(opts: { organiser: User; kind?: EventKind; audience?: EventAudience; startsAt?: Date; hours?: number; communityId?: string | null; participants?: User[]; invited?: User[] }) {
  const id = newId();
  const startsAt = opts.startsAt ?? new Date(Date.now() + 10 * 86400_000);
  await t.db
    .insertInto('events')
    .values({
      id,
      kind: opts.kind ?? 'barcamp',
      title: `Barcamp ${id.slice(0, 6)}`,
      description: 'Offenes Format',
      startsAt,
      endsAt: new Date(startsAt.getTime() + (opts.hours ?? 8) * hour),
      place: 'Rathaus',
      audience: opts.audience ?? 'members',
      communityId: opts.communityId ?? null,
      createdBy: opts.organiser.id,
    })
    .execute();
  await t.db.insertInto('eventOrganisers').values({ eventId: id, userId: opts.organiser.id }).execute();
  for (const p of opts.participants ?? []) await t.db.insertInto('eventRegistrations').values({ id: newId(), eventId: id, userId: p.id, status: 'confirmed' }).execute();
  for (const p of opts.invited ?? []) await t.db.insertInto('eventInvitations').values({ eventId: id, userId: p.id }).execute();
  return { id, startsAt, title: `Barcamp ${id.slice(0, 6)}` };
}

async function propose(eventId: string, as: User, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', `/api/v1/events/${eventId}/sessions`, as, { title, format: 'discussion', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function signedIn(user: User): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

let organiser: User, host1: User, host2: User, p1: User, p2: User, p3: User, outsider: User;

beforeAll(async () => {
  t = await createTestApp();
  organiser = await person('Olga Organisatorin');
  host1 = await person('Hanna Host');
  host2 = await person('Hugo Host');
  p1 = await person('Paula Teilnehmerin');
  p2 = await person('Peter Teilnehmer');
  p3 = await person('Pia Teilnehmerin');
  outsider = await person('Otto Außen');
});
afterAll(async () => t?.close());

describe('proposals', () => {
  it('lets confirmed participants propose; only hosts and organisers change a session', async () => {
    const event = await createBarcamp({ organiser, participants: [host1, host2, p1] });
    const sessionId = await propose(event.id, host1, 'Offene Daten in der Kommune', { hostIds: [host2.id], expectedSize: 12 });
    const created = (await call('GET', `/api/v1/sessions/${sessionId}`, p1)).json();
    expect(created.hosts.map((h: { name: string }) => h.name).sort()).toEqual(['Hanna Host', 'Hugo Host']);
    expect(created.expectedSize).toBe(12);

    // Someone who sees the event but is not registered may not propose.
    expect((await call('POST', `/api/v1/events/${event.id}/sessions`, outsider, { title: 'Nicht angemeldet', format: 'talk' })).statusCode).toBe(403);

    // A participant who is not a host may not change it; hosts and organisers may.
    const refused = await call('PATCH', `/api/v1/sessions/${sessionId}`, p1, { title: 'Gekapert' });
    expect(refused.statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/sessions/${sessionId}`, host2, { title: 'Offene Daten – Praxis' })).json().title).toBe('Offene Daten – Praxis');
    expect((await call('PATCH', `/api/v1/sessions/${sessionId}`, organiser, { format: 'workshop' })).json().format).toBe('workshop');
    const row = await t.db.selectFrom('eventSessions').select(['title', 'format']).where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Offene Daten – Praxis', format: 'workshop' });

    // Bad input is 422 / 400, never 500.
    expect((await call('POST', `/api/v1/events/${event.id}/sessions`, host1, { title: 'ab', format: 'discussion' })).statusCode).toBe(422);
    expect((await call('POST', `/api/v1/events/${event.id}/sessions`, host1, { title: 'Gutes Thema', format: 'party' })).statusCode).toBe(422);
    expect((await call('PATCH', `/api/v1/sessions/${sessionId}`, host1, { hostIds: [newId()] })).statusCode).toBe(422);
    expect((await call('GET', `/api/v1/events/${event.id}/sessions?limit=500`, p1)).statusCode).toBe(400);
  });

  it('works as pages without JavaScript: propose, a form error keeps the input, the edit page is for hosts only', async () => {
    const event = await createBarcamp({ organiser, participants: [host1, p1] });
    const host = await signedIn(host1);
    const form = await host.get(`/veranstaltungen/${event.id}/programm/neu`);
    expect(form.statusCode).toBe(200);
    const bad = await host.post(`/veranstaltungen/${event.id}/programm/neu`, { title: 'X', description: 'Mein Text bleibt', format: 'talk', coHosts: '' });
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'title')).toContain('3 bis 200 Zeichen');
    expect(bad.body).toContain('Mein Text bleibt');
    const unknownCoHost = await host.post(`/veranstaltungen/${event.id}/programm/neu`, { title: 'Mit Unbekannten', format: 'talk', coHosts: 'niemand@example.org' });
    expect(unknownCoHost.statusCode).toBe(422);
    expect(fieldError(unknownCoHost.body, 'coHosts')).toContain('E-Mail-Adresse');

    const ok = await host.post(`/veranstaltungen/${event.id}/programm/neu`, { title: 'KI im Bürgeramt', description: 'Was geht schon?', format: 'talk', expectedSize: '8', coHosts: '' });
    expect(ok.statusCode).toBe(303);
    const sessionPath = ok.headers.location as string;
    expect(sessionPath).toMatch(new RegExp(`^/veranstaltungen/${event.id}/sessions/`));
    const page = await host.get(sessionPath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KI im Bürgeramt');
    expect(page.body.match(/<h1/g)).toHaveLength(1);

    const other = await signedIn(p1);
    expect((await other.get(`${sessionPath}/bearbeiten`)).statusCode).toBe(403);
    expect((await other.post(`${sessionPath}/bearbeiten`, { title: 'Gekapert', format: 'talk', coHosts: p1.email })).statusCode).toBe(403);
    const edit = await host.get(`${sessionPath}/bearbeiten`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(host1.email);
    const saved = await host.post(`${sessionPath}/bearbeiten`, { title: 'KI im Bürgeramt – Erfahrungen', format: 'discussion', coHosts: host1.email });
    expect(saved.statusCode).toBe(303);

    const programme = await other.get(`/veranstaltungen/${event.id}/programm`);
    expect(programme.statusCode).toBe(200);
    expect(programme.body).toContain('KI im Bürgeramt – Erfahrungen');
    expect(programme.body).toContain('Interesse zeigen');
  });
});

describe('interest', () => {
  it('counts one person once under 10 parallel requests, and takes it back once', async () => {
    const event = await createBarcamp({ organiser, participants: [host1, p1, p2] });
    const sessionId = await propose(event.id, host1, 'Parallel gezählt');
    const marks = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/api/v1/sessions/${sessionId}/interest`, p1)));
    expect(marks.map((m) => m.statusCode)).toEqual(Array(10).fill(200));
    await call('POST', `/api/v1/sessions/${sessionId}/interest`, p2);
    const row = await t.db.selectFrom('eventSessions').select('interestCount').where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(row.interestCount).toBe(2);
    const rows = await t.db.selectFrom('eventSessionInterest').select('userId').where('sessionId', '=', sessionId).execute();
    expect(rows).toHaveLength(2);

    const takeBacks = await Promise.all(Array.from({ length: 10 }, () => call('DELETE', `/api/v1/sessions/${sessionId}/interest`, p1)));
    expect(takeBacks.every((r) => r.statusCode === 200)).toBe(true);
    const after = (await call('GET', `/api/v1/sessions/${sessionId}`, p2)).json();
    expect(after.interestCount).toBe(1);
    expect(after.interested).toBe(true);

    // Someone without a confirmed registration may look but not mark.
    expect((await call('POST', `/api/v1/sessions/${sessionId}/interest`, outsider)).statusCode).toBe(403);
  });

  it('toggles from the programme page with a button (no JavaScript)', async () => {
    const event = await createBarcamp({ organiser, participants: [host1, p3] });
    const sessionId = await propose(event.id, host1, 'Knopf ohne Skript');
    const client = await signedIn(p3);
    await client.get(`/veranstaltungen/${event.id}/programm`);
    const on = await client.post(`/veranstaltungen/${event.id}/sessions/${sessionId}/interesse`, { interest: 'on', next: `/veranstaltungen/${event.id}/programm#proposals` });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe(`/veranstaltungen/${event.id}/programm#proposals`);
    const page = await client.get(`/veranstaltungen/${event.id}/programm`);
    expect(page.body).toContain('Interesse zurücknehmen');
    expect(page.body).toContain('1 interessierte Person');
  });
});

describe('events that are not barcamps, and hidden events', () => {
  it('refuses sessions for other kinds of events with 404', async () => {
    const workshop = await createBarcamp({ organiser, kind: 'workshop', participants: [p1] });
    expect((await call('POST', `/api/v1/events/${workshop.id}/sessions`, p1, { title: 'Geht nicht', format: 'talk' })).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/events/${workshop.id}/sessions`, p1)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/events/${workshop.id}/schedule`, organiser)).statusCode).toBe(404);
    const client = await signedIn(p1);
    expect((await client.get(`/veranstaltungen/${workshop.id}/programm`)).statusCode).toBe(404);
    expect((await client.get(`/veranstaltungen/${workshop.id}/live`)).statusCode).toBe(404);
  });

  it('answers 404 with the body of a missing id on every session route, page and API, to someone not invited', async () => {
    const event = await createBarcamp({ organiser, audience: 'invited', invited: [host1] });
    const sessionId = await propose(event.id, organiser, 'Geheime Runde');
    const roomId = (await call('POST', `/api/v1/events/${event.id}/rooms`, organiser, { name: 'Saal', capacity: 20 })).json().id as string;
    const slotStart = new Date(event.startsAt.getTime() + hour);
    const slotId = (await call('POST', `/api/v1/events/${event.id}/slots`, organiser, { startsAt: slotStart.toISOString(), endsAt: new Date(slotStart.getTime() + hour).toISOString() })).json().id as string;
    const missingEvent = newId();
    const missingSession = newId();

    const apiRoutes: [Method, string, unknown?][] = [
      ['GET', '/api/v1/events/{e}/sessions'],
      ['POST', '/api/v1/events/{e}/sessions', { title: 'Hinein', format: 'talk' }],
      ['GET', '/api/v1/sessions/{s}'],
      ['PATCH', '/api/v1/sessions/{s}', { title: 'Hinein' }],
      ['POST', '/api/v1/sessions/{s}/interest'],
      ['DELETE', '/api/v1/sessions/{s}/interest'],
      ['PUT', '/api/v1/sessions/{s}/notes', { notes: 'x', version: 0 }],
      ['PUT', '/api/v1/sessions/{s}/placement', { roomId, slotId }],
      ['GET', '/api/v1/events/{e}/schedule'],
      ['POST', '/api/v1/events/{e}/plan/draft'],
      ['PUT', '/api/v1/events/{e}/plan', { placements: [] }],
      ['POST', '/api/v1/events/{e}/plan/publish'],
      ['POST', '/api/v1/events/{e}/rooms', { name: 'Hinein', capacity: 3 }],
      ['PATCH', `/api/v1/events/{e}/rooms/${roomId}`, { name: 'Hinein', capacity: 3 }],
      ['DELETE', `/api/v1/events/{e}/rooms/${roomId}`],
      ['POST', '/api/v1/events/{e}/slots', { startsAt: slotStart.toISOString(), endsAt: new Date(slotStart.getTime() + hour).toISOString() }],
      ['DELETE', `/api/v1/events/{e}/slots/${slotId}`],
      ['POST', '/api/v1/events/{e}/documentation/publish'],
    ];
    const fill = (path: string, e: string, s: string) => path.replace('{e}', e).replace('{s}', s);
    for (const [method, path, body] of apiRoutes) {
      const hidden = await call(method, fill(path, event.id, sessionId), outsider, body);
      const missing = await call(method, fill(path, missingEvent, missingSession), outsider, body);
      expect(hidden.statusCode, `${method} ${path}`).toBe(404);
      expect(hidden.body, `${method} ${path}`).toBe(missing.body);
    }

    const client = await signedIn(outsider);
    const normalise = (html: string, ...ids: string[]) => ids.reduce((s, id) => s.split(id).join('ID'), html).replace(/name="_csrf" value="[^"]*"/g, '');
    const pages: ['GET' | 'POST', string, Record<string, string>?][] = [
      ['GET', '/veranstaltungen/{e}/programm'],
      ['GET', '/veranstaltungen/{e}/programm/neu'],
      ['POST', '/veranstaltungen/{e}/programm/neu', { title: 'Hinein', format: 'talk' }],
      ['GET', '/veranstaltungen/{e}/sessions/{s}'],
      ['GET', '/veranstaltungen/{e}/sessions/{s}/bearbeiten'],
      ['POST', '/veranstaltungen/{e}/sessions/{s}/bearbeiten', { title: 'Hinein', format: 'talk', coHosts: outsider.email }],
      ['POST', '/veranstaltungen/{e}/sessions/{s}/interesse', { interest: 'on' }],
      ['POST', '/veranstaltungen/{e}/sessions/{s}/notizen', { notes: 'x', version: '0' }],
      ['GET', '/veranstaltungen/{e}/plan'],
      ['POST', '/veranstaltungen/{e}/plan', {}],
      ['POST', '/veranstaltungen/{e}/plan/entwurf'],
      ['POST', '/veranstaltungen/{e}/plan/veroeffentlichen'],
      ['POST', '/veranstaltungen/{e}/plan/raeume', { name: 'Hinein', capacity: '3' }],
      ['POST', `/veranstaltungen/{e}/plan/raeume/${roomId}/loeschen`],
      ['POST', '/veranstaltungen/{e}/plan/zeitfenster', { date: '2026-01-01', from: '10:00', to: '11:00' }],
      ['POST', `/veranstaltungen/{e}/plan/zeitfenster/${slotId}/loeschen`],
      ['POST', '/veranstaltungen/{e}/dokumentation/veroeffentlichen'],
      ['GET', '/veranstaltungen/{e}/live'],
    ];
    for (const [method, path, form] of pages) {
      const hidden = method === 'GET' ? await client.get(fill(path, event.id, sessionId)) : await client.post(fill(path, event.id, sessionId), form ?? {});
      const missing = method === 'GET' ? await client.get(fill(path, missingEvent, missingSession)) : await client.post(fill(path, missingEvent, missingSession), form ?? {});
      expect(hidden.statusCode, `${method} ${path}`).toBe(404);
      expect(missing.statusCode, `${method} ${path}`).toBe(404);
      expect(normalise(hidden.body, event.id, sessionId), `${method} ${path}`).toBe(normalise(missing.body, missingEvent, missingSession));
    }

    // Nothing changed behind the 404s.
    const session = await t.db.selectFrom('eventSessions').select(['title', 'interestCount', 'notes']).where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(session).toEqual({ title: 'Geheime Runde', interestCount: 0, notes: '' });
    expect(await t.db.selectFrom('eventRooms').select('id').where('eventId', '=', event.id).execute()).toHaveLength(1);

    // The invited person sees it; a visitor is asked to sign in (like for a missing id).
    expect((await call('GET', `/api/v1/sessions/${sessionId}`, host1)).statusCode).toBe(200);
    const visitor = await t.app.inject({ method: 'GET', url: `/veranstaltungen/${event.id}/programm` });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/anmelden');
  });
});

describe('the plan', () => {
  it('drafts a plan that respects room sizes and hosts, refuses bad moves, publishes, and mails hosts about later changes', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`Fan ${i}`)));
    const event = await createBarcamp({ organiser, participants: [host1, host2, p1, p2, ...people] });
    const big = await propose(event.id, host2, 'Großes Thema');
    const a = await propose(event.id, host1, 'Erste Session von Hanna');
    const b = await propose(event.id, host1, 'Zweite Session von Hanna');
    const small = await propose(event.id, p1, 'Kleine Runde');
    for (const fan of people) await call('POST', `/api/v1/sessions/${big}/interest`, fan);

    // The draft needs a grid.
    const noGrid = await call('POST', `/api/v1/events/${event.id}/plan/draft`, organiser);
    expect(noGrid.statusCode).toBe(409);
    expect(noGrid.json().message).toContain('Räume und Zeitfenster');

    const room = async (name: string, capacity: number) => (await call('POST', `/api/v1/events/${event.id}/rooms`, organiser, { name, capacity })).json().id as string;
    const smallRoom = await room('Kabinett', 3);
    const bigRoom = await room('Saal', 10);
    const slot = async (offsetHours: number) => {
      const startsAt = new Date(event.startsAt.getTime() + offsetHours * hour);
      const res = await call('POST', `/api/v1/events/${event.id}/slots`, organiser, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hour).toISOString() });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const first = await slot(1);
    const second = await slot(2);
    // Overlapping slots and slots outside the event are refused.
    expect((await call('POST', `/api/v1/events/${event.id}/slots`, organiser, { startsAt: new Date(event.startsAt.getTime() + 1.5 * hour).toISOString(), endsAt: new Date(event.startsAt.getTime() + 2.5 * hour).toISOString() })).statusCode).toBe(422);
    expect((await call('POST', `/api/v1/events/${event.id}/slots`, organiser, { startsAt: new Date(event.startsAt.getTime() - 2 * hour).toISOString(), endsAt: new Date(event.startsAt.getTime() - hour).toISOString() })).statusCode).toBe(422);
    // Only organisers manage the grid.
    expect((await call('POST', `/api/v1/events/${event.id}/rooms`, p1, { name: 'Meins', capacity: 5 })).statusCode).toBe(403);

    const draft = await call('POST', `/api/v1/events/${event.id}/plan/draft`, organiser);
    expect(draft.statusCode, draft.body).toBe(200);
    const plan = draft.json();
    expect(plan.published).toBe(false);
    expect(plan.draft).toBe(true);
    const cell = (id: string) => plan.placements.find((p: { sessionId: string }) => p.sessionId === id);
    expect(plan.placements).toHaveLength(4);
    expect(cell(big).roomId).toBe(bigRoom); // 7 people do not fit the room for 3
    expect(cell(a).slotId).not.toBe(cell(b).slotId); // one host, two sessions: two slots
    const cells = plan.placements.map((p: { roomId: string; slotId: string }) => `${p.roomId}/${p.slotId}`);
    expect(new Set(cells).size).toBe(4);

    // Participants do not see the draft.
    const hiddenDraft = (await call('GET', `/api/v1/events/${event.id}/schedule`, p2)).json();
    expect(hiddenDraft).toMatchObject({ published: false, draft: false, placements: [] });
    expect((await call('GET', `/api/v1/sessions/${big}`, p2)).json().roomId).toBeNull();

    // Moving into an occupied cell is refused with a message, and nothing changes.
    const target = cell(big);
    const taken = await call('PUT', `/api/v1/sessions/${small}/placement`, organiser, { roomId: target.roomId, slotId: target.slotId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('Großes Thema');
    expect(taken.json().message).toContain('Kleine Runde');
    // Too big for the room.
    const tooBig = await call('PUT', `/api/v1/events/${event.id}/plan`, organiser, {
      placements: [
        { sessionId: big, roomId: smallRoom, slotId: target.slotId },
        ...plan.placements.filter((p: { sessionId: string; roomId: string; slotId: string }) => p.sessionId !== big && !(p.roomId === smallRoom && p.slotId === target.slotId)).map((p: { sessionId: string; roomId: string; slotId: string }) => ({ sessionId: p.sessionId, roomId: p.roomId, slotId: p.slotId })),
      ],
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().message).toMatch(/erwartet 7 Personen.*nur 3 Plätze/);
    // The same host twice in one slot.
    const otherOfHanna = cell(a).slotId === cell(b).slotId ? null : cell(b);
    const hostClash = await call('PUT', `/api/v1/events/${event.id}/plan`, organiser, {
      placements: [
        { sessionId: a, roomId: cell(a).roomId, slotId: cell(a).slotId },
        { sessionId: b, roomId: cell(a).roomId === smallRoom ? bigRoom : smallRoom, slotId: cell(a).slotId },
      ],
    });
    expect(otherOfHanna).not.toBeNull();
    expect(hostClash.statusCode).toBe(409);
    expect(hostClash.json().message).toContain('gastgebend');
    // A session of another event is not part of this plan.
    const elsewhere = await createBarcamp({ organiser, participants: [host1] });
    const foreign = await propose(elsewhere.id, host1, 'Woanders');
    const foreignMove = await call('PUT', `/api/v1/events/${event.id}/plan`, organiser, { placements: [{ sessionId: foreign, roomId: smallRoom, slotId: first }] });
    expect(foreignMove.statusCode).toBe(422);
    const unchanged = (await call('GET', `/api/v1/events/${event.id}/schedule`, organiser)).json();
    expect(unchanged.placements).toEqual(plan.placements);

    // The same refusal on the page: 422, the message at the session's select, nothing changed.
    const organiserClient = await signedIn(organiser);
    const planPage = await organiserClient.get(`/veranstaltungen/${event.id}/plan`);
    expect(planPage.statusCode).toBe(200);
    expect(planPage.body).toContain('/assets/js/programme.js');
    const refusedPage = await organiserClient.post(`/veranstaltungen/${event.id}/plan`, { [`cell_${small}`]: `${target.roomId}:${target.slotId}` });
    expect(refusedPage.statusCode).toBe(422);
    expect(decodeEntities(fieldError(refusedPage.body, `cell_${small}`) ?? '')).toContain('„Großes Thema“');
    expect((await call('GET', `/api/v1/events/${event.id}/schedule`, organiser)).json().placements).toEqual(plan.placements);

    // Publish; now participants see it.
    expect((await organiserClient.post(`/veranstaltungen/${event.id}/plan/veroeffentlichen`)).statusCode).toBe(303);
    const visible = (await call('GET', `/api/v1/events/${event.id}/schedule`, p2)).json();
    expect(visible.published).toBe(true);
    expect(visible.placements).toHaveLength(4);
    expect((await call('POST', `/api/v1/events/${event.id}/plan/draft`, organiser)).statusCode).toBe(409);
    await t.jobs.drain();
    const before = (await t.outbox.all()).length;

    // A change after publishing (a third slot, the small session moves there through the page
    // form): its host is told where it is now, nobody else is mailed.
    const third = await slot(3);
    const moveForm = await organiserClient.post(`/veranstaltungen/${event.id}/plan`, { [`cell_${small}`]: `${bigRoom}:${third}` });
    expect(moveForm.statusCode, moveForm.body.slice(0, 2000)).toBe(303);
    await t.jobs.drain();
    const mails = (await t.outbox.all()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toContain(p1.email);
    expect(mails[0]!.subject).toContain('Kleine Runde');
    expect(mails[0]!.text).toContain('Saal');
    expect(mails[0]!.links.some((l) => l.endsWith(`/veranstaltungen/${event.id}/sessions/${small}`))).toBe(true);
    const moved = (await call('GET', `/api/v1/sessions/${small}`, p2)).json();
    expect([moved.roomId, moved.slotId]).toEqual([bigRoom, third]);
  });

  it('manages rooms and slots with forms; slot times are read and shown in Europe/Berlin', async () => {
    const event = await createBarcamp({ organiser, startsAt: new Date('2030-04-06T07:00:00Z'), hours: 10 });
    const client = await signedIn(organiser);
    await client.get(`/veranstaltungen/${event.id}/plan`);
    const badRoom = await client.post(`/veranstaltungen/${event.id}/plan/raeume`, { name: 'Foyer', capacity: 'viele' });
    expect(badRoom.statusCode).toBe(422);
    expect(fieldError(badRoom.body, 'capacity')).toContain('ganze Zahl');
    expect(badRoom.body).toContain('value="Foyer"');
    expect((await client.post(`/veranstaltungen/${event.id}/plan/raeume`, { name: 'Foyer', capacity: '40' })).statusCode).toBe(303);
    // 6 April 2030 is summer time in Berlin (UTC+2): 10:00 there is 08:00 UTC.
    expect((await client.post(`/veranstaltungen/${event.id}/plan/zeitfenster`, { date: '2030-04-06', from: '10:00', to: '11:00' })).statusCode).toBe(303);
    const slot = await t.db.selectFrom('eventSlots').select(['startsAt', 'endsAt']).where('eventId', '=', event.id).executeTakeFirstOrThrow();
    expect(slot.startsAt.toISOString()).toBe('2030-04-06T08:00:00.000Z');
    const page = await client.get(`/veranstaltungen/${event.id}/plan`);
    expect(page.body).toContain('value="10:00"');
    const outside = await client.post(`/veranstaltungen/${event.id}/plan/zeitfenster`, { date: '2030-04-07', from: '10:00', to: '11:00' });
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain('innerhalb der Veranstaltung');
  });
});

describe('documentation', () => {
  it('keeps both texts when two people save from the same version: the second gets 409', async () => {
    const event = await createBarcamp({ organiser, participants: [host1, p1, p2] });
    const sessionId = await propose(event.id, host1, 'Gemeinsam mitschreiben');
    const firstSave = await call('PUT', `/api/v1/sessions/${sessionId}/notes`, p1, { notes: '# Ergebnisse\n\nErste Fassung von Paula', version: 0 });
    expect(firstSave.statusCode).toBe(200);
    expect(firstSave.json().notesVersion).toBe(1);
    const stale = await call('PUT', `/api/v1/sessions/${sessionId}/notes`, p2, { notes: 'Peters Fassung', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect(stale.json().message).toContain('Fassung 1');
    expect((await call('GET', `/api/v1/sessions/${sessionId}`, p2)).json()).toMatchObject({ notes: '# Ergebnisse\n\nErste Fassung von Paula', notesVersion: 1 });

    // On the page: the form comes back with Peter's text and Paula's version beside it.
    const client = await signedIn(p2);
    await client.get(`/veranstaltungen/${event.id}/sessions/${sessionId}`);
    const conflict = await client.post(`/veranstaltungen/${event.id}/sessions/${sessionId}/notizen`, { notes: 'Peters Fassung <script>alert(1)</script>', version: '0' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Jemand anderes hat inzwischen gespeichert.');
    expect(conflict.body).toContain('Peters Fassung &lt;script>alert(1)&lt;/script></textarea>');
    expect(conflict.body).toContain('Erste Fassung von Paula');
    expect(conflict.body).not.toContain('<script>alert(1)</script>');
    expect(conflict.body).toMatch(/name="version" value="1"/);
    const retry = await client.post(`/veranstaltungen/${event.id}/sessions/${sessionId}/notizen`, { notes: 'Erste Fassung von Paula\n\nUnd Peters **Ergänzung** <script>alert(1)</script>', version: '1' });
    expect(retry.statusCode).toBe(303);
    const page = await client.get(`/veranstaltungen/${event.id}/sessions/${sessionId}`);
    expect(page.body).toContain('<strong>Ergänzung</strong>');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect((await call('PUT', `/api/v1/sessions/${sessionId}/notes`, outsider, { notes: 'Fremd', version: 2 })).statusCode).toBe(403);
  });

  it('publishes one discussion post per documented session into the community, never twice', async () => {
    const community = await createCommunity(t.db, { members: [{ userId: organiser.id, role: 'lead' }, { userId: p1.id }] });
    const event = await createBarcamp({ organiser, participants: [host1, p1], communityId: community.id, startsAt: new Date(Date.now() - 10 * hour), hours: 8 });
    const documented = await propose(event.id, host1, 'Mit Notizen');
    const alsoDocumented = await propose(event.id, p1, 'Auch mit Notizen');
    await propose(event.id, p1, 'Ohne Notizen');
    await call('PUT', `/api/v1/sessions/${documented}/notes`, host1, { notes: 'Wir haben **viel** gelernt.', version: 0 });
    await call('PUT', `/api/v1/sessions/${alsoDocumented}/notes`, p1, { notes: 'Drei Ideen für morgen.', version: 0 });

    expect((await call('POST', `/api/v1/events/${event.id}/documentation/publish`, p1)).statusCode).toBe(403);
    const [once, twice] = await Promise.all([
      call('POST', `/api/v1/events/${event.id}/documentation/publish`, organiser),
      call('POST', `/api/v1/events/${event.id}/documentation/publish`, organiser),
    ]);
    expect([once.statusCode, twice.statusCode]).toEqual([200, 200]);
    expect(once.json().created + twice.json().created).toBe(2);
    const again = await call('POST', `/api/v1/events/${event.id}/documentation/publish`, organiser);
    expect(again.json().created).toBe(0);

    const posts = await t.db.selectFrom('posts').select(['id', 'title', 'type', 'authorId', 'body']).where('communityId', '=', community.id).orderBy('title').execute();
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.title)).toEqual([`Barcamp-Doku: Auch mit Notizen (${event.title})`, `Barcamp-Doku: Mit Notizen (${event.title})`]);
    expect(posts.every((p) => p.type === 'discussion' && p.authorId === organiser.id)).toBe(true);
    expect(posts[1]!.body).toContain('Hanna Host');
    expect(posts[1]!.body).toContain(`/veranstaltungen/${event.id}/sessions/${documented}`);
    const linked = await t.db.selectFrom('eventSessions').select('documentationPostId').where('id', '=', documented).executeTakeFirstOrThrow();
    expect(posts.map((p) => p.id)).toContain(linked.documentationPostId);
    // Found by search like any other post (the posts trigger keeps the vector).
    const found = await sql<{ id: string }>`select id from posts where search_vector @@ plainto_tsquery('german', 'gelernt') and community_id = ${community.id}`.execute(t.db);
    expect(found.rows.map((r) => r.id)).toEqual([linked.documentationPostId]);

    const member = await signedIn(p1);
    const communityPage = await member.get(`/communities/${community.slug}`);
    expect(communityPage.statusCode).toBe(200);
    expect(decodeEntities(communityPage.body)).toContain(`Barcamp-Doku: Mit Notizen (${event.title})`);
    const sessionPage = await member.get(`/veranstaltungen/${event.id}/sessions/${documented}`);
    expect(sessionPage.body).toContain(`/beitraege/${linked.documentationPostId}`);
  });

  it('offers no publishing without a linked community, and the API answers 409', async () => {
    const event = await createBarcamp({ organiser, participants: [host1], startsAt: new Date(Date.now() - 10 * hour), hours: 8 });
    const sessionId = await propose(event.id, host1, 'Ohne Community');
    await call('PUT', `/api/v1/sessions/${sessionId}/notes`, host1, { notes: 'Notizen', version: 0 });
    const res = await call('POST', `/api/v1/events/${event.id}/documentation/publish`, organiser);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Community');
    const client = await signedIn(organiser);
    const page = await client.get(`/veranstaltungen/${event.id}/plan`);
    expect(page.body).not.toContain('/dokumentation/veroeffentlichen');
    expect(page.body).toContain('mit keiner Community verknüpft');
  });
});

describe('API document', () => {
  it('lists the barcamp routes with their answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected: [string, string, string[]][] = [
      ['/api/v1/events/{id}/sessions', 'get', ['200', '404']],
      ['/api/v1/events/{id}/sessions', 'post', ['201', '403', '404', '422']],
      ['/api/v1/sessions/{id}', 'patch', ['200', '403', '422']],
      ['/api/v1/sessions/{id}/interest', 'post', ['200', '403', '404']],
      ['/api/v1/sessions/{id}/interest', 'delete', ['200', '404']],
      ['/api/v1/sessions/{id}/notes', 'put', ['200', '409']],
      ['/api/v1/events/{id}/schedule', 'get', ['200', '404']],
      ['/api/v1/events/{id}/plan/draft', 'post', ['200', '409']],
      ['/api/v1/events/{id}/plan', 'put', ['200', '409', '422']],
      ['/api/v1/events/{id}/plan/publish', 'post', ['200', '409']],
      ['/api/v1/events/{id}/documentation/publish', 'post', ['200', '409']],
    ];
    for (const [path, method, codes] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      for (const code of codes) expect(Object.keys(operation.responses), `${method} ${path}`).toContain(code);
    }
  });
});

describe('live', () => {
  it('finds the running and the next slot (pure)', () => {
    const at = (h: number) => new Date(Date.UTC(2030, 5, 1, h));
    const slots = [
      { id: 'b', startsAt: at(11), endsAt: at(12) },
      { id: 'a', startsAt: at(9), endsAt: at(10) },
      { id: 'c', startsAt: at(13), endsAt: at(14) },
    ];
    expect(nowAndNext(slots, at(8))).toEqual({ current: null, next: slots[1] });
    expect(nowAndNext(slots, new Date(at(9).getTime() + 30 * 60_000))).toEqual({ current: slots[1], next: slots[0] });
    expect(nowAndNext(slots, at(10))).toEqual({ current: null, next: slots[0] }); // the end is exclusive
    expect(nowAndNext(slots, at(13))).toEqual({ current: slots[2], next: null });
    expect(nowAndNext(slots, at(15))).toEqual({ current: null, next: null });
  });

  it('converts Berlin wall-clock times in winter and summer', () => {
    expect(fromBerlin('2030-01-15', '09:30')?.toISOString()).toBe('2030-01-15T08:30:00.000Z');
    expect(fromBerlin('2030-07-15', '09:30')?.toISOString()).toBe('2030-07-15T07:30:00.000Z');
    expect(fromBerlin('2030-02-31', '09:30')).toBeNull();
    expect(toBerlin(new Date('2030-07-15T07:30:00Z'))).toEqual({ date: '2030-07-15', time: '09:30' });
  });

  it('shows what runs now and next, in which room; visitors of a public barcamp see titles and rooms but no names', async () => {
    const event = await createBarcamp({ organiser, audience: 'public', participants: [host1, host2], startsAt: new Date('2030-06-01T07:00:00Z') });
    const s1 = await propose(event.id, host1, 'Morgenrunde Verwaltung');
    const s2 = await propose(event.id, host2, 'Mittagsthema Open Source');
    const room = (await call('POST', `/api/v1/events/${event.id}/rooms`, organiser, { name: 'Ratssaal', capacity: 30 })).json().id as string;
    const mk = async (startIso: string, endIso: string) => (await call('POST', `/api/v1/events/${event.id}/slots`, organiser, { startsAt: startIso, endsAt: endIso })).json().id as string;
    const morning = await mk('2030-06-01T08:00:00Z', '2030-06-01T09:00:00Z');
    const noon = await mk('2030-06-01T10:00:00Z', '2030-06-01T11:00:00Z');
    expect((await call('PUT', `/api/v1/events/${event.id}/plan`, organiser, { placements: [{ sessionId: s1, roomId: room, slotId: morning }, { sessionId: s2, roomId: room, slotId: noon }] })).statusCode).toBe(200);

    const before = await t.app.inject({ method: 'GET', url: `/veranstaltungen/${event.id}/live?jetzt=2030-06-01T08:30:00Z` });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Der Sessionplan ist noch nicht veröffentlicht.');
    expect(before.body).not.toContain('Morgenrunde Verwaltung');
    await call('POST', `/api/v1/events/${event.id}/plan/publish`, organiser);

    const live = await t.app.inject({ method: 'GET', url: `/veranstaltungen/${event.id}/live?jetzt=2030-06-01T08:30:00Z` });
    expect(live.statusCode).toBe(200);
    expect(live.headers.refresh).toBe('60');
    const html = live.body;
    const nowSection = html.slice(html.indexOf('id="jetzt"'), html.indexOf('id="danach"'));
    const nextSection = html.slice(html.indexOf('id="danach"'));
    expect(nowSection).toContain('Morgenrunde Verwaltung');
    expect(nowSection).toContain('Ratssaal');
    expect(nowSection).toContain('10:00–11:00 Uhr'); // 08:00 UTC in Berlin summer time
    expect(nextSection).toContain('Mittagsthema Open Source');
    expect(html).not.toContain('Hanna Host'); // visitors see no names
    expect(html.match(/<h1/g)).toHaveLength(1);

    const between = await t.app.inject({ method: 'GET', url: `/veranstaltungen/${event.id}/live?jetzt=2030-06-01T09:30:00Z` });
    expect(between.body).toContain('Gerade läuft keine Session.');
    expect(between.body.slice(between.body.indexOf('id="danach"'))).toContain('Mittagsthema Open Source');

    const insider = await signedIn(p1);
    const inside = await insider.get(`/veranstaltungen/${event.id}/live?jetzt=2030-06-01T08:30:00Z`);
    expect(inside.body).toContain('Hanna Host');
    const programme = await t.app.inject({ method: 'GET', url: `/veranstaltungen/${event.id}/programm` });
    expect(programme.statusCode).toBe(200);
    expect(programme.body).toContain('<th class="kern-table__cell" scope="col">Ratssaal');
    expect(programme.body).not.toContain('Hugo Host');
  });
});
