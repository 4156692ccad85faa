/**
 * The office's smaller use cases: the overview's counts, the audit log, page texts and
 * accessibility feedback. Each checks the policy first; others are told nothing exists.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { languages, type Lang } from '../../views/i18n/index.js';
import { listAudit, writeAudit } from '../audit/audit.repo.js';
import { canEditLandingPage, canReadAuditLog, isOffice } from '../accounts/accounts.policy.js';
import { sitePages, type PageText, type SitePage } from '../site/site.repo.js';
import { editPageText, pageText } from '../site/site.service.js';
import { countPendingApplicants } from './review.repo.js';
import * as feedback from './feedback.repo.js';

function assert(allowed: boolean): void {
  if (!allowed) throw new AppError('not_found');
}

export async function overviewCounts(db: Kysely<DB>, actor: Actor) {
  assert(isOffice(actor));
  const [pending, openFeedback] = await Promise.all([countPendingApplicants(db), feedback.countOpenFeedback(db)]);
  return { pending, openFeedback };
}

export async function auditLog(db: Kysely<DB>, actor: Actor, before: number | undefined) {
  assert(canReadAuditLog(actor));
  return listAudit(db, { before });
}

/** Every editable page in both languages, with the heading that applies now. */
export async function pageOverview(db: Kysely<DB>, actor: Actor) {
  assert(canEditLandingPage(actor));
  const rows: { page: SitePage; lang: Lang; title: string }[] = [];
  for (const page of sitePages) for (const lang of languages) rows.push({ page, lang, title: (await pageText(db, page, lang)).title });
  return rows;
}

export async function currentPageText(db: Kysely<DB>, actor: Actor, page: SitePage, lang: Lang): Promise<PageText> {
  assert(canEditLandingPage(actor));
  return pageText(db, page, lang);
}

/** Saves a page text (site.service writes the audit entry). */
export const savePageText = (db: Kysely<DB>, actor: Actor, page: SitePage, lang: Lang, text: PageText) => editPageText(db, actor, page, lang, text);

export async function feedbackList(db: Kysely<DB>, actor: Actor, offset: number) {
  assert(isOffice(actor));
  const [page, open] = await Promise.all([feedback.listFeedback(db, { offset }), feedback.countOpenFeedback(db)]);
  return { ...page, open };
}

/** Marks feedback handled; handling it twice is no error (a colleague may have been quicker). */
export async function markFeedbackHandled(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  assert(isOffice(actor));
  if (!(await feedback.feedbackExists(db, id))) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    const row = await feedback.markFeedbackHandled(trx, id);
    if (row) await writeAudit(trx, actor, { action: 'feedback.handle', targetType: 'feedback', targetId: id });
  });
}
