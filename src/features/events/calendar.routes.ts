/**
 * Calendar feeds: the public events of the network, and a personal feed (events one is
 * registered for or organises) at a secret address signed with the session secret and the
 * person's feed version; renewing the address makes every older one answer 404.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { translator } from '../../views/i18n/index.js';
import { eventCalendar } from './calendar.js';
import { listEvents, type EventRow } from './events.repo.js';
import { calendarFeedOwner } from './events.service.js';
import type { EventViewer } from './events.visibility.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const FEED_PAST_DAYS = 90;
const FEED_LIMIT = 500;

/** Upcoming events and those of the last 90 days, as a calendar program wants them. */
async function feedEvents(db: Kysely<DB>, viewer: EventViewer, mine: boolean): Promise<EventRow[]> {
  const since = new Date(Date.now() - FEED_PAST_DAYS * 86400_000);
  const events: EventRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvents(db, viewer, { period: 'upcoming', mine, cursor, limit: 50, now: since });
    events.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && events.length < FEED_LIMIT);
  return events;
}

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const t = translator('de');

  app.get('/kalender/oeffentlich.ics', { config: { access: 'public' } }, async (_request, reply) => {
    const events = await feedEvents(db, null, false);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(eventCalendar(config.baseUrl, false, events, t('events.feed.publicName')));
  });

  app.get(
    '/kalender/:userId/:signature.ics',
    { config: { access: 'public' }, schema: { params: Type.Object({ userId: Type.String({ maxLength: 40 }), signature: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const { userId, signature } = request.params as { userId: string; signature: string };
      const viewer = await calendarFeedOwner(db, config.sessionSecret, userId, signature);
      if (!viewer) throw new AppError('not_found');
      const events = await feedEvents(db, viewer, true);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(eventCalendar(config.baseUrl, viewer.staff, events, t('events.feed.personalName')));
    },
  );
}
