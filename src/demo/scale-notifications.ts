/**
 * Notifications for the scale data set (./scale.ts, ./scale-communities.ts, ./scale-events.ts):
 * what a busy network has piled up by the time the daily digest runs. Every member who belongs
 * to a scale community gets 3–15 notifications from the last 24 hours: most are community
 * activity (a new post, or a new reply in a thread) about real posts and replies of communities
 * they are an active member of, the newer posts more often; some are mentions. People
 * registered for an event starting within two days get its reminder. Activity is not mailed
 * yet (the digest's work); mentions and reminders went out at once (mailed). About a third has
 * been read. 8 % of the members have chosen the weekly digest for community activity, 2 % no
 * mail for it.
 *
 * The benchmark account gets many more (BENCH_NOTIFICATIONS over the last 60 days, the older
 * ones read and mailed), so that its notification list is long.
 *
 * Set-based SQL in one transaction (temporary plan tables, hashint8extended for deterministic
 * choices, ids derived from the plan). Seeding again replaces the planned notifications with
 * fresh ones (same ids, times relative to now), so that a kept benchmark database still has a
 * day of unmailed notifications.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { BENCH_EMAIL, SCALE_COMMUNITY_PREFIX } from './scale-communities.js';

export interface ScaleNotificationsOptions {
  /** Notifications per member: at least `min`, at most `max` (default 3–15). */
  min?: number;
  max?: number;
  /** Notifications of the benchmark account (default 400). */
  benchCount?: number;
  benchEmail?: string;
  log?: (line: string) => void;
}

export interface ScaleNotificationsResult {
  members: number;
  notifications: number;
  /** Of those: not mailed yet, from the last day (due for a digest unless settings say otherwise). */
  unmailed: number;
  eventReminders: number;
  settings: number;
  milliseconds: number;
}

/** A deterministic number in [0, 1) for an integer key (SQL bigint) and a salt. */
function r(salt: number, key: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`((hashint8extended((${key})::int8, ${sql.lit(salt)}::int8) & 4294967295)::float8 / 4294967296)`;
}

/** A deterministic id in the format of newId() (16 characters base64url) from a kind and a key. */
function hid(kind: string, key: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`substr(translate(encode(decode(md5(${sql.lit(`knotenpunkt-scale-${kind}:`)} || ${key}), 'hex'), 'base64'), '+/', '-_'), 1, 16)`;
}

const count = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

export async function seedScaleNotifications(db: Kysely<DB>, opts: ScaleNotificationsOptions = {}): Promise<ScaleNotificationsResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const min = Math.max(0, Math.floor(opts.min ?? 3));
  const max = Math.max(min, Math.floor(opts.max ?? 15));
  const benchCount = Math.max(0, Math.floor(opts.benchCount ?? 400));

  const result = await db.transaction().execute(async (trx) => {
    const exec = (query: RawBuilder<unknown>) => query.execute(trx);
    const step = async (what: string, query: RawBuilder<unknown>) => {
      const t = performance.now();
      const n = count(await exec(query));
      log(`${what}: ${n.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);
      return n;
    };
    await exec(sql`set local work_mem = '256MB'`);
    const bench = await sql<{ id: string }>`select id from users where email = ${opts.benchEmail ?? BENCH_EMAIL}`.execute(trx);
    const benchId = bench.rows[0]?.id ?? '';

    // --- who: members with active memberships of scale communities, numbered per person -------
    await exec(sql`create temp table kp_nt_cm on commit drop as
      select m.user_id, m.community_id, row_number() over (partition by m.user_id order by m.community_id)::int as i
      from community_members m
      join communities c on c.id = m.community_id and c.slug like ${`${SCALE_COMMUNITY_PREFIX}%`} and c.status = 'active'
      join users u on u.id = m.user_id and u.role in ('member', 'office', 'admin') and u.suspended_at is null
      where m.status = 'active'`);
    await exec(sql`create index on kp_nt_cm (user_id, i)`);
    await exec(sql`create temp table kp_nt_u on commit drop as
      select row_number() over (order by user_id)::int as k, user_id, count(*)::int as cnt from kp_nt_cm group by user_id`);
    const members = (await sql<{ n: number }>`select count(*)::int as n from kp_nt_u`.execute(trx)).rows[0]!.n;
    if (members === 0) {
      log('Notifications: no members in scale communities; nothing added.');
      return { members: 0, notifications: 0, unmailed: 0, eventReminders: 0, settings: 0 };
    }
    // Readable posts of those communities, newest first (i = 1 is the newest).
    await exec(sql`create temp table kp_nt_p on commit drop as
      select p.community_id, p.id, p.author_id, row_number() over (partition by p.community_id order by p.created_at desc, p.id)::int as i
      from posts p where p.deleted_at is null and p.hidden_at is null and p.author_id is not null
        and p.community_id in (select distinct community_id from kp_nt_cm)`);
    await exec(sql`create index on kp_nt_p (community_id, i)`);
    await exec(sql`create temp table kp_nt_pc on commit drop as select community_id, count(*)::int as cnt from kp_nt_p group by community_id`);

    // --- plan: k × j draws; the benchmark account gets benchCount spread over 60 days ----------
    const key = sql`(d.k::int8 * 4096 + d.j)`;
    const t = performance.now();
    await exec(sql`create temp table kp_nt_plan on commit drop as
      with draws as (
        select u.k, u.user_id, u.cnt, j, u.user_id = ${benchId} as bench
        from kp_nt_u u
        cross join lateral generate_series(1, case when u.user_id = ${benchId} then ${benchCount}::int
          else ${min}::int + floor((${max - min + 1})::int * ${r(70, sql`u.k`)})::int end) as j
      ), chosen as (
        select d.*, cm.community_id, ${r(73, key)} as kind_u, ${r(74, key)} < 0.6 as is_post,
          case when d.bench and d.j > 15 then now() - make_interval(secs => 86400 + 59 * 86400 * ${r(75, key)})
               else now() - make_interval(secs => 86000 * ${r(75, key)}) end as created_at,
          ${r(76, key)} as read_u,
          ${key} as nkey
        from draws d
        join kp_nt_cm cm on cm.user_id = d.user_id and cm.i = 1 + floor(d.cnt * ${r(71, key)})::int
      )
      select distinct on (c.user_id, p.id, c.is_post, c.kind_u < 0.92)
        ${hid('notification', sql`c.nkey::text`)} as id, c.user_id, c.community_id, p.id as post_id,
        case when c.kind_u < 0.92 then 'activity' else 'mention' end as kind,
        case when c.kind_u >= 0.92 then '' when c.is_post then 'post' else 'reply' end as action,
        case when c.is_post or c.kind_u >= 0.92 then p.author_id else rp.author_id end as actor_id,
        case when c.is_post or c.kind_u >= 0.92 then null else rp.id end as reply_id,
        c.created_at,
        case when c.bench and c.j > 40 or c.read_u < 0.33 then least(now(), c.created_at + interval '2 hours') end as read_at,
        case when c.kind_u >= 0.92 or c.created_at < now() - interval '2 days' then c.created_at + interval '1 minute' end as mailed_at
      from chosen c
      join kp_nt_pc pc on pc.community_id = c.community_id
      join kp_nt_p p on p.community_id = c.community_id and p.i = 1 + floor(pc.cnt * ${r(72, sql`c.nkey`)} ^ 3)::int
      left join lateral (
        select x.id, x.author_id from replies x
        where x.post_id = p.id and x.deleted_at is null and x.hidden_at is null and x.author_id is not null
        order by x.created_at desc, x.id desc limit 1
      ) rp on not c.is_post and c.kind_u < 0.92
      where (c.is_post or c.kind_u >= 0.92 or rp.id is not null)
      order by c.user_id, p.id, c.is_post, c.kind_u < 0.92, c.nkey`);
    const planned = (await sql<{ n: number }>`select count(*)::int as n from kp_nt_plan`.execute(trx)).rows[0]!.n;
    log(`Plan: notifications: ${planned.toLocaleString('en-US')} in ${Math.round(performance.now() - t)} ms.`);

    // --- replace earlier scale notifications (same ids), then insert ---------------------------
    await step('Earlier scale notifications removed', sql`delete from notifications where id in (select id from kp_nt_plan)`);
    const notifications = await step('Notifications', sql`
      insert into notifications (id, user_id, kind, action, actor_id, community_id, post_id, reply_id, created_at, read_at, mailed_at)
      select id, user_id, kind, action, actor_id, community_id, post_id, reply_id, created_at, read_at, mailed_at
      from kp_nt_plan where actor_id is distinct from user_id
      order by user_id, created_at`);
    // Reminders of events starting within two days, for the people confirmed (sent at once).
    await exec(sql`delete from notifications where id in (
      select ${hid('reminder', sql`r.id`)} from event_registrations r join events e on e.id = r.event_id
      where r.status = 'confirmed')`);
    const eventReminders = await step('Event reminders', sql`
      insert into notifications (id, user_id, kind, action, event_id, community_id, created_at, read_at, mailed_at)
      select ${hid('reminder', sql`r.id`)}, r.user_id, 'event', 'reminder', e.id, e.community_id,
        now() - make_interval(secs => 80000 * ${r(77, sql`hashtext(r.id)`)}),
        null, now() - make_interval(secs => 80000 * ${r(77, sql`hashtext(r.id)`)}) + interval '1 minute'
      from event_registrations r join events e on e.id = r.event_id
      where r.status = 'confirmed' and e.starts_at between now() and now() + interval '2 days'`);
    // Settings: 8 % weekly digests of community activity, 2 % no mail for it.
    const settings = await step('Notification settings', sql`
      insert into notification_settings (user_id, kind, delivery)
      select user_id, 'activity', case when ${r(80, sql`k`)} < 0.08 then 'weekly' else 'off' end
      from kp_nt_u where ${r(80, sql`k`)} < 0.10 and user_id <> ${benchId}
      on conflict (user_id, kind) do nothing`);
    const unmailed = (await sql<{ n: number }>`select count(*)::int as n from notifications where mailed_at is null and created_at > now() - interval '1 day'`.execute(trx)).rows[0]!.n;
    return { members, notifications, unmailed, eventReminders, settings };
  });
  if (result.notifications > 0) await sql`analyze notifications, notification_settings`.execute(db);
  return { ...result, milliseconds: Math.round(performance.now() - started) };
}
