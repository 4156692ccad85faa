/** Failed mails for admins: who, what, how often tried, the server's answer. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Time } from '../../views/components/time.js';
import { TableWrap } from '../../views/components/table.js';
import { Pager, withQuery } from '../../views/components/list.js';
import { officeCrumbs } from '../office/office.views.js';

export interface MailLogPageData {
  items: { key: string; kind: string; subject: string | null; attempts: number; error: string | null; updatedAt: Date; recipient: string | null }[];
  failed: number;
  sentWeek: number;
  offset: number;
  limit: number;
}

export function MailLogPage({ ctx, data }: { ctx: ViewContext; data: MailLogPageData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailLog.title')} crumbs={officeCrumbs(ctx, [{ label: t('mailLog.title') }])}>
      <PageHeading title={t('mailLog.title')} lead={t('mailLog.lead')} />
      <p class="kern-body kern-body--bold">{t('mailLog.summary', { failed: String(data.failed), sent: String(data.sentWeek) })}</p>
      {data.items.length === 0 ? (
        <p class="kern-body">{t('mailLog.empty')}</p>
      ) : (
        <TableWrap label={t('mailLog.title')}>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('mailLog.caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">{t('mailLog.col.time')}</th>
                <th scope="col" class="kern-table__header">{t('mailLog.col.recipient')}</th>
                <th scope="col" class="kern-table__header">{t('mailLog.col.subject')}</th>
                <th scope="col" class="kern-table__header">{t('mailLog.col.attempts')}</th>
                <th scope="col" class="kern-table__header">{t('mailLog.col.error')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {data.items.map((row) => (
                <tr class="kern-table__row" key={row.key}>
                  <td class="kern-table__cell"><Time ctx={ctx} value={row.updatedAt} /></td>
                  <td class="kern-table__cell">{row.recipient ?? t('mailLog.noRecipient')}</td>
                  <td class="kern-table__cell">{row.subject ?? row.kind}</td>
                  <td class="kern-table__cell">{row.attempts}{row.attempts > 5 ? ` (${t('mailLog.givenUp')})` : ''}</td>
                  <td class="kern-table__cell">{row.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager ctx={ctx} offset={data.offset} limit={data.limit} total={data.failed} shown={data.items.length} href={(o) => withQuery('/geschaeftsstelle/mails', { offset: o })} />
    </Layout>
  );
}
