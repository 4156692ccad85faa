/**
 * The one visibility rule of events, as SQL. Every list, page, API answer, calendar feed,
 * reminder and count of events filters with `eventVisible`; single events are loaded through
 * it too (events.repo.ts `findEvent`), so there is no second rule to drift.
 *
 * An event exists for a viewer when:
 * - the viewer is office or admin; or organises it; or holds a registration (confirmed or
 *   waiting) for it, so that they can always see and cancel it;
 * - its audience is `public` (also for visitors, applicants and partners: the public page);
 * - its audience is `members` and the viewer is verified public-sector staff;
 * - its audience is `community` and the viewer is an active member of the linked community
 *   whose membership counts (partners only where the community admits partners), and the
 *   community is active;
 * - its audience is `invited` and the viewer is on the invitation list (and verified, or a
 *   partner: applicants are inside nowhere).
 * A visitor (no viewer) sees public events only.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../members/members.repo.js';

type Bool = RawBuilder<boolean>;

export type EventViewer = Viewer | null;

/** The viewer's role lets them inside at all: verified staff or a partner (not an applicant). */
function insideRole(viewer: Viewer): Bool {
  if (viewer.verified) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from users eu where eu.id = ${viewer.id} and eu.role = 'partner')`;
}

export function eventVisible(viewer: EventViewer, alias = 'e'): Bool {
  const audience = sql.ref(`${alias}.audience`);
  if (!viewer) return sql<boolean>`${audience} = 'public'`;
  if (viewer.staff) return sql<boolean>`true`;
  const id = sql.ref(`${alias}.id`);
  const organises = sql<boolean>`exists (select 1 from event_organisers eo where eo.event_id = ${id} and eo.user_id = ${viewer.id})`;
  const registered = sql<boolean>`exists (select 1 from event_registrations er where er.event_id = ${id} and er.user_id = ${viewer.id} and er.status <> 'cancelled')`;
  const communityMember = sql<boolean>`exists (select 1 from community_members ecm join communities ec on ec.id = ecm.community_id
    where ecm.community_id = ${sql.ref(`${alias}.community_id`)} and ecm.user_id = ${viewer.id} and ecm.status = 'active' and ec.status = 'active'
    ${viewer.verified ? sql`` : sql`and ec.partners_allowed`})`;
  const invited = sql<boolean>`exists (select 1 from event_invitations ei where ei.event_id = ${id} and ei.user_id = ${viewer.id})`;
  return sql<boolean>`(${audience} = 'public'
    or (${insideRole(viewer)} and (
      ${organises} or ${registered}
      ${viewer.verified ? sql`or ${audience} = 'members'` : sql``}
      or (${audience} = 'community' and ${communityMember})
      or (${audience} = 'invited' and ${invited}))))`;
}
