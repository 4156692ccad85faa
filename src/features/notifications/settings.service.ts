/**
 * Mail settings of one person: per kind of notification, and per community they belong to or
 * follow. Reading answers the stored choice and what applies ("effective"); saving accepts a
 * part of the settings, checks every value, and refuses communities the person may not see
 * (404, as for a missing one). Unsubscribing by link (RFC 8058) ends here too.
 */
import { sql, type Kysely } from 'kysely';
import type { CommunityDelivery, DB, Delivery, NotificationKind } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Viewer } from '../members/members.repo.js';
import { communityVisible } from '../communities/communities.visibility.js';
import type { UnsubscribeScope } from '../../mail/unsubscribe.js';
import { COMMUNITY_DELIVERIES, DELIVERIES, NOTIFICATION_KINDS, kindSettings, setCommunityDelivery, setKindDelivery } from './kinds.js';

export interface CommunitySetting {
  id: string;
  slug: string;
  name: string;
  /** The person's own choice; null: as their setting for `activity`. */
  delivery: CommunityDelivery | null;
  effective: CommunityDelivery;
}

export interface Settings {
  kinds: Record<NotificationKind, Delivery>;
  communities: CommunitySetting[];
}

export interface SettingsChange {
  kinds?: Partial<Record<NotificationKind, Delivery>>;
  communities?: { id: string; delivery: CommunityDelivery | null }[];
}

export const isKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);
export const isDelivery = (value: string): value is Delivery => (DELIVERIES as readonly string[]).includes(value);
export const isCommunityDelivery = (value: string): value is CommunityDelivery => (COMMUNITY_DELIVERIES as readonly string[]).includes(value);

/** The communities whose mails the person chooses: active member or follower, and visible to them. */
async function communitiesOf(db: Kysely<DB>, viewer: Viewer) {
  return db
    .selectFrom('communities as c')
    .leftJoin('communityMailSettings as cms', (join) => join.onRef('cms.communityId', '=', 'c.id').on('cms.userId', '=', viewer.id))
    .select(['c.id', 'c.slug', 'c.name', 'cms.delivery'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('communityMembers as m').select(sql`1`.as('one')).whereRef('m.communityId', '=', 'c.id').where('m.userId', '=', viewer.id).where('m.status', '=', 'active')),
        eb.exists(eb.selectFrom('communityFollows as f').select(sql`1`.as('one')).whereRef('f.communityId', '=', 'c.id').where('f.userId', '=', viewer.id)),
      ]),
    )
    .where(communityVisible(viewer, 'c'))
    .orderBy('c.name')
    .execute();
}

export async function loadSettings(db: Kysely<DB>, viewer: Viewer): Promise<Settings> {
  const [kinds, rows] = await Promise.all([kindSettings(db, viewer.id), communitiesOf(db, viewer)]);
  return {
    kinds,
    communities: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, delivery: r.delivery ?? null, effective: r.delivery ?? kinds.activity })),
  };
}

/** What reaches the person by mail from this community (their setting, else their `activity` setting). */
export async function effectiveCommunityDelivery(db: Kysely<DB>, userId: string, communityId: string): Promise<CommunityDelivery> {
  const [own, kinds] = await Promise.all([
    db.selectFrom('communityMailSettings').select('delivery').where('userId', '=', userId).where('communityId', '=', communityId).executeTakeFirst(),
    kindSettings(db, userId),
  ]);
  return own?.delivery ?? kinds.activity;
}

/** Saves the given settings (the rest stays). Communities must be visible to the person. */
export async function saveSettings(db: Kysely<DB>, viewer: Viewer, change: SettingsChange): Promise<void> {
  const communityIds = [...new Set((change.communities ?? []).map((c) => c.id))];
  if (communityIds.length > 0) {
    const visible = await db.selectFrom('communities as c').select('c.id').where('c.id', 'in', communityIds).where(communityVisible(viewer, 'c')).execute();
    if (visible.length !== communityIds.length) throw new AppError('not_found');
  }
  await db.transaction().execute(async (trx) => {
    for (const [kind, delivery] of Object.entries(change.kinds ?? {}) as [NotificationKind, Delivery][]) {
      if (!isKind(kind) || !isDelivery(delivery)) throw new AppError('validation_failed');
      await setKindDelivery(trx, viewer.id, kind, delivery);
    }
    for (const c of change.communities ?? []) {
      if (c.delivery !== null && !isCommunityDelivery(c.delivery)) throw new AppError('validation_failed');
      await setCommunityDelivery(trx, viewer.id, c.id, c.delivery);
    }
  });
}

/**
 * One-click unsubscribe: the kind or community set to 'off'; for digests, every kind and
 * community that goes out in a daily or weekly digest. Answers false when what the link is
 * about no longer exists (a deleted account or community).
 */
export async function unsubscribe(db: Kysely<DB>, userId: string, scope: UnsubscribeScope): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) return false;
  if ('kind' in scope) {
    if (!isKind(scope.kind)) return false;
    await setKindDelivery(db, userId, scope.kind, 'off');
    return true;
  }
  if ('communityId' in scope) {
    const community = await db.selectFrom('communities').select('id').where('id', '=', scope.communityId).executeTakeFirst();
    if (!community) return false;
    await setCommunityDelivery(db, userId, community.id, 'off');
    return true;
  }
  await db.transaction().execute(async (trx) => {
    const kinds = await kindSettings(trx, userId);
    for (const kind of NOTIFICATION_KINDS) if (kinds[kind] === 'daily' || kinds[kind] === 'weekly') await setKindDelivery(trx, userId, kind, 'off');
    // Communities without a choice of their own follow `activity`, which is now off if it was a digest.
    await trx
      .updateTable('communityMailSettings')
      .set({ delivery: 'off', updatedAt: sql`now()` })
      .where('userId', '=', userId)
      .where('delivery', 'in', ['daily', 'weekly'])
      .execute();
  });
  return true;
}

/** The scope's subject for the confirmation page: the kind or community name (null: gone). */
export async function describeScope(db: Kysely<DB>, scope: UnsubscribeScope): Promise<{ kind: NotificationKind } | { community: string } | { digest: true } | null> {
  if ('kind' in scope) return isKind(scope.kind) ? { kind: scope.kind } : null;
  if ('communityId' in scope) {
    const c = await db.selectFrom('communities').select('name').where('id', '=', scope.communityId).executeTakeFirst();
    return c ? { community: c.name } : null;
  }
  return { digest: true };
}
