/**
 * Events for the scale data set (./scale.ts, ./scale-communities.ts): thousands of events
 * spread over the past and the next twelve months, with registrations (confirmed, waiting,
 * cancelled), attendance of past events, organisers and invitations, generated in set-based
 * SQL (generate_series, temporary plan tables) inside one transaction, so that a run adds
 * everything or nothing.
 *
 * Kinds and audiences are mixed: workshops, meetings, online sessions and some barcamps; public,
 * for members, for the members of a scale community (registrations then come from that
 * community) and by invitation (the registrants are invited). Times are Berlin wall-clock
 * times (09:00–14:30 starts) converted with PostgreSQL's time zone rules. The benchmark
 * account is confirmed for a few upcoming events.
 *
 * One big barcamp (SCALE_BARCAMP_ID) runs today: 6 rooms × 6 slots of 45 minutes around the
 * current time (the third slot is running, the fourth is next, so the live page always has
 * "now" and "next"), 60 session proposals with interest marks by its ~400 participants, the 36
 * most popular placed (popular ones in the big rooms; 36 cells hold at most 36 sessions) and
 * the plan published. Seeding again adds nothing but moves that barcamp to the current time,
 * so that a kept benchmark database (BENCH_DATABASE_URL) still has a live barcamp.
 *
 * Pseudo-random choices hash a number (hashint8extended with a salt per purpose): the plan is
 * the same on every run apart from the dates, which follow the current day. Counts on the
 * events and the sessions are computed from the rows at the end.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { seedId } from './organisations.js';
import { BENCH_EMAIL, SCALE_COMMUNITY_PREFIX } from './scale-communities.js';
import { scaleVocabulary } from './scale-profiles.js';

/** The big barcamp of the scale data, running today. */
export const SCALE_BARCAMP_ID = seedId('scale-event', 'barcamp');

export interface ScaleEventsOptions {
  events: number;
  /** Registrations per event on average (some events get a quarter, some 1.75 times as many). */
  registrationsPerEvent: number;
  /** Account confirmed for a few upcoming events and the barcamp; default BENCH_EMAIL. */
  benchEmail?: string;
  log?: (line: string) => void;
}

export interface ScaleEventsResult {
  /** True when the scale events existed already (the barcamp was only moved to now). */
  skipped: boolean;
  barcampId: string;
  events: number;
  registrations: number;
  invitations: number;
  sessions: number;
  interestMarks: number;
  milliseconds: number;
}

const BARCAMP_ROOMS: readonly [string, number][] = [['Saal A', 200], ['Saal B', 120], ['Raum 1.01', 80], ['Raum 1.02', 60], ['Werkstatt', 50], ['Lounge', 40]];
const BARCAMP_SLOTS = 6;
const BARCAMP_SESSIONS = 60;
const BARCAMP_PARTICIPANTS = 400;
/** Slot i starts i hours after the first; each lasts 45 minutes. */
const SLOT_MINUTES = 45;

const PLACES = [
  'Geschäftsstelle Knotenpunkt, Berlin', 'Rathaus, Sitzungssaal', 'Landesamt für Digitalisierung, Seminarraum 2', 'Kreishaus, Großer Saal',
  'Bürgerhaus, Raum Europa', 'Fortbildungszentrum der Verwaltung', 'Stadtbibliothek, Veranstaltungsraum', 'Verwaltungsakademie, Hörsaal 1',
];
const PLACE_DETAILS = [
  'Eingang über den Innenhof, Aufzug vorhanden. Bitte Dienstausweis mitbringen.',
  'Barrierefreier Zugang über den Seiteneingang. Parkplätze begrenzt, Anreise mit dem ÖPNV empfohlen.',
  '2. Obergeschoss, Anmeldung am Empfang. Induktionsschleife im Raum.',
];
const KIND_TITLES: Record<'workshop' | 'meeting' | 'online' | 'barcamp', readonly string[]> = {
  workshop: ['Werkstatt: {t}', 'Werkstatt: {t} in der Praxis', 'Praxisworkshop {t}', 'Einführung in {t}'],
  meeting: ['Austauschtreffen {t}', 'Arbeitstreffen {t}', 'Netzwerktreffen {t}', 'Regionaltreffen {t}'],
  online: ['Online-Sprechstunde: {t}', 'Webinar: {t} kompakt', 'Digitale Fragestunde {t}', 'Online-Impuls: {t}'],
  barcamp: ['Barcamp {t}', 'Barcamp: Zukunft {t}'],
};
const DESCRIPTIONS = [
  'Wir tauschen Erfahrungen zu {t} aus: Was hat funktioniert, wo hakt es, und was können andere Verwaltungen nachnutzen? Kurze Impulse, viel Zeit für Fragen.',
  'Für alle, die sich in Bund, Ländern und Kommunen mit {t} beschäftigen. Bringen Sie gern Beispiele und offene Fragen aus Ihrem Haus mit.',
  'Praxisnah und ohne Vorkenntnisse: Wir arbeiten an konkreten Fällen zu {t} und sammeln Vorlagen, die alle Teilnehmenden mitnehmen können.',
  'Im Mittelpunkt steht {t}: rechtlicher Rahmen, Organisation und Technik. Die Ergebnisse werden in der Community dokumentiert.',
];
const SESSION_TITLES = [
  'Erfahrungsbericht: {t}', 'Fragen und Antworten zu {t}', '{t} in der Praxis', '{t} gemeinsam anpacken', 'Was wir bei {t} gelernt haben',
  '{t} – wo stehen wir?', 'Stolpersteine bei {t}', '{t} für Einsteigerinnen und Einsteiger', 'Offene Runde: {t}', '{t} und Datenschutz',
];
const SESSION_FORMATS = ['talk', 'discussion', 'workshop', 'other'];

/** A deterministic number in [0, 1) for an integer key (SQL bigint) and a salt. */
function r(salt: number, key: RawBuilder<unknown> | string): RawBuilder<number> {
  const k = typeof key === 'string' ? sql.raw(key) : key;
  return sql<number>`((hashint8extended((${k})::int8, ${sql.lit(salt)}::int8) & 4294967295)::float8 / 4294967296)`;
}

/** A deterministic id in the format of newId() (16 characters base64url) from a kind and a key. */
function hid(kind: string, key: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`substr(translate(encode(decode(md5(${sql.lit(`knotenpunkt-scale-${kind}:`)} || ${key}), 'hex'), 'base64'), '+/', '-_'), 1, 16)`;
}

/** One element of a text list, chosen by a number in [0, 1). */
function pick(list: readonly string[], u: RawBuilder<number>): RawBuilder<string> {
  return sql<string>`(${[...list]}::text[])[1 + floor(${list.length} * ${u})::int]`;
}

const count = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/** Start of the barcamp's first slot: two hours before the current quarter hour. */
function barcampBase(now = Date.now()): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.floor(now / quarter) * quarter - 2 * 3600_000);
}

export async function seedScaleEvents(db: Kysely<DB>, opts: ScaleEventsOptions): Promise<ScaleEventsResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const E = Math.max(0, Math.floor(opts.events));
  const RPE = Math.max(0, Math.floor(opts.registrationsPerEvent));
  const done = (res: Omit<ScaleEventsResult, 'milliseconds' | 'barcampId'>) => ({ ...res, barcampId: SCALE_BARCAMP_ID, milliseconds: Math.round(performance.now() - started) });
  const base = barcampBase();

  const exists = await db.selectFrom('events').select('id').where('id', '=', SCALE_BARCAMP_ID).executeTakeFirst();
  if (exists) {
    // A kept database: move the barcamp (and its slots) so that it runs now again.
    await db.transaction().execute(async (trx) => {
      const first = await trx.selectFrom('eventSlots').select(sql<Date>`min(starts_at)`.as('at')).where('eventId', '=', SCALE_BARCAMP_ID).executeTakeFirstOrThrow();
      if (!first.at) return;
      const shift = sql`(${base}::timestamptz - ${first.at}::timestamptz)`;
      await sql`update events set starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift}, plan_published_at = plan_published_at + ${shift} where id = ${SCALE_BARCAMP_ID}`.execute(trx);
      await sql`update event_slots set starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} where event_id = ${SCALE_BARCAMP_ID}`.execute(trx);
    });
    log('Events: scale events exist already; the barcamp was moved to the current time.');
    return done({ skipped: true, events: 0, registrations: 0, invitations: 0, sessions: 0, interestMarks: 0 });
  }

  const result = await db.transaction().execute(async (trx) => {
    const exec = (query: RawBuilder<unknown>) => query.execute(trx);
    const step = async (what: string, query: RawBuilder<unknown>) => {
      const t = performance.now();
      const n = count(await exec(query));
      log(`${what}: ${n.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);
      return n;
    };
    const plan = async (what: string, table: string, query: RawBuilder<unknown>) => {
      const t = performance.now();
      await exec(sql`create temp table ${sql.table(table)} on commit drop as ${query}`);
      const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)).rows[0]!.n;
      log(`${what}: ${n.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);
      return n;
    };
    await exec(sql`set local work_mem = '256MB'`);

    const labels = scaleVocabulary().map((v) => v.label);
    const V = labels.length;
    const label = (u: RawBuilder<number>) => sql<string>`(${labels}::text[])[1 + floor(${V} * ${u})::int]`;
    const fillT = (text: RawBuilder<string>, topic: RawBuilder<string>) => sql<string>`replace(${text}, '{t}', ${topic})`;

    // --- who: scale members (numbered 1…M), scale communities with their active members ------
    const M = await plan('Plan: event members', 'kp_ev_m', sql`
      select row_number() over (order by g)::int as k, u.id
      from generate_series(1, (select count(*) from users)::int) as g
      join users u on u.id = substr(translate(encode(decode(md5('knotenpunkt-scale-user:' || g), 'hex'), 'base64'), '+/', '-_'), 1, 16)
      where u.role = 'member' and u.verified_at is not null and u.suspended_at is null`);
    if (M === 0) {
      log('Events: no scale members; nothing added.');
      return { events: 0, registrations: 0, invitations: 0, sessions: 0, interestMarks: 0 };
    }
    await exec(sql`create unique index on kp_ev_m (k)`);
    await exec(sql`create temp table kp_ev_cm on commit drop as
      select c.c, c.id as community_id, m.user_id, row_number() over (partition by c.c order by m.user_id)::int as k, m.role
      from (select row_number() over (order by slug)::int as c, id from communities where slug like ${`${SCALE_COMMUNITY_PREFIX}%`} and status = 'active') c
      join community_members m on m.community_id = c.id and m.status = 'active'`);
    await exec(sql`create index on kp_ev_cm (c, k)`);
    await exec(sql`create temp table kp_ev_cc on commit drop as
      select c, community_id as id, count(*)::int as cnt, coalesce(min(user_id) filter (where role = 'lead'), min(user_id)) as lead
      from kp_ev_cm group by c, community_id`);
    await exec(sql`create unique index on kp_ev_cc (c)`);
    const C = (await sql<{ n: number }>`select count(*)::int as n from kp_ev_cc`.execute(trx)).rows[0]!.n;
    const bench = await sql<{ id: string }>`select id from users where email = ${opts.benchEmail ?? BENCH_EMAIL}`.execute(trx);
    const benchId = bench.rows[0]?.id ?? null;

    // --- plan: events -------------------------------------------------------------------------
    // Day: −365 … +364 days from today (Berlin), Monday to Friday; start 09:00–14:30 on the half hour.
    const n = sql.ref('n');
    await plan('Plan: events', 'kp_ev_e', sql`
      with typed as (
        select n,
          case when ${r(1, n)} < 0.5 then 'workshop' when ${r(1, n)} < 0.7 then 'meeting' when ${r(1, n)} < 0.96 then 'online' else 'barcamp' end as kind,
          case when ${r(2, n)} < 0.15 then 'public' when ${r(2, n)} < 0.55 or ${C} = 0 then 'members' when ${r(2, n)} < 0.93 then 'community' else 'invited' end as audience,
          ((now() at time zone 'Europe/Berlin')::date - 365 + floor(730 * ${r(3, n)})::int) as day0,
          time '09:00' + make_interval(mins => 30 * floor(12 * ${r(4, n)})::int) as at
        from generate_series(1, ${E}::int) as n
      ), weekday as (
        -- Saturdays and Sundays move to the Monday.
        select t.*, t.day0 + case extract(isodow from t.day0)::int when 6 then 2 when 7 then 1 else 0 end as day from typed t
      ), timed as (
        select t.*,
          (t.day + t.at) at time zone 'Europe/Berlin' as starts_at,
          make_interval(mins => case kind when 'online' then 60 + 30 * floor(3 * ${r(5, n)})::int when 'meeting' then 120
            when 'workshop' then 180 + 30 * floor(7 * ${r(5, n)})::int else 360 end) as length,
          case when audience in ('community', 'invited') and ${C} > 0 or ${r(6, n)} < 0.3 then 1 + floor(${C} * ${r(7, n)} ^ 2)::int end as c
        from weekday t
      )
      select t.n, ${hid('event', n)} as id, t.kind, t.audience, t.starts_at, t.starts_at + t.length as ends_at,
        case when t.kind = 'online' and ${r(8, n)} < 0.5 then null
             when t.kind = 'workshop' then 12 + floor(29 * ${r(9, n)})::int
             when t.kind = 'meeting' then 20 + floor(41 * ${r(9, n)})::int
             when t.kind = 'barcamp' then 80 + floor(121 * ${r(9, n)})::int
             else 100 end as capacity,
        ${r(10, n)} < 0.9 as waitlist,
        floor(${RPE}::int * (0.25 + 1.5 * ${r(11, n)}))::int as regs,
        cc.c, cc.id as community_id,
        coalesce(case when t.audience = 'community' then cc.lead end, m.id) as organiser,
        least(now() - interval '1 day', t.starts_at - make_interval(days => 30 + floor(30 * ${r(12, n)})::int)) as created_at,
        ${label(r(13, n))} as topic
      from timed t
      left join kp_ev_cc cc on cc.c = t.c
      join kp_ev_m m on m.k = 1 + floor(${M} * ${r(14, n)})::int`);
    await exec(sql`create unique index on kp_ev_e (n)`);

    // --- plan: registrations ------------------------------------------------------------------
    // Draw j = 1…regs: a member of the community (community and invited events with one) or any
    // scale member; the first draw of a person counts. 5 % have cancelled since; of the others
    // the first `capacity` are confirmed, the rest wait (or were never taken: no waiting list).
    const key = sql`e.n * 1000 + j`;
    await plan('Plan: registrations', 'kp_ev_r', sql`
      with draws as (
        select e.n, j, coalesce(cm.user_id, m.id) as user_id
        from kp_ev_e e
        cross join lateral generate_series(1, e.regs) as j
        left join kp_ev_cc cc on cc.c = e.c and e.audience in ('community', 'invited')
        left join kp_ev_cm cm on cm.c = cc.c and cm.k = 1 + floor(cc.cnt * ${r(20, key)})::int
        left join kp_ev_m m on cc.c is null and m.k = 1 + floor(${M} * ${r(21, key)})::int
        ${benchId ? sql`union all
        select n, 0, ${benchId}::text from (
          select n from kp_ev_e where audience in ('members', 'public') and starts_at > now() + interval '1 day' order by starts_at, n limit 6
        ) b` : sql``}
      ), firsts as (
        select d.n, min(d.j) as j, d.user_id from draws d join kp_ev_e e on e.n = d.n where d.user_id <> e.organiser group by d.n, d.user_id
      ), ranked as (
        select f.*, ${r(22, sql`f.n * 1000 + f.j`)} < 0.05 and f.j > 0 as cancelled,
          row_number() over (partition by f.n order by (${r(22, sql`f.n * 1000 + f.j`)} < 0.05 and f.j > 0), f.j)::int as rank
        from firsts f
      )
      select x.n, x.j, x.user_id, x.rank, e.id as event_id,
        case when x.cancelled then 'cancelled' when e.capacity is null or x.rank <= e.capacity then 'confirmed' else 'waiting' end as status,
        e.created_at + (least(e.starts_at, now()) - interval '1 hour' - e.created_at) * ((x.j + ${r(23, sql`x.n * 1000 + x.j`)}) / (e.regs + 1)) as created_at,
        e.starts_at, e.ends_at, e.organiser
      from ranked x join kp_ev_e e on e.n = x.n
      where x.cancelled or e.capacity is null or x.rank <= e.capacity or e.waitlist`);

    // --- events, organisers, registrations, invitations ----------------------------------------
    const title = sql<string>`case e.kind
        when 'workshop' then ${pick(KIND_TITLES.workshop, r(30, 'e.n'))}
        when 'meeting' then ${pick(KIND_TITLES.meeting, r(30, 'e.n'))}
        when 'online' then ${pick(KIND_TITLES.online, r(30, 'e.n'))}
        else ${pick(KIND_TITLES.barcamp, r(30, 'e.n'))} end`;
    const online = sql<boolean>`(e.kind = 'online' or ${r(31, 'e.n')} < 0.3)`;
    const placed = sql<boolean>`(e.kind <> 'online')`;
    const events = await step('Events', sql`
      insert into events (id, kind, title, description, starts_at, ends_at, place, place_details, online_url, community_id, audience, capacity, waitlist,
        registration_closes_at, organiser_name, confirmed_count, waitlist_count, answers_deleted_at, created_at, updated_at, created_by, updated_by)
      select e.id, e.kind, left(${fillT(title, sql`e.topic`)}, 200), ${fillT(pick(DESCRIPTIONS, r(32, 'e.n')), sql`e.topic`)}, e.starts_at, e.ends_at,
        case when ${placed} then ${pick(PLACES, r(33, 'e.n'))} end,
        case when ${placed} then ${pick(PLACE_DETAILS, r(34, 'e.n'))} end,
        case when ${online} then 'https://video.knotenpunkt.example/r/' || e.id end,
        e.community_id, e.audience, e.capacity, e.waitlist,
        case when ${r(35, 'e.n')} < 0.3 then e.starts_at - interval '2 days' end,
        case when ${r(36, 'e.n')} < 0.4 then 'Geschäftsstelle Knotenpunkt' end,
        0, 0, case when e.ends_at < now() then least(now(), e.ends_at + interval '1 day') end,
        e.created_at, e.created_at, e.organiser, e.organiser
      from kp_ev_e e order by e.starts_at`);
    await step('Event organisers', sql`
      insert into event_organisers (event_id, user_id, created_at) select id, organiser, created_at from kp_ev_e`);
    const seq = await sql<{ base: string }>`select nextval('event_queue_seq')::text as base`.execute(trx);
    const queueBase = BigInt(seq.rows[0]!.base);
    const registrations = await step('Event registrations', sql`
      insert into event_registrations (id, event_id, user_id, status, queue_position, cancelled_at, cancelled_by, attended_at, attendance_marked_by, reminded_at, created_at, updated_at)
      select ${hid('registration', sql`x.n || ':' || x.user_id`)}, x.event_id, x.user_id, x.status,
        ${queueBase.toString()}::int8 + row_number() over (order by x.n, x.created_at, x.j),
        case when x.status = 'cancelled' then least(x.starts_at, now(), x.created_at + interval '3 days') end,
        case when x.status = 'cancelled' then x.user_id end,
        case when x.status = 'confirmed' and x.ends_at < now() and ${r(40, sql`x.n * 1000 + x.j`)} < 0.85 then x.ends_at end,
        case when x.status = 'confirmed' and x.ends_at < now() and ${r(40, sql`x.n * 1000 + x.j`)} < 0.85 then x.organiser end,
        case when x.status = 'confirmed' and x.starts_at < now() then x.starts_at - interval '1 day' end,
        x.created_at, x.created_at
      from kp_ev_r x order by x.n, x.created_at, x.j`);
    await exec(sql`select setval('event_queue_seq', ${(queueBase + BigInt(registrations) + 1n).toString()}::int8)`);
    const invitations = await step('Event invitations', sql`
      insert into event_invitations (event_id, user_id, invited_by, created_at)
      select x.event_id, x.user_id, x.organiser, least(x.created_at, now()) - interval '1 hour' from kp_ev_r x join kp_ev_e e on e.n = x.n where e.audience = 'invited'
      on conflict do nothing`);

    // --- the big barcamp, running now ------------------------------------------------------------
    const camp = SCALE_BARCAMP_ID;
    const slotLength = sql`make_interval(mins => ${sql.lit(SLOT_MINUTES)})`;
    await step('Barcamp', sql`
      insert into events (id, kind, title, description, starts_at, ends_at, place, place_details, community_id, audience, capacity, waitlist,
        organiser_name, plan_published_at, created_at, updated_at, created_by, updated_by)
      select ${camp}, 'barcamp', 'Großes Verwaltungs-Barcamp',
        'Ein Tag, sechs Räume, sechs Session-Runden: Das Programm entsteht aus den Vorschlägen der Teilnehmenden. Der Plan ist veröffentlicht; die Live-Ansicht zeigt, was gerade läuft und was als Nächstes kommt.',
        ${base}::timestamptz - interval '30 minutes', ${base}::timestamptz + make_interval(hours => ${sql.lit(BARCAMP_SLOTS)}),
        'Kongresszentrum, Ebene 1', 'Alle Räume barrierefrei erreichbar; Lageplan am Empfang.', (select id from kp_ev_cc order by cnt desc, c limit 1), 'members', 500, true,
        'Geschäftsstelle Knotenpunkt', ${base}::timestamptz - interval '1 hour', now() - interval '60 days', now() - interval '60 days', m.id, m.id
      from kp_ev_m m where m.k = 1`);
    await exec(sql`insert into event_organisers (event_id, user_id, created_at) select ${camp}, id, now() - interval '60 days' from kp_ev_m where k = 1`);
    await exec(sql`insert into event_rooms (id, event_id, name, capacity, position)
      select ${hid('room', sql`i::text`)}, ${camp}, name, capacity, i - 1
      from unnest(${BARCAMP_ROOMS.map((x) => x[0])}::text[], ${BARCAMP_ROOMS.map((x) => x[1])}::int[]) with ordinality as x(name, capacity, i)`);
    await exec(sql`insert into event_slots (id, event_id, starts_at, ends_at)
      select ${hid('slot', sql`i::text`)}, ${camp}, ${base}::timestamptz + make_interval(hours => i - 1), ${base}::timestamptz + make_interval(hours => i - 1) + ${slotLength}
      from generate_series(1, ${sql.lit(BARCAMP_SLOTS)}) as i`);
    // Participants: members 2…, the benchmark account too; all confirmed, numbered p = 1…P.
    await exec(sql`create temp table kp_ev_bp on commit drop as
      select row_number() over (order by k)::int as p, id as user_id from (
        select k, id from kp_ev_m where k between 2 and ${BARCAMP_PARTICIPANTS + 1}
        ${benchId ? sql`union all select 0, ${benchId}::text where not exists (select 1 from kp_ev_m where id = ${benchId} and k between 2 and ${BARCAMP_PARTICIPANTS + 1})` : sql``}
      ) x`);
    const campRegs = await step('Barcamp registrations', sql`
      insert into event_registrations (id, event_id, user_id, status, created_at, updated_at)
      select ${hid('registration', sql`'camp:' || p`)}, ${camp}, user_id, 'confirmed', now() - interval '50 days' + make_interval(mins => p * 60), now() - interval '50 days' + make_interval(mins => p * 60)
      from kp_ev_bp order by p`);
    const P = (await sql<{ n: number }>`select count(*)::int as n from kp_ev_bp`.execute(trx)).rows[0]!.n;
    // Session s is proposed by participant 1 + (s × 7) mod P: 60 different hosts.
    const s = sql.ref('s');
    const sessions = await step('Barcamp sessions', sql`
      insert into event_sessions (id, event_id, title, description, format, created_at, updated_at, created_by)
      select ${hid('session', sql`s::text`)}, ${camp},
        left(${fillT(pick(SESSION_TITLES, r(50, s)), label(r(51, s)))}, 200),
        'Vorschlag für das Barcamp: Kurzer Einstieg, danach Austausch. Alle Erfahrungen sind willkommen.',
        ${pick(SESSION_FORMATS, r(52, s))}, now() - interval '20 days' + make_interval(hours => s), now() - interval '20 days' + make_interval(hours => s), b.user_id
      from generate_series(1, ${sql.lit(BARCAMP_SESSIONS)}) as s join kp_ev_bp b on b.p = 1 + (s * 7) % ${P}`);
    await exec(sql`insert into event_session_hosts (session_id, user_id) select id, created_by from event_sessions where event_id = ${camp}`);
    // Each participant marks about six sessions, the low numbers (u^1.6) more often; never their own.
    const interestMarks = await step('Barcamp interest marks', sql`
      insert into event_session_interest (session_id, user_id, created_at)
      select distinct on (x.sid, b.user_id) x.sid, b.user_id, now() - interval '10 days' + make_interval(mins => b.p)
      from kp_ev_bp b
      cross join lateral generate_series(1, 3 + floor(7 * ${r(60, sql`b.p`)})::int) as d
      cross join lateral (select ${hid('session', sql`(1 + floor(${BARCAMP_SESSIONS} * ${r(61, sql`b.p * 16 + d`)} ^ 1.6)::int)::text`)} as sid) x
      where not exists (select 1 from event_session_hosts h where h.session_id = x.sid and h.user_id = b.user_id)
      order by x.sid, b.user_id`);
    await exec(sql`update event_sessions s set interest_count = x.n
      from (select session_id, count(*)::int as n from event_session_interest i join event_sessions s on s.id = i.session_id where s.event_id = ${camp} group by session_id) x
      where s.id = x.session_id`);
    // The plan: the 36 most popular, rank k → slot k mod 6, room k div 6 (the most popular in the biggest rooms).
    await exec(sql`update event_sessions s set room_id = ro.id, slot_id = sl.id
      from (select id, row_number() over (order by interest_count desc, id)::int - 1 as k from event_sessions where event_id = ${camp}) x
      join (select id, position from event_rooms where event_id = ${camp}) ro on ro.position = x.k / ${BARCAMP_SLOTS}
      join (select id, row_number() over (order by starts_at)::int - 1 as i from event_slots where event_id = ${camp}) sl on sl.i = x.k % ${BARCAMP_SLOTS}
      where s.id = x.id and x.k < ${BARCAMP_ROOMS.length * BARCAMP_SLOTS}`);

    // --- counts, from the rows --------------------------------------------------------------------
    await step('Event counts', sql`
      update events e set confirmed_count = x.confirmed, waitlist_count = x.waiting
      from (
        select r.event_id, count(*) filter (where r.status = 'confirmed')::int as confirmed, count(*) filter (where r.status = 'waiting')::int as waiting
        from event_registrations r where r.event_id in (select id from kp_ev_e union all select ${camp})
        group by r.event_id
      ) x
      where e.id = x.event_id`);
    return { events: events + 1, registrations: registrations + campRegs, invitations, sessions, interestMarks };
  });

  if (result.events > 0) {
    const t = performance.now();
    await sql`analyze events, event_organisers, event_registrations, event_invitations, event_rooms, event_slots, event_sessions, event_session_hosts, event_session_interest`.execute(db);
    log(`Analyze: ${Math.round(performance.now() - t)} ms.`);
  }
  return done({ skipped: false, ...result });
}
