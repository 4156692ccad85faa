/** A short list of communities, for profile and organisation pages. */
import type { ViewContext } from '../../views/context.js';
import type { MessageKey } from '../../views/i18n/index.js';

export interface CommunityLink {
  slug: string;
  name: string;
  role?: 'member' | 'lead';
  people?: number;
}

export function CommunityLinks({ ctx, title, items }: { ctx: ViewContext; title: MessageKey; items: CommunityLink[] }) {
  if (items.length === 0) return null;
  const { t } = ctx;
  return (
    <section class="kp-section" aria-labelledby="communities-title">
      <h2 class="kern-heading-medium" id="communities-title">{t(title)}</h2>
      <ul class="kern-list">
        {items.map((c) => (
          <li key={c.slug}>
            <a class="kern-link" href={`/communities/${c.slug}`}>{c.name}</a>
            {c.role === 'lead' ? ` (${t('community.role.lead')})` : ''}
            {c.people !== undefined ? ` – ${t('community.peopleOfOrganisation', { count: ctx.fmt.number(c.people) })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
