/**
 * /geschaeftsstelle/mails (admins): mails that could not be sent. Each failed key is tried
 * again by the queue with backoff (five retries); a row stays here until a try succeeds.
 * Addresses are not shown, only the person's name, so the page shows no more than needed.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { h } from 'preact';
import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';
import { sendPage, viewContext } from '../../http/render.js';
import { MailLogPage, type MailLogPageData } from './mail-log.views.js';

const admin = { config: { access: 'admin' as const } };
export const MAIL_LOG_PAGE_SIZE = 50;
const Query = Type.Object({ offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) });

export async function mailLogRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  app.get('/geschaeftsstelle/mails', { ...admin, schema: { querystring: Query } }, async (request, reply) => {
    const offset = (request.query as Static<typeof Query>).offset ?? 0;
    const [items, counts] = await Promise.all([
      db
        .selectFrom('mailLog as m')
        .leftJoin('users as u', 'u.id', 'm.userId')
        .select(['m.key', 'm.kind', 'm.subject', 'm.attempts', 'm.error', 'm.updatedAt', 'u.name as recipient'])
        .where('m.status', '=', 'failed')
        .orderBy('m.updatedAt', 'desc')
        .orderBy('m.key')
        .limit(MAIL_LOG_PAGE_SIZE)
        .offset(offset)
        .execute(),
      db
        .selectFrom('mailLog')
        .select([
          sql<number>`count(*) filter (where status = 'failed')::int`.as('failed'),
          sql<number>`count(*) filter (where status = 'sent' and updated_at > now() - interval '7 days')::int`.as('sentWeek'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    const data: MailLogPageData = { items, failed: counts.failed, sentWeek: counts.sentWeek, offset, limit: MAIL_LOG_PAGE_SIZE };
    return sendPage(reply, h(MailLogPage, { ctx: viewContext(request, reply), data }));
  });
}
