/** The audit log: who did what, when, newest first. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Time } from '../../views/components/time.js';
import { isMessageKey, type MessageKey } from '../../views/i18n/index.js';
import { officeCrumbs } from './office.views.js';
import { CursorPager } from '../../views/components/list.js';

export interface AuditRow {
  id: number;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** Known actions have a label; actions of features added later show their code until they do. */
function actionLabel(ctx: ViewContext, action: string): string {
  const key = `office.audit.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : action;
}

const targetPages: Record<string, (id: string) => string> = {
  user: (id) => `/geschaeftsstelle/nutzer/${encodeURIComponent(id)}`,
  organisation: (id) => `/geschaeftsstelle/organisationen/${encodeURIComponent(id)}`,
};

function Target({ ctx, row }: { ctx: ViewContext; row: AuditRow }) {
  if (!row.targetType) return <>–</>;
  const key = `office.audit.target.${row.targetType}`;
  const type = isMessageKey(key) ? ctx.t(key as MessageKey) : row.targetType;
  const name = typeof row.details.name === 'string' ? row.details.name : row.targetId;
  const href = row.targetId ? targetPages[row.targetType]?.(row.targetId) : undefined;
  return (
    <>
      {`${type}: `}
      {href ? (
        <a class="kern-link" href={href}>
          {name}
        </a>
      ) : (
        name
      )}
    </>
  );
}

/** Details as "key: value" lines; values are text, escaped like everything else. */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(([key]) => key !== 'name');
  if (entries.length === 0) return <>–</>;
  return (
    <ul class="kern-list">
      {entries.map(([key, value]) => (
        <li key={key}>{`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`}</li>
      ))}
    </ul>
  );
}

export function AuditLogPage({ ctx, entries, nextBefore, paged }: { ctx: ViewContext; entries: AuditRow[]; nextBefore: number | null; paged: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('office.audit.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.audit.title') }])}>
      <PageHeading title={t('office.audit.title')} lead={t('office.audit.lead')} />
      {entries.length === 0 ? (
        <p class="kern-body">{t('office.audit.empty')}</p>
      ) : (
        <div class="kp-table-wrap" role="region" aria-label={t('office.audit.title')} tabindex={0}>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('office.audit.title')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="col">{t('office.audit.time')}</th>
                <th class="kern-table__cell" scope="col">{t('office.audit.actor')}</th>
                <th class="kern-table__cell" scope="col">{t('office.audit.action')}</th>
                <th class="kern-table__cell" scope="col">{t('office.audit.target')}</th>
                <th class="kern-table__cell" scope="col">{t('office.audit.details')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {entries.map((row) => (
                <tr class="kern-table__row" key={row.id}>
                  <td class="kern-table__cell">
                    <Time ctx={ctx} value={row.createdAt} />
                  </td>
                  <td class="kern-table__cell">{row.actorName}</td>
                  <td class="kern-table__cell">{actionLabel(ctx, row.action)}</td>
                  <td class="kern-table__cell">
                    <Target ctx={ctx} row={row} />
                  </td>
                  <td class="kern-table__cell">
                    <Details details={row.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPager ctx={ctx} next={nextBefore ? `/geschaeftsstelle/protokoll?before=${nextBefore}` : null} first={paged ? '/geschaeftsstelle/protokoll' : null} firstLabel="office.audit.newest" />
    </Layout>
  );
}
