/** Accessibility feedback for the office: open items first, each with "mark handled". */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { ActionButton } from '../../views/components/forms.js';
import { Time } from '../../views/components/time.js';
import { Paragraphs } from '../site/site.views.js';
import { Pager, countText, withQuery } from '../../views/components/list.js';
import { officeCrumbs } from './office.views.js';

export interface FeedbackRow {
  id: string;
  name: string | null;
  email: string | null;
  page: string | null;
  message: string;
  createdAt: Date;
  handledAt: Date | null;
}

function Status({ ctx, row }: { ctx: ViewContext; row: FeedbackRow }) {
  const { t } = ctx;
  return row.handledAt ? (
    <span class="kern-badge kern-badge--success">
      <span class="kern-icon kern-icon--success kern-icon--small" aria-hidden="true"></span>
      <span class="kern-label kern-label--small">
        {t('office.feedback.status.handled')} <Time ctx={ctx} value={row.handledAt} />
      </span>
    </span>
  ) : (
    <span class="kern-badge kern-badge--warning">
      <span class="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true"></span>
      <span class="kern-label kern-label--small">{t('office.feedback.status.open')}</span>
    </span>
  );
}

export function FeedbackPage({ ctx, page, offset }: { ctx: ViewContext; page: { items: FeedbackRow[]; total: number; limit: number; open: number }; offset: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.feedback.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.feedback.title') }])}>
      <PageHeading title={t('office.feedback.title')} lead={t('office.feedback.lead')} />
      <p class="kern-body kern-body--bold">{page.open === 0 ? t('office.openFeedback.none') : countText(ctx, page.open, { one: 'office.openFeedback.one', other: 'office.openFeedback.other' })}</p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('office.feedback.empty')}</p>
      ) : (
        <ol class="kern-list">
          {page.items.map((row) => (
            <li key={row.id}>
              <article class="kern-card kp-section" aria-labelledby={`feedback-${row.id}`}>
                <div class="kern-card__container">
                  <div class="kern-card__header">
                    <h2 class="kern-heading-small" id={`feedback-${row.id}`}>
                      {t('office.feedback.heading')} <Time ctx={ctx} value={row.createdAt} />
                    </h2>
                    <Status ctx={ctx} row={row} />
                  </div>
                  <div class="kern-card__body">
                    <dl class="kern-description-list">
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('office.feedback.page')}</dt>
                        <dd class="kern-description-list-item__value">{row.page ?? '–'}</dd>
                      </div>
                      <div class="kern-description-list-item">
                        <dt class="kern-description-list-item__key">{t('office.feedback.sender')}</dt>
                        <dd class="kern-description-list-item__value">{[row.name, row.email].filter(Boolean).join(', ') || t('office.feedback.noSender')}</dd>
                      </div>
                    </dl>
                    <Paragraphs text={row.message} />
                  </div>
                  {row.handledAt ? null : (
                    <div class="kern-card__footer">
                      <ActionButton ctx={ctx} action={`/geschaeftsstelle/rueckmeldungen/${row.id}/erledigt`} label="office.feedback.markHandled" />
                    </div>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pager ctx={ctx} offset={offset} limit={page.limit} total={page.total} shown={page.items.length} href={(o) => withQuery('/geschaeftsstelle/rueckmeldungen', { offset: o })} />
    </Layout>
  );
}
