/** Editing the texts of the public pages, per page and language. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { CsrfField, ErrorSummary, SubmitButton, TextArea, TextField, type FormState } from '../../views/components/forms.js';
import type { Lang } from '../../views/i18n/index.js';
import type { SitePage } from '../site/site.repo.js';
import { officeCrumbs } from './office.views.js';

/** German path words for the pages, and where each one is shown. */
export const pageSlugs: Record<SitePage, { slug: string; path: string }> = {
  landing: { slug: 'startseite', path: '/' },
  imprint: { slug: 'impressum', path: '/impressum' },
  privacy: { slug: 'datenschutz', path: '/datenschutz' },
  accessibility: { slug: 'barrierefreiheit', path: '/barrierefreiheit' },
};

const editPath = (page: SitePage, lang: Lang) => `/geschaeftsstelle/seiten/${pageSlugs[page].slug}/${lang}`;

export function PagesPage({ ctx, rows }: { ctx: ViewContext; rows: { page: SitePage; lang: Lang; title: string }[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.pages.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.pages.title') }])}>
      <PageHeading title={t('office.pages.title')} lead={t('office.pages.lead')} />
      <div class="kp-table-wrap" role="region" aria-label={t('office.pages.title')} tabindex={0}>
        <table class="kern-table">
          <caption class="kern-sr-only">{t('office.pages.title')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th class="kern-table__cell" scope="col">{t('office.pages.page')}</th>
              <th class="kern-table__cell" scope="col">{t('office.pages.language')}</th>
              <th class="kern-table__cell" scope="col">{t('office.pages.current')}</th>
              <th class="kern-table__cell" scope="col">{t('office.pages.action')}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.map((r) => (
              <tr class="kern-table__row" key={`${r.page}.${r.lang}`}>
                <th class="kern-table__cell" scope="row">{t(`office.pages.name.${r.page}`)}</th>
                <td class="kern-table__cell">{t(`office.pages.lang.${r.lang}`)}</td>
                <td class="kern-table__cell" lang={r.lang}>{r.title}</td>
                <td class="kern-table__cell">
                  <a class="kern-link" href={editPath(r.page, r.lang)} aria-label={t('office.pages.editLabel', { page: t(`office.pages.name.${r.page}`), language: t(`office.pages.lang.${r.lang}`) })}>
                    {t('office.pages.edit')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function PageTextPage({ ctx, page, lang, form }: { ctx: ViewContext; page: SitePage; lang: Lang; form: FormState }) {
  const { t } = ctx;
  const title = t('office.pages.editTitle', { page: t(`office.pages.name.${page}`), language: t(`office.pages.lang.${lang}`) });
  return (
    <Layout ctx={ctx} title={title} crumbs={officeCrumbs(ctx, [{ label: t('office.pages.title'), href: '/geschaeftsstelle/seiten' }, { label: title }])}>
      <PageHeading title={title} />
      <ErrorSummary ctx={ctx} form={form} labels={{ title: 'office.pages.field.title', body: 'office.pages.field.body' }} />
      <form method="post" action={editPath(page, lang)} class="kp-form" novalidate lang={lang}>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="title" label="office.pages.field.title" maxLength={200} required />
        <TextArea ctx={ctx} form={form} name="body" label="office.pages.field.body" hint="office.pages.bodyHint" maxLength={20_000} rows={16} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="form.save" />
        </div>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={pageSlugs[page].path}>
          {t('office.pages.view')}
        </a>
      </p>
    </Layout>
  );
}
