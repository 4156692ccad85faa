/**
 * Kinds of notification, their mail defaults, and the one expression that says how a
 * notification reaches its recipient by mail now (the settings are read when a mail is due,
 * not when the notification was made, so a change of mind counts at once).
 *
 * Defaults (issue 7): answers to one's questions, replies to one's posts, mentions, decisions
 * about oneself (membership, verification, moderation of one's content, one's event
 * registration: promotion, change, cancellation, reminder) and direct messages by mail at
 * once; everything else in the daily digest. Community activity (new posts in followed
 * communities, new replies in followed threads) follows the per-community setting, whose
 * default is the person's setting for the kind `activity`.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CommunityDelivery, DB, Delivery, NotificationKind } from '../../db/schema.js';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'reply', 'answer', 'accepted', 'mention', 'activity', 'membership_request', 'membership_decision', 'event', 'moderation', 'verification', 'message',
];
export const DELIVERIES: readonly Delivery[] = ['immediate', 'daily', 'weekly', 'off'];
export const COMMUNITY_DELIVERIES: readonly CommunityDelivery[] = ['all', 'immediate', 'daily', 'weekly', 'off'];

export const DEFAULT_DELIVERY: Readonly<Record<NotificationKind, Delivery>> = {
  reply: 'immediate',
  answer: 'immediate',
  mention: 'immediate',
  membership_decision: 'immediate',
  verification: 'immediate',
  moderation: 'immediate',
  event: 'immediate',
  message: 'immediate',
  accepted: 'daily',
  activity: 'daily',
  membership_request: 'daily',
};

/** Kinds about a post or reply, which mailing-list mode already carries as a list mail. */
export const POST_KINDS: readonly NotificationKind[] = ['reply', 'answer', 'mention', 'activity'];

/** The kind's delivery for the user in `userColumn`: their setting, else the default. */
export function kindDelivery(userColumn: RawBuilder<unknown>, kind: RawBuilder<unknown>): RawBuilder<Delivery> {
  return sql<Delivery>`coalesce((select ns.delivery from notification_settings ns where ns.user_id = ${userColumn} and ns.kind = ${kind}),
    ${defaultFor(kind)})`;
}

function defaultFor(kind: RawBuilder<unknown>): RawBuilder<Delivery> {
  const whens = NOTIFICATION_KINDS.map((k) => sql`when ${sql.lit(k)} then ${sql.lit(DEFAULT_DELIVERY[k])}`);
  return sql<Delivery>`(case ${kind} ${sql.join(whens, sql` `)} else 'daily' end)`;
}

/** A community's delivery for the user: their per-community setting, else their `activity` setting, else daily. */
export function communityDelivery(userColumn: RawBuilder<unknown>, communityColumn: RawBuilder<unknown>): RawBuilder<CommunityDelivery> {
  return sql<CommunityDelivery>`coalesce((select cms.delivery from community_mail_settings cms where cms.user_id = ${userColumn} and cms.community_id = ${communityColumn}),
    ${kindDelivery(userColumn, sql.lit('activity'))})`;
}

/**
 * How the notification row `alias` goes out by mail now: 'immediate', 'daily', 'weekly',
 * 'off', or 'all' when the recipient reads its community as a mailing list and the
 * notification is about a post or reply there (the list mail carries it).
 */
export function effectiveDelivery(alias = 'n'): RawBuilder<CommunityDelivery> {
  const user = sql.ref(`${alias}.user_id`);
  const kind = sql.ref(`${alias}.kind`);
  const community = sql.ref(`${alias}.community_id`);
  const postKinds = sql.join(POST_KINDS.map((k) => sql.lit(k)));
  return sql<CommunityDelivery>`(case
    when ${kind} = 'activity' and ${community} is not null then ${communityDelivery(user, community)}
    when ${kind} in (${postKinds}) and ${community} is not null
      and exists (select 1 from community_mail_settings lm where lm.user_id = ${user} and lm.community_id = ${community} and lm.delivery = 'all') then 'all'
    else ${kindDelivery(user, kind)} end)`;
}

// --- settings ---------------------------------------------------------------------------------

export interface MailSettings {
  kinds: Record<NotificationKind, Delivery>;
  /** Communities the person belongs to or follows, with their setting (null: follows the `activity` setting). */
  communities: { id: string; slug: string; name: string; delivery: CommunityDelivery | null }[];
}

export async function kindSettings(db: Kysely<DB>, userId: string): Promise<Record<NotificationKind, Delivery>> {
  const rows = await db.selectFrom('notificationSettings').select(['kind', 'delivery']).where('userId', '=', userId).execute();
  const kinds = { ...DEFAULT_DELIVERY };
  for (const row of rows) kinds[row.kind] = row.delivery;
  return kinds;
}

export async function setKindDelivery(db: Kysely<DB>, userId: string, kind: NotificationKind, delivery: Delivery): Promise<void> {
  await db
    .insertInto('notificationSettings')
    .values({ userId, kind, delivery })
    .onConflict((oc) => oc.columns(['userId', 'kind']).doUpdateSet({ delivery, updatedAt: sql`now()` }))
    .execute();
}

/** `null` removes the community's own setting (it then follows the `activity` setting). */
export async function setCommunityDelivery(db: Kysely<DB>, userId: string, communityId: string, delivery: CommunityDelivery | null): Promise<void> {
  if (delivery === null) {
    await db.deleteFrom('communityMailSettings').where('userId', '=', userId).where('communityId', '=', communityId).execute();
    return;
  }
  await db
    .insertInto('communityMailSettings')
    .values({ userId, communityId, delivery })
    .onConflict((oc) => oc.columns(['userId', 'communityId']).doUpdateSet({ delivery, updatedAt: sql`now()` }))
    .execute();
}
