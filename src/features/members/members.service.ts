/** Use cases about profiles and expertise. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, ProfileVisibility } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { parseTagList, tagLabel, tagSlug } from '../../lib/tags.js';
import { isOffice, isVerifiedMember } from '../accounts/accounts.policy.js';
import { canConfirmExpertise } from './members.policy.js';
import { defaultVisibility, getOwnProfile, listMembers, type MemberFilter, type Viewer } from './members.repo.js';
import type { ProfileForm, ProfilePatch } from './members.schema.js';

export const MAX_TAGS_PER_KIND = 20;

export function viewerOf(actor: Actor): Viewer {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return { id: actor.user.id, verified: isVerifiedMember(actor), staff: isOffice(actor) };
}

/** Finds or creates the tags for these labels; spelling variants resolve to the existing tag. */
export async function ensureTags(trx: Kysely<DB>, labels: string[], userId: string): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const label of labels) {
    const slug = tagSlug(label);
    if (slug && !wanted.has(slug)) wanted.set(slug, tagLabel(label));
  }
  if (wanted.size === 0) return [];
  await trx
    .insertInto('tags')
    .values([...wanted].map(([slug, label]) => ({ id: newId(), slug, label, createdBy: userId })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const rows = await trx.selectFrom('tags').select('id').where('slug', 'in', [...wanted.keys()]).execute();
  return rows.map((r) => r.id);
}

async function replaceTags(trx: Transaction<DB>, userId: string, kind: 'expertise' | 'ask', labels: string[]): Promise<void> {
  const ids = await ensureTags(trx, labels.slice(0, MAX_TAGS_PER_KIND), userId);
  await trx.deleteFrom('profileTags').where('userId', '=', userId).where('kind', '=', kind).where('tagId', 'not in', ids.length ? ids : ['']).execute();
  if (ids.length) {
    await trx
      .insertInto('profileTags')
      .values(ids.map((tagId) => ({ userId, tagId, kind })))
      .onConflict((oc) => oc.columns(['userId', 'kind', 'tagId']).doNothing())
      .execute();
  }
}

export interface ProfileChanges {
  position?: string | null;
  bio?: string | null;
  phone?: string | null;
  contactOther?: string | null;
  languages?: string[];
  expertise?: string[];
  ask?: string[];
  listed?: boolean;
  visibility?: Partial<ProfileVisibility>;
}

export function changesFromForm(form: ProfileForm): ProfileChanges {
  return {
    position: form.position ?? null,
    bio: form.bio ?? null,
    phone: form.phone ?? null,
    contactOther: form.contactOther ?? null,
    languages: [...new Set(form.languages)],
    expertise: parseTagList(form.expertise ?? '', MAX_TAGS_PER_KIND),
    ask: parseTagList(form.ask ?? '', MAX_TAGS_PER_KIND),
    listed: form.listed,
    visibility: {
      position: form.visPosition,
      bio: form.visBio,
      phone: form.visPhone,
      contactOther: form.visContactOther,
      languages: form.visLanguages,
      expertise: form.visExpertise,
    },
  };
}

export function changesFromPatch(patch: ProfilePatch): ProfileChanges {
  return { ...patch, expertise: patch.expertise && parseTagList(patch.expertise.join(','), MAX_TAGS_PER_KIND), ask: patch.ask && parseTagList(patch.ask.join(','), MAX_TAGS_PER_KIND) };
}

/** Saves one's own profile. Absent fields stay as they are. */
export async function updateOwnProfile(db: Kysely<DB>, actor: Actor, changes: ProfileChanges): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const userId = actor.user.id;
  await db.transaction().execute(async (trx) => {
    const current = await getOwnProfile(trx, userId);
    const visibility = { ...defaultVisibility, ...current.visibility, ...(changes.visibility ?? {}) };
    const row = {
      position: changes.position !== undefined ? changes.position : current.position,
      bio: changes.bio !== undefined ? changes.bio : current.bio,
      phone: changes.phone !== undefined ? changes.phone : current.phone,
      contactOther: changes.contactOther !== undefined ? changes.contactOther : current.contactOther,
      languages: changes.languages ?? current.languages,
      listed: changes.listed ?? current.listed,
      visibility: JSON.stringify(visibility),
      updatedAt: new Date(),
    };
    await trx
      .insertInto('profiles')
      .values({ userId, ...row })
      .onConflict((oc) => oc.column('userId').doUpdateSet(row))
      .execute();
    if (changes.expertise) await replaceTags(trx, userId, 'expertise', changes.expertise);
    if (changes.ask) await replaceTags(trx, userId, 'ask', changes.ask);
  });
}

/** Confirms a colleague's declared expertise, once per tag; confirming twice changes nothing. */
export async function confirmExpertise(db: Kysely<DB>, actor: Actor, userId: string, tagSlugValue: string, visible: boolean): Promise<void> {
  if (!visible) throw new AppError('not_found');
  if (!canConfirmExpertise(actor, userId) || actor.kind !== 'user') throw new AppError('forbidden');
  const tag = await db
    .selectFrom('profileTags as pt')
    .innerJoin('tags as t', 't.id', 'pt.tagId')
    .select('t.id')
    .where('pt.userId', '=', userId)
    .where('pt.kind', '=', 'expertise')
    .where('t.slug', '=', tagSlugValue)
    .executeTakeFirst();
  if (!tag) throw new AppError('not_found');
  await db
    .insertInto('expertiseConfirmations')
    .values({ userId, tagId: tag.id, confirmedBy: actor.user.id })
    .onConflict((oc) => oc.columns(['userId', 'tagId', 'confirmedBy']).doNothing())
    .execute();
}

export async function withdrawConfirmation(db: Kysely<DB>, actor: Actor, userId: string, tagSlugValue: string): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  await db
    .deleteFrom('expertiseConfirmations')
    .where('userId', '=', userId)
    .where('confirmedBy', '=', actor.user.id)
    .where('tagId', '=', (eb) => eb.selectFrom('tags').select('id').where('slug', '=', tagSlugValue))
    .execute();
}

/** What is missing from one's own profile, each with the reason it helps others find you. */
export function missingProfileParts(profile: Awaited<ReturnType<typeof getOwnProfile>>): ('position' | 'expertise' | 'ask' | 'bio' | 'languages')[] {
  const missing: ('position' | 'expertise' | 'ask' | 'bio' | 'languages')[] = [];
  if (!profile.position) missing.push('position');
  if (profile.expertise.length === 0) missing.push('expertise');
  if (profile.ask.length === 0) missing.push('ask');
  if (!profile.bio) missing.push('bio');
  if (profile.languages.length === 0) missing.push('languages');
  return missing;
}


/** The directory as the actor may see it: the one visibility rule, for other features too. */
export function membersVisibleTo(db: Kysely<DB>, actor: Actor, filter: MemberFilter) {
  return listMembers(db, viewerOf(actor), filter);
}
