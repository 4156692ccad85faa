/** The office overview and the breadcrumbs every office page shares. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { countText } from '../../views/components/list.js';

/** Start › Geschäftsstelle › … (the office link is plain text on the overview itself). */
export function officeCrumbs(ctx: ViewContext, trail: Crumb[]): Crumb[] {
  return [{ label: ctx.t('nav.home'), href: '/' }, { label: ctx.t('nav.office'), href: trail.length > 0 ? '/geschaeftsstelle' : undefined }, ...trail];
}

interface Section {
  href: string;
  title: MessageKey;
  text: MessageKey;
  status?: string;
}

export function OfficePage({ ctx, pending, openFeedback }: { ctx: ViewContext; pending: number; openFeedback: number }) {
  const { t } = ctx;
  const sections: Section[] = [
    {
      href: '/geschaeftsstelle/pruefung',
      title: 'office.section.review',
      text: 'office.section.reviewText',
      status: pending === 0 ? t('office.pending.none') : countText(ctx, pending, { one: 'office.pending.one', other: 'office.pending.other' }),
    },
    { href: '/geschaeftsstelle/nutzer', title: 'office.section.users', text: 'office.section.usersText' },
    { href: '/geschaeftsstelle/organisationen', title: 'office.section.organisations', text: 'office.section.organisationsText' },
    { href: '/geschaeftsstelle/communities', title: 'office.section.communities', text: 'office.section.communitiesText' },
    { href: '/moderation', title: 'office.section.moderation', text: 'office.section.moderationText' },
    { href: '/geschaeftsstelle/nachrichten', title: 'messages.office.section', text: 'messages.office.sectionText' },
    { href: '/geschaeftsstelle/seiten', title: 'office.section.pages', text: 'office.section.pagesText' },
    {
      href: '/geschaeftsstelle/rueckmeldungen',
      title: 'office.section.feedback',
      text: 'office.section.feedbackText',
      status: openFeedback === 0 ? t('office.openFeedback.none') : countText(ctx, openFeedback, { one: 'office.openFeedback.one', other: 'office.openFeedback.other' }),
    },
    { href: '/geschaeftsstelle/protokoll', title: 'office.section.audit', text: 'office.section.auditText' },
  ];
  return (
    <Layout ctx={ctx} title={t('office.title')} crumbs={officeCrumbs(ctx, [])}>
      <PageHeading title={t('office.title')} lead={t('office.lead')} />
      <ul class="kp-card-grid">
        {sections.map((s) => (
          <li class="kern-card" key={s.href}>
            <div class="kern-card__container">
              <div class="kern-card__header">
                <h2 class="kern-heading-small">
                  <a class="kern-link" href={s.href}>
                    {t(s.title)}
                  </a>
                </h2>
              </div>
              <div class="kern-card__body">
                <p class="kern-body">{t(s.text)}</p>
                {s.status ? <p class="kern-body kern-body--bold">{s.status}</p> : null}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
