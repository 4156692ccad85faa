/** The community sections of a member's start page. */
import type { ViewContext } from '../../views/context.js';
import { Alert } from '../../views/components/alert.js';
import { PostList } from './post-list.views.js';
import { VisibilityBadge } from './communities.views.js';
import type { StartPageData } from './start.service.js';

export function StartSections({ ctx, d }: { ctx: ViewContext; d: StartPageData }) {
  const { t } = ctx;
  return (
    <>
      <section class="kp-section" aria-labelledby="start-feed">
        <h2 class="kern-heading-medium" id="start-feed">{t('start.feed')}</h2>
        {d.feed.items.length === 0 ? (
          <Alert kind="info" title={t('start.feedEmptyTitle')}>
            <p class="kern-body">
              {t('start.feedEmptyBody')}{' '}
              <a class="kern-link" href="/communities">{t('start.toCommunities')}</a>
            </p>
          </Alert>
        ) : (
          <PostList ctx={ctx} items={d.feed.items} showCommunity />
        )}
      </section>
      <section class="kp-section" aria-labelledby="start-questions">
        <h2 class="kern-heading-medium" id="start-questions">{t('start.questions')}</h2>
        {d.questions.length === 0 ? <p class="kern-body">{t('start.questionsEmpty')}</p> : <PostList ctx={ctx} items={d.questions} showCommunity />}
      </section>
      {d.suggestions.length > 0 ? (
        <section class="kp-section" aria-labelledby="start-suggestions">
          <h2 class="kern-heading-medium" id="start-suggestions">{t('start.suggestions')}</h2>
          <ul class="kp-result-list">
            {d.suggestions.map((c) => (
              <li class="kp-result" key={c.slug}>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={`/communities/${c.slug}`}>{c.name}</a> <VisibilityBadge ctx={ctx} visibility={c.visibility} />
                </h3>
                {c.description ? <p class="kern-body">{c.description}</p> : null}
                <p class="kern-body kern-body--small">{t('community.memberCount', { count: ctx.fmt.number(c.memberCount) })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.bookmarks.length > 0 ? (
        <section class="kp-section" aria-labelledby="start-bookmarks">
          <h2 class="kern-heading-medium" id="start-bookmarks">{t('start.bookmarks')}</h2>
          <ul class="kern-list">
            {d.bookmarks.map((b) => (
              <li key={b.id}>
                <a class="kern-link" href={`/beitraege/${b.id}`}>{b.title}</a> – {b.communityName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
