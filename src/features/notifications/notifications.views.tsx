/** The notification list and the bell in the page header. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { CsrfField, SubmitButton } from '../../views/components/forms.js';
import { CursorPager } from '../../views/components/list.js';
import { Time } from '../../views/components/time.js';
import { UNREAD_COUNT_CAP, type NotificationItem } from './notifications.repo.js';

export interface ListedNotification {
  item: NotificationItem;
  text: string;
  path: string;
}

/**
 * The bell: a link to the list with the unread count as a badge. Its accessible name says
 * the number in words ("Benachrichtigungen, 3 ungelesen"); assets/js/notifications.js keeps
 * both up to date while the page is open.
 */
export function Bell({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  const count = ctx.unread ?? null;
  const current = ctx.path === '/benachrichtigungen' || ctx.path.startsWith('/benachrichtigungen/');
  return (
    <a class="kern-btn kern-btn--tertiary kern-btn--x-small kp-bell" href="/benachrichtigungen"
      aria-current={current ? 'page' : undefined}
      data-kp-bell=""
      data-kp-unread-text={t('notificationsUi.bell.unread', { count: '{count}' })}
      data-kp-news-text={t('notificationsUi.bell.live', { count: '{count}' })}
      data-kp-cap={String(UNREAD_COUNT_CAP)}
    >
      <span class="kern-label">{t('notificationsUi.bell')}</span>
      {count ? (
        <span class="kp-badge kp-bell__count" aria-hidden="true" data-kp-bell-count="">
          {unreadNumber(ctx, count)}
        </span>
      ) : null}
      <span class="kern-sr-only" data-kp-bell-text="">
        {count ? t('notificationsUi.bell.unread', { count: unreadNumber(ctx, count) }) : ''}
      </span>
    </a>
  );
}

/** The count as shown: "99+" from the cap on (countUnread stops counting there). */
export function unreadNumber(ctx: ViewContext, count: number): string {
  return count >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : ctx.fmt.number(count);
}

function unreadText(ctx: ViewContext, unread: number): string {
  if (unread === 0) return ctx.t('notificationsUi.unreadCount.none');
  return unread === 1 ? ctx.t('notificationsUi.unreadCount.one') : ctx.t('notificationsUi.unreadCount.other', { count: unreadNumber(ctx, unread) });
}

export function NotificationListPage({
  ctx,
  items,
  unread,
  unreadOnly,
  next,
  first,
}: {
  ctx: ViewContext;
  items: ListedNotification[];
  unread: number;
  unreadOnly: boolean;
  next: string | null;
  first: string | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notificationsUi.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('notificationsUi.title') }]}>
      <PageHeading title={t('notificationsUi.title')} lead={t('notificationsUi.lead')} />
      <p class="kern-body">
        {t('notificationsUi.settingsLink')}{' '}
        <a class="kern-link" href="/konto/benachrichtigungen">
          {t('notificationsUi.settingsLinkText')}
        </a>
      </p>
      <div class="kp-actions">
        <form method="get" action="/benachrichtigungen" class="kp-filters" aria-label={t('notificationsUi.filter.label')}>
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="f-ungelesen" name="ungelesen" value="1" checked={unreadOnly} />
            <label class="kern-label" for="f-ungelesen">
              {t('notificationsUi.filter.unreadOnly')}
            </label>
          </div>
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="notificationsUi.filter.apply" variant="secondary" />
          </div>
        </form>
      </div>
      <p class="kern-body" data-kp-unread-summary="">
        {unreadText(ctx, unread)}
      </p>
      {unread > 0 ? (
        <form method="post" action="/benachrichtigungen/gelesen" class="kp-inline-form">
          <CsrfField ctx={ctx} />
          <SubmitButton ctx={ctx} label="notificationsUi.markAllRead" variant="secondary" />
        </form>
      ) : null}
      <section class="kp-section" aria-label={t('notificationsUi.listLabel')}>
        {items.length === 0 ? (
          <Alert kind="info" title={t(unreadOnly ? 'notificationsUi.empty.unreadTitle' : 'notificationsUi.empty.title')}>
            <p class="kern-body">{t(unreadOnly ? 'notificationsUi.empty.unreadBody' : 'notificationsUi.empty.body')}</p>
          </Alert>
        ) : (
          <ol class="kp-result-list kp-notifications">
            {items.map(({ item, text }) => {
              const isUnread = item.readAt === null;
              return (
                <li key={item.id} class={`kp-result${isUnread ? ' kp-notification--unread' : ''}`}>
                  <p class="kern-body">
                    {isUnread ? (
                      <>
                        <span class="kp-badge">{t('notificationsUi.unread')}</span>{' '}
                      </>
                    ) : null}
                    <a class="kern-link kp-notification__link" href={`/benachrichtigungen/${item.id}`}>
                      {isUnread ? <strong>{text}</strong> : text}
                    </a>
                  </p>
                  <p class="kern-body kern-body--small kp-muted">
                    <Time ctx={ctx} value={item.createdAt} />
                    {item.communityName ? ` · ${item.communityName}` : ''}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        <CursorPager ctx={ctx} next={next} first={first} nextLabel="notificationsUi.older" firstLabel="notificationsUi.newest" />
      </section>
    </Layout>
  );
}
