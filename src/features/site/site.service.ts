/** Public pages: their texts (office-edited or default) and the accessibility feedback route. */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { enforceLimits } from '../../http/rate-limit.js';
import { newId } from '../../lib/ids.js';
import type { Mailer } from '../../mail/mailer.js';
import { composeMail } from '../../mail/compose.js';
import { translator, type Lang, type MessageKey } from '../../views/i18n/index.js';
import { writeAudit } from '../audit/audit.repo.js';
import { canEditLandingPage } from '../accounts/accounts.policy.js';
import { getPageText, setPageText, type PageText, type SitePage } from './site.repo.js';

export async function pageText(db: Kysely<DB>, page: SitePage, lang: Lang): Promise<PageText> {
  const stored = await getPageText(db, page, lang);
  if (stored) return stored;
  const t = translator(lang);
  return { title: t(`page.${page}.title` as MessageKey), body: t(`page.${page}.body` as MessageKey) };
}

export async function editPageText(db: Kysely<DB>, actor: Actor, page: SitePage, lang: Lang, text: PageText): Promise<void> {
  if (!canEditLandingPage(actor) || actor.kind !== 'user') throw new AppError('not_found');
  await setPageText(db, page, lang, text, actor.user.id);
  await writeAudit(db, actor, { action: 'site.page.edit', targetType: 'page', targetId: `${page}.${lang}` });
}

export interface FeedbackInput {
  message: string;
  page?: string;
  name?: string;
  email?: string;
}

/** Stores accessibility feedback and tells the office by mail. */
export async function submitAccessibilityFeedback(deps: { db: Kysely<DB>; mailer: Mailer; config: Config }, input: FeedbackInput, ip: string): Promise<void> {
  await enforceLimits(deps.db, [{ key: `feedback:ip:${ip}`, max: deps.config.RATE_LIMIT_MAX_PER_ACCOUNT }], deps.config.RATE_LIMIT_WINDOW_SECONDS);
  await deps.db
    .insertInto('feedback')
    .values({ id: newId(), kind: 'accessibility', message: input.message, page: input.page ?? null, name: input.name ?? null, email: input.email ?? null })
    .execute();
  await deps.mailer.send({
    ...composeMail({
      to: deps.config.OFFICE_EMAIL,
      lang: 'de',
      subject: 'mail.feedback.subject',
      paragraphs: ['mail.feedback.body'],
      params: { name: 'Geschäftsstelle', page: input.page ?? '–', message: input.message, sender: [input.name, input.email].filter(Boolean).join(', ') || '–' },
      action: { label: 'mail.feedback.action', url: new URL('/geschaeftsstelle/rueckmeldungen', deps.config.baseUrl).toString() },
    }),
    ...(input.email ? { headers: { 'Reply-To': input.email } } : {}),
  });
}
