/**
 * Event pages as a browser without JavaScript uses them: the public page for visitors, the
 * form (422 with messages at the fields, everything typed kept), registration and the waiting
 * list, the organisers' participants page with attendance, the check-in list, the certificate
 * PDF and its public check page (genuine and forged codes), the calendar page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/helpers/pdf.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { TestClient, fieldError, inputValue } from '../../../test/helpers/client.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createEvent } from './events.service.js';
import type { Actor } from '../../http/actor.js';

let t: TestApp;
let office: Awaited<ReturnType<typeof createUser>>;
let officeActor: Actor;
const deps = () => ({ db: t.db, jobs: t.jobs, baseUrl: t.config.baseUrl, secret: t.config.sessionSecret });

async function signedIn(user: { email: string }) {
  const client = new TestClient(t.app);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

const pdfText = async (buffer: Buffer) => (await readPdf(buffer)).text;

beforeAll(async () => {
  t = await createTestApp();
  office = await createUser(t.db, { role: 'office', name: 'Olga Office' });
  officeActor = { kind: 'user', user: { id: office.id, name: office.name, email: office.email, role: 'office', organisationId: null, locale: 'de' }, via: 'session', sessionId: 'x', scopes: ['read', 'write'] };
});
afterAll(async () => t?.close());

const future = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86400_000);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d.toISOString();
};

describe('event pages', () => {
  it('shows visitors public events only, without the place details, and invites them to sign in', async () => {
    const pub = await createEvent(deps(), officeActor, { kind: 'workshop', title: 'Offene Werkstatt Rotkehlchen', description: 'Für alle **Interessierten**.', startsAt: future(5, 9), endsAt: future(5, 12), place: 'Köln', placeDetails: 'Rathaus, Saal 3', onlineUrl: null, audience: 'public', capacity: 20 });
    await createEvent(deps(), officeActor, { kind: 'workshop', title: 'Interne Werkstatt Amsel', description: 'Intern.', startsAt: future(6, 9), endsAt: future(6, 12), place: 'Bonn', audience: 'members' });
    const visitor = new TestClient(t.app);
    const list = await visitor.get('/veranstaltungen');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Offene Werkstatt Rotkehlchen');
    expect(list.body).not.toContain('Interne Werkstatt Amsel');
    const page = await visitor.get(`/veranstaltungen/${pub}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>Interessierten</strong>');
    expect(page.body).toContain('Köln');
    expect(page.body).not.toContain('Saal 3');
    expect(page.body).toContain('/anmelden?next=');
    expect(page.body).not.toContain('Olga Office'); // no participant or organiser names in public
  });

  it('keeps everything typed when the form has errors, with a message at each field, and creates the event when right', async () => {
    const client = await signedIn(office);
    const form = await client.get('/veranstaltungen/neu');
    expect(form.statusCode).toBe(200);
    const bad = await client.post('/veranstaltungen/neu', { kind: 'workshop', title: 'Werkstatt Zeitreise', description: 'Text <b>fett</b>', startsAt: '2026-12-03T14:00', endsAt: '2026-12-03T09:00', place: '', onlineUrl: 'ftp://x', audience: 'members', capacity: 'zehn', question1: 'Barrierefreiheit?' });
    expect(bad.statusCode).toBe(422);
    expect(fieldError(bad.body, 'onlineUrl')).toMatch(/https/);
    expect(fieldError(bad.body, 'capacity')).toMatch(/Zahl/);
    expect(inputValue(bad.body, 'title')).toBe('Werkstatt Zeitreise');
    expect(inputValue(bad.body, 'startsAt')).toBe('2026-12-03T14:00');
    expect(inputValue(bad.body, 'question1')).toBe('Barrierefreiheit?');
    expect(bad.body).toMatch(/>Text &lt;b>fett&lt;\/b><\/textarea>|>Text &lt;b&gt;fett&lt;\/b&gt;<\/textarea>/);
    const bad2 = await client.post('/veranstaltungen/neu', { kind: 'workshop', title: 'Werkstatt Zeitreise', description: 'Text', startsAt: '2026-12-03T14:00', endsAt: '2026-12-03T09:00', place: '', audience: 'members' });
    expect(bad2.statusCode).toBe(422);
    expect(fieldError(bad2.body, 'endsAt')).toMatch(/nach dem Beginn/);
    expect(fieldError(bad2.body, 'place')).toMatch(/Ort/);
    const ok = await client.post('/veranstaltungen/neu', { kind: 'workshop', title: 'Werkstatt Zeitreise', description: 'Text', startsAt: '2026-12-03T09:00', endsAt: '2026-12-03T16:30', place: 'Berlin', placeDetails: 'Raum 1', audience: 'members', capacity: '1', waitlist: 'on', question1: 'Barrierefreiheit?' });
    expect(ok.statusCode).toBe(303);
    const id = ok.headers.location!.split('/').pop()!;
    const row = await t.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // Typed as Berlin time: 09:00 CET is 08:00 UTC in December.
    expect(row.startsAt.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(row.questions).toEqual([{ id: 'q1', label: 'Barrierefreiheit?', required: false }]);
    const page = await client.get(`/veranstaltungen/${id}`);
    expect(page.body).toContain('Donnerstag, 3. Dezember 2026, 09:00–16:30 Uhr');
  });

  it('registers through the form, puts the next person on the waiting list, and moves them up when the first cancels', async () => {
    const id = await createEvent(deps(), officeActor, { kind: 'workshop', title: 'Werkstatt Kleingruppe', description: 'x', startsAt: future(8, 9), endsAt: future(8, 12), place: 'Hamburg', placeDetails: 'Geheimer Raum 7', audience: 'members', capacity: 1, questions: [{ label: 'Unterstützungsbedarf?', required: true }] });
    const [a, b] = [await createUser(t.db, { name: 'Anna Eins' }), await createUser(t.db, { name: 'Bernd Zwei' })];
    const ca = await signedIn(a);
    const cb = await signedIn(b);
    const missing = await ca.post(`/veranstaltungen/${id}/anmelden`, {});
    expect(missing.statusCode).toBe(422);
    expect(fieldError(missing.body, 'answer_q1')).toMatch(/beantworten/);
    expect((await ca.post(`/veranstaltungen/${id}/anmelden`, { answer_q1: 'Rollstuhlgerechter Raum' })).statusCode).toBe(303);
    const pageA = await ca.get(`/veranstaltungen/${id}`);
    expect(pageA.body).toContain('Geheimer Raum 7');
    expect(pageA.body).toContain('Sie sind angemeldet');
    const before = await cb.get(`/veranstaltungen/${id}`);
    expect(before.body).not.toContain('Geheimer Raum 7');
    expect(before.body).toContain('Auf die Warteliste');
    expect((await cb.post(`/veranstaltungen/${id}/anmelden`, { answer_q1: 'nein' })).statusCode).toBe(303);
    expect((await cb.get(`/veranstaltungen/${id}`)).body).toContain('Platz 1 der Warteliste');
    const organiser = await signedIn(office);
    const participants = await organiser.get(`/veranstaltungen/${id}/teilnehmende`);
    expect(participants.body).toContain('Rollstuhlgerechter Raum');
    expect(participants.body).toContain('Bernd Zwei');
    // Not organisers: 403.
    expect((await cb.get(`/veranstaltungen/${id}/teilnehmende`)).statusCode).toBe(403);
    expect((await ca.post(`/veranstaltungen/${id}/abmelden`)).statusCode).toBe(303);
    const after = await cb.get(`/veranstaltungen/${id}`);
    expect(after.body).toContain('Geheimer Raum 7');
    await t.jobs.drain();
    expect((await t.outbox.last(b.email)).subject).toBe('Sie sind nachgerückt: Werkstatt Kleingruppe');
  });

  it('marks attendance, gives attendees a certificate PDF with the facts, and the check page confirms genuine codes and rejects forged ones', async () => {
    const org = await createOrganisation(t.db, { name: 'Stadt Musterhausen' });
    const attendee = await createUser(t.db, { name: 'Jürgen Weiß', organisationId: org.id });
    const absent = await createUser(t.db, { name: 'Nina Fern' });
    const start = new Date(Date.now() - 3 * 86400_000);
    start.setUTCHours(8, 0, 0, 0);
    const id = await createEvent(deps(), officeActor, { kind: 'workshop', title: 'Werkstatt Nachweis', description: 'x', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 6.5 * 3600_000).toISOString(), place: 'Leipzig', audience: 'members', organiserName: 'Geschäftsstelle Knotenpunkt' });
    for (const u of [attendee, absent]) await t.db.insertInto('eventRegistrations').values({ id: `r-${u.id}`, eventId: id, userId: u.id, status: 'confirmed' }).execute();
    const organiser = await signedIn(office);
    await organiser.get(`/veranstaltungen/${id}/teilnehmende`);
    expect((await organiser.post(`/veranstaltungen/${id}/anwesenheit`, { attended: [attendee.id] })).statusCode).toBe(303);
    const checkIn = await organiser.get(`/veranstaltungen/${id}/check-in`);
    expect(checkIn.body).toContain('Jürgen Weiß');
    expect(checkIn.body).toContain('Nina Fern');

    const ca = await signedIn(attendee);
    expect((await ca.get(`/veranstaltungen/${id}`)).body).toContain('/bescheinigung');
    const pdf = await ca.get(`/veranstaltungen/${id}/bescheinigung`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Jürgen Weiß');
    expect(text).toContain('Stadt Musterhausen');
    expect(text).toContain('Werkstatt Nachweis');
    expect(text).toContain('6,5 Stunden');
    expect(text).toContain('Geschäftsstelle Knotenpunkt');
    const code = /KP(-[0-9A-Z]{4}){3}/.exec(text)?.[0];
    expect(code).toBeTruthy();
    expect(text).toContain(`/bescheinigungen/${code}`);
    // The same certificate again, not a second one.
    const again = await pdfText((await ca.get(`/veranstaltungen/${id}/bescheinigung`)).rawPayload);
    expect(again).toContain(code!);
    expect(await t.db.selectFrom('certificates').select('code').where('eventId', '=', id).execute()).toHaveLength(1);
    // Not attended: no certificate.
    expect((await (await signedIn(absent)).get(`/veranstaltungen/${id}/bescheinigung`)).statusCode).toBe(404);

    const visitor = new TestClient(t.app);
    const genuine = await visitor.get(`/bescheinigungen/${code}`);
    expect(genuine.statusCode).toBe(200);
    expect(genuine.body).toContain('Diese Bescheinigung ist echt.');
    expect(genuine.body).toContain('Jürgen Weiß');
    expect(genuine.body).toContain('6,5 Stunden');
    const typed = await visitor.get(`/bescheinigungen?code=${code!.toLowerCase().replace(/-/g, ' ')}`);
    expect(typed.body).toContain('Diese Bescheinigung ist echt.');
    const forgedCode = code!.slice(0, -1) + (code!.endsWith('A') ? 'B' : 'A');
    const forged = await visitor.get(`/bescheinigungen/${forgedCode}`);
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Keine Bescheinigung mit diesem Code gefunden.');
    expect(forged.body).not.toContain('Jürgen Weiß');
    const junk = await visitor.get('/bescheinigungen/%3Cscript%3E');
    expect(junk.statusCode).toBe(404);
    expect(junk.body).not.toContain('<script>');
  });

  it('lists a community’s next events on its page, each only for those who may see it', async () => {
    const { createCommunity } = await import('../../../test/helpers/communities.js');
    const insider = await createUser(t.db);
    const outsider = await createUser(t.db);
    const community = await createCommunity(t.db, { visibility: 'open', members: [{ userId: insider.id }] });
    await createEvent(deps(), officeActor, { kind: 'meeting', title: 'Treffen nur für Mitglieder Stieglitz', description: 'x', startsAt: future(9, 10), endsAt: future(9, 12), place: 'Online', onlineUrl: 'https://meet.example.org/x', audience: 'community', communityId: community.id });
    await createEvent(deps(), officeActor, { kind: 'workshop', title: 'Werkstatt für alle Zeisig', description: 'x', startsAt: future(10, 10), endsAt: future(10, 12), place: 'Kiel', audience: 'members', communityId: community.id });
    const inside = (await (await signedIn(insider)).get(`/communities/${community.slug}`)).body;
    expect(inside).toContain('Treffen nur für Mitglieder Stieglitz');
    expect(inside).toContain('Werkstatt für alle Zeisig');
    const outside = await (await signedIn(outsider)).get(`/communities/${community.slug}`);
    expect(outside.statusCode).toBe(200);
    expect(outside.body).not.toContain('Treffen nur für Mitglieder Stieglitz');
    expect(outside.body).toContain('Werkstatt für alle Zeisig');
  });

  it('shows the personal calendar address and renews it', async () => {
    const member = await createUser(t.db);
    const client = await signedIn(member);
    const page = await client.get('/veranstaltungen/kalender');
    const address = /id="feed-personal"[^>]*value="([^"]+)"/.exec(page.body)?.[1] ?? /value="([^"]+)"[^>]*id="feed-personal"/.exec(page.body)?.[1];
    expect(address).toMatch(/\/kalender\/.+\.ics$/);
    const path = new URL(address!).pathname;
    expect((await new TestClient(t.app).get(path)).statusCode).toBe(200);
    expect((await client.post('/veranstaltungen/kalender/erneuern')).statusCode).toBe(303);
    expect((await new TestClient(t.app).get(path)).statusCode).toBe(404);
  });
});
