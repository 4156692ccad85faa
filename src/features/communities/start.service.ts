/** What a member's start page shows from the communities: their feed, questions they could answer, communities to join. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { isInside } from '../accounts/accounts.policy.js';
import { viewerOf } from '../members/members.service.js';
import { suggestedCommunities } from './communities.repo.js';
import { listBookmarks, listPosts, openQuestionsForExpertise } from './posts.repo.js';

export const FEED_SIZE = 10;

export async function startPageData(db: Kysely<DB>, actor: Actor) {
  if (!isInside(actor)) return null;
  const viewer = viewerOf(actor);
  const [feed, questions, suggestions, bookmarks] = await Promise.all([
    listPosts(db, viewer, { feed: true, limit: FEED_SIZE, withTotal: false }),
    openQuestionsForExpertise(db, viewer, 5),
    suggestedCommunities(db, viewer, 5),
    listBookmarks(db, viewer, 5),
  ]);
  return { feed, questions, suggestions, bookmarks };
}

export type StartPageData = NonNullable<Awaited<ReturnType<typeof startPageData>>>;
