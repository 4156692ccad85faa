/** Communities, memberships, posts and replies as rows, for tests. Counters kept as the app keeps them. */
import { sql, type Kysely } from 'kysely';
import type { CommunityVisibility, DB, PostType } from '../../src/db/schema.js';
import { newId } from '../../src/lib/ids.js';

export interface MemberSpec {
  userId: string;
  role?: 'member' | 'lead';
  status?: 'active' | 'requested' | 'invited';
}

export async function createCommunity(
  db: Kysely<DB>,
  opts: { slug?: string; name?: string; visibility?: CommunityVisibility; partnersAllowed?: boolean; chathamHouse?: boolean; status?: 'active' | 'proposed' | 'declined'; members?: MemberSpec[] } = {},
) {
  const id = newId();
  const slug = opts.slug ?? `c-${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const row = {
    id,
    slug,
    name: opts.name ?? `Community ${slug}`,
    description: `Beschreibung ${slug}`,
    visibility: opts.visibility ?? 'open',
    partnersAllowed: opts.partnersAllowed ?? false,
    chathamHouse: opts.chathamHouse ?? true,
    status: opts.status ?? 'active',
  };
  await db.insertInto('communities').values(row).execute();
  await addMembers(db, id, opts.members ?? []);
  return row;
}

export async function addMembers(db: Kysely<DB>, communityId: string, members: MemberSpec[]): Promise<void> {
  if (members.length === 0) return;
  await db
    .insertInto('communityMembers')
    .values(members.map((m) => ({ communityId, userId: m.userId, role: m.role ?? 'member', status: m.status ?? 'active' })))
    .onConflict((oc) => oc.columns(['communityId', 'userId']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role'), status: eb.ref('excluded.status') })))
    .execute();
  await sql`update communities set member_count = (select count(*) from community_members where community_id = ${communityId} and status = 'active') where id = ${communityId}`.execute(db);
}

export async function createPost(
  db: Kysely<DB>,
  opts: { id?: string; communityId: string; authorId: string; type?: PostType; title?: string; body?: string; hidden?: string; deleted?: boolean; tags?: string[] },
) {
  const id = opts.id ?? newId();
  const row = {
    id,
    communityId: opts.communityId,
    authorId: opts.authorId,
    type: opts.type ?? 'discussion',
    title: opts.title ?? `Beitrag ${id}`,
    body: opts.body ?? `Text ${id}`,
    hiddenAt: opts.hidden ? new Date() : null,
    hiddenReason: opts.hidden ?? null,
    deletedAt: opts.deleted ? new Date() : null,
  };
  await db.insertInto('posts').values(row).execute();
  for (const label of opts.tags ?? []) {
    const slug = label.toLowerCase().replace(/[^a-z0-9]/g, '');
    await db.insertInto('tags').values({ id: newId(), slug, label }).onConflict((oc) => oc.column('slug').doNothing()).execute();
    const tag = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    await db.insertInto('postTags').values({ postId: id, tagId: tag.id }).execute();
  }
  return row;
}

export async function createReply(db: Kysely<DB>, opts: { id?: string; postId: string; authorId: string; body?: string; hidden?: string; accepted?: boolean; quoteReplyId?: string }) {
  const id = opts.id ?? newId();
  await db
    .insertInto('replies')
    .values({ id, postId: opts.postId, authorId: opts.authorId, body: opts.body ?? `Antwort ${id}`, hiddenAt: opts.hidden ? new Date() : null, hiddenReason: opts.hidden ?? null, quoteReplyId: opts.quoteReplyId ?? null })
    .execute();
  if (!opts.hidden) await db.updateTable('posts').set({ replyCount: sql`reply_count + 1` }).where('id', '=', opts.postId).execute();
  if (opts.accepted) await db.updateTable('posts').set({ acceptedReplyId: id }).where('id', '=', opts.postId).execute();
  return { id };
}
