/** A list of posts: type, title, community, author, activity, replies, helpful, answered state. */
import type { ViewContext } from '../../views/context.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { Time } from '../../views/components/time.js';
import type { PostListItem } from './posts.repo.js';

const typeIcons = { discussion: 'mail', question: 'help', example: 'checklist', announcement: 'info' } as const;

export function PostTypeLabel({ ctx, type }: { ctx: ViewContext; type: PostListItem['type'] }) {
  return (
    <span class="kp-post-type">
      <span class={`kern-icon kern-icon--${typeIcons[type]} kern-icon--small`} aria-hidden="true"></span>
      {ctx.t(`post.type.${type}` as MessageKey)}
    </span>
  );
}

export function authorName(ctx: ViewContext, name: string | null): string {
  return name ?? ctx.t('post.formerMember');
}

export function PostList({ ctx, items, showCommunity }: { ctx: ViewContext; items: PostListItem[]; showCommunity: boolean }) {
  const { t } = ctx;
  return (
    <ul class="kp-result-list">
      {items.map((p) => (
        <li class="kp-result" key={p.id}>
          <p class="kern-body kern-body--small">
            <PostTypeLabel ctx={ctx} type={p.type} />
            {p.pinnedAt ? <> · {t('post.pinned')}</> : null}
            {p.lockedAt ? <> · {t('post.locked')}</> : null}
            {p.hiddenAt ? <> · {t('post.hidden')}</> : null}
            {p.type === 'question' ? <> · {p.acceptedReplyId ? t('post.answered') : t('post.open')}</> : null}
          </p>
          <h3 class="kern-heading-small">
            <a class="kern-link" href={`/beitraege/${p.id}`}>
              {p.title}
            </a>
          </h3>
          <p class="kern-body kern-body--small">
            {showCommunity ? (
              <>
                <a class="kern-link" href={`/communities/${p.communitySlug}`}>
                  {p.communityName}
                </a>{' '}
                ·{' '}
              </>
            ) : null}
            {authorName(ctx, p.authorName)} · {t('post.lastActivity')} <Time ctx={ctx} value={p.lastActivityAt} /> · {t('post.replies', { count: ctx.fmt.number(p.replyCount) })} ·{' '}
            {t('post.helpfulCount', { count: ctx.fmt.number(p.helpfulCount) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
