/** The demo data: idempotent, and every demo account signs in through the page and the API with its role. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { TestClient } from '../../test/helpers/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, { log: () => undefined });
}, 120_000);
afterAll(() => t.close());

describe('demo data', () => {
  it('is idempotent: a second run adds nothing', async () => {
    const count = async () => ({
      organisations: (await t.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      users: (await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      tags: (await t.db.selectFrom('profileTags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      communities: (await t.db.selectFrom('communities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      members: (await t.db.selectFrom('communityMembers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      posts: (await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      replies: (await t.db.selectFrom('replies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      events: (await t.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      registrations: (await t.db.selectFrom('eventRegistrations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      sessions: (await t.db.selectFrom('eventSessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await count();
    const again = await seedDemo(t.db, { log: () => undefined });
    expect(again.communities).toEqual({ communitiesCreated: 0, postsCreated: 0, repliesCreated: 0 });
    expect(again.events).toEqual({ eventsCreated: 0, registrationsCreated: 0, sessionsCreated: 0 });
    expect(await count()).toEqual(before);
    expect(before.organisations).toBeGreaterThanOrEqual(16 + 100);
    expect(before.users).toBeGreaterThanOrEqual(200);
  }, 120_000);

  it('has federal, state and municipal organisations with .example domains only', async () => {
    const levels = await t.db.selectFrom('organisations').select('level').distinct().execute();
    expect(levels.map((l) => l.level).sort()).toEqual(['bund', 'kommune', 'land', 'sonstige']);
    const foreign = await t.db.selectFrom('organisationDomains').select('domain').where('domain', 'not like', '%.example').execute();
    expect(foreign).toEqual([]);
    const states = await t.db.selectFrom('organisations').select('state').distinct().where('level', '=', 'land').where('state', 'is not', null).execute();
    expect(states.length).toBe(16);
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a.role] as const))('%s signs in through the API and the page as %s', async (email, role) => {
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORD } });
    expect(api.statusCode).toBe(200);
    expect(api.json().user.role).toBe(role);
    const client = new TestClient(t.app);
    await client.signIn(email, DEMO_PASSWORD);
    expect((await client.api('GET', '/api/v1/me')).json().role).toBe(role);
  });

  it('puts the applicant in the review queue and lets a demo person be found as an expert', async () => {
    const office = new TestClient(t.app);
    await office.signIn('office@knotenpunkt.example', DEMO_PASSWORD);
    expect((await office.get('/geschaeftsstelle/pruefung')).body).toContain('applicant@privat.example');
    const experts = (await office.api('GET', '/api/v1/experts?q=E-Akte')).json();
    expect(experts.total).toBeGreaterThan(5);
    expect(new Set(experts.items.map((e: { level: string }) => e.level)).size).toBeGreaterThan(1);
  });
});

describe('demo communities', () => {
  const userId = async (email: string) => (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const membership = async (slug: string, email: string) =>
    t.db
      .selectFrom('communityMembers as cm')
      .innerJoin('communities as c', 'c.id', 'cm.communityId')
      .innerJoin('users as u', 'u.id', 'cm.userId')
      .select(['cm.role', 'cm.status'])
      .where('c.slug', '=', slug)
      .where('u.email', '=', email)
      .executeTakeFirst();

  it('has about twelve active communities with topics, members and posts, and one proposal', async () => {
    const rows = await sql<{ slug: string; visibility: string; status: string; members: number; posts: number; topics: number }>`
      select c.slug, c.visibility, c.status,
        (select count(*)::int from community_members m where m.community_id = c.id and m.status = 'active') as members,
        (select count(*)::int from posts p where p.community_id = c.id) as posts,
        (select count(*)::int from community_topics ct where ct.community_id = c.id) as topics
      from communities c`.execute(t.db);
    const active = rows.rows.filter((r) => r.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(11);
    expect(active.length).toBeLessThanOrEqual(14);
    for (const c of active) {
      expect(c.members, c.slug).toBeGreaterThanOrEqual(10);
      expect(c.members, c.slug).toBeLessThanOrEqual(60);
      expect(c.topics, c.slug).toBeGreaterThan(0);
      expect(c.posts, c.slug).toBeGreaterThanOrEqual(c.visibility === 'hidden' ? 2 : 6);
    }
    const proposals = await t.db.selectFrom('communities').select(['proposalReason', 'createdBy', 'memberCount']).where('status', '=', 'proposed').execute();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.proposalReason).toBeTruthy();
    expect(proposals[0]!.createdBy).toBeTruthy();
  });

  it('has a hidden leadership circle led by the lead account, without the member account', async () => {
    const c = await t.db.selectFrom('communities').selectAll().where('slug', '=', 'leitungsrunde-digitalisierung').executeTakeFirstOrThrow();
    expect(c.visibility).toBe('hidden');
    expect(await membership('leitungsrunde-digitalisierung', 'lead@musterstadt.example')).toEqual({ role: 'lead', status: 'active' });
    expect(await membership('leitungsrunde-digitalisierung', 'member@land-beispiel.example')).toBeUndefined();
    const led = await t.db
      .selectFrom('communityMembers as cm')
      .innerJoin('communities as c', 'c.id', 'cm.communityId')
      .select(['c.slug', 'c.visibility'])
      .where('cm.userId', '=', await userId('lead@musterstadt.example'))
      .where('cm.role', '=', 'lead')
      .where('cm.status', '=', 'active')
      .execute();
    expect(led.length).toBeGreaterThanOrEqual(2);
    expect(led.some((r) => r.visibility === 'open')).toBe(true);
  });

  it('has a community on request with a pending request, and one for partners with the partner account', async () => {
    const pending = await t.db
      .selectFrom('communityMembers as cm')
      .innerJoin('communities as c', 'c.id', 'cm.communityId')
      .select(['c.slug', 'cm.message'])
      .where('c.visibility', '=', 'request')
      .where('cm.status', '=', 'requested')
      .execute();
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(pending[0]!.message).toBeTruthy();
    const partner = await t.db
      .selectFrom('communityMembers as cm')
      .innerJoin('communities as c', 'c.id', 'cm.communityId')
      .select(['c.slug', 'c.partnersAllowed'])
      .where('cm.userId', '=', await userId('partner@forschung.example'))
      .where('cm.status', '=', 'active')
      .execute();
    expect(partner.length).toBeGreaterThanOrEqual(1);
    expect(partner.every((r) => r.partnersAllowed)).toBe(true);
  });

  it('gives the member account a few open communities and leaves one on their topics to join', async () => {
    const member = await userId('member@land-beispiel.example');
    const open = await sql<{ slug: string; belongs: boolean; overlaps: boolean }>`
      select c.slug,
        exists (select 1 from community_members m where m.community_id = c.id and m.user_id = ${member}) as belongs,
        exists (select 1 from community_topics ct join profile_tags pt on pt.tag_id = ct.tag_id where ct.community_id = c.id and pt.user_id = ${member}) as overlaps
      from communities c where c.visibility = 'open' and c.status = 'active'`.execute(t.db);
    const mine = open.rows.filter((r) => r.belongs);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.length).toBeLessThanOrEqual(3);
    expect(open.rows.some((r) => !r.belongs && r.overlaps)).toBe(true);
    const saved = await t.db.selectFrom('bookmarks').select('postId').where('userId', '=', member).execute();
    expect(saved.length).toBeGreaterThan(0);
  });

  it('keeps counters consistent with the rows', async () => {
    const wrong = await sql<{ what: string; id: string }>`
      select 'post replies' as what, p.id from posts p
        where p.reply_count <> (select count(*) from replies r where r.post_id = p.id and r.hidden_at is null and r.deleted_at is null)
      union all select 'post helpful', p.id from posts p
        where p.helpful_count <> (select count(*) from helpful_marks h where h.target_type = 'post' and h.target_id = p.id)
      union all select 'reply helpful', r.id from replies r
        where r.helpful_count <> (select count(*) from helpful_marks h where h.target_type = 'reply' and h.target_id = r.id)
      union all select 'post activity', p.id from posts p
        where p.last_activity_at <> greatest(p.created_at, (select max(r.created_at) from replies r where r.post_id = p.id and r.hidden_at is null and r.deleted_at is null))
      union all select 'community members', c.id from communities c
        where c.member_count <> (select count(*) from community_members m where m.community_id = c.id and m.status = 'active')
      union all select 'community activity', c.id from communities c
        where exists (select 1 from posts p where p.community_id = c.id)
          and c.last_activity_at <> (select max(p.last_activity_at) from posts p where p.community_id = c.id)
      union all select 'accepted reply of another post', p.id from posts p join replies r on r.id = p.accepted_reply_id where r.post_id <> p.id
      union all select 'in the future', p.id from posts p where p.created_at > now() or p.last_activity_at > now()
      union all select 'reply before post', r.id from replies r join posts p on p.id = r.post_id where r.created_at < p.created_at
      union all select 'quote of another post', r.id from replies r join replies q on q.id = r.quote_reply_id where q.post_id <> r.post_id`.execute(t.db);
    expect(wrong.rows).toEqual([]);
    const answered = await t.db.selectFrom('posts').select('id').where('type', '=', 'question').where('acceptedReplyId', 'is not', null).execute();
    const open = await t.db.selectFrom('posts').select('id').where('type', '=', 'question').where('acceptedReplyId', 'is', null).execute();
    expect(answered.length).toBeGreaterThan(5);
    expect(open.length).toBeGreaterThan(5);
  });

  it('lets only active members write, leads announce, and examples name an organisation and a member as contact', async () => {
    const wrong = await sql<{ what: string; id: string }>`
      select 'post author' as what, p.id from posts p
        where not exists (select 1 from community_members m where m.community_id = p.community_id and m.user_id = p.author_id and m.status = 'active')
      union all select 'announcement', p.id from posts p where p.type = 'announcement'
        and not exists (select 1 from community_members m where m.community_id = p.community_id and m.user_id = p.author_id and m.status = 'active' and m.role = 'lead')
      union all select 'reply author', r.id from replies r join posts p on p.id = r.post_id
        where not exists (select 1 from community_members m where m.community_id = p.community_id and m.user_id = r.author_id and m.status = 'active')
      union all select 'helpful mark', h.target_id from helpful_marks h
        left join replies r on h.target_type = 'reply' and r.id = h.target_id
        join posts p on p.id = coalesce(r.post_id, h.target_id)
        where not exists (select 1 from community_members m where m.community_id = p.community_id and m.user_id = h.user_id and m.status = 'active')
      union all select 'example', e.post_id from practice_examples e join posts p on p.id = e.post_id
        where e.organisation_id is null or p.type <> 'example'
          or not exists (select 1 from community_members m where m.community_id = p.community_id and m.user_id = e.contact_id and m.status = 'active')
      union all select 'example without row', p.id from posts p where p.type = 'example' and not exists (select 1 from practice_examples e where e.post_id = p.id)
      union all select 'post tag outside topics', pt.post_id from post_tags pt join posts p on p.id = pt.post_id
        where not exists (select 1 from community_topics ct where ct.community_id = p.community_id and ct.tag_id = pt.tag_id)`.execute(t.db);
    expect(wrong.rows).toEqual([]);
    expect((await t.db.selectFrom('exampleReuses').select('postId').execute()).length).toBeGreaterThan(0);
  });
});

describe('demo events', () => {
  const event = async (title: string) => t.db.selectFrom('events').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
  const statusCounts = async (eventId: string) => {
    const rows = await t.db.selectFrom('eventRegistrations').select(['status', sql<number>`count(*)::int`.as('n')]).where('eventId', '=', eventId).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  it('keeps the counts on events and sessions consistent with the rows, and every event has an organiser', async () => {
    const wrong = await sql<{ what: string; id: string }>`
      select 'confirmed' as what, e.id from events e
        where e.confirmed_count <> (select count(*) from event_registrations r where r.event_id = e.id and r.status = 'confirmed')
      union all select 'waiting', e.id from events e
        where e.waitlist_count <> (select count(*) from event_registrations r where r.event_id = e.id and r.status = 'waiting')
      union all select 'over capacity', e.id from events e where e.capacity is not null and e.confirmed_count > e.capacity
      union all select 'waiting with free places', e.id from events e where e.waitlist_count > 0 and e.confirmed_count < e.capacity
      union all select 'interest', s.id from event_sessions s
        where s.interest_count <> (select count(*) from event_session_interest i where i.session_id = s.id)
      union all select 'no organiser', e.id from events e where not exists (select 1 from event_organisers o where o.event_id = e.id)
      union all select 'session without host', s.id from event_sessions s where not exists (select 1 from event_session_hosts h where h.session_id = s.id)
      union all select 'attended but not confirmed', r.id from event_registrations r where r.attended_at is not null and r.status <> 'confirmed'
      union all select 'attended before the event', r.id from event_registrations r join events e on e.id = r.event_id where r.attended_at < e.starts_at
      union all select 'registered after the start', r.id from event_registrations r join events e on e.id = r.event_id where r.created_at > e.starts_at
      union all select 'in the future', r.id from event_registrations r where r.created_at > now()
      union all select 'interest without confirmed registration', i.session_id from event_session_interest i join event_sessions s on s.id = i.session_id
        where not exists (select 1 from event_registrations r where r.event_id = s.event_id and r.user_id = i.user_id and r.status = 'confirmed')
      union all select 'slot outside the event', sl.id from event_slots sl join events e on e.id = sl.event_id where sl.starts_at < e.starts_at or sl.ends_at > e.ends_at
      union all select 'community audience without member', r.id from event_registrations r join events e on e.id = r.event_id
        where e.audience = 'community' and not exists (select 1 from community_members m where m.community_id = e.community_id and m.user_id = r.user_id and m.status = 'active')`.execute(t.db);
    expect(wrong.rows).toEqual([]);
    const kinds = await t.db.selectFrom('events').select(['kind', 'audience']).execute();
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['barcamp', 'workshop', 'meeting', 'online']));
    expect(new Set(kinds.map((k) => k.audience))).toEqual(new Set(['members', 'public', 'community']));
    const upcoming = await t.db.selectFrom('events').select('id').where('startsAt', '>', new Date()).execute();
    const past = await t.db.selectFrom('events').select('id').where('endsAt', '<', new Date()).execute();
    expect(upcoming.length).toBeGreaterThanOrEqual(6);
    expect(past.length).toBeGreaterThanOrEqual(3);
  });

  it('starts events at sensible Berlin hours on weekdays', async () => {
    const rows = await sql<{ title: string; hour: number; dow: number }>`
      select title, extract(hour from starts_at at time zone 'Europe/Berlin')::int as hour, extract(isodow from starts_at at time zone 'Europe/Berlin')::int as dow from events`.execute(t.db);
    for (const r of rows.rows) {
      expect(r.hour, r.title).toBeGreaterThanOrEqual(9);
      expect(r.hour, r.title).toBeLessThanOrEqual(14);
      expect(r.dow, r.title).toBeLessThanOrEqual(5);
    }
  });

  it('has a full workshop with 12 confirmed and 4 waiting in order, without the member account', async () => {
    const e = await event('Werkstatt: E-Akte einführen');
    expect(e.capacity).toBe(12);
    expect(await statusCounts(e.id)).toMatchObject({ confirmed: 12, waiting: 4 });
    expect([e.confirmedCount, e.waitlistCount]).toEqual([12, 4]);
    const waiting = await t.db.selectFrom('eventRegistrations').select(['queuePosition', 'createdAt']).where('eventId', '=', e.id).where('status', '=', 'waiting').orderBy('queuePosition').execute();
    const times = waiting.map((w) => w.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const member = await t.db.selectFrom('users').select('id').where('email', '=', 'member@land-beispiel.example').executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('eventRegistrations').select('id').where('eventId', '=', e.id).where('userId', '=', member.id).executeTakeFirst()).toBeUndefined();
  });

  it('has a workshop with a question at registration and a public one with place details and a link', async () => {
    const forms = await event('Werkstatt: Nutzerzentrierte Formulare');
    expect(forms.questions[0]).toEqual({ id: 'q1', label: 'Benötigen Sie Unterstützung für barrierefreie Teilnahme?', required: false });
    const ki = await event('Werkstatt: KI im Verwaltungsalltag');
    expect(ki.audience).toBe('public');
    expect(ki.place && ki.placeDetails && ki.onlineUrl?.startsWith('https://')).toBeTruthy();
    const online = await t.db.selectFrom('events').select('onlineUrl').where('kind', '=', 'online').execute();
    expect(online.length).toBeGreaterThan(0);
    expect(online.every((o) => o.onlineUrl?.startsWith('https://'))).toBe(true);
  });

  it('has an upcoming barcamp with 3 rooms, 4 slots and at least 18 proposals with interest, plan not published', async () => {
    const camp = await event('Knotenpunkt-Camp');
    expect(camp.kind).toBe('barcamp');
    expect(camp.startsAt.getTime()).toBeGreaterThan(Date.now() + 14 * 86400_000);
    expect(camp.planPublishedAt).toBeNull();
    const rooms = await t.db.selectFrom('eventRooms').select('id').where('eventId', '=', camp.id).execute();
    const slots = await t.db.selectFrom('eventSlots').select('id').where('eventId', '=', camp.id).execute();
    expect([rooms.length, slots.length]).toEqual([3, 4]);
    const sessions = await t.db.selectFrom('eventSessions').select(['interestCount', 'roomId']).where('eventId', '=', camp.id).where('withdrawnAt', 'is', null).execute();
    expect(sessions.filter((s) => s.interestCount > 0).length).toBeGreaterThanOrEqual(18);
    expect(sessions.every((s) => s.roomId === null)).toBe(true);
    expect(camp.confirmedCount).toBeGreaterThan(50);
    const organisers = await t.db.selectFrom('eventOrganisers as o').innerJoin('users as u', 'u.id', 'o.userId').select('u.email').where('o.eventId', '=', camp.id).execute();
    expect(organisers.map((o) => o.email)).toContain('office@knotenpunkt.example');
  });

  it('has a past barcamp with a published plan and session notes', async () => {
    const camp = await event('Knotenpunkt-Camp – Auftakt');
    expect(camp.endsAt.getTime()).toBeLessThan(Date.now());
    expect(camp.planPublishedAt).not.toBeNull();
    const sessions = await t.db.selectFrom('eventSessions').select(['roomId', 'notes']).where('eventId', '=', camp.id).execute();
    expect(sessions.filter((s) => s.roomId).length).toBeGreaterThanOrEqual(10);
    expect(sessions.filter((s) => s.notes.trim()).length).toBeGreaterThanOrEqual(5);
  });

  it('has the member account attend a past event (certificate) and register for an upcoming one', async () => {
    const me = await t.db.selectFrom('users').select('id').where('email', '=', 'member@land-beispiel.example').executeTakeFirstOrThrow();
    const rows = await t.db
      .selectFrom('eventRegistrations as r')
      .innerJoin('events as e', 'e.id', 'r.eventId')
      .select(['e.title', 'e.endsAt', 'e.startsAt', 'r.status', 'r.attendedAt'])
      .where('r.userId', '=', me.id)
      .execute();
    expect(rows.some((r) => r.endsAt.getTime() < Date.now() && r.attendedAt)).toBe(true);
    expect(rows.some((r) => r.startsAt.getTime() > Date.now() && r.status === 'confirmed')).toBe(true);
  });
});
