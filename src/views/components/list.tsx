/** Parts of every list page: paging links, counts, query strings, level and state choices. */
import type { ViewContext } from '../context.js';
import type { MessageKey } from '../i18n/index.js';
import { levels, states } from '../../features/organisations/organisations.schema.js';

/** A path with its query; empty values are left out so that links stay short. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '' && value !== 0) search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** "1 Organisation" or "42 Organisationen", with the number in the reader's format. */
export function countText(ctx: ViewContext, count: number, keys: { one: MessageKey; other: MessageKey }): string {
  return count === 1 ? ctx.t(keys.one) : ctx.t(keys.other, { count: ctx.fmt.number(count) });
}

/** "Weitere laden" (and back) for offset-paged lists; works without JavaScript. */
export function Pager({ ctx, offset, limit, total, shown, href }: { ctx: ViewContext; offset: number; limit: number; total: number; shown: number; href: (offset: number) => string }) {
  const { t } = ctx;
  const hasMore = offset + shown < total;
  if (offset === 0 && !hasMore) return null;
  return (
    <nav class="kp-pager" aria-label={t('pager.label')}>
      {shown > 0 ? (
        <p class="kern-body kern-body--small">
          {t('pager.range', { from: ctx.fmt.number(offset + 1), to: ctx.fmt.number(offset + shown), total: ctx.fmt.number(total) })}
        </p>
      ) : null}
      <ul class="kern-list kp-actions">
        {offset > 0 ? (
          <li>
            <a class="kern-link" href={href(Math.max(0, offset - limit))} rel="prev">
              {t('pager.previous')}
            </a>
          </li>
        ) : null}
        {hasMore ? (
          <li>
            <a class="kern-link" href={href(offset + limit)} rel="next">
              {t('pager.more')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export const levelOptions = (ctx: ViewContext) => levels.map((l) => ({ value: l, label: ctx.t(`level.${l}`) }));
export const stateOptions = (ctx: ViewContext) => states.map((s) => ({ value: s, label: ctx.t(`state.${s}`) }));


/**
 * "Weitere laden" for cursor-paged lists, and, on later pages, a link back to the first one
 * (a cursor only knows the way forward). Works without JavaScript.
 */
export function CursorPager({ ctx, next, first, firstLabel = 'pager.first', nextLabel = 'pager.more' }: { ctx: ViewContext; next: string | null; first?: string | null; firstLabel?: MessageKey; nextLabel?: MessageKey }) {
  if (!next && !first) return null;
  return (
    <nav class="kp-pager" aria-label={ctx.t('pager.label')}>
      <ul class="kern-list kp-actions">
        {first ? (
          <li>
            <a class="kern-link" href={first}>
              {ctx.t(firstLabel)}
            </a>
          </li>
        ) : null}
        {next ? (
          <li>
            <a class="kern-link" href={next} rel="next">
              {ctx.t(nextLabel)}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
