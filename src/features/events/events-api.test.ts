/**
 * Events through the API over real HTTP: capacity under parallel registrations, the waiting
 * list order and promotion mails, visibility (404 like a missing id), validation, calendar files
 * parsed with ical.js across the daylight-saving change, and the calendar feeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { createCommunity } from '../../../test/helpers/communities.js';
import { newId, newSecret, sha256 } from '../../lib/ids.js';
import { sendDueReminders, deleteAnswersAfterEvents } from './events.service.js';

let t: TestApp;
const tokens = new Map<string, string>();

async function person(role: 'member' | 'partner' | 'office' | 'applicant' = 'member', name?: string) {
  const user = await createUser(t.db, { role, ...(name ? { name } : {}) });
  const secret = newSecret();
  await t.db.insertInto('accessTokens').values({ id: newId(), userId: user.id, name: 'Test', tokenHash: sha256(secret), scopes: ['read', 'write'] }).execute();
  tokens.set(user.id, secret);
  return user;
}

async function call(method: string, path: string, as?: { id: string }, body?: unknown) {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${tokens.get(as.id)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  // Calendar lines are folded at 75 octets: unfold, as a calendar program does.
  const text = (await res.text()).replace(/\r\n[ \t]/g, '');
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

const inDays = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * 86400_000);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
};

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'workshop',
    title: 'Werkstatt: E-Akte einführen',
    description: 'Erfahrungen aus drei Kommunen.',
    startsAt: inDays(10, 9).toISOString(),
    endsAt: inDays(10, 16).toISOString(),
    place: 'Berlin',
    placeDetails: 'Raum 4.12, Eingang B',
    onlineUrl: 'https://video.example.org/raum-geheim',
    audience: 'members',
    capacity: 10,
    ...overrides,
  };
}

let office: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  office = await person('office', 'Olga Office');
});
afterAll(async () => t?.close());

describe('capacity and the waiting list', () => {
  it('registers 50 people in parallel for 10 places: exactly 10 confirmed, 40 waiting in order; cancellations move the right person up', async () => {
    const created = await call('POST', '/api/v1/events', office, eventBody());
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => person('member', `Teilnehmende ${String(i).padStart(2, '0')}`)));
    const answers = await Promise.all(people.map((p) => call('POST', `/api/v1/events/${id}/registration`, p, {})));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const confirmed = answers.filter((a) => a.json.status === 'confirmed');
    const waiting = answers.filter((a) => a.json.status === 'waiting');
    expect(confirmed).toHaveLength(10);
    expect(waiting).toHaveLength(40);
    // Positions 1..40, each once.
    expect(waiting.map((a) => a.json.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const event = await call('GET', `/api/v1/events/${id}`, office);
    expect(event.json.confirmedCount).toBe(10);
    expect(event.json.waitlistCount).toBe(40);

    // The order of the waiting list is the order in which registrations were decided.
    const list = await call('GET', `/api/v1/events/${id}/registrations`, office);
    const queue = list.json.items.filter((r: any) => r.status === 'waiting');
    expect(queue.map((r: any) => r.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const byUser = new Map(people.map((p, i) => [p.id, answers[i]!.json.waitlistPosition]));
    for (const r of queue) expect(byUser.get(r.userId)).toBe(r.waitlistPosition);

    // Two confirmed people cancel at once: the first two of the queue move up, in order, and are told.
    const firstTwo = queue.slice(0, 2).map((r: any) => r.userId);
    const third = queue[2].userId;
    const leaving = people.filter((_, i) => answers[i]!.json.status === 'confirmed').slice(0, 2);
    const cancelled = await Promise.all(leaving.map((p) => call('DELETE', `/api/v1/events/${id}/registration`, p)));
    expect(cancelled.map((c) => c.status)).toEqual([200, 200]);
    const after = await call('GET', `/api/v1/events/${id}/registrations`, office);
    const nowConfirmed = after.json.items.filter((r: any) => r.status === 'confirmed').map((r: any) => r.userId);
    expect(nowConfirmed).toHaveLength(10);
    for (const u of firstTwo) expect(nowConfirmed).toContain(u);
    expect(nowConfirmed).not.toContain(third);
    expect(after.json.items.find((r: any) => r.userId === third).waitlistPosition).toBe(1);
    const count = await call('GET', `/api/v1/events/${id}`, office);
    expect([count.json.confirmedCount, count.json.waitlistCount]).toEqual([10, 38]);

    // The promotion mails are queued with the promotion and sent by the queue, once each.
    await t.jobs.drain();
    for (const u of firstTwo) {
      const p = people.find((x) => x.id === u)!;
      const mails = await t.outbox.to(p.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('Sie sind nachgerückt');
      expect(mails[0]!.text).toContain('Werkstatt: E-Akte einführen');
      expect(mails[0]!.links.some((l) => l.endsWith(`/veranstaltungen/${id}`))).toBe(true);
    }
    expect(await t.outbox.to(people.find((x) => x.id === third)!.email)).toHaveLength(0);
    await t.jobs.drain();
    expect(await t.outbox.to(people.find((x) => x.id === firstTwo[0])!.email)).toHaveLength(1);
  }, 60_000);

  it('registering twice changes nothing; cancelling while waiting leaves the confirmed places alone', async () => {
    const created = await call('POST', '/api/v1/events', office, eventBody({ capacity: 1 }));
    const id = created.json.id;
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    expect((await call('POST', `/api/v1/events/${id}/registration`, a, null)).json.status).toBe('confirmed');
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => call('POST', `/api/v1/events/${id}/registration`, a, {})));
    expect(again.every((r) => r.json.status === 'confirmed')).toBe(true);
    expect((await call('POST', `/api/v1/events/${id}/registration`, b, {})).json).toEqual({ status: 'waiting', waitlistPosition: 1 });
    expect((await call('POST', `/api/v1/events/${id}/registration`, c, {})).json).toEqual({ status: 'waiting', waitlistPosition: 2 });
    await call('DELETE', `/api/v1/events/${id}/registration`, b);
    expect((await call('GET', `/api/v1/events/${id}`, c)).json.waitlistPosition).toBe(1);
    const event = (await call('GET', `/api/v1/events/${id}`, office)).json;
    expect([event.confirmedCount, event.waitlistCount]).toEqual([1, 1]);
    // More places move people up.
    const patched = await call('PATCH', `/api/v1/events/${id}`, office, { capacity: 2 });
    expect(patched.status).toBe(200);
    expect([patched.json.confirmedCount, patched.json.waitlistCount]).toEqual([2, 0]);
    expect((await call('GET', `/api/v1/events/${id}`, c)).json.registration).toBe('confirmed');
  });

  it('without a waiting list a full event answers 409; a closed registration answers 409', async () => {
    const full = (await call('POST', '/api/v1/events', office, eventBody({ capacity: 1, waitlist: false }))).json.id;
    await call('POST', `/api/v1/events/${full}/registration`, await person(), {});
    const refused = await call('POST', `/api/v1/events/${full}/registration`, await person(), {});
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('event_full');
    const closed = (await call('POST', '/api/v1/events', office, eventBody({ registrationClosesAt: new Date(Date.now() - 3600_000).toISOString(), registrationOpensAt: new Date(Date.now() - 7200_000).toISOString() }))).json.id;
    const late = await call('POST', `/api/v1/events/${closed}/registration`, await person(), {});
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ code: 'registration_closed' });
    expect(late.json.message).toMatch(/Anmeldung/);
  });

  it('organisers cancel someone with a message: they are told, the next moves up', async () => {
    const id = (await call('POST', '/api/v1/events', office, eventBody({ capacity: 1 }))).json.id;
    const [a, b] = await Promise.all([person(), person()]);
    await call('POST', `/api/v1/events/${id}/registration`, a, {});
    await call('POST', `/api/v1/events/${id}/registration`, b, {});
    expect((await call('DELETE', `/api/v1/events/${id}/registrations/${a.id}`, b, { message: 'x' })).status).toBe(403);
    expect((await call('DELETE', `/api/v1/events/${id}/registrations/${a.id}`, office, { message: '  ' })).status).toBe(422);
    expect((await call('DELETE', `/api/v1/events/${id}/registrations/${a.id}`, office, { message: 'Die Werkstatt ist nur für Kommunen.' })).status).toBe(200);
    await t.jobs.drain();
    const mail = await t.outbox.last(a.email);
    expect(mail.subject).toContain('storniert');
    expect(mail.text).toContain('Die Werkstatt ist nur für Kommunen.');
    expect((await t.outbox.last(b.email)).subject).toContain('nachgerückt');
  });
});

describe('what people may see', () => {
  it('hides online link and place details from everyone but confirmed participants, organisers and the office', async () => {
    const id = (await call('POST', '/api/v1/events', office, eventBody({ capacity: 1 }))).json.id;
    const [a, b] = await Promise.all([person(), person()]);
    await call('POST', `/api/v1/events/${id}/registration`, a, {});
    await call('POST', `/api/v1/events/${id}/registration`, b, {});
    const seen = async (who?: { id: string }) => (await call('GET', `/api/v1/events/${id}`, who)).json;
    expect((await seen(a)).onlineUrl).toBe('https://video.example.org/raum-geheim');
    expect((await seen(a)).placeDetails).toBe('Raum 4.12, Eingang B');
    expect((await seen(b)).onlineUrl).toBeNull();
    expect((await seen(b)).placeDetails).toBeNull();
    expect((await seen(office)).onlineUrl).not.toBeNull();
    const ics = await call('GET', `/api/v1/events/${id}.ics`, b);
    expect(ics.text).not.toContain('raum-geheim');
    expect((await call('GET', `/api/v1/events/${id}.ics`, a)).text).toContain('raum-geheim');
  });

  it('answers 404 for events outside the viewer’s audience, exactly like a missing id', async () => {
    const leadUser = await person();
    const member = await person();
    const partner = await person('partner');
    const applicant = await person('applicant');
    const community = await createCommunity(t.db, { visibility: 'open', members: [{ userId: leadUser.id, role: 'lead' }] });
    const invitedOnly = (await call('POST', '/api/v1/events', office, eventBody({ audience: 'invited', title: 'Geheime Runde Zaunkönig', invitedIds: [partner.id] }))).json.id;
    const communityOnly = (await call('POST', '/api/v1/events', leadUser, eventBody({ audience: 'community', communityId: community.id, title: 'Communitytreffen Eisvogel' })));
    expect(communityOnly.status).toBe(201);
    const membersOnly = (await call('POST', '/api/v1/events', office, eventBody({ title: 'Mitgliederwerkstatt Kranich' }))).json.id;
    const publicOne = (await call('POST', '/api/v1/events', office, eventBody({ audience: 'public', title: 'Offener Tag Buntspecht' }))).json.id;
    const missing = await call('GET', '/api/v1/events/doesnotexist', member);
    expect(missing.status).toBe(404);
    const cases: [{ id: string } | undefined, string, boolean][] = [
      [member, invitedOnly, false],
      [partner, invitedOnly, true],
      [member, communityOnly.json.id, false],
      [leadUser, communityOnly.json.id, true],
      [partner, membersOnly, false],
      [applicant, membersOnly, false],
      [undefined, membersOnly, false],
      [member, membersOnly, true],
      [undefined, publicOne, true],
      [applicant, publicOne, true],
    ];
    for (const [who, id, visible] of cases) {
      const res = await call('GET', `/api/v1/events/${id}`, who);
      expect(res.status, `${who?.id ?? 'visitor'} ${id}`).toBe(visible ? 200 : 404);
      if (!visible) expect(res.text).toBe(missing.text.replace('doesnotexist', id));
      const ics = await call('GET', `/api/v1/events/${id}.ics`, who);
      expect(ics.status).toBe(visible ? 200 : 404);
      const reg = await call('POST', `/api/v1/events/${id}/registration`, who, {});
      // Applicants are inside nowhere: every write answers 403 before any event is looked at.
      if (!visible && who) expect(reg.status).toBe(who === applicant ? 403 : 404);
    }
    // Lists agree with the single-object rule.
    const listed = (await call('GET', '/api/v1/events?limit=50', member)).json.items.map((e: any) => e.title);
    expect(listed).toContain('Mitgliederwerkstatt Kranich');
    expect(listed).not.toContain('Geheime Runde Zaunkönig');
    expect(listed).not.toContain('Communitytreffen Eisvogel');
    const publicList = (await call('GET', '/api/v1/events?limit=50')).json.items.map((e: any) => e.title);
    expect(publicList).toEqual(['Offener Tag Buntspecht']);
    // An applicant sees the public event but may not register.
    expect((await call('POST', `/api/v1/events/${publicOne}/registration`, applicant, {})).status).toBe(403);
  });

  it('lets only the office and community leads create events, leads only for their communities', async () => {
    const member = await person();
    const lead = await person();
    const mine = await createCommunity(t.db, { members: [{ userId: lead.id, role: 'lead' }] });
    const other = await createCommunity(t.db);
    expect((await call('POST', '/api/v1/events', member, eventBody())).status).toBe(403);
    const foreign = await call('POST', '/api/v1/events', lead, eventBody({ communityId: other.id }));
    expect(foreign.status).toBe(422);
    expect(foreign.json.fields.communityId).toBeTruthy();
    expect((await call('POST', '/api/v1/events', lead, eventBody({ communityId: mine.id }))).status).toBe(201);
    const ownEvent = (await call('POST', '/api/v1/events', lead, eventBody({ communityId: mine.id }))).json.id;
    expect((await call('PATCH', `/api/v1/events/${ownEvent}`, member, { title: 'Übernommen' })).status).toBe(403);
    expect((await call('PATCH', `/api/v1/events/${ownEvent}`, lead, { title: 'Neuer Titel' })).json.title).toBe('Neuer Titel');
    // Co-organisers: verified members only; they manage the event too.
    const partner = await person('partner');
    expect((await call('PATCH', `/api/v1/events/${ownEvent}`, lead, { organiserIds: [partner.id] })).status).toBe(422);
    expect((await call('PATCH', `/api/v1/events/${ownEvent}`, lead, { organiserIds: [member.id] })).status).toBe(200);
    expect((await call('GET', `/api/v1/events/${ownEvent}/registrations`, member)).status).toBe(200);
    expect((await call('GET', `/api/v1/events/${ownEvent}`, member)).json.canManage).toBe(true);
  });
});

describe('bad input', () => {
  it('answers 400/422 with {code, message}, never 500', async () => {
    const bad: unknown[] = [
      {},
      eventBody({ kind: 'party' }),
      eventBody({ startsAt: 'morgen' }),
      eventBody({ endsAt: inDays(9).toISOString() }),
      eventBody({ place: null, onlineUrl: null }),
      eventBody({ onlineUrl: 'javascript:alert(1)' }),
      eventBody({ title: 'x'.repeat(201) }),
      eventBody({ capacity: 0 }),
      eventBody({ capacity: 'zehn' }),
      eventBody({ audience: 'community' }),
      eventBody({ questions: Array.from({ length: 6 }, () => ({ label: 'Frage' })) }),
      eventBody({ title: 'a\u0000b' }),
      [eventBody()],
      'text',
    ];
    for (const body of bad) {
      const res = await call('POST', '/api/v1/events', office, body);
      expect([400, 422], JSON.stringify(body).slice(0, 80)).toContain(res.status);
      expect(res.json.code).toBeTruthy();
      expect(res.json.message).toBeTruthy();
      expect(res.text).not.toMatch(/at .*\.ts/);
    }
    const proto = await fetch(`${t.baseUrl}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(office.id)}`, 'content-type': 'application/json' },
      body: `{"__proto__":{"admin":true},${JSON.stringify(eventBody()).slice(1)}`,
    });
    expect([400, 422]).toContain(proto.status);
    expect((await call('GET', '/api/v1/events?limit=500', office)).status).toBe(400);
    expect((await call('GET', '/api/v1/events?kind=x', office)).status).toBe(400);
    expect((await call('GET', `/api/v1/events/${'x'.repeat(300)}`, office)).status).toBeLessThan(500);
    const id = (await call('POST', '/api/v1/events', office, eventBody({ questions: [{ label: 'Barrierefreiheit?', required: true }] }))).json.id;
    const missingAnswer = await call('POST', `/api/v1/events/${id}/registration`, await person(), {});
    expect(missingAnswer.status).toBe(422);
    expect(missingAnswer.json.fields.answer_q1).toBeTruthy();
    const tooMany = await call('POST', `/api/v1/events/${id}/registration`, await person(), { answers: { q1: 'x'.repeat(1001) } });
    expect(tooMany.status).toBe(422);
  });
});

describe('calendar files', () => {
  const parse = (text: string) => {
    const cal = new ICAL.Component(ICAL.parse(text));
    return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  };

  it('parse with ical.js, with the right times on both sides of the daylight-saving change; changes and cancellation keep the UID', async () => {
    // 24 October 2026 is summer time (UTC+2), 26 October winter time (UTC+1).
    const summer = (await call('POST', '/api/v1/events', office, eventBody({ startsAt: '2026-10-24T10:00:00+02:00', endsAt: '2026-10-24T12:30:00+02:00', audience: 'public' }))).json.id;
    const winter = (await call('POST', '/api/v1/events', office, eventBody({ startsAt: '2026-10-26T10:00:00+01:00', endsAt: '2026-10-26T12:30:00+01:00', audience: 'public' }))).json.id;
    for (const [id, utcStart, local] of [
      [summer, '2026-10-24T08:00:00.000Z', '20261024T100000'],
      [winter, '2026-10-26T09:00:00.000Z', '20261026T100000'],
    ] as const) {
      const res = await call('GET', `/api/v1/events/${id}.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(res.text).toContain(`DTSTART;TZID=Europe/Berlin:${local}`);
      expect(res.text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);
      expect(res.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
      const [vevent] = parse(res.text);
      expect(vevent!.startDate.toJSDate().toISOString()).toBe(utcStart);
      expect(vevent!.endDate.toJSDate().getTime() - vevent!.startDate.toJSDate().getTime()).toBe(2.5 * 3600_000);
      expect(vevent!.uid).toBe(`event-${id}@127.0.0.1`);
    }
    const before = parse((await call('GET', `/api/v1/events/${summer}.ics`)).text)[0]!;
    await call('PATCH', `/api/v1/events/${summer}`, office, { startsAt: '2026-10-24T11:00:00+02:00' });
    const moved = parse((await call('GET', `/api/v1/events/${summer}.ics`)).text)[0]!;
    expect(moved.uid).toBe(before.uid);
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved.startDate.toJSDate().toISOString()).toBe('2026-10-24T09:00:00.000Z');
    await call('POST', `/api/v1/events/${summer}/cancel`, office, { message: 'Krankheitsbedingt abgesagt.' });
    const cancelledText = (await call('GET', `/api/v1/events/${summer}.ics`)).text;
    const cancelled = parse(cancelledText)[0]!;
    expect(cancelled.uid).toBe(before.uid);
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('serves the public feed and a personal feed at a secret, renewable address', async () => {
    const member = await person();
    const pub = (await call('POST', '/api/v1/events', office, eventBody({ audience: 'public', title: 'Öffentlicher Feed-Termin' }))).json.id;
    const mem = (await call('POST', '/api/v1/events', office, eventBody({ title: 'Persönlicher Feed-Termin' }))).json.id;
    await call('POST', `/api/v1/events/${mem}/registration`, member, {});
    const publicFeed = await call('GET', '/kalender/oeffentlich.ics');
    expect(publicFeed.status).toBe(200);
    const publicTitles = parse(publicFeed.text).map((e) => e.summary);
    expect(publicTitles).toContain('Öffentlicher Feed-Termin');
    expect(publicTitles).not.toContain('Persönlicher Feed-Termin');
    expect(publicFeed.text).not.toContain('raum-geheim');
    void pub;

    const { calendarFeedPath, renewCalendarFeed } = await import('./events.service.js');
    const path = await calendarFeedPath(t.db, t.config.sessionSecret, member.id);
    const feed = await call('GET', path);
    expect(feed.status).toBe(200);
    const mine = parse(feed.text);
    expect(mine.map((e) => e.summary)).toEqual(['Persönlicher Feed-Termin']);
    expect(feed.text).toContain('raum-geheim'); // confirmed: the feed carries the link, like the page
    expect((await call('GET', path.replace(/\/[^/]+\.ics$/, '/falsch.ics'))).status).toBe(404);
    await renewCalendarFeed(t.db, member.id);
    expect((await call('GET', path)).status).toBe(404);
    expect((await call('GET', await calendarFeedPath(t.db, t.config.sessionSecret, member.id))).status).toBe(200);
  });
});

describe('reminders and personal data', () => {
  it('reminds confirmed people once a day ahead, not people who may no longer see it; deletes answers after the event', async () => {
    const soon = new Date(Date.now() + 6 * 3600_000);
    const id = (await call('POST', '/api/v1/events', office, eventBody({ startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3600_000).toISOString(), questions: [{ label: 'Essenswunsch?' }] }))).json.id;
    const [a, b] = await Promise.all([person(), person()]);
    await call('POST', `/api/v1/events/${id}/registration`, a, { answers: { q1: 'vegetarisch' } });
    await call('POST', `/api/v1/events/${id}/registration`, b, {});
    await t.db.updateTable('users').set({ role: 'applicant' }).where('id', '=', b.id).execute();
    const deps = { db: t.db, jobs: t.jobs, baseUrl: t.config.baseUrl, secret: t.config.sessionSecret };
    expect(await sendDueReminders(deps)).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders(deps)).toBe(0);
    await t.jobs.drain();
    const reminders = (await t.outbox.to(a.email)).filter((m) => m.subject.startsWith('Erinnerung'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).not.toContain('raum-geheim');
    expect((await t.outbox.to(b.email)).filter((m) => m.subject.startsWith('Erinnerung'))).toHaveLength(0);

    const answersBefore = await t.db.selectFrom('eventRegistrations').select('answers').where('eventId', '=', id).where('userId', '=', a.id).executeTakeFirstOrThrow();
    expect(answersBefore.answers).toEqual({ q1: 'vegetarisch' });
    await deleteAnswersAfterEvents(t.db, new Date(soon.getTime() + 2 * 3600_000));
    const answersAfter = await t.db.selectFrom('eventRegistrations').select('answers').where('eventId', '=', id).where('userId', '=', a.id).executeTakeFirstOrThrow();
    expect(answersAfter.answers).toEqual({});
  });
});
