/** The office's CSV import (upload, preview, confirm) and the merge of duplicates. */
import type { ViewContext } from '../../views/context.js';
import { TableWrap } from '../../views/components/table.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, type FormState, type Option } from '../../views/components/forms.js';
import type { PreviewLine } from './import.service.js';

function crumbs(ctx: ViewContext, label: string): Crumb[] {
  return [
    { label: ctx.t('nav.home'), href: '/' },
    { label: ctx.t('nav.office'), href: '/geschaeftsstelle' },
    { label: ctx.t('nav.organisations'), href: '/geschaeftsstelle/organisationen' },
    { label },
  ];
}

export function ImportPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const fileError = form.errors.file;
  return (
    <Layout ctx={ctx} title={t('import.title')} crumbs={crumbs(ctx, t('import.title'))}>
      <PageHeading title={t('import.title')} lead={t('import.lead')} />
      <p class="kern-body">{t('import.columns')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ file: 'import.file' }} />
      <form method="post" action="/geschaeftsstelle/organisationen/import" enctype="multipart/form-data" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class={`kern-form-input${fileError ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="f-file">
            {t('import.file')}
          </label>
          <div class="kern-hint" id="f-file-hint">
            {t('import.fileHint')}
          </div>
          {fileError ? (
            <p class="kern-error" id="f-file-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span>{t(fileError.key, fileError.params)}</span>
            </p>
          ) : null}
          <input class="kern-form-input__input" type="file" id="f-file" name="file" accept=".csv,text/csv" aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'} />
        </div>
        <TextArea ctx={ctx} form={form} name="text" label="import.text" maxLength={1_000_000} rows={6} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="import.submit" />
        </div>
      </form>
    </Layout>
  );
}

const actionBadge = { create: 'success', update: 'info', refuse: 'danger' } as const;
const actionIcon = { create: 'check', update: 'autorenew', refuse: 'close' } as const;

export function ImportPreviewPage({ ctx, id, lines, applied }: { ctx: ViewContext; id: string; lines: PreviewLine[]; applied: boolean }) {
  const { t } = ctx;
  const count = (a: PreviewLine['action']) => lines.filter((l) => l.action === a).length;
  return (
    <Layout ctx={ctx} title={t('import.previewTitle')} crumbs={crumbs(ctx, t('import.previewTitle'))}>
      <PageHeading title={t('import.previewTitle')} lead={applied ? t('import.applied') : t('import.previewLead')} />
      <p class="kern-body kern-body--bold">{t('import.summary', { create: count('create'), update: count('update'), refuse: count('refuse') })}</p>
      <TableWrap label={t('import.previewTitle')}>
        <table class="kern-table kern-table--small">
          <caption class="kern-sr-only">{t('import.previewTitle')}</caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th class="kern-table__cell kern-table__cell--numeric" scope="col">{t('import.line')}</th>
              <th class="kern-table__cell" scope="col">{t('import.name')}</th>
              <th class="kern-table__cell" scope="col">{t('import.action')}</th>
              <th class="kern-table__cell" scope="col">{t('import.reasons')}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {lines.map((l) => (
              <tr class="kern-table__row" key={l.line}>
                <td class="kern-table__cell kern-table__cell--numeric">{l.line}</td>
                <td class="kern-table__cell">{l.name || '–'}</td>
                <td class="kern-table__cell">
                  <span class={`kern-badge kern-badge--${actionBadge[l.action]}`}>
                    <span class={`kern-icon kern-icon--${actionIcon[l.action]} kern-icon--small`} aria-hidden="true"></span>
                    <span class="kern-label kern-label--small">{t(`import.action.${l.action}`)}</span>
                  </span>
                </td>
                <td class="kern-table__cell">
                  {l.problems.length ? (
                    <ul class="kern-list">
                      {l.problems.map((p, i) => (
                        <li key={i}>{t(p.key, p.params)}</li>
                      ))}
                    </ul>
                  ) : (
                    l.domains.join(', ')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {applied ? null : (
        <div class="kp-actions kp-section">
          <ActionButton ctx={ctx} action={`/geschaeftsstelle/organisationen/import/${id}`} label="import.confirm" variant="primary" />
          <a class="kern-btn kern-btn--secondary" href="/geschaeftsstelle/organisationen/import">
            <span class="kern-label">{t('import.cancel')}</span>
          </a>
        </div>
      )}
    </Layout>
  );
}

export function MergePage({ ctx, form, source, options }: { ctx: ViewContext; form: FormState; source: { id: string; name: string }; options: Option[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('merge.title')} crumbs={crumbs(ctx, source.name)}>
      <PageHeading title={t('merge.title')} />
      <Alert kind="warning" title={t('merge.lead', { name: source.name })} />
      <ErrorSummary ctx={ctx} form={form} labels={{ targetId: 'merge.target' }} />
      <form method="post" action={`/geschaeftsstelle/organisationen/${source.id}/zusammenfuehren`} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField ctx={ctx} form={form} name="targetId" label="merge.target" placeholder="register.organisationPlaceholder" options={options} required />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="merge.submit" />
        </div>
      </form>
    </Layout>
  );
}
