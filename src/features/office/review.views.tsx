/** The review queue, one application with its two decisions, and "already handled". */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, type FormState } from '../../views/components/forms.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { Paragraphs } from '../site/site.views.js';
import { groupByLevel, type OrganisationChoice } from '../organisations/organisations.views.js';
import { Pager, countText, withQuery } from '../../views/components/list.js';
import { officeCrumbs } from './office.views.js';

export interface ApplicantRow {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationOther: string | null;
  applicationReason: string | null;
  createdAt: Date;
}

function organisationText(ctx: ViewContext, a: ApplicantRow): string {
  if (a.organisationName) return a.organisationName;
  if (a.organisationOther) return ctx.t('office.review.organisationOther', { name: a.organisationOther });
  return ctx.t('office.review.noOrganisation');
}

function ApplicantFacts({ ctx, applicant: a }: { ctx: ViewContext; applicant: ApplicantRow }) {
  const { t } = ctx;
  return (
    <dl class="kern-description-list">
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t('account.field.email')}</dt>
        <dd class="kern-description-list-item__value">{a.email}</dd>
      </div>
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t('account.field.organisation')}</dt>
        <dd class="kern-description-list-item__value">{organisationText(ctx, a)}</dd>
      </div>
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t('account.field.reason')}</dt>
        <dd class="kern-description-list-item__value">{a.applicationReason ? <Paragraphs text={a.applicationReason} /> : t('office.review.noReason')}</dd>
      </div>
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t('office.review.appliedAt')}</dt>
        <dd class="kern-description-list-item__value">
          <Time ctx={ctx} value={a.createdAt} />
        </dd>
      </div>
    </dl>
  );
}

export function ReviewQueuePage({ ctx, page, offset }: { ctx: ViewContext; page: { items: ApplicantRow[]; total: number; limit: number }; offset: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.review.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.review.title') }])}>
      <PageHeading title={t('office.review.title')} lead={t('office.review.lead')} />
      <p class="kern-body kern-body--bold">{page.total === 0 ? t('office.pending.none') : countText(ctx, page.total, { one: 'office.pending.one', other: 'office.pending.other' })}</p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('office.review.empty')}</p>
      ) : (
        <ol class="kp-card-grid">
          {page.items.map((a) => (
            <li class="kern-card" key={a.id}>
              <div class="kern-card__container">
                <div class="kern-card__header">
                  <h2 class="kern-heading-small" id={`applicant-${a.id}`}>
                    {a.name}
                  </h2>
                </div>
                <div class="kern-card__body">
                  <ApplicantFacts ctx={ctx} applicant={a} />
                </div>
                <div class="kern-card__footer kp-actions">
                  {/* Approves with the organisation the person chose; the page of one application offers more. */}
                  <form method="post" action={`/geschaeftsstelle/pruefung/${a.id}/annehmen`} class="kp-inline-form">
                    <CsrfField ctx={ctx} />
                    {a.organisationId ? <input type="hidden" name="organisationId" value={a.organisationId} /> : null}
                    <button class="kern-btn kern-btn--primary" type="submit" aria-describedby={`applicant-${a.id}`}>
                      <span class="kern-label">{t('office.review.approve')}</span>
                    </button>
                  </form>
                  <a class="kern-link" href={`/geschaeftsstelle/pruefung/${a.id}`}>
                    {t('office.review.openFor', { name: a.name })}
                  </a>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager ctx={ctx} offset={offset} limit={page.limit} total={page.total} shown={page.items.length} href={(o) => withQuery('/geschaeftsstelle/pruefung', { offset: o })} />
    </Layout>
  );
}

const approveLabels: Record<string, MessageKey> = { organisationId: 'office.review.organisation', addDomain: 'office.review.addDomain' };
const declineLabels: Record<string, MessageKey> = { message: 'office.review.message' };

export interface ReviewForms {
  approve: FormState;
  decline: FormState;
}

export function ApplicantPage({ ctx, applicant, organisations, forms }: { ctx: ViewContext; applicant: ApplicantRow; organisations: OrganisationChoice[]; forms: ReviewForms }) {
  const { t } = ctx;
  const title = t('office.review.detailTitle', { name: applicant.name });
  const domain = applicant.email.slice(applicant.email.lastIndexOf('@') + 1);
  const base = `/geschaeftsstelle/pruefung/${applicant.id}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={officeCrumbs(ctx, [{ label: t('office.review.title'), href: '/geschaeftsstelle/pruefung' }, { label: applicant.name }])}>
      <PageHeading title={title} />
      <ApplicantFacts ctx={ctx} applicant={applicant} />
      <section class="kp-section" aria-labelledby="approve-title">
        <h2 class="kern-heading-medium" id="approve-title">{t('office.review.approveTitle')}</h2>
        <p class="kern-body">{t('office.review.approveLead')}</p>
        <ErrorSummary ctx={ctx} form={forms.approve} labels={approveLabels} />
        <form method="post" action={`${base}/annehmen`} class="kp-form" novalidate>
          <CsrfField ctx={ctx} />
          <SelectField ctx={ctx} form={forms.approve} name="organisationId" label="office.review.organisation" hint="office.review.organisationHint" placeholder="office.review.organisationNone" groups={groupByLevel(ctx, organisations)} />
          <CheckboxField ctx={ctx} form={forms.approve} name="addDomain" label="office.review.addDomain" hint="office.review.addDomainHint" hintParams={{ domain }} />
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="office.review.approve" />
          </div>
        </form>
      </section>
      <section class="kp-section" aria-labelledby="decline-title">
        <h2 class="kern-heading-medium" id="decline-title">{t('office.review.declineTitle')}</h2>
        <ErrorSummary ctx={ctx} form={forms.decline} labels={declineLabels} />
        <form method="post" action={`${base}/ablehnen`} class="kp-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextArea ctx={ctx} form={forms.decline} name="message" label="office.review.message" hint="office.review.messageHint" maxLength={2000} rows={5} required />
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="office.review.decline" variant="secondary" />
          </div>
        </form>
      </section>
    </Layout>
  );
}

/** Answered (409) when a colleague decided first: nothing was saved, nobody was mailed. */
export function AlreadyHandledPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.review.handledTitle')} crumbs={officeCrumbs(ctx, [{ label: t('office.review.title'), href: '/geschaeftsstelle/pruefung' }, { label: t('office.review.handledTitle') }])}>
      <PageHeading title={t('office.review.handledTitle')} />
      <Alert kind="info" title={t('office.review.handledBody')} />
      <p class="kern-body">
        <a class="kern-link" href="/geschaeftsstelle/pruefung">
          {t('office.review.backToQueue')}
        </a>
      </p>
    </Layout>
  );
}
